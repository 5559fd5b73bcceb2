// The demo tenant's keys and passwords as WIRE.md records Graph's: getFileVaultKey (with and without
// parentheses), BitLocker recovery keys by Entra device id and with $select=key, Windows LAPS
// credentials; Entra scopes and roles (403 Authorization_RequestDenied), incremental consent (a silent
// request for a new scope gets consent_required; an interactive one grants it once, or is declined),
// secrets that change after a completed rotation, and nothing secret in the request log.
#include "DemoHttp.h"

#include "demo/SecretLedger.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

const QString kBitLocker = QStringLiteral("/v1.0/informationProtection/bitlocker/recoveryKeys");
const QString kLaps = QStringLiteral("/v1.0/directory/deviceLocalCredentials/");
const QList<QPair<QByteArray, QByteArray>> kClientHeaders{ { "User-Agent", "Keyturn/1.0" },
    { "ocp-client-name", "Keyturn" }, { "ocp-client-version", "1.0" } };

QString scpOf(const QString &jwt)
{
    return QJsonDocument::fromJson(
        QByteArray::fromBase64(jwt.section(u'.', 1, 1).toLatin1(), QByteArray::Base64UrlEncoding))
        .object()
        .value(QStringLiteral("scp"))
        .toString();
}

class DeviceSecretsContract : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.devices = 400;
        options.actionDelaySecs = 5;
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
        helpdesk = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
        const QString extra = QStringLiteral("BitlockerKey.Read.All DeviceLocalCredential.Read.All");
        helpdeskConsented
            = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk"), 3600, extra).toLatin1();
        readonlyConsented
            = tenant->mintAccessTokenForTests(QStringLiteral("readonly"), 3600, extra).toLatin1();
        const HttpResult r = http->get(kDevices
                + QStringLiteral("?$select=id,deviceName,operatingSystem,managedDeviceOwnerType,"
                                 "isEncrypted,azureADDeviceId&$top=1000"),
            helpdesk);
        ASSERT_EQ(r.status, 200);
        devices = r.json().value(QStringLiteral("value")).toArray();
        ASSERT_EQ(devices.size(), 400);
    }

    QList<QJsonObject> devicesWhere(const QString &os, bool company, bool encrypted) const
    {
        QList<QJsonObject> found;
        for (const auto &v : devices) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("operatingSystem")).toString() == os
                && (d.value(QStringLiteral("managedDeviceOwnerType")).toString() == u"company") == company
                && d.value(QStringLiteral("isEncrypted")).toBool() == encrypted)
                found.append(d);
        }
        return found;
    }

    void completeAction(const QString &deviceId, const QString &action)
    {
        ASSERT_EQ(http->post(kDevices + u'/' + deviceId + u'/' + action, {}, helpdesk).status, 204);
        ASSERT_EQ(http->post(QStringLiteral("/_demo/advance-clock?seconds=6")).status, 204);
    }

    /// An interactive sign-in asking for extra scopes; the redirect's query (code or error).
    QUrlQuery authorizeWithScope(const QString &user, const QString &scope, bool declineConsent)
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), kClientId);
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(
            QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(kRedirect)));
        query.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scope)));
        query.addQueryItem(QStringLiteral("code_challenge"), DemoHttp::challengeFor(kVerifier));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        query.addQueryItem(QStringLiteral("demo_user"), user);
        if (declineConsent)
            query.addQueryItem(QStringLiteral("demo_consent"), QStringLiteral("deny"));
        const HttpResult r = http->get(
            QStringLiteral("/organizations/oauth2/v2.0/authorize?") + query.toString(QUrl::FullyEncoded));
        EXPECT_EQ(r.status, 302) << r.body.constData();
        return QUrlQuery(QUrl(QString::fromUtf8(r.header("Location"))));
    }

    QJsonObject redeem(const QString &code)
    {
        return http
            ->postForm(QStringLiteral("/organizations/oauth2/v2.0/token"),
                { { QStringLiteral("client_id"), kClientId },
                    { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                    { QStringLiteral("code"), code }, { QStringLiteral("redirect_uri"), kRedirect },
                    { QStringLiteral("code_verifier"), kVerifier } })
            .json();
    }

    HttpResult refresh(const QString &refreshToken, const QString &scope)
    {
        return http->postForm(QStringLiteral("/organizations/oauth2/v2.0/token"),
            { { QStringLiteral("client_id"), kClientId },
                { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                { QStringLiteral("refresh_token"), refreshToken }, { QStringLiteral("scope"), scope } });
    }

    const QString kVerifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-abcdef");
    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
    QByteArray helpdesk, helpdeskConsented, readonlyConsented;
    QJsonArray devices;
};

TEST_F(DeviceSecretsContract, FileVaultKeyOfACorporateMacWithAndWithoutParenthesesChangesAfterARotation)
{
    const QRegularExpression shape(QStringLiteral("^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$"));
    QString macId, key;
    int withoutKey = 0;
    for (const QJsonObject &mac : devicesWhere(QStringLiteral("macOS"), true, true)) {
        const QString id = mac.value(QStringLiteral("id")).toString();
        const HttpResult r = http->get(kDevices + u'/' + id + QStringLiteral("/getFileVaultKey"), helpdesk);
        if (r.status != 200) {
            EXPECT_EQ(r.status, 404) << r.body.constData();
            ++withoutKey;
            continue;
        }
        EXPECT_TRUE(r.json()
                        .value(QStringLiteral("@odata.context"))
                        .toString()
                        .endsWith(u"/beta/$metadata#Edm.String"));
        macId = id;
        key = r.json().value(QStringLiteral("value")).toString();
        break;
    }
    ASSERT_FALSE(macId.isEmpty()) << "no corporate Mac with an escrowed key among " << withoutKey;
    EXPECT_TRUE(shape.match(key).hasMatch()) << qPrintable(key);
    const HttpResult again
        = http->get(kDevices + u'/' + macId + QStringLiteral("/getFileVaultKey()"), helpdesk);
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json().value(QStringLiteral("value")).toString(), key);
    EXPECT_TRUE(tenant->issuedSecretsForTests().deviceSecrets.contains(key));

    // A read-only operator lacks the privileged scope.
    const QByteArray readonly = tenant->mintAccessTokenForTests(QStringLiteral("readonly")).toLatin1();
    const HttpResult refused
        = http->get(kDevices + u'/' + macId + QStringLiteral("/getFileVaultKey"), readonly);
    EXPECT_EQ(refused.status, 403);

    completeAction(macId, QStringLiteral("rotateFileVaultKey"));
    const HttpResult rotated
        = http->get(kDevices + u'/' + macId + QStringLiteral("/getFileVaultKey"), helpdesk);
    ASSERT_EQ(rotated.status, 200);
    const QString newKey = rotated.json().value(QStringLiteral("value")).toString();
    EXPECT_TRUE(shape.match(newKey).hasMatch());
    EXPECT_NE(newKey, key);

    // A Windows device has no FileVault key: Intune's nested 404.
    const QString windows
        = devicesWhere(QStringLiteral("Windows"), true, true).first().value(QStringLiteral("id")).toString();
    const HttpResult none
        = http->get(kDevices + u'/' + windows + QStringLiteral("/getFileVaultKey"), helpdesk);
    EXPECT_EQ(none.status, 404);
    EXPECT_TRUE(none.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("getFileVaultKey")));
}

