#include "demo/DeviceSerializer.h"

#include "core/Utc.h"
#include "demo/DemoEncoding.h"

#include <array>

namespace keyturn::demo {

namespace {

struct Ctx {
    const DeviceRecord &d;
    const DeviceUser *user;
    bool detail;
    QByteArray actions; ///< detail only: the rendered deviceActionResults array
};

using Writer = void (*)(QByteArray &, const Ctx &);

void str(QByteArray &o, const QByteArray &v)
{
    appendJsonString(o, v);
}
void lit(QByteArray &o, const char *v)
{
    o.append(v);
}
void boolean(QByteArray &o, bool v)
{
    o.append(v ? "true" : "false");
}
void num(QByteArray &o, qint64 v)
{
    o.append(QByteArray::number(v));
}
void date(QByteArray &o, qint64 ms)
{
    o.append('"').append(isoDate(ms)).append('"');
}
void never(QByteArray &o)
{
    o.append('"').append(kNeverSetDate).append('"');
}
void enumStr(QByteArray &o, const char *v)
{
    o.append('"').append(v).append('"');
}

QByteArray osBuild(const DeviceRecord &d)
{
    return d.platform == Platform::Windows ? d.osVersion : QByteArray();
}

void hardware(QByteArray &o, const Ctx &c)
{
    const DeviceRecord &d = c.d;
    const bool full = c.detail && (d.platform == Platform::Windows || d.platform == Platform::MacOS);
    const auto optStr = [&](const QByteArray &v) {
        if (full && !v.isEmpty())
            str(o, v);
        else
            o.append("null");
    };
    o.append("{\"serialNumber\":");
    optStr(d.serialNumber);
    o.append(",\"totalStorageSpace\":");
    num(o, full ? d.totalStorageBytes : 0);
    o.append(",\"freeStorageSpace\":");
    num(o, full ? d.freeStorageBytes : 0);
    o.append(",\"imei\":null,\"meid\":null,\"manufacturer\":");
    optStr(d.manufacturer);
    o.append(",\"model\":");
    optStr(d.model);
    o.append(",\"phoneNumber\":null,\"subscriberCarrier\":null,\"cellularTechnology\":null,\"wifiMac\":");
    optStr(d.wiFiMacAddress);
    o.append(",\"operatingSystemLanguage\":");
    optStr(QByteArray("en-US"));
    o.append(",\"isSupervised\":");
    boolean(o, full && d.supervised);
    o.append(",\"isEncrypted\":");
    boolean(o, full && d.encrypted);
    o.append(",\"batterySerialNumber\":null,\"batteryHealthPercentage\":");
    num(o, full && d.chassisType[0] == 'l' ? 80 + (d.id.at(0) % 20) : 0);
    o.append(",\"batteryChargeCycles\":");
    num(o, full && d.chassisType[0] == 'l' ? 40 + (d.id.at(1) % 200) : 0);
    o.append(",\"isSharedDevice\":false,\"tpmSpecificationVersion\":");
    optStr(d.platform == Platform::Windows ? QByteArray("2.0") : QByteArray());
    o.append(",\"operatingSystemEdition\":");
    optStr(d.platform == Platform::Windows ? QByteArray("Enterprise") : QByteArray());
    o.append(",\"deviceFullQualifiedDomainName\":");
    optStr(d.platform == Platform::Windows ? d.deviceName + ".corp.example.com" : QByteArray());
    o.append(
        ",\"deviceGuardVirtualizationBasedSecurityHardwareRequirementState\":\"meetHardwareRequirements\","
        "\"deviceGuardVirtualizationBasedSecurityState\":\"running\","
        "\"deviceGuardLocalSystemAuthorityCredentialGuardState\":\"running\",\"osBuildNumber\":");
    optStr(osBuild(d));
    o.append(",\"operatingSystemProductType\":");
    num(o, full && d.platform == Platform::Windows ? 4 : 0);
    o.append(",\"ipAddressV4\":");
    optStr(QByteArray("10.20.") + QByteArray::number(static_cast<unsigned char>(d.id.at(2)) % 250) + '.'
        + QByteArray::number(static_cast<unsigned char>(d.id.at(3)) % 250 + 2));
    o.append(",\"subnetAddress\":");
    optStr(QByteArray("10.20.0.0"));
    o.append(",\"sharedDeviceCachedUsers\":[]}");
}

QByteArray managedDeviceName(const Ctx &c)
{
    const QByteArray who = c.user ? c.user->upn.left(c.user->upn.indexOf('@')) : QByteArray("userless");
    const QDateTime enrolled = QDateTime::fromMSecsSinceEpoch(c.d.enrolledMs, keyturn::utc());
    return who + '_' + c.d.operatingSystem + '_'
        + enrolled.toString(QStringLiteral("M/d/yyyy_h:mm AP")).toLatin1();
}

struct Property {
    const char *name;
    Writer write;
};

// The order Graph beta serializes managedDevice in.
const std::array kProperties{
    Property{ "id", [](QByteArray &o, const Ctx &c) { str(o, c.d.id); } },
    Property{ "userId", [](QByteArray &o, const Ctx &c) { str(o, c.user ? c.user->id : QByteArray()); } },
    Property{ "deviceName", [](QByteArray &o, const Ctx &c) { str(o, c.d.deviceName); } },
    Property{ "ownerType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.ownerType()); } },
    Property{ "managedDeviceOwnerType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.ownerType()); } },
    Property{ "managementState", [](QByteArray &o, const Ctx &) { lit(o, "\"managed\""); } },
    Property{ "enrolledDateTime", [](QByteArray &o, const Ctx &c) { date(o, c.d.enrolledMs); } },
    Property{ "lastSyncDateTime", [](QByteArray &o, const Ctx &c) { date(o, c.d.lastSyncMs); } },
    Property{ "chassisType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.chassisType); } },
    Property{ "operatingSystem", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.operatingSystem); } },
    Property{ "deviceType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.deviceType); } },
    Property{ "complianceState", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.complianceState); } },
    Property{ "jailBroken",
        [](QByteArray &o, const Ctx &c) {
            lit(o,
                c.d.platform == Platform::Windows || c.d.platform == Platform::MacOS ? "\"Unknown\""
                                                                                     : "\"False\"");
        } },
    Property{ "managementAgent", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.managementAgent); } },
    Property{ "osVersion", [](QByteArray &o, const Ctx &c) { str(o, c.d.osVersion); } },
    Property{ "easActivated", [](QByteArray &o, const Ctx &) { lit(o, "false"); } },
    Property{ "easDeviceId", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "easActivationDateTime", [](QByteArray &o, const Ctx &) { never(o); } },
    Property{ "aadRegistered", [](QByteArray &o, const Ctx &c) { boolean(o, c.user != nullptr); } },
    Property{ "azureADRegistered", [](QByteArray &o, const Ctx &c) { boolean(o, c.user != nullptr); } },
    Property{
        "deviceEnrollmentType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.deviceEnrollmentType); } },
    Property{ "lostModeState", [](QByteArray &o, const Ctx &) { lit(o, "\"disabled\""); } },
    Property{ "activationLockBypassCode", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{
        "emailAddress", [](QByteArray &o, const Ctx &c) { str(o, c.user ? c.user->upn : QByteArray()); } },
    Property{
        "azureActiveDirectoryDeviceId", [](QByteArray &o, const Ctx &c) { str(o, c.d.azureADDeviceId); } },
    Property{ "azureADDeviceId", [](QByteArray &o, const Ctx &c) { str(o, c.d.azureADDeviceId); } },
    Property{ "deviceRegistrationState", [](QByteArray &o, const Ctx &) { lit(o, "\"registered\""); } },
    Property{ "deviceCategoryDisplayName", [](QByteArray &o, const Ctx &) { lit(o, "\"Unknown\""); } },
    Property{ "isSupervised", [](QByteArray &o, const Ctx &c) { boolean(o, c.d.supervised); } },
    Property{ "exchangeLastSuccessfulSyncDateTime", [](QByteArray &o, const Ctx &) { never(o); } },
    Property{ "exchangeAccessState", [](QByteArray &o, const Ctx &) { lit(o, "\"none\""); } },
    Property{ "exchangeAccessStateReason", [](QByteArray &o, const Ctx &) { lit(o, "\"none\""); } },
    Property{ "remoteAssistanceSessionUrl", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "remoteAssistanceSessionErrorDetails", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "isEncrypted", [](QByteArray &o, const Ctx &c) { boolean(o, c.d.encrypted); } },
    Property{ "userPrincipalName",
        [](QByteArray &o, const Ctx &c) { str(o, c.user ? c.user->upn : QByteArray()); } },
    Property{ "model", [](QByteArray &o, const Ctx &c) { str(o, c.d.model); } },
    Property{ "manufacturer", [](QByteArray &o, const Ctx &c) { str(o, c.d.manufacturer); } },
    Property{ "imei", [](QByteArray &o, const Ctx &c) { str(o, c.d.imei); } },
    Property{ "complianceGracePeriodExpirationDateTime",
        [](QByteArray &o, const Ctx &) { lit(o, "\"9999-12-31T23:59:59Z\""); } },
    Property{ "serialNumber", [](QByteArray &o, const Ctx &c) { str(o, c.d.serialNumber); } },
    Property{ "phoneNumber", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "androidSecurityPatchLevel",
        [](QByteArray &o, const Ctx &c) {
            lit(o, c.d.platform == Platform::Android ? "\"2024-11-01\"" : "\"\"");
        } },
    Property{ "userDisplayName",
        [](QByteArray &o, const Ctx &c) { str(o, c.user ? c.user->displayName : QByteArray()); } },
    Property{
        "configurationManagerClientEnabledFeatures", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "wiFiMacAddress", [](QByteArray &o, const Ctx &c) { str(o, c.d.wiFiMacAddress); } },
    Property{ "deviceHealthAttestationState", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "subscriberCarrier", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "meid", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{
        "totalStorageSpaceInBytes", [](QByteArray &o, const Ctx &c) { num(o, c.d.totalStorageBytes); } },
    Property{ "freeStorageSpaceInBytes", [](QByteArray &o, const Ctx &c) { num(o, c.d.freeStorageBytes); } },
    Property{ "managedDeviceName", [](QByteArray &o, const Ctx &c) { str(o, managedDeviceName(c)); } },
    Property{ "partnerReportedThreatState", [](QByteArray &o, const Ctx &) { lit(o, "\"unknown\""); } },
    Property{ "retireAfterDateTime", [](QByteArray &o, const Ctx &) { never(o); } },
    Property{ "usersLoggedOn", [](QByteArray &o, const Ctx &) { lit(o, "[]"); } },
    Property{ "preferMdmOverGroupPolicyAppliedDateTime", [](QByteArray &o, const Ctx &) { never(o); } },
    Property{ "autopilotEnrolled", [](QByteArray &o, const Ctx &c) { boolean(o, c.d.autopilotEnrolled); } },
    Property{ "requireUserEnrollmentApproval", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "managementCertificateExpirationDate",
        [](QByteArray &o, const Ctx &c) { date(o, c.d.enrolledMs + 365LL * 24 * 3600 * 1000); } },
    Property{ "iccid", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "udid", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "roleScopeTagIds", [](QByteArray &o, const Ctx &) { lit(o, "[]"); } },
    Property{ "windowsActiveMalwareCount", [](QByteArray &o, const Ctx &) { lit(o, "0"); } },
    Property{ "windowsRemediatedMalwareCount", [](QByteArray &o, const Ctx &) { lit(o, "0"); } },
    Property{ "notes", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "configurationManagerClientHealthState", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "configurationManagerClientInformation", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "ethernetMacAddress", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "physicalMemoryInBytes",
        [](QByteArray &o, const Ctx &c) { num(o, c.detail ? c.d.physicalMemoryBytes : 0); } },
    Property{
        "processorArchitecture", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.processorArchitecture); } },
    Property{ "specificationVersion", [](QByteArray &o, const Ctx &) { lit(o, "null"); } },
    Property{ "joinType", [](QByteArray &o, const Ctx &c) { enumStr(o, c.d.joinType); } },
    Property{ "skuFamily", [](QByteArray &o, const Ctx &) { lit(o, "\"\""); } },
    Property{ "skuNumber", [](QByteArray &o, const Ctx &) { lit(o, "0"); } },
    Property{ "managementFeatures", [](QByteArray &o, const Ctx &) { lit(o, "\"none\""); } },
    Property{ "hardwareInformation", &hardware },
    Property{ "deviceActionResults",
        [](QByteArray &o, const Ctx &c) { o.append(c.detail ? c.actions : QByteArray("[]")); } },
};

void appendObject(QByteArray &out, const Ctx &ctx, const QList<int> &properties)
{
    out.append('{');
    bool first = true;
    const auto writeOne = [&](const Property &p) {
        if (!first)
            out.append(',');
        first = false;
        out.append('"').append(p.name).append("\":");
        p.write(out, ctx);
    };
    if (properties.isEmpty()) {
        for (const Property &p : kProperties)
            writeOne(p);
    } else {
        for (int i : properties)
            writeOne(kProperties[static_cast<std::size_t>(i)]);
    }
    out.append('}');
}

} // namespace

