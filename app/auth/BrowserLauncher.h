// BrowserLauncher: how the browser sign-in opens the authorize URL. The UI implements it with
// QDesktopServices; DemoBrowserLauncher and tests replace it.
#pragma once

#include <QUrl>

namespace keyturn {

class BrowserLauncher {
public:
    virtual ~BrowserLauncher() = default;
    /// Opens url for the user; false when no browser could be started.
    virtual bool openUrl(const QUrl &url) = 0;
};

} // namespace keyturn
