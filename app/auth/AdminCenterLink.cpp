#include "auth/AdminCenterLink.h"

#include <QRegularExpression>
#include <QUuid>

namespace keyturn {

namespace {

bool isGuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// A tenant as the admin center accepts it in its path: its id, or one of its domain names.
bool isTenant(const QString &tenant)
{
    static const QRegularExpression domain(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                       "[A-Za-z0-9])?)+$"));
    return isGuid(tenant) || domain.match(tenant).hasMatch();
}

} // namespace

QUrl intuneDeviceOverviewUrl(Cloud cloud, const QString &intuneDeviceId, const QString &tenantId)
{
    if (!isGuid(intuneDeviceId) || (!tenantId.isEmpty() && !isTenant(tenantId)))
        return {};
    QUrl url = intuneAdminCenterRoot(cloud);
    url.setPath(tenantId.isEmpty() ? QStringLiteral("/") : QStringLiteral("/%1/").arg(tenantId));
    url.setFragment(
        QStringLiteral("view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/")
        + intuneDeviceId);
    return url;
}

} // namespace keyturn
