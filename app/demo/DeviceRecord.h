// DeviceRecord: one generated managed device, compact (strings as UTF-8 bytes, enums as static
// strings) so 100,000 of them generate fast and serialize straight into JSON.
#pragma once

#include <QByteArray>

namespace keyturn::demo {

enum class Platform : quint8 { Windows, MacOS, IOS, IPadOS, Android };

struct DeviceUser {
    QByteArray id;
    QByteArray upn;
    QByteArray displayName;
};

struct DeviceRecord {
    QByteArray id;
    QByteArray deviceName;
    QByteArray osVersion;
    QByteArray model;
    QByteArray manufacturer;
    QByteArray serialNumber;
    QByteArray imei;
    QByteArray wiFiMacAddress;
    QByteArray azureADDeviceId;
    const char *operatingSystem = "";
    const char *complianceState = "compliant";
    const char *managementAgent = "mdm";
    const char *deviceEnrollmentType = "unknown";
    const char *joinType = "unknown";
    const char *processorArchitecture = "unknown";
    const char *chassisType = "unknown";
    const char *deviceType = "unknown";
    qint64 enrolledMs = 0;
    qint64 lastSyncMs = 0;
    qint64 totalStorageBytes = 0;
    qint64 freeStorageBytes = 0;
    qint64 physicalMemoryBytes = 0;
    int userIndex = -1; ///< into the generated users; -1 = no primary user
    Platform platform = Platform::Windows;
    bool company = true;
    bool encrypted = false;
    bool fileVaultKeyEscrowed = false; ///< internal: the Mac has a personal recovery key in Intune
    bool supervised = false;
    bool autopilotEnrolled = false;

    const char *ownerType() const { return company ? "company" : "personal"; }
};

} // namespace keyturn::demo
