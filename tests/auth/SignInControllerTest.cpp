// SignInController against a fake token endpoint over real HTTP on 127.0.0.1, the real loopback
// listener, a scripted "browser" and the real keyring of the test session.
#include "auth/SignInController.h"
#include "auth/AuthCodeFlow.h"
#include "auth/BrowserLauncher.h"
#include "auth/DeviceCodeFlow.h"
#include "auth/Pkce.h"
#include "auth/TokenClient.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"

#include "FakeTokenServer.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

using namespace keyturn;
using namespace keyturn::test;

namespace {

const QString kOid = QStringLiteral("99999999-8888-7777-6666-555555555555");
const QString kTid = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kUpn = QStringLiteral("hana@example.com");

/// A browser whose user approves (or declines, or never answers) at once.
class ScriptedBrowser final : public BrowserLauncher {
public:
    enum class Mode { Approve, Decline, Ignore };
    explicit ScriptedBrowser(QNetworkAccessManager *network)
        : m_network(network)
    { }
    bool openUrl(const QUrl &url) override
    {
        ++launches;
        lastUrl = url;
        if (mode == Mode::Ignore)
            return true;
        const QUrlQuery query(url);
        QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery answer;
        if (mode == Mode::Approve)
            answer.addQueryItem(QStringLiteral("code"), QStringLiteral("the-code"));
        else
            answer.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        answer.addQueryItem(
            QStringLiteral("state"), query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
        redirect.setQuery(answer);
        QNetworkReply *reply = m_network->get(QNetworkRequest(redirect));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    }
    Mode mode = Mode::Approve;
    int launches = 0;
    QUrl lastUrl;

private:
    QNetworkAccessManager *m_network;
};

/// A keychain that is locked / missing.
class UnavailableTokenStore final : public TokenStore {
public:
    using TokenStore::TokenStore;
    void read(const QString &, QObject *, Callback cb) override
    {
        cb({ Status::Unavailable, {}, QStringLiteral("locked") });
    }
    void write(const QString &, const QString &, QObject *, Callback cb) override
    {
        ++writes;
        cb({ Status::Unavailable, {}, QStringLiteral("locked") });
    }
    void remove(const QString &, QObject *, Callback cb) override
    {
        cb({ Status::Unavailable, {}, QStringLiteral("locked") });
    }
    int writes = 0;
};

QString secretToolLookup(const QString &service, const QString &key)
{
    return runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key })
        .standardOutput.trimmed();
}

QString keychainKey()
{
    return QStringLiteral("global:%1:%2").arg(kTid, kOid);
}

class SignInControllerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        config.authorityRoot = server.baseUrl();
        config.graphRoot = server.baseUrl();
        makeController();
    }
    void makeController(TokenStore *storeOverride = nullptr)
    {
        controller = std::make_unique<SignInController>(
            &network, storeOverride ? storeOverride : &store, &browser, clock);
        controller->setSettings(&settings);
        controller->setConfig(config);
        controller->setRetryBaseDelay(std::chrono::milliseconds(10));
    }
    bool signIn()
    {
        server.enqueue(
            QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-1")) });
        QSignalSpy signedIn(controller.get(), &SignInController::signedIn);
        controller->signInWithBrowser();
        return waitUntil([&] { return signedIn.size() == 1; });
    }
    QString token(bool force = false)
    {
        std::optional<QString> result;
        QObject context;
        controller->getAccessToken(
            force, &context, [&](const QString &t, const QString &e) { result = t.isEmpty() ? e : t; });
        waitUntil([&] { return result.has_value(); });
        return result.value_or(QStringLiteral("<none>"));
    }
    QString settingsText()
    {
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    FakeTokenServer server;
    QNetworkAccessManager network;
    ManualClock clock;
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
    TokenStore store{
        QStringLiteral("KeyturnTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
    };
    ScriptedBrowser browser{ &network };
    AuthConfig config;
    std::unique_ptr<SignInController> controller;
};

} // namespace

TEST_F(SignInControllerTest, BrowserSignInUsesPkceAndRemembersOnlyInTheKeychain)
{
    QSignalSpy states(controller.get(), &SignInController::stateChanged);
    ASSERT_TRUE(signIn());
    EXPECT_EQ(controller->state(), SignInController::State::SignedIn);
    ASSERT_TRUE(controller->account().has_value());
    EXPECT_EQ(controller->account()->upn, kUpn);
    EXPECT_EQ(controller->account()->tenantId, kTid);
    EXPECT_TRUE(
        controller->hasScope(QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All")));
    EXPECT_FALSE(controller->hasScope(QStringLiteral("Directory.ReadWrite.All")));
    EXPECT_TRUE(controller->isRemembered());
    EXPECT_EQ(
        states.first().at(0).value<SignInController::State>(), SignInController::State::WaitingForBrowser);

    const QUrlQuery authorize(browser.lastUrl);
    EXPECT_EQ(browser.lastUrl.path(), QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    EXPECT_EQ(authorize.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    EXPECT_EQ(authorize.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    EXPECT_EQ(authorize.queryItemValue(QStringLiteral("prompt")), QStringLiteral("select_account"));
    EXPECT_EQ(authorize.queryItemValue(QStringLiteral("state")).size(), 43);
    const QString redirectUri = authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    EXPECT_TRUE(redirectUri.startsWith(QStringLiteral("http://localhost:")));
    EXPECT_TRUE(
        authorize.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
            .contains(QStringLiteral("https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All")));

    ASSERT_EQ(server.count(QStringLiteral("/token")), 1);
    const RecordedRequest &redeem = server.requests().last();
    EXPECT_EQ(redeem.path, QStringLiteral("/organizations/oauth2/v2.0/token"));
    EXPECT_EQ(redeem.form.value(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    EXPECT_EQ(redeem.form.value(QStringLiteral("code")), QStringLiteral("the-code"));
    EXPECT_EQ(redeem.form.value(QStringLiteral("redirect_uri")), redirectUri);
    EXPECT_EQ(pkceS256Challenge(redeem.form.value(QStringLiteral("code_verifier"))),
        authorize.queryItemValue(QStringLiteral("code_challenge")));
    EXPECT_TRUE(redeem.rawBody.contains("scope=https%3A%2F%2Fgraph.microsoft.com%2FDeviceManagement"));

    EXPECT_EQ(secretToolLookup(store.service(), keychainKey()), QStringLiteral("rt-1"));
    const QString saved = settingsText();
    EXPECT_TRUE(saved.contains(kUpn));
    EXPECT_FALSE(saved.contains(QStringLiteral("rt-1")));
    EXPECT_FALSE(saved.contains(QStringLiteral("the-code")));

    // A cached token is served without the network.
    EXPECT_TRUE(token().endsWith(QStringLiteral("-rt-1")));
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(SignInControllerTest, RefreshesWhenFewerThanFiveMinutesRemainAndRotatesTheStoredToken)
{
    ASSERT_TRUE(signIn());
    clock.advanceSecs(3600 - 301);
    EXPECT_TRUE(token().endsWith(QStringLiteral("-rt-1")));
    EXPECT_EQ(server.count(QStringLiteral("/token")), 1);

    clock.advanceSecs(2); // now < 5 minutes left
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    // Two callers at once share one refresh.
    std::optional<QString> first, second;
    QObject context;
    controller->getAccessToken(false, &context, [&](const QString &t, const QString &) { first = t; });
    controller->getAccessToken(false, &context, [&](const QString &t, const QString &) { second = t; });
    ASSERT_TRUE(waitUntil([&] { return first && second; }));
    EXPECT_TRUE(first->endsWith(QStringLiteral("-rt-2")));
    EXPECT_EQ(*first, *second);
    ASSERT_EQ(server.count(QStringLiteral("/token")), 2);
    const RecordedRequest &refresh = server.requests().last();
    EXPECT_EQ(refresh.path, QStringLiteral("/%1/oauth2/v2.0/token").arg(kTid));
    EXPECT_EQ(refresh.form.value(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(refresh.form.value(QStringLiteral("refresh_token")), QStringLiteral("rt-1"));
    EXPECT_EQ(secretToolLookup(store.service(), keychainKey()), QStringLiteral("rt-2"));
}

TEST_F(SignInControllerTest, ForceRefreshAfterA401RedeemsEvenAFreshToken)
{
    ASSERT_TRUE(signIn());
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    EXPECT_TRUE(token(true).endsWith(QStringLiteral("-rt-2")));
    EXPECT_EQ(server.count(QStringLiteral("/token")), 2);
}

TEST_F(SignInControllerTest, TransientRefreshFailuresRetryAndStaySignedIn)
{
    ASSERT_TRUE(signIn());
    QSignalSpy states(controller.get(), &SignInController::stateChanged);
    server.enqueue(QStringLiteral("/token"), { 503, "<html>busy</html>" });
    server.enqueue(
        QStringLiteral("/token"), { 500, tokenErrorBody(QStringLiteral("temporarily_unavailable"), 90006) });
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-3")) });
    EXPECT_TRUE(token(true).endsWith(QStringLiteral("-rt-3")));
    EXPECT_EQ(server.count(QStringLiteral("/token")), 4);
    EXPECT_EQ(controller->state(), SignInController::State::SignedIn);
    EXPECT_EQ(states.size(), 0);
}

TEST_F(SignInControllerTest, RevokedRefreshTokenAsksToSignInAgainWithTheUpnAsHint)
{
    ASSERT_TRUE(signIn());
    QSignalSpy reauth(controller.get(), &SignInController::reauthenticationRequired);
    server.enqueue(QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("invalid_grant"), 50173) });
    const QString answer = token(true);
    EXPECT_FALSE(answer.contains(QStringLiteral("rt-1")));
    ASSERT_EQ(reauth.size(), 1);
    EXPECT_EQ(reauth.at(0).at(0).toString(), kUpn);
    const auto error = reauth.at(0).at(1).value<AuthError>();
    EXPECT_EQ(error.kind, AuthError::Kind::InvalidGrant);
    EXPECT_EQ(error.errorCodes, QList<int>{ 50173 });
    EXPECT_EQ(error.correlationId, QStringLiteral("corr-1"));
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);
    EXPECT_EQ(controller->rememberedLoginHint(), kUpn);
    EXPECT_TRUE(waitUntil([&] { return secretToolLookup(store.service(), keychainKey()).isEmpty(); }));

    // Signing in again goes to the browser with the hint instead of the account picker.
    browser.mode = ScriptedBrowser::Mode::Ignore;
    controller->signInWithBrowser();
    EXPECT_EQ(
        QUrlQuery(browser.lastUrl).queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), kUpn);
    controller->cancel();
}

TEST_F(SignInControllerTest, RedeemErrorKeepsEntraDetails)
{
    server.enqueue(QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("invalid_grant"), 54005) });
    QSignalSpy failed(controller.get(), &SignInController::signInFailed);
    controller->signInWithBrowser();
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 1; }));
    const auto error = failed.at(0).at(0).value<AuthError>();
    EXPECT_EQ(error.errorCodes, QList<int>{ 54005 });
    EXPECT_EQ(error.traceId, QStringLiteral("trace-1"));
    EXPECT_TRUE(error.details().contains(QStringLiteral("corr-1")));
    EXPECT_FALSE(error.details().contains(QStringLiteral("the-code")));
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);
}

TEST_F(SignInControllerTest, DeclinedInTheBrowserFailsAsDenied)
{
    browser.mode = ScriptedBrowser::Mode::Decline;
    QSignalSpy failed(controller.get(), &SignInController::signInFailed);
    controller->signInWithBrowser();
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 1; }));
    EXPECT_EQ(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Denied);
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);
    EXPECT_EQ(server.count(QStringLiteral("/token")), 0);
}

