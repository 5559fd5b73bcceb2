#include "core/Utc.h"
#include "devices/DeviceListPage.h"

#include <QDateTime>

#include <gtest/gtest.h>

using keyturn::DeviceRecord;
using keyturn::findNextLink;
using keyturn::parseDevicePage;
using keyturn::parseGraphDateTimeMsecs;

namespace {

// A page in WIRE.md's shape, quirks included ("" user, year-1 date, @odata.count, nextLink first).
const QByteArray kPage
    = R"json({"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices(id,deviceName)",
"@odata.count":2501,
"@odata.nextLink":"https://graph.microsoft.com/beta/deviceManagement/managedDevices?$top=1000&$select=id,deviceName&$skiptoken=LastDeviceName%3d%27MAC-0999%27",
"value":[
 {"id":"0b5f2c1e-1111-4000-8000-000000000001","deviceName":"MAC-0042","managementAgent":"mdm","ownerType":"company","managedDeviceOwnerType":"company","complianceState":"compliant","operatingSystem":"macOS","osVersion":"14.6.1","userPrincipalName":"alice.jones@example.com","serialNumber":"C02XK1ABCD12","lastSyncDateTime":"2025-05-01T12:34:56.1234567Z","isEncrypted":true,"isSupervised":false,"joinType":"azureADRegistered","azureADDeviceId":"aad-1","model":"iPad Pro (11-inch) (4th generation)","enrolledDateTime":"2024-02-29T08:00:00Z","deviceActionResults":[]},
 {"id":"0b5f2c1e-1111-4000-8000-000000000002","deviceName":"DESKTOP-7Q2K9LM","managementAgent":"configurationManagerClientMdm","ownerType":"unknown","managedDeviceOwnerType":"personal","complianceState":"noncompliant","operatingSystem":"Windows","osVersion":"10.0.22631.4317","userPrincipalName":"","serialNumber":"PF3ABCD","lastSyncDateTime":"0001-01-01T00:00:00Z","isEncrypted":false,"joinType":"hybridAzureADJoined","azureADDeviceId":null},
 {"id":"0b5f2c1e-1111-4000-8000-000000000003","deviceName":"iPad-7","managementAgent":"somethingNew","complianceState":"inGracePeriod","operatingSystem":"iPadOS","osVersion":"17.5","lastSyncDateTime":"2025-05-01T14:34:56+02:00"}
]})json";

} // namespace

TEST(DevicePage, ParsesRecordsAndPagingFields)
{
    const auto page = parseDevicePage(kPage);
    ASSERT_TRUE(page.ok()) << page.error.toStdString();
    ASSERT_EQ(page.records.size(), 3u);
    ASSERT_TRUE(page.count.has_value());
    EXPECT_EQ(*page.count, 2501);
    EXPECT_EQ(page.nextLink.host(), QStringLiteral("graph.microsoft.com"));
    EXPECT_TRUE(page.nextLink.query().contains(QStringLiteral("$skiptoken=")));

    const DeviceRecord &mac = page.records[0];
    EXPECT_EQ(mac.id, QStringLiteral("0b5f2c1e-1111-4000-8000-000000000001"));
    EXPECT_EQ(mac.deviceName, QStringLiteral("MAC-0042"));
    EXPECT_EQ(mac.platform, DeviceRecord::Platform::MacOS);
    EXPECT_EQ(mac.ownership, DeviceRecord::Ownership::Company);
    EXPECT_EQ(mac.managementAgent, DeviceRecord::ManagementAgent::Mdm);
    EXPECT_EQ(mac.compliance, DeviceRecord::Compliance::Compliant);
    EXPECT_EQ(mac.joinType, DeviceRecord::JoinType::AzureADRegistered);
    EXPECT_TRUE(mac.isEncrypted);
    EXPECT_EQ(mac.osVersion, QStringLiteral("14.6.1"));
    EXPECT_EQ(mac.userPrincipalName, QStringLiteral("alice.jones@example.com"));
    EXPECT_EQ(mac.serialNumber, QStringLiteral("C02XK1ABCD12"));
    EXPECT_EQ(mac.azureADDeviceId, QStringLiteral("aad-1"));
    EXPECT_EQ(mac.lastSyncMsecs,
        QDateTime(QDate(2025, 5, 1), QTime(12, 34, 56, 123), keyturn::utc()).toMSecsSinceEpoch());
    EXPECT_EQ(mac.model, QStringLiteral("iPad Pro (11-inch) (4th generation)"));
    EXPECT_EQ(
        mac.enrolledMsecs, QDateTime(QDate(2024, 2, 29), QTime(8, 0), keyturn::utc()).toMSecsSinceEpoch());

    const DeviceRecord &pc = page.records[1];
    EXPECT_EQ(pc.platform, DeviceRecord::Platform::Windows);
    EXPECT_EQ(pc.managementAgent, DeviceRecord::ManagementAgent::ConfigurationManagerClientMdm);
    EXPECT_EQ(pc.ownership, DeviceRecord::Ownership::Personal); // ownerType unknown -> managedDeviceOwnerType
    EXPECT_EQ(pc.lastSyncMsecs, 0); // 0001-01-01 means never
    EXPECT_TRUE(pc.userPrincipalName.isEmpty());
    EXPECT_TRUE(pc.azureADDeviceId.isEmpty());
    EXPECT_TRUE(pc.model.isEmpty());
    EXPECT_EQ(pc.enrolledMsecs, 0);

    const DeviceRecord &ipad = page.records[2];
    EXPECT_EQ(ipad.platform, DeviceRecord::Platform::IPadOS);
    EXPECT_EQ(ipad.managementAgent, DeviceRecord::ManagementAgent::Unknown);
    EXPECT_EQ(ipad.ownership, DeviceRecord::Ownership::Unknown);
    EXPECT_EQ(ipad.lastSyncMsecs,
        QDateTime(QDate(2025, 5, 1), QTime(12, 34, 56), keyturn::utc()).toMSecsSinceEpoch());
}

