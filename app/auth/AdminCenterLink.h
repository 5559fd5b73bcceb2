// AdminCenterLink: the address of one managed device's overview page in the cloud's Microsoft
// Intune admin center, as the admin center itself links to it. Pure function; no I/O.
#pragma once

#include "auth/CloudConfig.h"

#include <QString>
#include <QUrl>

namespace keyturn {

/// {admin center}/{tenantId}/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/
/// mdmDeviceId/{intuneDeviceId}; without "/{tenantId}" when tenantId is empty. Invalid (empty)
/// when intuneDeviceId is not a GUID or tenantId is neither a GUID nor a domain name.
QUrl intuneDeviceOverviewUrl(Cloud cloud, const QString &intuneDeviceId, const QString &tenantId = {});

} // namespace keyturn
