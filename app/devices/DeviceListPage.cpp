#include "devices/DeviceListPage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstring>

namespace keyturn {

namespace {

// Howard Hinnant's days_from_civil: days since 1970-01-01 for a proleptic Gregorian date.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

bool digits(QStringView s, qsizetype pos, qsizetype n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (qsizetype i = pos; i < pos + n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    out = v;
    return true;
}

QString str(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString();
}

} // namespace

QString deviceListSelect()
{
    return QStringLiteral(
        "id,deviceName,managementAgent,ownerType,managedDeviceOwnerType,complianceState,"
        "operatingSystem,osVersion,userPrincipalName,serialNumber,lastSyncDateTime,isEncrypted,"
        "isSupervised,joinType,azureADDeviceId");
}

qint64 parseGraphDateTimeMsecs(QStringView s)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != u'-' || !digits(s, 5, 2, month) || s[7] != u'-'
        || !digits(s, 8, 2, day) || (s[10] != u'T' && s[10] != u' ') || !digits(s, 11, 2, hour)
        || s[13] != u':' || !digits(s, 14, 2, minute) || s[16] != u':' || !digits(s, 17, 2, second))
        return 0;
    if (year <= 1 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 60)
        return 0;
    qsizetype pos = 19;
    int msecs = 0;
    if (pos < s.size() && s[pos] == u'.') {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            msecs += (s[pos].unicode() - u'0') * scale;
            scale /= 10;
            ++pos;
        }
    }
    qint64 offsetSecs = 0;
    if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || !digits(s, pos + 4, 2, om))
            return 0;
        offsetSecs = (oh * 3600 + om * 60) * (s[pos] == u'+' ? 1 : -1);
    }
    const qint64 days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSecs;
    return secs * 1000 + msecs;
}

DevicePage parseDevicePage(const QByteArray &body)
{
    DevicePage page;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        page.error = QCoreApplication::translate(
            "DeviceListPage", "The device list page is not valid JSON (%1 at %2).")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return page;
    }
    const QJsonObject root = doc.object();
    const QJsonValue value = root.value(QLatin1String("value"));
    if (!value.isArray()) {
        page.error
            = QCoreApplication::translate("DeviceListPage", "The device list page has no \"value\" array.");
        return page;
    }
    const QString next = root.value(QLatin1String("@odata.nextLink")).toString();
    if (!next.isEmpty())
        page.nextLink = QUrl(next, QUrl::StrictMode);
    const QJsonValue count = root.value(QLatin1String("@odata.count"));
    if (count.isDouble())
        page.count = static_cast<qint64>(count.toDouble());

    const QJsonArray items = value.toArray();
    page.records.reserve(static_cast<std::size_t>(items.size()));
    for (const QJsonValue item : items) {
        const QJsonObject o = item.toObject();
        DeviceRecord r;
        r.id = str(o, QLatin1String("id"));
        if (r.id.isEmpty())
            continue; // not a device; nothing can act on a row without an id
        r.deviceName = str(o, QLatin1String("deviceName"));
        r.operatingSystem = str(o, QLatin1String("operatingSystem"));
        r.osVersion = str(o, QLatin1String("osVersion"));
        r.userPrincipalName = str(o, QLatin1String("userPrincipalName"));
        r.serialNumber = str(o, QLatin1String("serialNumber"));
        r.azureADDeviceId = str(o, QLatin1String("azureADDeviceId"));
        r.lastSyncMsecs = parseGraphDateTimeMsecs(str(o, QLatin1String("lastSyncDateTime")));
        r.managementAgent = managementAgentFromString(str(o, QLatin1String("managementAgent")));
        r.ownership = ownershipFromString(str(o, QLatin1String("ownerType")));
        if (r.ownership == DeviceRecord::Ownership::Unknown)
            r.ownership = ownershipFromString(str(o, QLatin1String("managedDeviceOwnerType")));
        r.compliance = complianceFromString(str(o, QLatin1String("complianceState")));
        r.joinType = joinTypeFromString(str(o, QLatin1String("joinType")));
        r.platform = platformFromOperatingSystem(r.operatingSystem);
        r.isEncrypted = o.value(QLatin1String("isEncrypted")).toBool();
        r.isSupervised = o.value(QLatin1String("isSupervised")).toBool();
        r.updateSearchKey();
        page.records.push_back(std::move(r));
    }
    return page;
}

QUrl findNextLink(const QByteArray &body)
{
    static constexpr char key[] = "\"@odata.nextLink\"";
    const qsizetype at = body.indexOf(key);
    if (at < 0)
        return {};
    qsizetype pos = at + static_cast<qsizetype>(std::strlen(key));
    const auto skipSpace = [&] {
        while (pos < body.size()
            && (body[pos] == ' ' || body[pos] == '\n' || body[pos] == '\r' || body[pos] == '\t'))
            ++pos;
    };
    skipSpace();
    if (pos >= body.size() || body[pos] != ':')
        return {};
    ++pos;
    skipSpace();
    if (pos >= body.size() || body[pos] != '"')
        return {};
    const qsizetype start = pos;
    ++pos;
    bool escaped = false;
    while (pos < body.size() && body[pos] != '"') {
        if (body[pos] == '\\') {
            escaped = true;
            ++pos;
        }
        ++pos;
    }
    if (pos >= body.size())
        return {};
    const QByteArray raw = body.mid(start, pos - start + 1); // with quotes
    QString link;
    if (!escaped) {
        link = QString::fromUtf8(raw.mid(1, raw.size() - 2));
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + raw + QByteArray("]"));
        link = doc.array().at(0).toString();
    }
    return link.isEmpty() ? QUrl() : QUrl(link, QUrl::StrictMode);
}

} // namespace keyturn