TEST(DevicePage, LastPageHasNoNextLinkAndCountIsOptional)
{
    const auto page = parseDevicePage(R"({"value":[{"id":"x","deviceName":"A"}]})");
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page.nextLink.isEmpty());
    EXPECT_FALSE(page.count.has_value());
    EXPECT_EQ(page.records.size(), 1u);
    EXPECT_TRUE(findNextLink(R"({"value":[{"id":"x","deviceName":"\"@odata.nextLink\":\"http://evil/\""}]})")
                    .isEmpty());
}

TEST(DevicePage, MalformedBodiesAreErrorsNotCrashes)
{
    const QByteArray truncated = kPage.left(kPage.size() / 2);
    EXPECT_FALSE(parseDevicePage(truncated).ok());
    EXPECT_TRUE(parseDevicePage(truncated).records.empty());
    EXPECT_FALSE(parseDevicePage("").ok());
    EXPECT_FALSE(parseDevicePage(R"({"error":{"code":"x"}})").ok());
    EXPECT_FALSE(parseDevicePage("\x01\xff garbage").ok());
}

TEST(DevicePage, QuickNextLinkScanAgreesWithTheFullParse)
{
    EXPECT_EQ(findNextLink(kPage), parseDevicePage(kPage).nextLink);
    // Escaped slashes and a link after the value array.
    const QByteArray escaped
        = R"({"value":[],"@odata.nextLink" : "http:\/\/127.0.0.1:8080\/beta\/x?$skiptoken=a%3Db\u0026$top=5"})";
    EXPECT_EQ(
        findNextLink(escaped), QUrl(QStringLiteral("http://127.0.0.1:8080/beta/x?$skiptoken=a%3Db&$top=5")));
    EXPECT_EQ(findNextLink(escaped), parseDevicePage(escaped).nextLink);
    EXPECT_TRUE(findNextLink(R"({"value":[]})").isEmpty());
}

TEST(DevicePage, GraphDateTimes)
{
    EXPECT_EQ(parseGraphDateTimeMsecs(u"1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseGraphDateTimeMsecs(u"2000-03-01T00:00:01Z"),
        QDateTime(QDate(2000, 3, 1), QTime(0, 0, 1), keyturn::utc()).toMSecsSinceEpoch());
    EXPECT_EQ(parseGraphDateTimeMsecs(u"2024-02-29T23:59:59.5-01:30"),
        QDateTime(QDate(2024, 3, 1), QTime(1, 29, 59, 500), keyturn::utc()).toMSecsSinceEpoch());
    EXPECT_EQ(parseGraphDateTimeMsecs(u"0001-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseGraphDateTimeMsecs(u""), 0);
    EXPECT_EQ(parseGraphDateTimeMsecs(u"yesterday"), 0);
}

TEST(DeviceRecordText, PlatformsAndLabels)
{
    using P = DeviceRecord::Platform;
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"Windows"), P::Windows);
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"macOS"), P::MacOS);
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"iOS"), P::IOS);
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"AndroidEnterprise"), P::Android);
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"Linux"), P::Linux);
    EXPECT_EQ(keyturn::platformFromOperatingSystem(u"ChromeOS"), P::Other);
    EXPECT_EQ(keyturn::managedByText(DeviceRecord::ManagementAgent::Mdm), QStringLiteral("Intune"));
    EXPECT_EQ(keyturn::managedByText(DeviceRecord::ManagementAgent::ConfigurationManagerClientMdm),
        QStringLiteral("Co-managed"));
    EXPECT_EQ(keyturn::ownershipText(DeviceRecord::Ownership::Company), QStringLiteral("Corporate"));
    EXPECT_EQ(keyturn::ownershipText(DeviceRecord::Ownership::Personal), QStringLiteral("Personal"));
}
