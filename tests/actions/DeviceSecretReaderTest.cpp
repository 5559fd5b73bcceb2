// DeviceSecretReader over real HTTP against the in-process demo tenant: the FileVault key, the
// BitLocker keys and the LAPS password reach the caller exactly as the tenant escrowed them, with GETs
// only; each failure (no escrowed key, no LAPS backup, a missing scope or Entra role) is one sentence
// naming what is missing; a second read of the same secret while the first runs sends nothing.
#include "actions/DeviceSecretReader.h"
#include "common/TestSupport.h"
#include "core/AccessTokenProvider.h"
#include "core/Clock.h"
#include "demo/DemoTenant.h"
#include "demo/SecretLedger.h"
#include "graph/GraphClient.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

#include <type_traits>

using namespace keyturn;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

static_assert(!std::is_copy_constructible_v<SecretText>, "a secret is moved, never copied");
static_assert(!std::is_copy_assignable_v<SecretText>);

namespace {

const QString kExtraScopes = QStringLiteral("BitlockerKey.Read.All DeviceLocalCredential.Read.All");

class DeviceSecretReaderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoOptions options;
        options.devices = 300;
        options.seed = 5;
        tenant = std::make_unique<demo::DemoTenant>(options);
        QString error;
        ASSERT_TRUE(tenant->start(&error)) << error.toStdString();
        tokens.setToken(tenant->mintAccessTokenForTests(QStringLiteral("helpdesk"), 3600, kExtraScopes));
        GraphClientConfig config;
        config.graphRoot = tenant->baseUrl();
        config.transferTimeout = 5s;
        client.setConfig(config);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("$top"), QStringLiteral("1000"));
        GraphReply *reply = client.get(QStringLiteral("deviceManagement/managedDevices"), query);
        reply->setAutoDelete(false);
        ASSERT_TRUE(waitUntil([&] { return reply->isFinished(); }, 10s));
        for (const QJsonValue &v :
            QJsonDocument::fromJson(reply->body()).object().value(QLatin1String("value")).toArray())
            devices.append(deviceDetailsFromJson(v.toObject()));
        delete reply;
        ASSERT_EQ(devices.size(), 300);
    }

    DeviceSecretResult readNow(DeviceSecretKind kind, const DeviceDetails &device)
    {
        std::optional<DeviceSecretResult> result;
        EXPECT_TRUE(
            reader.read(kind, device, &context, [&](DeviceSecretResult r) { result = std::move(r); }));
        EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 10s));
        return result ? std::move(*result) : DeviceSecretResult{};
    }

    QList<DeviceDetails> where(const std::function<bool(const DeviceDetails &)> &predicate) const
    {
        QList<DeviceDetails> found;
        for (const DeviceDetails &d : devices) {
            if (predicate(d))
                found.append(d);
        }
        return found;
    }

    QJsonArray requestLog()
    {
        QNetworkRequest request(tenant->baseUrl().resolved(QUrl(QStringLiteral("/_demo/requests"))));
        QNetworkReply *reply = nam.get(request);
        EXPECT_TRUE(waitUntil([&] { return reply->isFinished(); }, 5s));
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    QStringList served() const { return tenant->issuedSecretsForTests().deviceSecrets; }

    std::unique_ptr<demo::DemoTenant> tenant;
    StaticAccessTokenProvider tokens{ QString() };
    SystemClock clock;
    QNetworkAccessManager nam;
    GraphClient client{ &nam, &tokens, clock };
    DeviceSecretReader reader{ &client };
    QObject context;
    QList<DeviceDetails> devices;
};

TEST_F(DeviceSecretReaderTest, FileVaultKeyOfAnEscrowedMacAsTheTenantHoldsIt)
{
    const auto macs
        = where([](const DeviceDetails &d) { return d.isMac() && d.isCompanyOwned() && d.isEncrypted; });
    ASSERT_FALSE(macs.isEmpty());
    int noKey = 0;
    for (const DeviceDetails &mac : macs) {
        const DeviceSecretResult result = readNow(DeviceSecretKind::FileVaultRecoveryKey, mac);
        if (!result.ok()) {
            EXPECT_TRUE(result.message.contains(
                QStringLiteral("holds no FileVault recovery key for ") + mac.deviceName))
                << result.message.toStdString();
            ++noKey;
            continue;
        }
        ASSERT_EQ(result.items.size(), 1u);
        EXPECT_TRUE(served().contains(result.items[0].value.reveal()));
        EXPECT_FALSE(result.requestId.isEmpty());
    }
    EXPECT_LT(noKey, macs.size()) << "at least one Mac has an escrowed key";
    for (const QJsonValue &v : requestLog())
        EXPECT_EQ(v.toObject().value(QLatin1String("method")).toString(), QStringLiteral("GET"));
}