TEST_F(DeviceSecretsContract, BitLockerKeysListedByEntraDeviceIdAndReadWithSelectKey)
{
    const QRegularExpression shape(QStringLiteral("^\\d{6}(-\\d{6}){7}$"));
    int withTwo = 0, withNone = 0, withOne = 0;
    QString aKeyId, aKeyDevice;
    for (const QJsonObject &d : devicesWhere(QStringLiteral("Windows"), true, true)
            + devicesWhere(QStringLiteral("Windows"), false, true)) {
        const QString entraId = d.value(QStringLiteral("azureADDeviceId")).toString();
        const HttpResult list
            = http->get(kBitLocker + QStringLiteral("?$filter=deviceId%20eq%20'") + entraId + u'\'',
                helpdeskConsented, kClientHeaders);
        ASSERT_EQ(list.status, 200) << list.body.constData();
        const QJsonArray keys = list.json().value(QStringLiteral("value")).toArray();
        (keys.isEmpty() ? withNone : keys.size() == 2 ? withTwo : withOne)++;
        for (const auto &k : keys) {
            const QJsonObject key = k.toObject();
            EXPECT_EQ(key.value(QStringLiteral("deviceId")).toString(), entraId);
            EXPECT_FALSE(key.contains(QStringLiteral("key"))) << "the list never carries the key";
            EXPECT_FALSE(key.value(QStringLiteral("createdDateTime")).toString().isEmpty());
            EXPECT_TRUE(
                QStringList({ QStringLiteral("operatingSystemVolume"), QStringLiteral("fixedDataVolume") })
                    .contains(key.value(QStringLiteral("volumeType")).toString()));
        }
        if (aKeyId.isEmpty() && !keys.isEmpty()) {
            aKeyId = keys.first().toObject().value(QStringLiteral("id")).toString();
            aKeyDevice = d.value(QStringLiteral("id")).toString();
        }
    }
    EXPECT_GT(withOne, 0);
    EXPECT_GT(withTwo, 0) << "some devices have an OS and a data volume";
    EXPECT_GT(withNone, 0) << "some encrypted devices never escrowed a key";

    const HttpResult plain = http->get(kBitLocker + u'/' + aKeyId, helpdeskConsented, kClientHeaders);
    ASSERT_EQ(plain.status, 200);
    EXPECT_FALSE(plain.json().contains(QStringLiteral("key")));
    const HttpResult withKey = http->get(
        kBitLocker + u'/' + aKeyId + QStringLiteral("?$select=key"), helpdeskConsented, kClientHeaders);
    ASSERT_EQ(withKey.status, 200);
    const QString key = withKey.json().value(QStringLiteral("key")).toString();
    ASSERT_TRUE(shape.match(key).hasMatch()) << qPrintable(key);
    for (const QString &group : key.split(u'-'))
        EXPECT_EQ(group.toInt() % 11, 0) << "BitLocker's recovery password blocks are multiples of 11";
    EXPECT_TRUE(tenant->issuedSecretsForTests().deviceSecrets.contains(key));

    // Without the scope in the token, or without an Entra role: Entra's 403.
    for (const QByteArray &token : { helpdesk, readonlyConsented }) {
        const HttpResult refused
            = http->get(kBitLocker + u'/' + aKeyId + QStringLiteral("?$select=key"), token, kClientHeaders);
        EXPECT_EQ(refused.status, 403);
        EXPECT_EQ(
            refused.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("Authorization_RequestDenied"));
    }
    EXPECT_EQ(http->get(kBitLocker + QStringLiteral("/00000000-0000-0000-0000-000000000000?$select=key"),
                      helpdeskConsented, kClientHeaders)
                  .status,
        404);

    // A completed rotation replaces the keys: the old id is gone.
    completeAction(aKeyDevice, QStringLiteral("rotateBitLockerKeys"));
    EXPECT_EQ(http->get(kBitLocker + u'/' + aKeyId + QStringLiteral("?$select=key"), helpdeskConsented,
                      kClientHeaders)
                  .status,
        404);
}

