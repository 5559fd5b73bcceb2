// Launch options and hosts remembered with the sign-in: a sign-in with the tenant's own client id
// restores at a plain start; a changed Graph root is asked about before anything is sent; custom
// hosts are shown; a typed tenant gets the --tenant check. Demo tenants over HTTP, real keychain.
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DemoRequests.h"
#include "EndpointText.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "auth/AuthSettings.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using keyturn::SignInController;
using keyturn::test::fetchDemoRequests;
using keyturn::test::RecordedRequest;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using keyturn::ui::ConfirmationDialog;

namespace {

const QString kClientId = QStringLiteral("5b0e1c2d-7a41-4f3e-9c8d-2e6f4a1b9c07");

class RememberedHostsFlow : public keyturn::test::GuiFixture {
protected:
    void SetUp() override
    {
        setBrowser(&browser);
        keyturn::demo::DemoOptions options;
        options.devices = 30;
        options.secretFile = sharedSecretFile();
        ASSERT_TRUE(startTenant(options));
    }
    /// Both tenants of a test sign with the secret kept here, so each accepts the other's tokens.
    QString sharedSecretFile() const { return m_secretDir.filePath(QStringLiteral("tenant.secret")); }
    bool signedIn() const { return app()->signIn()->state() == SignInController::State::SignedIn; }
    /// Clicks "Sign in with browser" and waits for the signed-in list.
    bool signInThroughTheView()
    {
        if (!waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }))
            return false;
        QTest::mouseClick(window()->signInView()->browserButton(), Qt::LeftButton);
        return waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)) && waitForListLoaded();
    }
    /// What Keyturn sent to a demo tenant, without the test's own control requests and markers.
    static QList<RecordedRequest> received(const QUrl &tenant)
    {
        return withoutMarkers(fetchDemoRequests(tenant));
    }
    static int tokenRequests(const QUrl &tenant)
    {
        return int(
            requestsMatching(received(tenant), QStringLiteral("POST"), QStringLiteral("/oauth2/v2.0/token"))
                .size());
    }
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser{ &browserNetwork, QStringLiteral("helpdesk") };

private:
    QTemporaryDir m_secretDir;
};

keyturn::LaunchOptions standalone(const QUrl &tenant)
{
    keyturn::LaunchOptions options;
    options.authorityUrl = tenant.toString();
    options.graphUrl = tenant.toString();
    return options;
}

} // namespace

TEST_F(RememberedHostsFlow, ClientIdAndTenantFromTheCommandLineAreRestoredAtAPlainStart)
{
    // keyturn --client-id X --tenant example.com --authority-url DEMO --graph-url DEMO
    keyturn::LaunchOptions options = standalone(demoUrl());
    options.clientId = kClientId;
    options.tenant = QStringLiteral("example.com");
    ASSERT_TRUE(startWithOptions(options));
    ASSERT_TRUE(signInThroughTheView());
    EXPECT_EQ(browser.launchCount(), 1);
    // The demo tenant accepted a client id it has never seen, and the sign-in used it.
    const QUrlQuery authorize(browser.lastUrl());
    EXPECT_EQ(authorize.queryItemValue(QStringLiteral("client_id")), kClientId);
    EXPECT_TRUE(browser.lastUrl().path().startsWith(QStringLiteral("/example.com/")));
    const int tokensBefore = tokenRequests(demoUrl());

    // A plain `keyturn` from the desktop menu: no options at all.
    ASSERT_TRUE(startWithOptions({}));
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(browser.launchCount(), 1) << "restored silently, no browser";
    EXPECT_EQ(app()->devices()->rowCount(), 30);
    EXPECT_EQ(app()->signIn()->config().clientId, kClientId);
    EXPECT_EQ(app()->signIn()->config().tenant, QStringLiteral("example.com"));
    // The refresh went to the demo tenant and was accepted: its refresh tokens are bound to the
    // client id they were issued to, so the restore used kClientId.
    const auto tokens
        = requestsMatching(received(demoUrl()), QStringLiteral("POST"), QStringLiteral("/oauth2/v2.0/token"));
    ASSERT_EQ(tokens.size(), tokensBefore + 1);
    EXPECT_EQ(tokens.last().status, 200);
}

TEST_F(RememberedHostsFlow, AMistypedOptionThatNeverSignedInIsNotRemembered)
{
    keyturn::LaunchOptions options = standalone(demoUrl());
    ASSERT_TRUE(startWithOptions(options));
    ASSERT_TRUE(signInThroughTheView());
    // Started with another client id, but closed without signing in.
    keyturn::LaunchOptions other = options;
    other.clientId = kClientId;
    ASSERT_TRUE(startWithOptions(other));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    // The next plain start restores the sign-in that worked.
    ASSERT_TRUE(startWithOptions({}));
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    EXPECT_EQ(app()->signIn()->config().clientId, QLatin1String(keyturn::kDefaultClientId));
    EXPECT_EQ(browser.launchCount(), 1);
}

