// DesktopNotifier: shows a desktop notification (summary and body) through the desktop's
// notification service: on Linux the freedesktop org.freedesktop.Notifications D-Bus interface,
// elsewhere the system tray's message when a tray is available. A missing service is not an
// error: the notification is simply not shown (the main window's banner still says it).
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace keyturn::ui {

class DesktopNotifier final : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    /// Fire and forget: never blocks, never reports a failure.
    void notify(const QString &summary, const QString &body);

#ifndef Q_OS_LINUX
private:
    QSystemTrayIcon *m_tray = nullptr; // platforms without the D-Bus service, created on first use
#endif
};

} // namespace keyturn::ui
