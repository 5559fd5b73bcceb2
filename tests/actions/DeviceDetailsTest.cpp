#include "actions/DeviceDetails.h"
#include "core/Utc.h"

#include <gtest/gtest.h>

using namespace keyturn;

namespace {

// A single-device GET as Graph beta returns it (WIRE.md), trimmed to what Keyturn reads plus noise.
const char kMac[] = R"json({
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices/$entity",
  "id": "0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e",
  "userId": "5f1b2c3d-aaaa-bbbb-cccc-0123456789ab",
  "deviceName": "MAC-0042",
  "ownerType": "company",
  "managedDeviceOwnerType": "company",
  "managementState": "managed",
  "enrolledDateTime": "2024-03-05T09:15:27.1234567Z",
  "lastSyncDateTime": "2025-11-20T17:02:11Z",
  "operatingSystem": "macOS",
  "complianceState": "compliant",
  "jailBroken": "Unknown",
  "managementAgent": "mdm",
  "osVersion": "15.1.1 (24B91)",
  "easActivated": false,
  "azureADRegistered": true,
  "deviceEnrollmentType": "appleBulkWithUser",
  "emailAddress": "alice.jones@example.com",
  "azureADDeviceId": "c6d8e0f2-1111-2222-3333-444455556666",
  "deviceRegistrationState": "registered",
  "isSupervised": true,
  "exchangeLastSuccessfulSyncDateTime": "0001-01-01T00:00:00Z",
  "isEncrypted": true,
  "userPrincipalName": "alice.jones@example.com",
  "model": "MacBook Pro",
  "manufacturer": "Apple",
  "serialNumber": "C02ZK1ABMD6R",
  "userDisplayName": "Alice Jones",
  "joinType": "azureADRegistered",
  "physicalMemoryInBytes": 17179869184,
  "hardwareInformation": {"serialNumber": "C02ZK1ABMD6R", "totalStorageSpace": 494384795648},
  "roleScopeTagIds": ["0"],
  "deviceActionResults": [
    {"@odata.type": "#microsoft.graph.deviceActionResult", "actionName": "syncDevice", "actionState": "done",
     "startDateTime": "2025-11-19T08:00:00Z", "lastUpdatedDateTime": "2025-11-19T08:01:30.5Z"},
    {"@odata.type": "#microsoft.graph.deviceActionResult", "actionName": "rotateFileVaultKey", "actionState": "pending",
     "startDateTime": "2025-11-21T10:00:00.1234567Z", "lastUpdatedDateTime": "2025-11-21T10:00:00.1234567Z"}
  ]
})json";

} // namespace

TEST(DeviceDetails, ParsesTheSingleDeviceShape)
{
    QString error;
    const auto d = parseDeviceDetails(QByteArray(kMac), &error);
    ASSERT_TRUE(d) << error.toStdString();
    EXPECT_EQ(d->id, QStringLiteral("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e"));
    EXPECT_EQ(d->deviceName, QStringLiteral("MAC-0042"));
    EXPECT_EQ(d->serialNumber, QStringLiteral("C02ZK1ABMD6R"));
    EXPECT_EQ(d->model, QStringLiteral("MacBook Pro"));
    EXPECT_EQ(d->manufacturer, QStringLiteral("Apple"));
    EXPECT_EQ(d->operatingSystem, QStringLiteral("macOS"));
    EXPECT_EQ(d->osVersion, QStringLiteral("15.1.1 (24B91)"));
    EXPECT_EQ(d->ownership, QStringLiteral("company"));
    EXPECT_EQ(d->complianceState, QStringLiteral("compliant"));
    EXPECT_TRUE(d->isEncrypted);
    EXPECT_TRUE(d->isSupervised);
    EXPECT_EQ(d->userPrincipalName, QStringLiteral("alice.jones@example.com"));
    EXPECT_EQ(d->userDisplayName, QStringLiteral("Alice Jones"));
    EXPECT_EQ(d->azureADDeviceId, QStringLiteral("c6d8e0f2-1111-2222-3333-444455556666"));
    EXPECT_EQ(d->managementAgent, QStringLiteral("mdm"));
    EXPECT_EQ(d->joinType, QStringLiteral("azureADRegistered"));
    EXPECT_EQ(d->enrolled, QDateTime(QDate(2024, 3, 5), QTime(9, 15, 27, 123), keyturn::utc()));
    EXPECT_EQ(d->lastSync, QDateTime(QDate(2025, 11, 20), QTime(17, 2, 11), keyturn::utc()));
    EXPECT_TRUE(d->isMac());
    EXPECT_FALSE(d->isWindows());
    EXPECT_TRUE(d->isCompanyOwned());
}

