#include "DesktopNotifier.h"

#include "core/Logging.h"

#include <QGuiApplication>
#include <QSystemTrayIcon>

#ifdef Q_OS_LINUX
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QVariantMap>
#endif

namespace keyturn::ui {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{ }

void DesktopNotifier::notify(const QString &summary, const QString &body)
{
#ifdef Q_OS_LINUX
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("Notify"));
    const QVariantMap hints{ { QStringLiteral("desktop-entry"), QStringLiteral("keyturn") } };
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's)
    call << QStringLiteral("Keyturn") << 0U << QStringLiteral("keyturn") << summary << body << QStringList()
         << hints << -1;
    call.setAutoStartService(false);
    // Asynchronous, answer ignored: no notification service is as good as a dismissed notification.
    if (!bus.send(call))
        qCDebug(lcUi) << "desktop notification not sent:" << bus.lastError().message();
#else
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
        m_tray->show();
    }
    m_tray->showMessage(summary, body);
#endif
}

} // namespace keyturn::ui