TEST_F(DeviceSecretsContract, BitLockerKeysNeedAUserAgent)
{
    QTcpSocket socket;
    socket.connectToHost(tenant->baseUrl().host(), static_cast<quint16>(tenant->baseUrl().port()));
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("GET " + kBitLocker.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + helpdeskConsented + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("User-Agent") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 400")) << answer.left(200).constData();
    EXPECT_TRUE(answer.contains("User-Agent"));
}

TEST_F(DeviceSecretsContract, LocalAdminPasswordsNewestFirstBase64AndOnlyWithSelectCredentials)
{
    int with = 0, without = 0;
    QJsonObject device;
    for (const QJsonObject &d : devicesWhere(QStringLiteral("Windows"), true, true)
            + devicesWhere(QStringLiteral("Windows"), true, false)) {
        const HttpResult r = http->get(kLaps + d.value(QStringLiteral("azureADDeviceId")).toString()
                + QStringLiteral("?$select=credentials"),
            helpdeskConsented);
        if (r.status == 404) {
            ++without;
            continue;
        }
        ASSERT_EQ(r.status, 200) << r.body.constData();
        ++with;
        if (device.isEmpty())
            device = d;
    }
    EXPECT_GT(with, 0);
    EXPECT_GT(without, 0) << "LAPS covers a share of the Windows devices";

    const QString entraId = device.value(QStringLiteral("azureADDeviceId")).toString();
    const HttpResult meta = http->get(kLaps + entraId, helpdeskConsented);
    ASSERT_EQ(meta.status, 200);
    EXPECT_FALSE(meta.json().contains(QStringLiteral("credentials")));
    EXPECT_EQ(meta.json().value(QStringLiteral("deviceName")).toString(),
        device.value(QStringLiteral("deviceName")).toString());

    completeAction(device.value(QStringLiteral("id")).toString(), QStringLiteral("rotateLocalAdminPassword"));
    const HttpResult r
        = http->get(kLaps + entraId + QStringLiteral("?$select=credentials"), helpdeskConsented);
    ASSERT_EQ(r.status, 200);
    const QJsonArray credentials = r.json().value(QStringLiteral("credentials")).toArray();
    ASSERT_EQ(credentials.size(), 2);
    const QJsonObject newest = credentials[0].toObject();
    const QJsonObject older = credentials[1].toObject();
    EXPECT_GT(newest.value(QStringLiteral("backupDateTime")).toString(),
        older.value(QStringLiteral("backupDateTime")).toString());
    EXPECT_EQ(r.json().value(QStringLiteral("lastBackupDateTime")).toString(),
        newest.value(QStringLiteral("backupDateTime")).toString());
    EXPECT_EQ(newest.value(QStringLiteral("accountName")).toString(), QStringLiteral("Administrator"));
    EXPECT_TRUE(newest.value(QStringLiteral("accountSid")).toString().startsWith(u"S-1-5-21-"));
    const QString password = QString::fromUtf8(
        QByteArray::fromBase64(newest.value(QStringLiteral("passwordBase64")).toString().toLatin1()));
    EXPECT_EQ(password.size(), 16);
    EXPECT_NE(password,
        QString::fromUtf8(
            QByteArray::fromBase64(older.value(QStringLiteral("passwordBase64")).toString().toLatin1())));
    EXPECT_TRUE(tenant->issuedSecretsForTests().deviceSecrets.contains(password));

    for (const QByteArray &token : { helpdesk, readonlyConsented })
        EXPECT_EQ(http->get(kLaps + entraId + QStringLiteral("?$select=credentials"), token).status, 403);

    // Nothing secret in what the request log shows.
    const QByteArray log = QJsonDocument(http->requests()).toJson();
    for (const QString &secret : tenant->issuedSecretsForTests().deviceSecrets)
        EXPECT_FALSE(log.contains(secret.toUtf8()));
}

TEST_F(DeviceSecretsContract, IncrementalConsentIsAskedOnceThenCarriedByEveryToken)
{
    const QJsonObject first = http->signIn(QStringLiteral("helpdesk"));
    const QString refreshToken = first.value(QStringLiteral("refresh_token")).toString();
    ASSERT_FALSE(refreshToken.isEmpty());
    EXPECT_FALSE(
        scpOf(first.value(QStringLiteral("access_token")).toString()).contains(u"BitlockerKey.Read.All"));

    // A silent request for the new scope: Entra wants an interactive one.
    const QString bitLockerScope
        = QStringLiteral("https://graph.microsoft.com/BitlockerKey.Read.All offline_access");
    const HttpResult silent = refresh(refreshToken, bitLockerScope);
    EXPECT_EQ(silent.status, 400);
    EXPECT_EQ(silent.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    EXPECT_EQ(silent.json().value(QStringLiteral("suberror")).toString(), QStringLiteral("consent_required"));
    EXPECT_EQ(silent.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), 65001);

    // Declined on the consent screen.
    const QUrlQuery declined = authorizeWithScope(QStringLiteral("helpdesk"), bitLockerScope, true);
    EXPECT_EQ(declined.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    EXPECT_TRUE(declined.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)
                    .startsWith(u"AADSTS65004"));

    // Granted: the token carries the scope, and so does every later token, silently.
    const QUrlQuery granted = authorizeWithScope(QStringLiteral("helpdesk"), bitLockerScope, false);
    const QJsonObject consented = redeem(granted.queryItemValue(QStringLiteral("code")));
    const QString scp = scpOf(consented.value(QStringLiteral("access_token")).toString());
    EXPECT_TRUE(scp.contains(u"BitlockerKey.Read.All")) << qPrintable(scp);
    EXPECT_TRUE(scp.contains(u"DeviceManagementManagedDevices.PrivilegedOperations.All")) << qPrintable(scp);
    EXPECT_FALSE(scp.contains(u"DeviceLocalCredential.Read.All"));
    const HttpResult later
        = refresh(consented.value(QStringLiteral("refresh_token")).toString(), bitLockerScope);
    ASSERT_EQ(later.status, 200) << later.body.constData();
    EXPECT_TRUE(scpOf(later.json().value(QStringLiteral("access_token")).toString())
                    .contains(u"BitlockerKey.Read.All"));
    EXPECT_TRUE(
        scpOf(http->signIn(QStringLiteral("helpdesk")).value(QStringLiteral("access_token")).toString())
            .contains(u"BitlockerKey.Read.All"));
}

} // namespace