TEST(DeviceDetails, ParsesActionResultsAndFindsTheRunningOne)
{
    const auto d = parseDeviceDetails(QByteArray(kMac));
    ASSERT_TRUE(d);
    ASSERT_EQ(d->actionResults.size(), 2);
    const DeviceActionResult &sync = d->actionResults.at(0);
    EXPECT_EQ(sync.actionName, QStringLiteral("syncDevice"));
    EXPECT_EQ(sync.actionState, QStringLiteral("done"));
    EXPECT_EQ(sync.started, QDateTime(QDate(2025, 11, 19), QTime(8, 0), keyturn::utc()));
    EXPECT_EQ(sync.lastUpdated, QDateTime(QDate(2025, 11, 19), QTime(8, 1, 30, 500), keyturn::utc()));
    EXPECT_FALSE(sync.isInProgress());
    const DeviceActionResult *rotate = d->actionResult(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(rotate, nullptr);
    EXPECT_EQ(rotate->actionState, QStringLiteral("pending"));
    EXPECT_TRUE(rotate->isInProgress());
    EXPECT_TRUE(d->hasActionInProgress());
    EXPECT_EQ(d->actionResult(QStringLiteral("rebootNow")), nullptr);
}

TEST(DeviceDetails, ParsesTypedActionResultsWithErrorCode)
{
    const QByteArray json
        = R"({"id":"a1","deviceName":"DESKTOP-7","operatingSystem":"Windows","deviceActionResults":[
        {"@odata.type":"#microsoft.graph.rotateBitLockerKeysDeviceActionResult","actionName":"rotateBitLockerKeys",
         "actionState":"failed","startDateTime":"2025-01-02T03:04:05Z","lastUpdatedDateTime":"2025-01-02T03:14:05Z",
         "errorCode":-2016345060},
        {"@odata.type":"#microsoft.graph.remoteLockActionResult","actionName":"remoteLock","actionState":"active",
         "startDateTime":"2025-01-02T03:04:05Z","lastUpdatedDateTime":"2025-01-02T03:04:05Z","unlockPin":"123456"}]})";
    const auto d = parseDeviceDetails(json);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->actionResults.size(), 2);
    EXPECT_EQ(d->actionResults[0].odataType,
        QStringLiteral("#microsoft.graph.rotateBitLockerKeysDeviceActionResult"));
    EXPECT_EQ(d->actionResults[0].errorCode, -2016345060);
    EXPECT_EQ(d->actionResults[0].actionState, QStringLiteral("failed"));
    EXPECT_FALSE(d->actionResults[1].errorCode.has_value());
    EXPECT_TRUE(d->actionResults[1].isInProgress()) << "active counts as in progress";
    EXPECT_TRUE(d->isWindows());
}

TEST(DeviceDetails, NewestResultWinsWhenAnActionRanTwice)
{
    const QByteArray json = R"({"id":"a1","deviceActionResults":[
        {"actionName":"syncDevice","actionState":"pending","startDateTime":"2025-01-03T00:00:00Z"},
        {"actionName":"syncDevice","actionState":"done","startDateTime":"2025-01-01T00:00:00Z"}]})";
    const auto d = parseDeviceDetails(json);
    ASSERT_TRUE(d);
    ASSERT_NE(d->actionResult(QStringLiteral("syncDevice")), nullptr);
    EXPECT_EQ(d->actionResult(QStringLiteral("syncDevice"))->actionState, QStringLiteral("pending"));
}

