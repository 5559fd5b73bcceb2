// FakeNotificationService: a stand-in desktop notification server for tests. It claims
// org.freedesktop.Notifications on the test's private session bus (its own connection) and keeps
// every Notify call it receives, so a test can assert the summary and body a person would see.
#pragma once

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace keyturn::test {

struct ReceivedNotification {
    QString appName, summary, body;
};

class FakeNotificationService final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    FakeNotificationService();
    ~FakeNotificationService() override;

    /// Takes the service name on the session bus; false (see error()) when there is no bus.
    bool registerOnSessionBus();
    QString error() const { return m_error; }
    QList<ReceivedNotification> received() const { return m_received; }

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout);
    QStringList GetCapabilities() const { return { QStringLiteral("body") }; }

private:
    QDBusConnection m_connection;
    QString m_error;
    QList<ReceivedNotification> m_received;
};

} // namespace keyturn::test