TEST_F(SignInControllerTest, CancelAndTimeoutEndTheBrowserWait)
{
    browser.mode = ScriptedBrowser::Mode::Ignore;
    QSignalSpy failed(controller.get(), &SignInController::signInFailed);
    controller->signInWithBrowser();
    EXPECT_EQ(controller->state(), SignInController::State::WaitingForBrowser);
    controller->cancel();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Cancelled);
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);

    controller->setBrowserTimeout(std::chrono::milliseconds(200));
    controller->signInWithBrowser();
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 2; }, std::chrono::seconds(5)));
    EXPECT_EQ(failed.at(1).at(0).value<AuthError>().kind, AuthError::Kind::Timeout);
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);
}

TEST_F(SignInControllerTest, LockedKeychainStillSignsInForThisSessionAndWritesNoSecretElsewhere)
{
    UnavailableTokenStore locked(QStringLiteral("KeyturnTestLocked"));
    makeController(&locked);
    QSignalSpy remember(controller.get(), &SignInController::rememberStatusChanged);
    ASSERT_TRUE(signIn());
    EXPECT_EQ(controller->state(), SignInController::State::SignedIn);
    EXPECT_FALSE(controller->isRemembered());
    ASSERT_EQ(remember.size(), 1);
    EXPECT_FALSE(remember.at(0).at(0).toBool());
    EXPECT_FALSE(remember.at(0).at(1).toString().isEmpty());
    EXPECT_FALSE(settingsText().contains(QStringLiteral("rt-1")));

    // Refreshes keep working in memory without hammering the keychain.
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    EXPECT_TRUE(token(true).endsWith(QStringLiteral("-rt-2")));
    EXPECT_EQ(locked.writes, 1);
    EXPECT_FALSE(settingsText().contains(QStringLiteral("rt-2")));
}

