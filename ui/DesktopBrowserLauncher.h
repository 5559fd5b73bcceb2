// DesktopBrowserLauncher: opens the sign-in page in the user's default browser (QDesktopServices).
#pragma once

#include "auth/BrowserLauncher.h"

namespace keyturn::ui {

class DesktopBrowserLauncher final : public keyturn::BrowserLauncher {
public:
    bool openUrl(const QUrl &url) override;
};

} // namespace keyturn::ui
