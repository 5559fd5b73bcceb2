// Device records for the actions tests, built the way Graph describes them.
#pragma once

#include "actions/DeviceDetails.h"

#include <QUuid>

namespace keyturn::test {

inline DeviceDetails makeDevice(const char *os, const char *ownership = "company", bool encrypted = true,
    bool supervised = false, const char *name = "DEV-0001")
{
    DeviceDetails d;
    d.id = QUuid::createUuidV5(QUuid(), QByteArray(name)).toString(QUuid::WithoutBraces);
    d.deviceName = QString::fromLatin1(name);
    d.operatingSystem = QString::fromLatin1(os);
    d.ownership = QString::fromLatin1(ownership);
    d.isEncrypted = encrypted;
    d.isSupervised = supervised;
    return d;
}

inline const QStringList &allScopes()
{
    static const QStringList scopes{ QStringLiteral("DeviceManagementManagedDevices.Read.All"),
        QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All"), QStringLiteral("openid"),
        QStringLiteral("profile") };
    return scopes;
}

inline const QStringList &readOnlyScopes()
{
    static const QStringList scopes{ QStringLiteral("DeviceManagementManagedDevices.Read.All"),
        QStringLiteral("openid"), QStringLiteral("profile") };
    return scopes;
}

} // namespace keyturn::test