TEST_F(DeviceSecretReaderTest, BitLockerKeysOfEachVolumeAndLapsPasswordNewestFirst)
{
    int keysRead = 0, twoVolumes = 0, lapsRead = 0, noLaps = 0;
    for (const DeviceDetails &pc :
        where([](const DeviceDetails &d) { return d.isWindows() && d.isEncrypted; })) {
        const DeviceSecretResult keys = readNow(DeviceSecretKind::BitLockerRecoveryKeys, pc);
        if (keys.ok()) {
            ++keysRead;
            twoVolumes += keys.items.size() == 2 ? 1 : 0;
            for (const DeviceSecretItem &item : keys.items) {
                EXPECT_TRUE(served().contains(item.value.reveal()));
                EXPECT_TRUE(item.detail.startsWith(u"Key ID ")) << item.detail.toStdString();
            }
            EXPECT_EQ(keys.items.front().title, QStringLiteral("Operating system volume"));
        } else {
            EXPECT_TRUE(
                keys.message.contains(QStringLiteral("holds no BitLocker recovery key for ") + pc.deviceName))
                << keys.message.toStdString();
        }
        if (!pc.isCompanyOwned())
            continue;
        const DeviceSecretResult laps = readNow(DeviceSecretKind::LocalAdminPassword, pc);
        if (!laps.ok()) {
            EXPECT_TRUE(
                laps.message.contains(QStringLiteral("no local administrator password for ") + pc.deviceName))
                << laps.message.toStdString();
            ++noLaps;
            continue;
        }
        ++lapsRead;
        ASSERT_FALSE(laps.items.empty());
        EXPECT_EQ(laps.items.front().title, QStringLiteral("Administrator"));
        EXPECT_TRUE(laps.items.front().detail.startsWith(u"Current password"))
            << laps.items.front().detail.toStdString();
        EXPECT_TRUE(served().contains(laps.items.front().value.reveal()));
    }
    EXPECT_GT(keysRead, 0);
    EXPECT_GT(twoVolumes, 0);
    EXPECT_GT(lapsRead, 0);
    EXPECT_GT(noLaps, 0);
}

TEST_F(DeviceSecretReaderTest, AMissingScopeOrEntraRoleIsOneSentenceWithTheRoles)
{
    const auto pcs
        = where([](const DeviceDetails &d) { return d.isWindows() && d.isEncrypted && d.isCompanyOwned(); });
    ASSERT_FALSE(pcs.isEmpty());
    for (const QString &token : { tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")),
             tenant->mintAccessTokenForTests(QStringLiteral("readonly"), 3600, kExtraScopes) }) {
        tokens.setToken(token);
        const DeviceSecretResult keys = readNow(DeviceSecretKind::BitLockerRecoveryKeys, pcs.first());
        EXPECT_FALSE(keys.ok());
        EXPECT_TRUE(keys.items.empty());
        EXPECT_EQ(keys.error.httpStatus, 403);
        EXPECT_TRUE(keys.message.contains(u"Helpdesk Administrator")) << keys.message.toStdString();
        EXPECT_FALSE(keys.requestId.isEmpty()) << "the request-id goes to Copy details";
        const DeviceSecretResult laps = readNow(DeviceSecretKind::LocalAdminPassword, pcs.first());
        EXPECT_TRUE(laps.message.contains(u"DeviceLocalCredential.Read.All")) << laps.message.toStdString();
    }
}

TEST_F(DeviceSecretReaderTest, ASecondReadWhileTheFirstRunsSendsNothing)
{
    const auto pcs = where([](const DeviceDetails &d) { return d.isWindows() && d.isEncrypted; });
    ASSERT_FALSE(pcs.isEmpty());
    int calls = 0;
    ASSERT_TRUE(reader.read(DeviceSecretKind::BitLockerRecoveryKeys, pcs.first(), &context,
        [&](DeviceSecretResult) { ++calls; }));
    EXPECT_TRUE(reader.isReading(DeviceSecretKind::BitLockerRecoveryKeys, pcs.first().id));
    EXPECT_FALSE(reader.read(DeviceSecretKind::BitLockerRecoveryKeys, pcs.first(), &context,
        [&](DeviceSecretResult) { ++calls; }));
    ASSERT_TRUE(waitUntil([&] { return calls > 0; }, 10s));
    EXPECT_EQ(calls, 1);
    int lists = 0;
    for (const QJsonValue &v : requestLog())
        lists += v.toObject().value(QLatin1String("path")).toString().endsWith(u"/recoveryKeys") ? 1 : 0;
    EXPECT_EQ(lists, 1);

    DeviceDetails noEntraId = pcs.first();
    noEntraId.azureADDeviceId.clear();
    EXPECT_FALSE(
        reader.read(DeviceSecretKind::LocalAdminPassword, noEntraId, &context, [](DeviceSecretResult) {}));
}

TEST(SecretTextTest, MovesAndWipes)
{
    SecretText a(QStringLiteral("1234-5678"));
    SecretText b(std::move(a));
    EXPECT_TRUE(a.isEmpty());
    EXPECT_EQ(b.reveal(), QStringLiteral("1234-5678"));
    b.wipe();
    EXPECT_TRUE(b.isEmpty());
}

} // namespace
