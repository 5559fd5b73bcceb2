// DeviceRecord: the compact, value-type form of one managed device in the list (no QJsonObject):
// the columns of All devices plus what action applicability needs. Enums are uint8 so 100,000
// records stay small.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace keyturn {

struct DeviceRecord {
    /// Graph's managementAgentType, in schema order.
    enum class ManagementAgent : std::uint8_t {
        Unknown,
        Eas,
        Mdm,
        EasMdm,
        IntuneClient,
        EasIntuneClient,
        ConfigurationManagerClient,
        ConfigurationManagerClientMdm,
        ConfigurationManagerClientMdmEas,
        Jamf,
        GoogleCloudDevicePolicyController,
        Microsoft365ManagedMdm,
        WindowsManagementCloudApi,
    };
    enum class Ownership : std::uint8_t { Unknown, Company, Personal };
    /// Graph's complianceState, in schema order.
    enum class Compliance : std::uint8_t {
        Unknown,
        Compliant,
        Noncompliant,
        Conflict,
        Error,
        InGracePeriod,
        ConfigManager
    };
    enum class Platform : std::uint8_t { Other, Windows, MacOS, IOS, IPadOS, Android, Linux };
    enum class JoinType : std::uint8_t { Unknown, AzureADJoined, AzureADRegistered, HybridAzureADJoined };

    QString id;
    QString deviceName;
    QString operatingSystem; ///< as Graph sends it ("macOS", "Windows", "iPadOS", ...)
    QString osVersion;
    QString userPrincipalName; ///< "" for a device without a primary user
    QString serialNumber;
    QString azureADDeviceId;
    QString model; ///< hardware model ("MacBook Pro"); shared between devices of one page
    qint64 lastSyncMsecs = 0; ///< msecs since the epoch, UTC; 0 = never (Graph's 0001-01-01)
    qint64 enrolledMsecs = 0; ///< enrolledDateTime, as lastSyncMsecs; 0 = not known
    ManagementAgent managementAgent = ManagementAgent::Unknown;
    Ownership ownership = Ownership::Unknown;
    Compliance compliance = Compliance::Unknown;
    Platform platform = Platform::Other;
    JoinType joinType = JoinType::Unknown;
    bool isEncrypted = false;
    bool isSupervised = false;
};

// Graph's string values <-> enums (unknown strings map to the Unknown/Other value).
DeviceRecord::ManagementAgent managementAgentFromString(QStringView value);
DeviceRecord::Ownership ownershipFromString(QStringView value);
DeviceRecord::Compliance complianceFromString(QStringView value);
DeviceRecord::JoinType joinTypeFromString(QStringView value);
// The same from raw UTF-8 (the list parser's fast path).
DeviceRecord::ManagementAgent managementAgentFromUtf8(QByteArrayView value);
DeviceRecord::Ownership ownershipFromUtf8(QByteArrayView value);
DeviceRecord::Compliance complianceFromUtf8(QByteArrayView value);
DeviceRecord::JoinType joinTypeFromUtf8(QByteArrayView value);
// And back: Graph's spelling of each value (what the list cache writes for the parser to read).
QLatin1String managementAgentGraphName(DeviceRecord::ManagementAgent value);
QLatin1String ownershipGraphName(DeviceRecord::Ownership value);
QLatin1String complianceGraphName(DeviceRecord::Compliance value);
QLatin1String joinTypeGraphName(DeviceRecord::JoinType value);

/// Translated texts as the admin center shows them ("Intune", "Co-managed", "Corporate", ...).
QString managedByText(DeviceRecord::ManagementAgent agent);
QString ownershipText(DeviceRecord::Ownership ownership);
QString complianceText(DeviceRecord::Compliance compliance);

} // namespace keyturn
