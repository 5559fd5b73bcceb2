#include "devices/DeviceListPage.h"

#include "devices/JsonCursor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace keyturn {

namespace {

enum class Field {
    Id,
    DeviceName,
    OperatingSystem,
    OsVersion,
    UserPrincipalName,
    SerialNumber,
    AzureADDeviceId,
    Model,
    LastSyncDateTime,
    EnrolledDateTime,
    ManagementAgent,
    OwnerType,
    ManagedDeviceOwnerType,
    ComplianceState,
    JoinType,
    IsEncrypted,
    IsSupervised,
    Other
};

// Equality with a literal of known length: compiles to a few integer compares.
template <std::size_t N> bool is(QByteArrayView key, const char (&literal)[N])
{
    return key.size() == static_cast<qsizetype>(N - 1) && std::memcmp(key.data(), literal, N - 1) == 0;
}

Field fieldOf(QByteArrayView key)
{
    switch (key.size()) {
    case 2:
        return is(key, "id") ? Field::Id : Field::Other;
    case 5:
        return is(key, "model") ? Field::Model : Field::Other;
    case 8:
        return is(key, "joinType") ? Field::JoinType : Field::Other;
    case 9:
        return is(key, "osVersion") ? Field::OsVersion
                                    : (is(key, "ownerType") ? Field::OwnerType : Field::Other);
    case 10:
        return is(key, "deviceName") ? Field::DeviceName : Field::Other;
    case 11:
        return is(key, "isEncrypted") ? Field::IsEncrypted : Field::Other;
    case 12:
        return is(key, "serialNumber") ? Field::SerialNumber
                                       : (is(key, "isSupervised") ? Field::IsSupervised : Field::Other);
    case 15:
        if (is(key, "operatingSystem"))
            return Field::OperatingSystem;
        if (is(key, "managementAgent"))
            return Field::ManagementAgent;
        if (is(key, "complianceState"))
            return Field::ComplianceState;
        return is(key, "azureADDeviceId") ? Field::AzureADDeviceId : Field::Other;
    case 16:
        if (is(key, "lastSyncDateTime"))
            return Field::LastSyncDateTime;
        return is(key, "enrolledDateTime") ? Field::EnrolledDateTime : Field::Other;
    case 17:
        return is(key, "userPrincipalName") ? Field::UserPrincipalName : Field::Other;
    case 22:
        return is(key, "managedDeviceOwnerType") ? Field::ManagedDeviceOwnerType : Field::Other;
    default:
        return Field::Other;
    }
}

// Reads string values of one page; enum-like values are looked at in place and values repeated
// across devices (OS name, OS version, model) share one QString.
class ValueReader {
public:
    explicit ValueReader(JsonCursor &json)
        : m_json(json)
    { }

    QString shared()
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!m_json.readRawString(&raw, &escaped))
            return {};
        if (escaped || raw.size() > 64)
            return toQString(raw, escaped);
        // A few dozen distinct values per page: a small direct-mapped cache keyed by the bytes.
        std::uint32_t hash = 2166136261u;
        for (const char c : raw)
            hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        SharedText &entry = m_shared[(hash ^ (hash >> 16)) % m_shared.size()];
        if (!entry.bytes.isNull() && entry.bytes.size() == raw.size()
            && std::memcmp(entry.bytes.data(), raw.data(), static_cast<std::size_t>(raw.size())) == 0)
            return entry.text;
        entry.bytes = raw;
        entry.text = QString::fromUtf8(raw);
        return entry.text;
    }

    /// A value of its own (device names, users, serial numbers, ids): UTF-8 converted once;
    /// null when the value is not a string.
    QString text()
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!m_json.readRawString(&raw, &escaped))
            return {};
        return toQString(raw, escaped);
    }

    /// Calls f(QStringView) on the value without allocating when it is short ASCII.
    template <typename F> auto view(F f) -> decltype(f(QStringView()))
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!m_json.readRawString(&raw, &escaped))
            return f(QStringView());
        char16_t buffer[48];
        if (!escaped && raw.size() <= 48) {
            bool ascii = true;
            for (qsizetype i = 0; i < raw.size(); ++i) {
                const auto c = static_cast<unsigned char>(raw[i]);
                ascii = ascii && c < 0x80;
                buffer[i] = c;
            }
            if (ascii)
                return f(QStringView(buffer, raw.size()));
        }
        return f(toQString(raw, escaped));
    }

    /// An enum-like value: the exact spelling matched on the raw bytes when there are no escapes.
    template <typename Enum> Enum enumValue(Enum (*fromUtf8)(QByteArrayView), Enum (*fromString)(QStringView))
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!m_json.readRawString(&raw, &escaped))
            return fromString(QStringView());
        if (!escaped)
            return fromUtf8(raw);
        return fromString(toQString(raw, true));
    }

private:
    QString toQString(QByteArrayView raw, bool escaped)
    {
        if (!escaped)
            return QString::fromUtf8(raw);
        QString decoded;
        m_json.decode(raw, &decoded);
        return decoded;
    }

    JsonCursor &m_json;
    struct SharedText {
        QByteArrayView bytes; // a view into the page body
        QString text;
    };
    std::array<SharedText, 256> m_shared;
};

