// DeviceId: the one check a device id passes before it becomes part of a Graph request path.
// Intune managed device ids are GUIDs ("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e"); anything else
// ("../../me", "x?$filter=", "%2e%2e", even "me") is refused rather than escaped, so a device
// record can never steer a GET or a POST to another resource.
#pragma once

#include <QString>

namespace keyturn {

/// True for a bare GUID in 8-4-4-4-12 hex form (any case, no braces).
bool isIntuneDeviceId(const QString &id);
/// GraphError::code of the error reported instead of a request for such an id.
inline QString invalidDeviceIdCode()
{
    return QStringLiteral("InvalidDeviceId");
}
/// The translated sentence shown when an id is refused.
QString invalidDeviceIdMessage(const QString &id);

} // namespace keyturn