TEST(DeviceDetails, OwnershipFallsBackToOwnerTypeAndNeverSetDatesAreInvalid)
{
    const auto d = parseDeviceDetails(
        R"({"id":"a","managedDeviceOwnerType":"unknown","ownerType":"personal","lastSyncDateTime":"0001-01-01T00:00:00Z",
            "enrolledDateTime":"not a date","userPrincipalName":"","deviceActionResults":[]})");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->ownership, QStringLiteral("personal"));
    EXPECT_FALSE(d->lastSync.isValid());
    EXPECT_FALSE(d->enrolled.isValid());
    EXPECT_TRUE(d->userPrincipalName.isEmpty());
    EXPECT_FALSE(d->hasActionInProgress());

    const auto none = parseDeviceDetails(R"({"id":"b"})");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->ownership, QStringLiteral("unknown"));
    EXPECT_FALSE(none->isCompanyOwned());
    EXPECT_FALSE(none->isPersonal());
}

TEST(DeviceDetails, PlatformHelpersCoverGraphOperatingSystemNames)
{
    auto os = [](const char *name) {
        DeviceDetails d;
        d.operatingSystem = QString::fromLatin1(name);
        return d;
    };
    EXPECT_TRUE(os("iOS").isIOS());
    EXPECT_TRUE(os("iPadOS").isIOS());
    EXPECT_TRUE(os("Android").isAndroid());
    EXPECT_TRUE(os("AndroidEnterprise").isAndroid());
    EXPECT_TRUE(os("Windows").isWindows());
    EXPECT_TRUE(os("macOS").isMac());
    EXPECT_FALSE(os("Linux").isMac());
    EXPECT_FALSE(os("Linux").isWindows());
    EXPECT_FALSE(os("").isIOS());
}

TEST(DeviceDetails, PlatformAndDatesReadAsTheDeviceListReadsThem)
{
    // One vocabulary: the pane decides what the list decides, for the same Graph texts.
    for (const char *name : { "Windows", "macOS", "Mac OS X", "iOS", "iPadOS", "AndroidForWork", "Linux",
             "Ubuntu", "ChromeOS", "" }) {
        DeviceDetails d;
        d.operatingSystem = QString::fromLatin1(name);
        EXPECT_EQ(d.platform(), keyturn::platformFromOperatingSystem(d.operatingSystem)) << name;
    }
    const auto d = parseDeviceDetails(R"({"id":"a","lastSyncDateTime":"2024-05-01T12:34:56.1234567Z",
        "enrolledDateTime":"2023-11-30T23:59:59+01:00"})");
    ASSERT_TRUE(d);
    EXPECT_EQ(
        d->lastSync.toMSecsSinceEpoch(), keyturn::parseGraphDateTimeMsecs(u"2024-05-01T12:34:56.1234567Z"));
    EXPECT_EQ(d->lastSync, QDateTime(QDate(2024, 5, 1), QTime(12, 34, 56, 123), keyturn::utc()));
    EXPECT_EQ(d->enrolled, QDateTime(QDate(2023, 11, 30), QTime(22, 59, 59), keyturn::utc()));
}

TEST(DeviceDetails, RejectsWhatIsNotADevice)
{
    QString error;
    EXPECT_FALSE(parseDeviceDetails("{\"id\": \"abc\"", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not valid JSON"))) << error.toStdString();
    EXPECT_FALSE(parseDeviceDetails("[1,2]", &error));
    EXPECT_FALSE(parseDeviceDetails("{\"deviceName\":\"X\"}", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("no id")));
    EXPECT_FALSE(parseDeviceDetails(R"({"error":{"code":"ResourceNotFound","message":"x"}})", &error));
    EXPECT_FALSE(parseDeviceDetails(QByteArray(), &error));
}
