#include "actions/ActionCatalog.h"
#include "TestDevices.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSet>

using namespace keyturn;
using keyturn::test::allScopes;
using keyturn::test::makeDevice;
using keyturn::test::readOnlyScopes;

namespace {

const RemoteAction &action(const char *id)
{
    const RemoteAction *a = findRemoteAction(QString::fromLatin1(id));
    EXPECT_NE(a, nullptr) << id;
    static RemoteAction none;
    return a ? *a : none;
}

Applicability check(const char *id, const DeviceDetails &d, const QStringList &scopes = allScopes())
{
    return evaluate(action(id), d, scopes);
}

// DESIGN.md section 7, written out independently of the catalog's rules.
bool offered(const QString &id, const DeviceDetails &d)
{
    const bool mac = d.operatingSystem == QLatin1String("macOS");
    const bool win = d.operatingSystem == QLatin1String("Windows");
    const bool ios
        = d.operatingSystem == QLatin1String("iOS") || d.operatingSystem == QLatin1String("iPadOS");
    const bool android = d.operatingSystem == QLatin1String("Android");
    const bool company = d.ownership == QLatin1String("company");
    if (id == QLatin1String("rotateFileVaultKey"))
        return mac && company && d.isEncrypted;
    if (id == QLatin1String("syncDevice"))
        return win || mac || ios || android;
    if (id == QLatin1String("rebootNow"))
        return win || mac || (ios && d.isSupervised) || (android && company);
    if (id == QLatin1String("shutDown"))
        return mac || (ios && d.isSupervised);
    if (id == QLatin1String("rotateBitLockerKeys") || id == QLatin1String("rotateLocalAdminPassword"))
        return win;
    ADD_FAILURE() << "no rule for " << id.toStdString();
    return false;
}

} // namespace

TEST(ActionCatalog, HoldsTheSixActionsOfTheDesignWithGraphSegmentsAndScope)
{
    const QStringList expected{ QStringLiteral("rotateFileVaultKey"), QStringLiteral("syncDevice"),
        QStringLiteral("rebootNow"), QStringLiteral("shutDown"), QStringLiteral("rotateBitLockerKeys"),
        QStringLiteral("rotateLocalAdminPassword") };
    QStringList ids;
    for (const RemoteAction &a : remoteActionCatalog()) {
        ids << a.id;
        EXPECT_EQ(a.kind, RemoteAction::Kind::TrackedAction);
        EXPECT_EQ(a.apiVersion, QStringLiteral("beta"));
        EXPECT_EQ(a.pathTemplate, QStringLiteral("deviceManagement/managedDevices/{id}/") + a.id);
        EXPECT_EQ(a.method, QByteArray("POST"));
        EXPECT_TRUE(a.body.isEmpty());
        EXPECT_EQ(a.requiredScope, QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All"));
        EXPECT_FALSE(a.label().isEmpty());
        EXPECT_TRUE(a.iconName.startsWith(QStringLiteral(":/icons/actions/"))) << a.iconName.toStdString();
        EXPECT_TRUE(a.applies) << a.id.toStdString();
        EXPECT_FALSE(a.confirmationDetail().isEmpty());
    }
    EXPECT_EQ(ids, expected);
    EXPECT_EQ(findRemoteAction(QStringLiteral("wipe")), nullptr);
    EXPECT_EQ(findRemoteAction(QStringLiteral("retire")), nullptr);
}

TEST(ActionCatalog, IconsNameFilesThatExistInTheResources)
{
    for (const RemoteAction &a : remoteActionCatalog()) {
        const QString file = QStringLiteral(KEYTURN_SOURCE_DIR "/resources/icons/actions/")
            + a.iconName.section(QLatin1Char('/'), -1);
        EXPECT_TRUE(QFile::exists(file)) << file.toStdString();
    }
}

TEST(ActionCatalog, OnlyRestartAndShutDownAreMarkedDestructive)
{
    for (const RemoteAction &a : remoteActionCatalog())
        EXPECT_EQ(a.destructive, a.id == QLatin1String("rebootNow") || a.id == QLatin1String("shutDown"))
            << a.id.toStdString();
}

TEST(ActionCatalog, ApplicabilityMatchesTheDesignTableForEveryCombination)
{
    const char *systems[] = { "macOS", "Windows", "iOS", "iPadOS", "Android", "Linux" };
    const char *owners[] = { "company", "personal", "unknown" };
    int checked = 0;
    for (const char *os : systems)
        for (const char *owner : owners)
            for (bool encrypted : { false, true })
                for (bool supervised : { false, true }) {
                    const DeviceDetails d = makeDevice(os, owner, encrypted, supervised);
                    for (const RemoteAction &a : remoteActionCatalog()) {
                        const Applicability r = evaluate(a, d, allScopes());
                        EXPECT_EQ(r.applicable, offered(a.id, d))
                            << a.id.toStdString() << " " << os << " " << owner << " enc=" << encrypted
                            << " sup=" << supervised;
                        EXPECT_EQ(r.reason.isEmpty(), r.applicable) << a.id.toStdString() << " " << os;
                        ++checked;
                    }
                }
    EXPECT_EQ(checked, 6 * 3 * 2 * 2 * 6);
}

TEST(ActionCatalog, FileVaultReasonsAreExact)
{
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("Windows")).reason,
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices"));
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("iOS")).reason,
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices"));
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("macOS", "personal")).reason,
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices; "
                       "this Mac is not marked as corporate-owned"));
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("macOS", "unknown")).reason,
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices; "
                       "this Mac is not marked as corporate-owned"));
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("macOS", "company", false)).reason,
        QStringLiteral("This device is not encrypted"));
    EXPECT_TRUE(check("rotateFileVaultKey", makeDevice("macOS", "company", true)).applicable);
}

