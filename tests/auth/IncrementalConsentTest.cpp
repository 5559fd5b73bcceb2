// Incremental consent against the demo tenant over real HTTP and the real keyring: a signed-in help
// desk user asks for BitlockerKey.Read.All; the silent request says consent is needed (still signed
// in, the list token untouched), the browser consent as the same account grants it once, a restart
// restores it silently, and a declined consent leaves the sign-in as it was. A sign-in with a code
// consents with a code (remembered across a restart); a declined, expired or cancelled code says so.
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "demo/DemoTenant.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
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

    /// Starts the tenant (codes polled every second) and signs in with a code approved as helpdesk.
    void startWithCode()
    {
        demo::DemoOptions options;
        options.devices = 20;
        options.deviceCodeIntervalSecs = 1;
        tenant = std::make_unique<demo::DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        app = std::make_unique<App>(tenant->baseUrl(), service, &settings, clock);
        QSignalSpy signedIn(&app->controller, &SignInController::signedIn);
        answerNextCode(QStringLiteral("approve"), &SignInController::deviceCodeReady);
        app->controller.signInWithDeviceCode();
        ASSERT_TRUE(waitUntil([&] { return signedIn.size() == 1; }, std::chrono::seconds(15)));
    }

    /// Answers the next code shown (sign-in or consent) on the tenant's page: "approve" (as
    /// helpdesk), "decline", "expire" (the code's lifetime passes on Keyturn's clock) or nothing.
    template <typename Signal> void answerNextCode(const QString &what, Signal signal)
    {
        QObject::connect(
            &app->controller, signal, &codeAnswers,
            [this, what](const QString &userCode) {
                if (what == u"expire") {
                    clock.advanceSecs(901);
                    return;
                }
                if (what != u"approve" && what != u"decline")
                    return;
                const QString path = what == u"approve"
                    ? QStringLiteral("/devicelogin/approve?user=helpdesk&user_code=")
                    : QStringLiteral("/devicelogin/decline?user_code=");
                QNetworkReply *reply = browserNetwork.get(
                    QNetworkRequest(QUrl(tenant->baseUrl().toString() + path + userCode)));
                QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            },
            Qt::SingleShotConnection);
    }

    std::pair<Answer, QString> consentWithCode(const QString &what)
    {
        answerNextCode(what, &SignInController::consentCodeReady);
        std::optional<std::pair<Answer, QString>> answer;
        app->controller.consentToScope(kBitLocker, &codeAnswers, [&](Answer a, const QString &message) {
            answer = { a, message };
        });
        EXPECT_TRUE(waitUntil([&] { return answer.has_value(); }, std::chrono::seconds(15)));
        return answer.value_or(std::pair{ Answer::Refused, QStringLiteral("no answer") });
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
    QObject codeAnswers; ///< context of the code answering connections
    QNetworkAccessManager browserNetwork;
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

TEST_F(IncrementalConsent, ASignInWithACodeConsentsWithACodeAndIsRememberedThatWay)
{
    startWithCode();
    EXPECT_EQ(app->controller.consentWay(), ScopeGrants::ConsentWay::DeviceCode);
    EXPECT_EQ(ask(false).first, Answer::NeedsConsent);
    QSignalSpy codes(&app->controller, &SignInController::consentCodeReady);
    QSignalSpy ended(&app->controller, &SignInController::consentEnded);
    const auto consented = consentWithCode(QStringLiteral("approve"));
    EXPECT_EQ(consented.first, Answer::Granted) << consented.second.toStdString();
    EXPECT_EQ(codes.size(), 1);
    EXPECT_EQ(ended.size(), 1);
    EXPECT_EQ(app->browser.launchCount(), 0);
    EXPECT_TRUE(app->controller.hasScope(kBitLocker));

    // Restarted: the account still consents with a code, and the grant is there.
    app.reset();
    app = std::make_unique<App>(tenant->baseUrl(), service, &settings, clock);
    QSignalSpy restored(&app->controller, &SignInController::restoreFinished);
    app->controller.restoreSession();
    ASSERT_TRUE(waitUntil([&] { return restored.size() == 1; }, std::chrono::seconds(15)));
    EXPECT_EQ(app->controller.consentWay(), ScopeGrants::ConsentWay::DeviceCode);
    EXPECT_EQ(ask(false).first, Answer::Granted);
}

TEST_F(IncrementalConsent, ADeclinedExpiredOrCancelledCodeSaysSoAndStaysSignedIn)
{
    startWithCode();
    const auto declined = consentWithCode(QStringLiteral("decline"));
    EXPECT_EQ(declined.first, Answer::Refused);
    EXPECT_TRUE(declined.second.contains(u"declined")) << declined.second.toStdString();

    const auto expired = consentWithCode(QStringLiteral("expire"));
    EXPECT_EQ(expired.first, Answer::Refused);
    EXPECT_TRUE(expired.second.contains(u"expired")) << expired.second.toStdString();

    QObject::connect(
        &app->controller, &SignInController::consentCodeReady, &codeAnswers,
        [this] { app->controller.cancelConsent(); }, Qt::SingleShotConnection);
    const auto cancelled = consentWithCode(QStringLiteral("nothing"));
    EXPECT_EQ(cancelled.first, Answer::Refused);
    EXPECT_TRUE(cancelled.second.contains(u"cancelled")) << cancelled.second.toStdString();

    EXPECT_EQ(app->controller.state(), SignInController::State::SignedIn);
    EXPECT_FALSE(app->controller.hasScope(kBitLocker));
    EXPECT_EQ(ask(false).first, Answer::NeedsConsent) << "nothing was granted on the way";
}