TEST_F(RememberedHostsFlow, AChangedGraphRootIsAskedAboutBeforeAnythingIsSent)
{
    ASSERT_TRUE(startWithOptions(standalone(demoUrl())));
    ASSERT_TRUE(signInThroughTheView());

    // Another server (a second demo tenant with the same signing secret, so it would accept the tokens).
    keyturn::demo::DemoOptions otherOptions;
    otherOptions.secretFile = sharedSecretFile();
    keyturn::demo::DemoTenant other(otherOptions);
    QString error;
    ASSERT_TRUE(other.start(&error)) << error.toStdString();
    const QUrl otherUrl = other.baseUrl();
    const QString accountHost = keyturn::ui::endpointHost(demoUrl());
    const QString otherHost = keyturn::ui::endpointHost(otherUrl);
    ASSERT_NE(accountHost, otherHost);

    // Restart with --graph-url pointing elsewhere: the question names both hosts...
    int tokensBefore = tokenRequests(demoUrl());
    keyturn::LaunchOptions changed;
    changed.graphUrl = otherUrl.toString();
    ASSERT_TRUE(startWithOptions(changed));
    ConfirmationDialog *question = waitForConfirmation();
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(question->question().contains(accountHost)) << question->question().toStdString();
    EXPECT_TRUE(question->question().contains(otherHost)) << question->question().toStdString();
    EXPECT_TRUE(question->noButton()->isDefault());
    // ...and until it is answered nothing went anywhere: a marker through Keyturn's own network
    // access manager reaches each tenant with nothing new before it.
    EXPECT_TRUE(requestsBeforeMarker(otherUrl).isEmpty());
    EXPECT_EQ(requestsMatching(requestsBeforeMarker(demoUrl()), QStringLiteral("POST"),
                  QStringLiteral("/oauth2/v2.0/token"))
                  .size(),
        tokensBefore);
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::RestoringSession);

    // No: the account's own Graph host is used, the other one hears nothing.
    QTest::mouseClick(question->noButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 30);
    EXPECT_TRUE(received(otherUrl).isEmpty());
    EXPECT_EQ(tokenRequests(demoUrl()), tokensBefore + 1);
    EXPECT_TRUE(window()->tenantDescription().contains(QStringLiteral("Graph: ") + accountHost))
        << window()->tenantDescription().toStdString();
    EXPECT_EQ(browser.launchCount(), 1);

    // Again, and Yes: the sign-in goes to the new host, which becomes the account's.
    tokensBefore = tokenRequests(demoUrl());
    ASSERT_TRUE(startWithOptions(changed));
    question = waitForConfirmation();
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(received(otherUrl).isEmpty());
    EXPECT_EQ(tokenRequests(demoUrl()), tokensBefore);
    QTest::mouseClick(question->yesButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 250); // the other tenant's list
    const auto graphRequests = received(otherUrl);
    ASSERT_FALSE(graphRequests.isEmpty());
    for (const RecordedRequest &r : graphRequests)
        EXPECT_TRUE(r.path.startsWith(QStringLiteral("/beta/"))) << r.path.toStdString();
    EXPECT_TRUE(window()->tenantDescription().contains(QStringLiteral("Graph: ") + otherHost));

    // A plain start now uses the new host without asking.
    const int asked = keyturn::ui::Confirmations::askCount();
    ASSERT_TRUE(startWithOptions({}));
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(keyturn::ui::Confirmations::askCount(), asked);
    EXPECT_EQ(app()->devices()->rowCount(), 250);
}

TEST_F(RememberedHostsFlow, TheSignInScreenShowsCustomHostsAndRefusesAnInvalidTenant)
{
    ASSERT_TRUE(startWithOptions(standalone(demoUrl())));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    keyturn::ui::SignInView *view = window()->signInView();
    const QString host = keyturn::ui::endpointHost(demoUrl());
    const QString expected = QStringLiteral("Sign-in: %1 · Graph: %1").arg(host);
    EXPECT_TRUE(view->fixedEndpointLabel()->isVisible());
    EXPECT_EQ(view->fixedEndpointLabel()->text(), expected);
    EXPECT_TRUE(window()->tenantDescription().endsWith(expected))
        << window()->tenantDescription().toStdString();

    view->tenantLineEdit()->clear();
    QTest::keyClicks(view->tenantLineEdit(), QStringLiteral("contoso/../evil"));
    QTest::mouseClick(view->browserButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return view->banner()->isVisible(); }));
    EXPECT_EQ(view->banner()->kind(), keyturn::ui::MessageBanner::Kind::Error);
    EXPECT_EQ(view->banner()->text(), keyturn::invalidTenantMessage(QStringLiteral("contoso/../evil")));
    EXPECT_TRUE(requestsBeforeMarker(demoUrl()).isEmpty());
    EXPECT_EQ(browser.launchCount(), 0);
    EXPECT_TRUE(received(demoUrl()).isEmpty());
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedOut);

    // Corrected, it signs in.
    view->tenantLineEdit()->clear();
    QTest::keyClicks(view->tenantLineEdit(), QStringLiteral("example.com"));
    QTest::mouseClick(view->browserButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
}

TEST(EndpointText, HostsAreShownOnlyWhenNotTheCloudsDefault)
{
    keyturn::AuthConfig config;
    EXPECT_TRUE(keyturn::ui::customEndpointText(config).isEmpty());
    config.graphRoot = QUrl(QStringLiteral("https://graph.microsoft.com/"));
    EXPECT_TRUE(keyturn::ui::customEndpointText(config).isEmpty());
    config.authorityRoot = QUrl(QStringLiteral("https://login.contoso.example"));
    config.graphRoot = QUrl(QStringLiteral("https://graph.contoso.example"));
    EXPECT_EQ(keyturn::ui::customEndpointText(config),
        QStringLiteral("Sign-in: login.contoso.example · Graph: graph.contoso.example"));
    config = keyturn::AuthConfig::forCloud(keyturn::Cloud::China);
    config.graphRoot = QUrl(QStringLiteral("https://graph.contoso-proxy.example:8443"));
    EXPECT_EQ(keyturn::ui::customEndpointText(config),
        QStringLiteral("Sign-in: login.chinacloudapi.cn · Graph: graph.contoso-proxy.example:8443"));
}
