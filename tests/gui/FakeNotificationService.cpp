#include "FakeNotificationService.h"

#include <QDBusConnectionInterface>
#include <QDBusError>

namespace keyturn::test {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kConnectionName = QStringLiteral("keyturn-test-notifications");
} // namespace

FakeNotificationService::FakeNotificationService()
    : m_connection(QDBusConnection::connectToBus(QDBusConnection::SessionBus, kConnectionName))
{ }

FakeNotificationService::~FakeNotificationService()
{
    m_connection.unregisterObject(kPath);
    m_connection.unregisterService(kService);
    QDBusConnection::disconnectFromBus(kConnectionName);
}

bool FakeNotificationService::registerOnSessionBus()
{
    if (!m_connection.isConnected()) {
        m_error = QStringLiteral("no session bus: %1").arg(m_connection.lastError().message());
        return false;
    }
    if (!m_connection.registerObject(kPath, this, QDBusConnection::ExportAllSlots)) {
        m_error = QStringLiteral("cannot register the object: %1").arg(m_connection.lastError().message());
        return false;
    }
    if (!m_connection.registerService(kService)) {
        m_error = QStringLiteral("cannot own %1: %2").arg(kService, m_connection.lastError().message());
        return false;
    }
    return true;
}

uint FakeNotificationService::Notify(const QString &appName, uint replacesId, const QString &appIcon,
    const QString &summary, const QString &body, const QStringList &actions, const QVariantMap &hints,
    int expireTimeout)
{
    Q_UNUSED(replacesId)
    Q_UNUSED(appIcon)
    Q_UNUSED(actions)
    Q_UNUSED(hints)
    Q_UNUSED(expireTimeout)
    m_received.append({ appName, summary, body });
    return static_cast<uint>(m_received.size());
}

} // namespace keyturn::test
