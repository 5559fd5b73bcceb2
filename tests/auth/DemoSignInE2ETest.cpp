// End to end against the demo tenant over real HTTP: browser sign-in through DemoBrowserLauncher,
// the keychain item, a silent restore after "restart", short-lived tokens refreshed unnoticed,
// sign-out, device code sign-in and a revoked refresh token.
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "demo/DemoTenant.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

using namespace keyturn;
using keyturn::test::runProcess;
using keyturn::test::waitUntil;

namespace {

const QString kHelpdeskUpn = QStringLiteral("helpdesk@example.com");
const QString kPrivileged = QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All");

/// The refresh tokens the keyring holds for service (secret-tool sees what any app would see).
QStringList keyringSecrets(const QString &service)
{
    const auto result = runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service });
    QStringList secrets;
    for (const QString &line : result.standardOutput.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("secret = ")))
            secrets << line.mid(9);
    }
    return secrets;
}

/// One "installation": network, keychain store, browser and controller. A new one = a restart.
struct App {
    App(const QUrl &demoUrl, const QString &service, QSettings *settings, const Clock &clock,
        const QString &user = QStringLiteral("helpdesk"))
        : store(service)
        , browser(&network, user)
        , controller(&network, &store, &browser, clock)
    {
        AuthConfig config;
        config.authorityRoot = demoUrl;
        config.graphRoot = demoUrl;
        controller.setSettings(settings);
        controller.setConfig(config);
    }
    QString token(bool force = false)
    {
        std::optional<QString> result;
        QObject context;
        controller.getAccessToken(force, &context, [&](const QString &t, const QString &) { result = t; });
        waitUntil([&] { return result.has_value(); });
        return result.value_or(QString());
    }
    /// HTTP status of a Graph list call with the given token.
    int graphStatus(const QUrl &demoUrl, const QString &accessToken)
    {
        QNetworkRequest request(
            demoUrl.resolved(QUrl(QStringLiteral("/beta/deviceManagement/managedDevices?$top=1"))));
        request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
        QNetworkReply *reply = network.get(request);
        waitUntil([&] { return reply->isFinished(); });
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    QNetworkAccessManager network;
    TokenStore store;
    DemoBrowserLauncher browser;
    SignInController controller;
};

class DemoSignInE2E : public ::testing::Test {
protected:
    void startDemo(demo::DemoOptions options = {})
    {
        tenant = std::make_unique<demo::DemoTenant>(options);
        QString error;
        ASSERT_TRUE(tenant->start(&error)) << error.toStdString();
    }
    std::unique_ptr<App> makeApp(const QString &user = QStringLiteral("helpdesk"))
    {
        return std::make_unique<App>(tenant->baseUrl(), service, &settings, clock, user);
    }
    static bool signInWithBrowser(App &app)
    {
        QSignalSpy signedIn(&app.controller, &SignInController::signedIn);
        app.controller.signInWithBrowser();
        return waitUntil([&] { return signedIn.size() == 1; }, std::chrono::seconds(15));
    }
    bool revoke(const QString &user)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(
            tenant->baseUrl().resolved(QUrl(QStringLiteral("/_demo/revoke?user=") + user)));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = network.post(request, QByteArray());
        waitUntil([&] { return reply->isFinished(); });
        const bool ok = reply->error() == QNetworkReply::NoError;
        delete reply;
        return ok;
    }

    /// Token endpoint requests the demo received (from its /_demo/requests log).
    int tokenRequests()
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(
            QNetworkRequest(tenant->baseUrl().resolved(QUrl(QStringLiteral("/_demo/requests")))));
        waitUntil([&] { return reply->isFinished(); });
        const QJsonArray requests = QJsonDocument::fromJson(reply->readAll()).array();
        delete reply;
        int count = 0;
        for (const QJsonValue &r : requests)
            count += r.toObject()
                         .value(QStringLiteral("path"))
                         .toString()
                         .endsWith(QStringLiteral("/oauth2/v2.0/token"))
                ? 1
                : 0;
        return count;
    }

    std::unique_ptr<demo::DemoTenant> tenant;
    ManualClock clock{ QDateTime::currentDateTimeUtc() };
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
    QString service = QStringLiteral("KeyturnE2E-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
};

} // namespace

