#include "devices/PartitionMemory.h"

#include <QSettings>

#include <memory>

namespace keyturn {

namespace {
constexpr qint64 kRememberMsecs = 7LL * 24 * 3600 * 1000;

QString keyFor(const QString &tenant)
{
    // Tenant ids are GUIDs; anything else is kept from reaching the settings' key syntax.
    QString safe = tenant;
    for (QChar &c : safe) {
        if (!c.isLetterOrNumber() && c != u'-')
            c = u'_';
    }
    return QStringLiteral("devices/partitionsDidNotHold/") + safe;
}

} // namespace

bool PartitionMemory::didNotHold(const QString &tenant, qint64 nowMsecs) const
{
    if (tenant.isEmpty())
        return false;
    std::unique_ptr<QSettings> own;
    QSettings &settings = m_settings ? *m_settings : *(own = std::make_unique<QSettings>());
    bool ok = false;
    const qint64 when = settings.value(keyFor(tenant)).toLongLong(&ok);
    return ok && when <= nowMsecs && nowMsecs - when < kRememberMsecs;
}

void PartitionMemory::rememberDidNotHold(const QString &tenant, qint64 nowMsecs)
{
    if (tenant.isEmpty())
        return;
    std::unique_ptr<QSettings> own;
    QSettings &settings = m_settings ? *m_settings : *(own = std::make_unique<QSettings>());
    settings.setValue(keyFor(tenant), nowMsecs);
}

} // namespace keyturn