// One managedDevice object (the cursor is at its '{'); fields not in DeviceRecord are skipped.
bool readDevice(JsonCursor &json, ValueReader &values, DeviceRecord *r)
{
    using O = DeviceRecord::Ownership;
    O ownerType = O::Unknown, managedDeviceOwnerType = O::Unknown;
    json.beginObject();
    QByteArrayView key;
    while (json.nextKey(&key)) {
        switch (fieldOf(key)) {
        case Field::Id:
            r->id = values.text();
            break;
        case Field::DeviceName:
            r->deviceName = values.text();
            break;
        case Field::OperatingSystem:
            r->operatingSystem = values.shared();
            break;
        case Field::OsVersion:
            r->osVersion = values.shared();
            break;
        case Field::UserPrincipalName:
            r->userPrincipalName = values.text();
            break;
        case Field::SerialNumber:
            r->serialNumber = values.text();
            break;
        case Field::AzureADDeviceId:
            r->azureADDeviceId = values.text();
            break;
        case Field::Model:
            r->model = values.shared();
            break;
        case Field::LastSyncDateTime:
            r->lastSyncMsecs = values.view([](QStringView v) { return parseGraphDateTimeMsecs(v); });
            break;
        case Field::EnrolledDateTime:
            r->enrolledMsecs = values.view([](QStringView v) { return parseGraphDateTimeMsecs(v); });
            break;
        case Field::ManagementAgent:
            r->managementAgent = values.enumValue(&managementAgentFromUtf8, &managementAgentFromString);
            break;
        case Field::OwnerType:
            ownerType = values.enumValue(&ownershipFromUtf8, &ownershipFromString);
            break;
        case Field::ManagedDeviceOwnerType:
            managedDeviceOwnerType = values.enumValue(&ownershipFromUtf8, &ownershipFromString);
            break;
        case Field::ComplianceState:
            r->compliance = values.enumValue(&complianceFromUtf8, &complianceFromString);
            break;
        case Field::JoinType:
            r->joinType = values.enumValue(&joinTypeFromUtf8, &joinTypeFromString);
            break;
        case Field::IsEncrypted:
            r->isEncrypted = json.boolOrFalse();
            break;
        case Field::IsSupervised:
            r->isSupervised = json.boolOrFalse();
            break;
        case Field::Other:
            json.skipValue();
            break;
        }
    }
    if (json.failed())
        return false;
    r->ownership = ownerType != O::Unknown ? ownerType : managedDeviceOwnerType;
    r->platform = platformFromOperatingSystem(r->operatingSystem);
    return true;
}

} // namespace

QString deviceListSelect()
{
    return QStringLiteral(
        "id,deviceName,managementAgent,ownerType,managedDeviceOwnerType,complianceState,"
        "operatingSystem,osVersion,userPrincipalName,serialNumber,lastSyncDateTime,isEncrypted,"
        "isSupervised,joinType,azureADDeviceId,model,enrolledDateTime");
}

DevicePage parseDevicePage(const QByteArray &body)
{
    // A pull parse straight into records: a DOM of 1,000 devices costs several times the work.
    DevicePage page;
    JsonCursor json(body);
    ValueReader values(json);
    std::vector<DeviceRecord> records;
    bool sawValue = false;
    const auto invalid = [&json, &page] {
        page.error = QCoreApplication::translate(
            "DeviceListPage", "The device list page is not valid JSON (%1 at %2).")
                         .arg(json.error())
                         .arg(json.offset());
        return page;
    };
    if (!json.beginObject())
        return invalid();
    QByteArrayView key;
    while (json.nextKey(&key)) {
        if (key == "value") {
            if (json.peek() != JsonCursor::Type::Array) {
                json.skipValue();
                sawValue = false;
                continue;
            }
            sawValue = true;
            records.clear();
            json.beginArray();
            records.reserve(1000);
            while (json.nextElement()) {
                if (json.peek() != JsonCursor::Type::Object) {
                    json.skipValue(); // not a device
                    continue;
                }
                DeviceRecord r;
                if (!readDevice(json, values, &r))
                    break;
                if (!r.id.isEmpty()) // nothing can act on a row without an id
                    records.push_back(std::move(r));
            }
        } else if (key == "@odata.nextLink") {
            const QString next = json.stringOrEmpty();
            page.nextLink = next.isEmpty() ? QUrl() : QUrl(next, QUrl::StrictMode);
        } else if (key == "@odata.count") {
            double count = 0;
            // Guarded: casting an out-of-range double (1e300) is undefined; no usable count then.
            if (json.readNumber(&count) && std::abs(count) < 9.0e18)
                page.count = static_cast<qint64>(count);
            else
                page.count.reset();
        } else {
            json.skipValue();
        }
    }
    if (!json.expectEnd())
        return invalid();
    if (!sawValue) {
        page.error
            = QCoreApplication::translate("DeviceListPage", "The device list page has no \"value\" array.");
        page.nextLink.clear();
        page.count.reset();
        return page;
    }
    page.records = std::move(records);
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