TEST_F(DemoSignInE2E, BrowserSignInRestartRestoresSilentlyAndSignOutForgets)
{
    startDemo();
    auto app = makeApp();
    ASSERT_TRUE(signInWithBrowser(*app));
    EXPECT_EQ(app->browser.launchCount(), 1);
    ASSERT_TRUE(app->controller.account().has_value());
    EXPECT_EQ(app->controller.account()->upn, kHelpdeskUpn);
    EXPECT_EQ(app->controller.account()->tenantId, tenant->tenantId());
    EXPECT_TRUE(app->controller.hasScope(kPrivileged));
    EXPECT_TRUE(app->controller.isRemembered());
    const QString firstToken = app->token();
    EXPECT_EQ(app->graphStatus(tenant->baseUrl(), firstToken), 200);

    // Exactly one keychain item, holding a refresh token (not the access token).
    QStringList secrets = keyringSecrets(service);
    ASSERT_EQ(secrets.size(), 1);
    EXPECT_NE(secrets.first(), firstToken);
    EXPECT_FALSE(secrets.first().isEmpty());

    // Restart: new network, store, browser and controller; no browser needed.
    app.reset();
    auto restarted = makeApp();
    QSignalSpy finished(&restarted->controller, &SignInController::restoreFinished);
    restarted->controller.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }, std::chrono::seconds(15)));
    EXPECT_TRUE(finished.first().first().toBool());
    EXPECT_EQ(restarted->controller.state(), SignInController::State::SignedIn);
    EXPECT_EQ(restarted->browser.launchCount(), 0);
    EXPECT_EQ(restarted->controller.account()->upn, kHelpdeskUpn);
    EXPECT_EQ(restarted->graphStatus(tenant->baseUrl(), restarted->token()), 200);
    // The refresh token rotated and the keychain holds the new one only.
    const QStringList rotated = keyringSecrets(service);
    ASSERT_EQ(rotated.size(), 1);
    EXPECT_NE(rotated.first(), secrets.first());

    QSignalSpy signedOut(&restarted->controller, &SignInController::signedOut);
    restarted->controller.signOut();
    EXPECT_EQ(signedOut.size(), 1);
    EXPECT_TRUE(waitUntil([&] { return keyringSecrets(service).isEmpty(); }));
    EXPECT_TRUE(restarted->token().isEmpty());

    auto afterSignOut = makeApp();
    QSignalSpy finished2(&afterSignOut->controller, &SignInController::restoreFinished);
    afterSignOut->controller.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished2.size() == 1; }));
    EXPECT_FALSE(finished2.first().first().toBool());
    EXPECT_EQ(afterSignOut->controller.state(), SignInController::State::SignedOut);
    EXPECT_EQ(afterSignOut->browser.launchCount(), 0);
}

TEST_F(DemoSignInE2E, SixtySecondTokensAreRefreshedWithoutTheUserNoticing)
{
    demo::DemoOptions options;
    options.tokenLifetimeSecs = 60;
    startDemo(options);
    auto app = makeApp();
    ASSERT_TRUE(signInWithBrowser(*app));
    const QString first = app->token();
    const QStringList firstSecrets = keyringSecrets(service);
    QSignalSpy states(&app->controller, &SignInController::stateChanged);
    QSignalSpy failures(&app->controller, &SignInController::signInFailed);
    QSignalSpy reauth(&app->controller, &SignInController::reauthenticationRequired);

    ASSERT_EQ(tokenRequests(), 1);
    clock.advanceSecs(10);
    EXPECT_EQ(app->token(), first); // still fresh: no refresh
    EXPECT_EQ(tokenRequests(), 1);
    clock.advanceSecs(35); // past half-life
    const QString second = app->token();
    EXPECT_FALSE(second.isEmpty());
    EXPECT_EQ(tokenRequests(), 2); // refreshed once, silently
    EXPECT_EQ(app->graphStatus(tenant->baseUrl(), second), 200);
    EXPECT_EQ(states.size(), 0);
    EXPECT_EQ(failures.size(), 0);
    EXPECT_EQ(reauth.size(), 0);
    EXPECT_EQ(app->browser.launchCount(), 1);
    const QStringList rotated = keyringSecrets(service);
    ASSERT_EQ(rotated.size(), 1);
    EXPECT_NE(rotated, firstSecrets);
}

