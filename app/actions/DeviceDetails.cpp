#include "actions/DeviceDetails.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace keyturn {

namespace {

QString str(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString();
}

QString normalisedOwnership(const QJsonObject &o)
{
    // managedDeviceOwnerType is the current property; ownerType is its older twin. Either may be
    // missing from a $select or read "unknown" while the other is set.
    for (const auto key : { QLatin1String("managedDeviceOwnerType"), QLatin1String("ownerType") }) {
        const QString value = str(o, key).toLower();
        if (value == QLatin1String("company") || value == QLatin1String("personal"))
            return value;
    }
    return QStringLiteral("unknown");
}

DeviceActionResult actionResultFromJson(const QJsonObject &o)
{
    DeviceActionResult r;
    r.actionName = str(o, QLatin1String("actionName"));
    r.actionState = str(o, QLatin1String("actionState"));
    r.started = parseGraphDateTime(str(o, QLatin1String("startDateTime")));
    r.lastUpdated = parseGraphDateTime(str(o, QLatin1String("lastUpdatedDateTime")));
    r.odataType = str(o, QLatin1String("@odata.type"));
    const QJsonValue errorCode = o.value(QLatin1String("errorCode"));
    if (errorCode.isDouble())
        r.errorCode = errorCode.toInt();
    return r;
}

} // namespace

bool DeviceActionResult::isInProgress() const
{
    return actionState.compare(QLatin1String("pending"), Qt::CaseInsensitive) == 0
        || actionState.compare(QLatin1String("active"), Qt::CaseInsensitive) == 0;
}

bool DeviceDetails::isIOS() const
{
    const DeviceRecord::Platform p = platform();
    return p == DeviceRecord::Platform::IOS || p == DeviceRecord::Platform::IPadOS;
}

const DeviceActionResult *DeviceDetails::actionResult(const QString &actionName) const
{
    const DeviceActionResult *best = nullptr;
    for (const DeviceActionResult &r : actionResults) {
        if (r.actionName.compare(actionName, Qt::CaseInsensitive) != 0)
            continue;
        if (!best || (r.started.isValid() && (!best->started.isValid() || r.started >= best->started)))
            best = &r;
    }
    return best;
}

bool DeviceDetails::hasActionInProgress() const
{
    return std::any_of(actionResults.cbegin(), actionResults.cend(),
        [](const DeviceActionResult &r) { return r.isInProgress(); });
}

DeviceDetails deviceDetailsFromJson(const QJsonObject &o)
{
    DeviceDetails d;
    d.id = str(o, QLatin1String("id"));
    d.deviceName = str(o, QLatin1String("deviceName"));
    d.serialNumber = str(o, QLatin1String("serialNumber"));
    d.model = str(o, QLatin1String("model"));
    d.manufacturer = str(o, QLatin1String("manufacturer"));
    d.operatingSystem = str(o, QLatin1String("operatingSystem"));
    d.osVersion = str(o, QLatin1String("osVersion"));
    d.ownership = normalisedOwnership(o);
    d.complianceState = str(o, QLatin1String("complianceState"));
    d.isEncrypted = o.value(QLatin1String("isEncrypted")).toBool();
    d.isSupervised = o.value(QLatin1String("isSupervised")).toBool();
    d.userPrincipalName = str(o, QLatin1String("userPrincipalName"));
    d.userDisplayName = str(o, QLatin1String("userDisplayName"));
    d.enrolled = parseGraphDateTime(str(o, QLatin1String("enrolledDateTime")));
    d.lastSync = parseGraphDateTime(str(o, QLatin1String("lastSyncDateTime")));
    d.azureADDeviceId = str(o, QLatin1String("azureADDeviceId"));
    d.managementAgent = str(o, QLatin1String("managementAgent"));
    d.joinType = str(o, QLatin1String("joinType"));
    const QJsonArray results = o.value(QLatin1String("deviceActionResults")).toArray();
    d.actionResults.reserve(results.size());
    for (const QJsonValue &v : results) {
        if (v.isObject())
            d.actionResults.append(actionResultFromJson(v.toObject()));
    }
    return d;
}

std::optional<DeviceDetails> parseDeviceDetails(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    auto fail = [error](const QString &why) -> std::optional<DeviceDetails> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("Device details are not valid JSON (%1 at offset %2).")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!doc.isObject())
        return fail(QStringLiteral("Device details are not a JSON object."));
    const QJsonObject object = doc.object();
    if (object.contains(QLatin1String("error")))
        return fail(QStringLiteral("The response is a Graph error, not a device."));
    if (object.value(QLatin1String("id")).toString().isEmpty())
        return fail(QStringLiteral("Device details have no id."));
    return deviceDetailsFromJson(object);
}

} // namespace keyturn