const QStringList &DeviceSerializer::propertyNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const Property &p : kProperties)
            list.append(QLatin1String(p.name));
        return list;
    }();
    return names;
}

bool DeviceSerializer::resolveSelect(const QString &select, QList<int> *properties, QString *unknown)
{
    properties->clear();
    const QStringList &names = propertyNames();
    for (const QString &raw : select.split(u',', Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed();
        qsizetype found = -1;
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (names[i].compare(name, Qt::CaseInsensitive) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            *unknown = name;
            return false;
        }
        if (!properties->contains(static_cast<int>(found)))
            properties->append(static_cast<int>(found));
    }
    // Graph writes selected properties in model order, whatever the order asked for.
    std::sort(properties->begin(), properties->end());
    return true;
}

void DeviceSerializer::appendListItem(
    QByteArray &out, const DeviceStore &store, qsizetype index, const QList<int> &properties)
{
    const DeviceRecord &d = store.device(index);
    appendObject(out, Ctx{ d, store.userOf(d), false, {} }, properties);
}

void DeviceSerializer::appendDetail(QByteArray &out, const DeviceStore &store, qsizetype index, qint64 nowMs)
{
    const DeviceRecord &d = store.device(index);
    QByteArray actions = "[";
    bool first = true;
    for (const ActionResult &r : store.actionResults(index, nowMs)) {
        if (!first)
            actions.append(',');
        first = false;
        actions.append("{\"@odata.type\":\"#microsoft.graph.deviceActionResult\",\"actionName\":");
        appendJsonString(actions, r.actionName);
        actions.append(",\"actionState\":\"").append(r.actionState).append("\",\"startDateTime\":\"");
        actions.append(isoDate(r.startMs, true)).append("\",\"lastUpdatedDateTime\":\"");
        actions.append(isoDate(r.lastUpdatedMs, true)).append('"');
        if (r.errorCode)
            actions.append(",\"errorCode\":").append(QByteArray::number(*r.errorCode));
        actions.append('}');
    }
    actions.append(']');
    appendObject(out, Ctx{ d, store.userOf(d), true, actions }, {});
}

} // namespace keyturn::demo