TEST_F(SignInControllerTest, RestoresAfterRestartAndSignOutForgets)
{
    ASSERT_TRUE(signIn());
    // "Restart": a new controller, store object and network, same keyring and settings.
    controller.reset();
    QNetworkAccessManager freshNetwork;
    TokenStore freshStore(store.service());
    ScriptedBrowser freshBrowser(&freshNetwork);
    SignInController restored(&freshNetwork, &freshStore, &freshBrowser, clock);
    restored.setSettings(&settings);
    restored.setConfig(config);
    EXPECT_EQ(restored.rememberedLoginHint(), kUpn);
    QSignalSpy finished(&restored, &SignInController::restoreFinished);
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    restored.restoreSession();
    EXPECT_EQ(restored.state(), SignInController::State::RestoringSession);
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    EXPECT_EQ(restored.state(), SignInController::State::SignedIn);
    EXPECT_EQ(freshBrowser.launches, 0);
    EXPECT_EQ(secretToolLookup(store.service(), keychainKey()), QStringLiteral("rt-2"));

    QSignalSpy signedOut(&restored, &SignInController::signedOut);
    restored.signOut();
    EXPECT_EQ(signedOut.size(), 1);
    EXPECT_EQ(restored.state(), SignInController::State::SignedOut);
    EXPECT_TRUE(waitUntil([&] { return secretToolLookup(store.service(), keychainKey()).isEmpty(); }));
    EXPECT_FALSE(settingsText().contains(kUpn));
    const int before = server.count(QStringLiteral("/token"));
    restored.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 2; }));
    EXPECT_FALSE(finished.at(1).at(0).toBool());
    EXPECT_EQ(server.count(QStringLiteral("/token")), before);
}

TEST_F(SignInControllerTest, DeviceCodeSignInPollsUntilApproved)
{
    server.enqueue(QStringLiteral("/devicecode"),
        { 200,
            R"({"user_code":"ABCD-EFGH","device_code":"dc-secret","verification_uri":"https://microsoft.com/devicelogin",
                             "expires_in":900,"interval":1,"message":"Enter ABCD-EFGH"})" });
    server.enqueue(
        QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("authorization_pending"), 70016) });
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-dc")) });
    QSignalSpy ready(controller.get(), &SignInController::deviceCodeReady);
    QSignalSpy signedIn(controller.get(), &SignInController::signedIn);
    controller->signInWithDeviceCode();
    EXPECT_EQ(controller->state(), SignInController::State::WaitingForDeviceCode);
    ASSERT_TRUE(waitUntil([&] { return signedIn.size() == 1; }, std::chrono::seconds(10)));
    ASSERT_EQ(ready.size(), 1);
    EXPECT_EQ(ready.at(0).at(0).toString(), QStringLiteral("ABCD-EFGH"));
    EXPECT_EQ(ready.at(0).at(1).toUrl(), QUrl(QStringLiteral("https://microsoft.com/devicelogin")));
    EXPECT_EQ(server.count(QStringLiteral("/token")), 2);
    const RecordedRequest &poll = server.requests().last();
    EXPECT_EQ(poll.form.value(QStringLiteral("grant_type")),
        QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    EXPECT_EQ(poll.form.value(QStringLiteral("device_code")), QStringLiteral("dc-secret"));
    EXPECT_EQ(browser.launches, 0);
    EXPECT_EQ(secretToolLookup(store.service(), keychainKey()), QStringLiteral("rt-dc"));
}

