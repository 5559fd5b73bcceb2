// Incremental consent against the demo tenant over real HTTP and the real keyring: a signed-in help
// desk user asks for BitlockerKey.Read.All; the silent request says consent is needed (still signed
// in, the list token untouched), the browser consent as the same account grants it once, a restart
// restores it silently, and a declined consent leaves the sign-in as it was.
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "demo/DemoTenant.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

using namespace keyturn;
using keyturn::test::waitUntil;
using Answer = ScopeGrants::ScopeAnswer;

namespace {

const QString kBitLocker = QStringLiteral("BitlockerKey.Read.All");

struct App {
    App(const QUrl &demoUrl, const QString &service, QSettings *settings, const Clock &clock)
        : store(service)
        , browser(&network, QStringLiteral("helpdesk"))
        , controller(&network, &store, &browser, clock)
    {
        AuthConfig config;
        config.authorityRoot = demoUrl;
        config.graphRoot = demoUrl;
        controller.setSettings(settings);
        controller.setConfig(config);
    }
    QNetworkAccessManager network;
    TokenStore store;
    DemoBrowserLauncher browser;
    SignInController controller;
};

class IncrementalConsent : public ::testing::Test {
protected:
    void start(bool denyConsent)
    {
        demo::DemoOptions options;
        options.devices = 20;
        options.denyConsent = denyConsent;
        tenant = std::make_unique<demo::DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        app = std::make_unique<App>(tenant->baseUrl(), service, &settings, clock);
        QSignalSpy signedIn(&app->controller, &SignInController::signedIn);
        app->controller.signInWithBrowser();
        ASSERT_TRUE(waitUntil([&] { return signedIn.size() == 1; }, std::chrono::seconds(15)));
    }

    std::pair<Answer, QString> ask(bool interactive)
    {
        std::optional<std::pair<Answer, QString>> answer;
        QObject context;
        auto callback = [&](Answer a, const QString &message) { answer = { a, message }; };
        if (interactive)
            app->controller.consentToScope(kBitLocker, &context, callback);
        else
            app->controller.requestScope(kBitLocker, &context, callback);
        EXPECT_TRUE(waitUntil([&] { return answer.has_value(); }, std::chrono::seconds(15)));
        return answer.value_or(std::pair{ Answer::Refused, QStringLiteral("no answer") });
    }

    std::unique_ptr<demo::DemoTenant> tenant;
    std::unique_ptr<App> app;
    ManualClock clock{ QDateTime::currentDateTimeUtc() };
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
    QString service
        = QStringLiteral("KeyturnConsent-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
};

TEST_F(IncrementalConsent, AskedOnceInTheBrowserThenRemembered)
{
    start(false);
    EXPECT_FALSE(app->controller.hasScope(kBitLocker)) << "sign-in asks only for the Intune scopes";
    EXPECT_EQ(app->browser.launchCount(), 1);

    const auto silent = ask(false);
    EXPECT_EQ(silent.first, Answer::NeedsConsent) << silent.second.toStdString();
    EXPECT_EQ(app->controller.state(), SignInController::State::SignedIn)
        << "a missing consent never signs out";
    EXPECT_EQ(app->browser.launchCount(), 1) << "asking silently opens no browser";

    const auto consented = ask(true);
    EXPECT_EQ(consented.first, Answer::Granted) << consented.second.toStdString();
    EXPECT_EQ(app->browser.launchCount(), 2);
    EXPECT_TRUE(app->controller.hasScope(kBitLocker));
    EXPECT_EQ(app->controller.account()->upn, QStringLiteral("helpdesk@example.com"));

    // Asked again: nothing to do. After a restart: restored silently, with the scope.
    EXPECT_EQ(ask(false).first, Answer::Granted);
    EXPECT_EQ(app->browser.launchCount(), 2);
    app.reset();
    app = std::make_unique<App>(tenant->baseUrl(), service, &settings, clock);
    QSignalSpy restored(&app->controller, &SignInController::restoreFinished);
    app->controller.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return restored.size() == 1; }, std::chrono::seconds(15)));
    EXPECT_TRUE(restored.first().first().toBool());
    EXPECT_TRUE(app->controller.hasScope(kBitLocker));
    EXPECT_EQ(ask(false).first, Answer::Granted);
    EXPECT_EQ(app->browser.launchCount(), 0);
}

TEST_F(IncrementalConsent, ADeclinedConsentSaysSoAndStaysSignedIn)
{
    start(true);
    EXPECT_EQ(ask(false).first, Answer::NeedsConsent);
    const auto declined = ask(true);
    EXPECT_EQ(declined.first, Answer::Refused);
    EXPECT_TRUE(declined.second.contains(u"declined")) << declined.second.toStdString();
    EXPECT_EQ(app->controller.state(), SignInController::State::SignedIn);
    EXPECT_FALSE(app->controller.hasScope(kBitLocker));
    std::optional<QString> token;
    QObject context;
    app->controller.getAccessToken(true, &context, [&](const QString &t, const QString &) { token = t; });
    ASSERT_TRUE(waitUntil([&] { return token.has_value(); }, std::chrono::seconds(15)));
    EXPECT_FALSE(token->isEmpty()) << "the sign-in still serves tokens";
}

} // namespace
