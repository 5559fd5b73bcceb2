#include "devices/DevicePageJson.h"

#include "core/Utc.h"

#include <QDateTime>

namespace keyturn {

namespace {

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
    out->append(QDateTime::fromMSecsSinceEpoch(msecs, keyturn::utc()).toString(Qt::ISODateWithMs).toLatin1());
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
    appendString(managementAgentGraphName(r.managementAgent), out);
    appendKey("ownerType", out);
    appendString(ownershipGraphName(r.ownership), out);
    appendKey("complianceState", out);
    appendString(complianceGraphName(r.compliance), out);
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
    appendString(joinTypeGraphName(r.joinType), out);
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