TEST(DeviceCodeFlow, SlowDownAddsFiveSecondsAndDeclineStops)
{
    FakeTokenServer server;
    QNetworkAccessManager network;
    TokenClient client(&network);
    ManualClock clock;
    AuthConfig config;
    config.authorityRoot = server.baseUrl();
    server.enqueue(QStringLiteral("/devicecode"),
        { 200,
            R"({"user_code":"A-B","device_code":"d","verification_uri":"https://x/devicelogin","interval":1})" });
    server.enqueue(QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("slow_down"), 70016) });
    DeviceCodeFlow flow(&client, config, clock);
    flow.start();
    ASSERT_TRUE(
        waitUntil([&] { return server.count(QStringLiteral("/token")) == 1; }, std::chrono::seconds(5)));
    ASSERT_TRUE(waitUntil([&] { return flow.currentIntervalSecs() == 6; }));
    flow.cancel();

    server.enqueue(
        QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("authorization_declined"), 70000) });
    QSignalSpy failed(&flow, &DeviceCodeFlow::failed);
    flow.start();
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 1; }, std::chrono::seconds(5)));
    EXPECT_EQ(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Denied);

    // An expired code stops polling without asking the server.
    QSignalSpy failed2(&flow, &DeviceCodeFlow::failed);
    const int before = server.count(QStringLiteral("/token"));
    flow.start();
    ASSERT_TRUE(waitUntil([&] { return server.count(QStringLiteral("/devicecode")) == 3; }));
    waitUntil([] { return false; }, std::chrono::milliseconds(100));
    clock.advanceSecs(901);
    ASSERT_TRUE(waitUntil([&] { return failed2.size() == 1; }, std::chrono::seconds(5)));
    EXPECT_EQ(failed2.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Timeout);
    EXPECT_EQ(server.count(QStringLiteral("/token")), before);
}

TEST(TokenClient, PercentEncodesEveryKeyAndValue)
{
    const QByteArray body = TokenClient::encodeForm({ { QStringLiteral("a b"), QStringLiteral("x+y/z=1&2") },
        { QStringLiteral("scope"), QStringLiteral("https://g/S.R openid") } });
    EXPECT_EQ(body, QByteArray("a%20b=x%2By%2Fz%3D1%262&scope=https%3A%2F%2Fg%2FS.R%20openid"));
}

TEST(TokenClient, NetworkErrorIsReported)
{
    QNetworkAccessManager network;
    TokenClient client(&network);
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        deadPort = probe.serverPort();
    }
    std::optional<TokenResponse> response;
    QObject context;
    client.requestTokens(QUrl(QStringLiteral("http://127.0.0.1:%1/t/oauth2/v2.0/token").arg(deadPort)), {},
        &context, [&](const TokenResponse &r) { response = r; });
    ASSERT_TRUE(waitUntil([&] { return response.has_value(); }));
    EXPECT_EQ(response->error.kind, AuthError::Kind::Network);
    EXPECT_TRUE(response->error.isTransient());
}

namespace {
QStringList *g_capturedLogs = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_capturedLogs)
        g_capturedLogs->append(message);
}
} // namespace

TEST_F(SignInControllerTest, NoSecretReachesTheLogEvenAtDebugLevel)
{
    QStringList logs;
    g_capturedLogs = &logs;
    QLoggingCategory::setFilterRules(QStringLiteral("keyturn.*=true\nqt.network.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const bool signedIn = signIn();
    server.enqueue(QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("invalid_grant"), 50173) });
    token(true);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    g_capturedLogs = nullptr;

    ASSERT_TRUE(signedIn);
    ASSERT_FALSE(logs.isEmpty());
    const RecordedRequest &redeem = server.requests().first();
    const QString verifier = redeem.form.value(QStringLiteral("code_verifier"));
    const QString state = QUrlQuery(browser.lastUrl).queryItemValue(QStringLiteral("state"));
    const QString all = logs.join(QLatin1Char('\n'));
    for (const QString &secret : { QStringLiteral("rt-1"), QStringLiteral("the-code"), verifier, state }) {
        EXPECT_FALSE(secret.isEmpty());
        EXPECT_FALSE(all.contains(secret)) << secret.toStdString();
    }
}

