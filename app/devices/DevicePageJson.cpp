#include "devices/DevicePageJson.h"

#include "core/Utc.h"

#include <QDateTime>

namespace keyturn {

namespace {

void appendEscapedUtf8(QByteArrayView utf8, QByteArray *out)
{
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
}

void appendString(const QString &text, QByteArray *out)
{
    out->append('"');
    // Nearly every value is plain ASCII: copied straight across, without a UTF-8 copy of its own.
    const qsizetype start = out->size();
    out->resize(start + text.size());
    char *to = out->data() + start;
    bool plain = true;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80 || u < 0x20 || u == u'"' || u == u'\\') {
            plain = false;
            break;
        }
        *to++ = static_cast<char>(u);
    }
    if (!plain) {
        out->resize(start);
        appendEscapedUtf8(text.toUtf8(), out);
    }
    out->append('"');
}

void appendDigits(int value, int digits, char *to)
{
    for (int i = digits - 1; i >= 0; --i) {
        to[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

void appendDateTime(qint64 msecs, QByteArray *out)
{
    // 0 is Graph's "never" (year 1), which the parser reads back as 0.
    if (msecs == 0) {
        out->append("\"0001-01-01T00:00:00Z\"");
        return;
    }
    // As QDateTime::toString(Qt::ISODateWithMs) writes a UTC time ("2024-05-06T07:08:09.010Z"), by
    // hand: a list holds 200,000 of them. Days to a civil date: H. Hinnant's days_from_civil inverse.
    constexpr qint64 msPerDay = 86400000;
    const qint64 days = msecs >= 0 ? msecs / msPerDay : -((-msecs + msPerDay - 1) / msPerDay);
    const qint64 inDay = msecs - days * msPerDay;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999) {
        out->append('"');
        out->append(
            QDateTime::fromMSecsSinceEpoch(msecs, keyturn::utc()).toString(Qt::ISODateWithMs).toLatin1());
        out->append('"');
        return;
    }
    char text[] = "\"yyyy-MM-ddTHH:mm:ss.zzzZ\"";
    appendDigits(static_cast<int>(year), 4, text + 1);
    appendDigits(static_cast<int>(month), 2, text + 6);
    appendDigits(static_cast<int>(day), 2, text + 9);
    appendDigits(static_cast<int>(inDay / 3600000), 2, text + 12);
    appendDigits(static_cast<int>(inDay / 60000 % 60), 2, text + 15);
    appendDigits(static_cast<int>(inDay / 1000 % 60), 2, text + 18);
    appendDigits(static_cast<int>(inDay % 1000), 3, text + 21);
    out->append(text, sizeof(text) - 1);
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
