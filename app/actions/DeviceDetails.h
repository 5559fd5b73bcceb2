// DeviceDetails: one managed device as the single-device GET (managedDevices/{id}) returns it,
// including deviceActionResults. parseDeviceDetails() is pure: bytes in, a value (or an error) out.
// Platform and dates are read with the device list's vocabulary (DeviceVocabulary).
#pragma once

#include "devices/DeviceVocabulary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace keyturn {

/// One entry of deviceActionResults. actionState is Graph's enum text (none, pending, canceled,
/// active, done, failed, notSupported); typed results (e.g. rotateBitLockerKeysDeviceActionResult)
/// keep their @odata.type and, when present, errorCode.
struct DeviceActionResult {
    QString actionName;
    QString actionState;
    QDateTime started, lastUpdated; ///< invalid when absent or never set (0001-01-01)
    QString odataType;
    std::optional<int> errorCode;

    /// pending or active: Intune has not reported an outcome yet.
    bool isInProgress() const;
    bool operator==(const DeviceActionResult &) const = default;
};

struct DeviceDetails {
    QString id, deviceName, serialNumber, model, manufacturer, operatingSystem, osVersion;
    QString ownership; ///< "company" / "personal" / "unknown" (managedDeviceOwnerType, fallback ownerType)
    QString complianceState;
    bool isEncrypted = false;
    bool isSupervised = false;
    QString userPrincipalName, userDisplayName;
    QDateTime enrolled, lastSync; ///< invalid when never set (Graph sends 0001-01-01T00:00:00Z)
    QString azureADDeviceId;
    QString managementAgent;
    QString joinType;
    QList<DeviceActionResult> actionResults;

    /// The platform operatingSystem names, read as the device list reads it (DeviceVocabulary).
    DeviceRecord::Platform platform() const { return platformFromOperatingSystem(operatingSystem); }
    bool isMac() const { return platform() == DeviceRecord::Platform::MacOS; }
    bool isWindows() const { return platform() == DeviceRecord::Platform::Windows; } ///< any edition
    bool isIOS() const; ///< iOS or iPadOS
    bool isAndroid() const { return platform() == DeviceRecord::Platform::Android; } ///< incl. Enterprise
    bool isCompanyOwned() const { return ownership == QLatin1String("company"); }
    bool isPersonal() const { return ownership == QLatin1String("personal"); }

    /// The newest result for actionName (by start time), or nullptr.
    const DeviceActionResult *actionResult(const QString &actionName) const;
    /// True while any action result is pending or active.
    bool hasActionInProgress() const;

    bool operator==(const DeviceDetails &) const = default;
};

/// Parses the body of GET deviceManagement/managedDevices/{id}. On failure returns nullopt and
/// sets *error (when given) to a short technical reason (not for end users' eyes alone).
std::optional<DeviceDetails> parseDeviceDetails(const QByteArray &json, QString *error = nullptr);
/// The same from an already parsed object (list pages, tests).
DeviceDetails deviceDetailsFromJson(const QJsonObject &object);

} // namespace keyturn
