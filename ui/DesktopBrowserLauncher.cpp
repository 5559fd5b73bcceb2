#include "DesktopBrowserLauncher.h"

#include <QDesktopServices>
#include <QUrl>

namespace keyturn::ui {

bool DesktopBrowserLauncher::openUrl(const QUrl &url)
{
    return QDesktopServices::openUrl(url);
}

} // namespace keyturn::ui