TEST(ActionCatalog, OtherActionsGiveTheirPlatformReasons)
{
    EXPECT_EQ(check("syncDevice", makeDevice("Linux")).reason,
        QStringLiteral("Sync is available for Windows, macOS, iOS/iPadOS and Android devices"));
    EXPECT_EQ(check("rebootNow", makeDevice("iPadOS", "company", true, false)).reason,
        QStringLiteral("Restart is available for iOS/iPadOS devices only when they are supervised"));
    EXPECT_EQ(check("rebootNow", makeDevice("Android", "personal")).reason,
        QStringLiteral("Restart is available for Android devices only when they are corporate-owned"));
    EXPECT_EQ(check("rebootNow", makeDevice("Linux")).reason,
        QStringLiteral("Restart is available for Windows, macOS, iOS/iPadOS and Android devices"));
    EXPECT_EQ(check("shutDown", makeDevice("Windows")).reason,
        QStringLiteral("Shut down is available for macOS and supervised iOS/iPadOS devices"));
    EXPECT_EQ(check("shutDown", makeDevice("iOS")).reason,
        QStringLiteral("Shut down is available for iOS/iPadOS devices only when they are supervised"));
    EXPECT_EQ(check("rotateBitLockerKeys", makeDevice("macOS")).reason,
        QStringLiteral("Rotate BitLocker keys is available for Windows devices"));
    EXPECT_EQ(check("rotateLocalAdminPassword", makeDevice("Android")).reason,
        QStringLiteral("Rotate local admin password is available for Windows devices"));
}

TEST(ActionCatalog, MissingPrivilegedScopeDisablesEveryApplicableActionNamingScopeAndRoles)
{
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("macOS"), readOnlyScopes()).reason,
        QStringLiteral("Your sign-in lacks DeviceManagementManagedDevices.PrivilegedOperations.All. Ask for "
                       "the Help Desk Operator or Endpoint Security Manager role, or a custom role with "
                       "Remote tasks / Rotate FileVault key."));
    EXPECT_EQ(check("syncDevice", makeDevice("Windows"), readOnlyScopes()).reason,
        QStringLiteral("Your sign-in lacks DeviceManagementManagedDevices.PrivilegedOperations.All. Ask for "
                       "the Help Desk Operator role, or a custom role with Remote tasks / Sync devices."));
    EXPECT_FALSE(check("syncDevice", makeDevice("Windows"), {}).applicable);
    QSet<QString> reasons;
    for (const RemoteAction &a : remoteActionCatalog()) {
        const Applicability r = evaluate(
            a, makeDevice(a.id.contains(QLatin1String("FileVault")) ? "macOS" : "Windows"), readOnlyScopes());
        if (a.id == QLatin1String("shutDown"))
            continue; // not offered on Windows: the platform reason comes first
        EXPECT_FALSE(r.applicable) << a.id.toStdString();
        EXPECT_TRUE(r.reason.startsWith(QStringLiteral("Your sign-in lacks "))) << r.reason.toStdString();
        reasons.insert(r.reason);
    }
    EXPECT_EQ(reasons.size(), 5) << "each action names its own custom-role permission";
}