TEST_F(SignInControllerTest, RememberedLoopbackAccountIsNotRestoredAgainstMicrosoft)
{
    ASSERT_TRUE(signIn());
    controller.reset();
    SignInController other(&network, &store, &browser, clock);
    other.setSettings(&settings);
    other.setConfig(AuthConfig::forCloud(Cloud::Global)); // the real cloud, same client id
    QSignalSpy finished(&other, &SignInController::restoreFinished);
    other.restoreSession();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_FALSE(finished.first().first().toBool());
    EXPECT_EQ(other.state(), SignInController::State::SignedOut);
    EXPECT_EQ(server.count(QStringLiteral("/token")), 1);
}

TEST_F(SignInControllerTest, EveryRequestDeclaresTheCp1Capability)
{
    ASSERT_TRUE(signIn());
    const QString cp1 = QStringLiteral(R"({"access_token":{"xms_cc":{"values":["cp1"]}}})");
    EXPECT_EQ(QUrlQuery(browser.lastUrl).queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded), cp1);
    EXPECT_EQ(server.requests().last().form.value(QStringLiteral("claims")), cp1);
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    EXPECT_TRUE(token(true).endsWith(QStringLiteral("-rt-2")));
    EXPECT_EQ(server.requests().last().form.value(QStringLiteral("claims")), cp1);
}

TEST_F(SignInControllerTest, AClaimsChallengeRefreshesWithTheClaimsOrAsksForASignInCarryingThem)
{
    ASSERT_TRUE(signIn());
    const QString challenge
        = QStringLiteral(R"({"access_token":{"nbf":{"essential":true,"value":"1700000000"}}})");
    const auto answerChallenge = [&] {
        std::optional<QString> result;
        QObject context;
        controller->getAccessTokenForClaims(
            challenge, &context, [&](const QString &t, const QString &e) { result = t.isEmpty() ? e : t; });
        waitUntil([&] { return result.has_value(); });
        return result.value_or(QStringLiteral("<none>"));
    };
    const auto sentClaims = [&] {
        return QJsonDocument::fromJson(server.requests().last().form.value(QStringLiteral("claims")).toUtf8())
            .object()
            .value(QLatin1String("access_token"))
            .toObject();
    };

    // Entra grants the claims on a refresh: the new token is served.
    server.enqueue(QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    EXPECT_TRUE(answerChallenge().endsWith(QStringLiteral("-rt-2")));
    EXPECT_EQ(sentClaims().value(QLatin1String("nbf")).toObject().value(QLatin1String("value")).toString(),
        QStringLiteral("1700000000"));
    EXPECT_TRUE(sentClaims().contains(QLatin1String("xms_cc")));
    EXPECT_TRUE(controller->pendingClaimsChallenge().isEmpty());

    // Entra wants the user: the caller gets an error, the UI is asked for a sign-in, and that
    // sign-in carries the claims and the account as login hint.
    QSignalSpy reauth(controller.get(), &SignInController::reauthenticationRequired);
    server.enqueue(
        QStringLiteral("/token"), { 400, tokenErrorBody(QStringLiteral("interaction_required"), 50173) });
    EXPECT_FALSE(answerChallenge().contains(QStringLiteral("rt-")));
    ASSERT_EQ(reauth.size(), 1);
    EXPECT_EQ(reauth.first().first().toString(), kUpn);
    EXPECT_EQ(controller->pendingClaimsChallenge(), challenge);
    ASSERT_TRUE(signIn());
    const QJsonObject authorizeClaims = QJsonDocument::fromJson(
        QUrlQuery(browser.lastUrl).queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded).toUtf8())
                                            .object()
                                            .value(QLatin1String("access_token"))
                                            .toObject();
    EXPECT_TRUE(authorizeClaims.contains(QLatin1String("nbf")));
    EXPECT_TRUE(authorizeClaims.contains(QLatin1String("xms_cc")));
    EXPECT_EQ(
        QUrlQuery(browser.lastUrl).queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), kUpn);
    EXPECT_TRUE(sentClaims().contains(QLatin1String("nbf")));
    EXPECT_TRUE(controller->pendingClaimsChallenge().isEmpty());
}
