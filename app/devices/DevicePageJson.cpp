#include "devices/DevicePageJson.h"

#include <QDateTime>

#include <array>

namespace keyturn {

namespace {

// Graph's spellings of the enum values (what the list parser maps back), in enum order.
constexpr std::array<const char *, 13> kManagementAgents{ "unknown", "eas", "mdm", "easMdm", "intuneClient",
    "easIntuneClient", "configurationManagerClient", "configurationManagerClientMdm",
    "configurationManagerClientMdmEas", "jamf", "googleCloudDevicePolicyController", "microsoft365ManagedMdm",
    "windowsManagementCloudApi" };
constexpr std::array<const char *, 3> kOwnerships{ "unknown", "company", "personal" };
constexpr std::array<const char *, 7> kCompliances{ "unknown", "compliant", "noncompliant", "conflict",
    "error", "inGracePeriod", "configManager" };
constexpr std::array<const char *, 4> kJoinTypes{ "unknown", "azureADJoined", "azureADRegistered",
    "hybridAzureADJoined" };

template <std::size_t N, typename Enum>
const char *nameOf(const std::array<const char *, N> &names, Enum value)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : names[0];
}

void appendString(const QString &text, QByteArray *out)
{
    out->append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out->append('\\');
            out->append(c);
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out->append("\\u00");
            out->append(hex[u >> 4]);
            out->append(hex[u & 0xf]);
        } else {
            out->append(c);
        }
    }
    out->append('"');
}

void appendDateTime(qint64 msecs, QByteArray *out)
{
    // 0 is Graph's "never" (year 1), which the parser reads back as 0.
    if (msecs == 0) {
        out->append("\"0001-01-01T00:00:00Z\"");
        return;
    }
    out->append('"');
    out->append(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1());
    out->append('"');
}

void appendKey(const char *key, QByteArray *out)
{
    out->append(",\"");
    out->append(key);
    out->append("\":");
}

void appendDevice(const DeviceRecord &r, QByteArray *out)
{
    out->append("{\"id\":");
    appendString(r.id, out);
    appendKey("deviceName", out);
    appendString(r.deviceName, out);
    appendKey("managementAgent", out);
    appendString(QLatin1String(nameOf(kManagementAgents, r.managementAgent)), out);
    appendKey("ownerType", out);
    appendString(QLatin1String(nameOf(kOwnerships, r.ownership)), out);
    appendKey("complianceState", out);
    appendString(QLatin1String(nameOf(kCompliances, r.compliance)), out);
    appendKey("operatingSystem", out);
    appendString(r.operatingSystem, out);
    appendKey("osVersion", out);
    appendString(r.osVersion, out);
    appendKey("userPrincipalName", out);
    appendString(r.userPrincipalName, out);
    appendKey("serialNumber", out);
    appendString(r.serialNumber, out);
    appendKey("lastSyncDateTime", out);
    appendDateTime(r.lastSyncMsecs, out);
    appendKey("isEncrypted", out);
    out->append(r.isEncrypted ? "true" : "false");
    appendKey("isSupervised", out);
    out->append(r.isSupervised ? "true" : "false");
    appendKey("joinType", out);
    appendString(QLatin1String(nameOf(kJoinTypes, r.joinType)), out);
    appendKey("azureADDeviceId", out);
    appendString(r.azureADDeviceId, out);
    appendKey("model", out);
    appendString(r.model, out);
    appendKey("enrolledDateTime", out);
    appendDateTime(r.enrolledMsecs, out);
    out->append('}');
}

} // namespace

void appendDevicePageJson(const DeviceRecord *first, std::size_t count, QByteArray *out)
{
    out->append("{\"value\":[");
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out->append(',');
        appendDevice(first[i], out);
    }
    out->append("]}");
}

} // namespace keyturn