TEST_F(DemoSignInE2E, DeclinedInTheBrowserDoesNotSignIn)
{
    startDemo();
    auto app = makeApp();
    app->browser.setCancel(true);
    QSignalSpy failed(&app->controller, &SignInController::signInFailed);
    app->controller.signInWithBrowser();
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 1; }));
    EXPECT_EQ(failed.first().first().value<AuthError>().kind, AuthError::Kind::Denied);
    EXPECT_EQ(app->controller.state(), SignInController::State::SignedOut);
    EXPECT_TRUE(keyringSecrets(service).isEmpty());
}

TEST_F(DemoSignInE2E, ReadOnlyUserLacksPrivilegedScope)
{
    startDemo();
    auto app = makeApp(QStringLiteral("readonly"));
    ASSERT_TRUE(signInWithBrowser(*app));
    EXPECT_TRUE(app->controller.hasScope(QStringLiteral("DeviceManagementManagedDevices.Read.All")));
    EXPECT_FALSE(app->controller.hasScope(kPrivileged));
}

TEST_F(DemoSignInE2E, DeviceCodeSignIn)
{
    demo::DemoOptions options;
    options.deviceCodeIntervalSecs = 1;
    options.autoApproveUser = QStringLiteral("helpdesk");
    startDemo(options);
    auto app = makeApp();
    QSignalSpy ready(&app->controller, &SignInController::deviceCodeReady);
    QSignalSpy signedIn(&app->controller, &SignInController::signedIn);
    app->controller.signInWithDeviceCode();
    ASSERT_TRUE(waitUntil([&] { return signedIn.size() == 1; }, std::chrono::seconds(15)));
    ASSERT_EQ(ready.size(), 1);
    EXPECT_FALSE(ready.first().at(0).toString().isEmpty());
    EXPECT_EQ(ready.first().at(1).toUrl(), tenant->baseUrl().resolved(QUrl(QStringLiteral("/devicelogin"))));
    EXPECT_EQ(app->controller.account()->upn, kHelpdeskUpn);
    EXPECT_EQ(app->browser.launchCount(), 0);
    EXPECT_EQ(keyringSecrets(service).size(), 1);
}

TEST_F(DemoSignInE2E, RevokedRefreshTokenAsksToSignInAgainWithTheUpn)
{
    startDemo();
    auto app = makeApp();
    ASSERT_TRUE(signInWithBrowser(*app));
    waitUntil([] { return false; }, std::chrono::milliseconds(5)); // revocation is "issued before now"
    ASSERT_TRUE(revoke(QStringLiteral("helpdesk")));

    // At the next start, the silent restore is refused: sign in again, hinted with the UPN.
    app.reset();
    auto restarted = makeApp();
    QSignalSpy reauth(&restarted->controller, &SignInController::reauthenticationRequired);
    QSignalSpy finished(&restarted->controller, &SignInController::restoreFinished);
    restarted->controller.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_FALSE(finished.first().first().toBool());
    ASSERT_EQ(reauth.size(), 1);
    EXPECT_EQ(reauth.first().at(0).toString(), kHelpdeskUpn);
    EXPECT_EQ(reauth.first().at(1).value<AuthError>().kind, AuthError::Kind::InvalidGrant);
    EXPECT_EQ(restarted->controller.rememberedLoginHint(), kHelpdeskUpn);
    EXPECT_TRUE(waitUntil([&] { return keyringSecrets(service).isEmpty(); }));

    // Signing in again passes the hint and works.
    ASSERT_TRUE(signInWithBrowser(*restarted));
    EXPECT_TRUE(restarted->browser.lastUrl()
                    .query(QUrl::FullyDecoded)
                    .contains(QStringLiteral("login_hint=") + kHelpdeskUpn));
    EXPECT_EQ(keyringSecrets(service).size(), 1);
}