TEST(ActionCatalog, ADeviceReasonComesBeforeThePermissionReason)
{
    EXPECT_EQ(check("rotateFileVaultKey", makeDevice("Windows"), readOnlyScopes()).reason,
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices"));
}

TEST(ActionCatalog, ScopesMatchShortOrResourceQualifiedInAnyCase)
{
    const DeviceDetails mac = makeDevice("macOS");
    EXPECT_TRUE(check("rotateFileVaultKey", mac,
        { QStringLiteral(
            "https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All") })
                    .applicable);
    EXPECT_TRUE(check("rotateFileVaultKey", mac,
        { QStringLiteral("devicemanagementmanageddevices.privilegedoperations.all") })
                    .applicable);
    EXPECT_FALSE(check(
        "rotateFileVaultKey", mac, { QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations") })
                     .applicable);
}

TEST(ActionCatalog, ConfirmationAndBannerTextsNameActionAndDevice)
{
    const RemoteAction &fv = action("rotateFileVaultKey");
    DeviceDetails macDevice;
    macDevice.id = QStringLiteral("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e");
    macDevice.deviceName = QStringLiteral("MAC-0042");
    macDevice.serialNumber = QStringLiteral("C02XK1ABJG5H");
    macDevice.userPrincipalName = QStringLiteral("adele@contoso.com");
    EXPECT_EQ(fv.confirmationQuestion(macDevice),
        QStringLiteral("Are you sure you want to rotate the FileVault recovery key for MAC-0042 (serial "
                       "C02XK1ABJG5H, user adele@contoso.com)?"));
    EXPECT_EQ(fv.confirmationDetail(),
        QStringLiteral("A new personal recovery key is generated and escrowed in Intune at the device's next "
                       "check-in."));
    EXPECT_EQ(fv.sentBanner(QStringLiteral("MAC-0042")),
        QStringLiteral("Rotate FileVault recovery key sent to MAC-0042"));
    DeviceDetails kiosk; // a shared device: no primary user, and no serial reported
    kiosk.id = QStringLiteral("7f00aa11-2222-4333-8444-555566667777");
    kiosk.deviceName = QStringLiteral("DESKTOP-1");
    EXPECT_EQ(action("rebootNow").confirmationQuestion(kiosk),
        QStringLiteral("Are you sure you want to restart DESKTOP-1 (serial unknown, no primary user)?"));
    kiosk.deviceName.clear();
    EXPECT_EQ(action("rebootNow").confirmationQuestion(kiosk),
        QStringLiteral(
            "Are you sure you want to restart 7f00aa11-2222-4333-8444-555566667777 (serial unknown, "
            "no primary user)?"));
    EXPECT_EQ(
        action("syncDevice").sentBanner(QStringLiteral("IPHONE-7")), QStringLiteral("Sync sent to IPHONE-7"));
    for (const RemoteAction &a : remoteActionCatalog())
        EXPECT_TRUE(a.confirmationQuestion(macDevice).contains(
            QStringLiteral("MAC-0042 (serial C02XK1ABJG5H, user adele@contoso.com)")))
            << a.id.toStdString();
}

TEST(ActionCatalog, SecretReadsCarryTheirGraphRequestAsData)
{
    DeviceDetails device;
    device.id = QStringLiteral("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e");
    device.azureADDeviceId = QStringLiteral("AAAAAAAA-1111-2222-3333-444444444444");
    const RemoteAction *fileVault = findSecretRead(DeviceSecretKind::FileVaultRecoveryKey);
    ASSERT_NE(fileVault, nullptr);
    EXPECT_EQ(fileVault->kind, RemoteAction::Kind::SecretRead);
    EXPECT_EQ(fileVault->method, QByteArray("GET"));
    EXPECT_EQ(fileVault->apiVersion, QStringLiteral("beta"));
    EXPECT_EQ(fileVault->path(device),
        QStringLiteral(
            "deviceManagement/managedDevices/0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e/getFileVaultKey"));

    const RemoteAction *bitLocker = findSecretRead(DeviceSecretKind::BitLockerRecoveryKeys);
    ASSERT_NE(bitLocker, nullptr);
    EXPECT_EQ(bitLocker->apiVersion, QStringLiteral("v1.0"));
    EXPECT_EQ(bitLocker->path(device), QStringLiteral("informationProtection/bitlocker/recoveryKeys"));
    EXPECT_EQ(bitLocker->query(device).queryItemValue(QStringLiteral("$filter")),
        QStringLiteral("deviceId eq 'aaaaaaaa-1111-2222-3333-444444444444'"));
    QStringList headerNames;
    for (const auto &header : bitLocker->headers)
        headerNames << QString::fromLatin1(header.first);
    EXPECT_EQ(headerNames,
        QStringList({ QStringLiteral("ocp-client-name"), QStringLiteral("ocp-client-version") }));

    const RemoteAction *laps = findSecretRead(DeviceSecretKind::LocalAdminPassword);
    ASSERT_NE(laps, nullptr);
    EXPECT_EQ(laps->apiVersion, QStringLiteral("v1.0"));
    EXPECT_EQ(laps->path(device),
        QStringLiteral("directory/deviceLocalCredentials/aaaaaaaa-1111-2222-3333-444444444444"));
    EXPECT_EQ(laps->query(device).queryItemValue(QStringLiteral("$select")), QStringLiteral("credentials"));

    // The scopes: FileVault reads with the sign-in's own; the Entra reads ask for one by consent.
    EXPECT_TRUE(fileVault->consentScope.isEmpty());
    EXPECT_EQ(
        fileVault->requiredScope, QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All"));
    EXPECT_EQ(bitLocker->consentScope, QStringLiteral("BitlockerKey.Read.All"));
    EXPECT_EQ(laps->consentScope, QStringLiteral("DeviceLocalCredential.Read.All"));
    EXPECT_TRUE(bitLocker->requiredScope.isEmpty()) << "offered before the consent, which it asks for";

    // A device without an Entra device id gives no path: nothing can be requested for it.
    device.azureADDeviceId.clear();
    EXPECT_TRUE(laps->path(device).isEmpty());
    EXPECT_TRUE(bitLocker->path(device).isEmpty());
    EXPECT_FALSE(fileVault->path(device).isEmpty());
}
