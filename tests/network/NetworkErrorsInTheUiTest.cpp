// Where a refused certificate surfaces in the window: the device list's error state (Graph) and
// the sign-in view's banner (the sign-in service), each naming the host and the problem.
#include "HttpsTenant.h"
#include "common/TestSupport.h"

#include "DeviceListView.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SignInView.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>

using namespace keyturn;
using namespace keyturn::test;
using namespace std::chrono_literals;

namespace {

const QString kUntrusted = QStringLiteral("The certificate of 127.0.0.1 is not trusted");

class UntrustedCertificateInTheUi : public NetworkTest {
protected:
    void SetUp() override
    {
        NetworkTest::SetUp();
        QSettings().clear();
        config.keychainService
            = QStringLiteral("KeyturnNetworkTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        config.auditDirectory = audit.path();
    }
    void TearDown() override
    {
        app.reset();
        QSettings().clear();
        NetworkTest::TearDown();
    }
    bool startApp()
    {
        app = std::make_unique<ui::KeyturnApp>(config);
        QString error;
        if (!app->initialize(&error)) {
            ADD_FAILURE() << error.toStdString();
            return false;
        }
        app->start();
        return true;
    }

    QTemporaryDir audit;
    ui::KeyturnAppConfig config;
    std::unique_ptr<ui::KeyturnApp> app;
};

} // namespace

TEST_F(UntrustedCertificateInTheUi, DeviceListErrorStateNamesTheHostAndTheProblem)
{
    // Sign-in on a loopback http demo tenant; Graph on an https one with an untrusted certificate.
    demo::DemoOptions identityOptions;
    identityOptions.seed = 7;
    demo::DemoTenant identity(identityOptions);
    ASSERT_TRUE(identity.start());
    auto graph = startHttpsTenant(runCertificates().selfSigned());
    ASSERT_TRUE(graph);

    config.launch.demoUser = QStringLiteral("helpdesk");
    config.launch.authorityUrl = identity.baseUrl().toString();
    config.launch.graphUrl = graph->baseUrl().toString();
    ASSERT_TRUE(startApp());

    auto *emptyLabel
        = app->mainWindow()->deviceListView()->findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
    ASSERT_NE(emptyLabel, nullptr);
    EXPECT_TRUE(
        waitUntil([&] { return emptyLabel->isVisible() && emptyLabel->text().contains(kUntrusted); }, 20s))
        << emptyLabel->text().toStdString();
    EXPECT_EQ(demoRequests(*graph).size(), 0);
}

TEST_F(UntrustedCertificateInTheUi, SignInBannerNamesTheHostAndTheProblem)
{
    auto tenant = startHttpsTenant(runCertificates().server());
    ASSERT_TRUE(tenant);
    config.launch.authorityUrl = tenant->baseUrl().toString();
    config.launch.graphUrl = tenant->baseUrl().toString();
    ASSERT_TRUE(startApp());

    ui::SignInView *view = app->mainWindow()->signInView();
    auto *codeButton = view->findChild<QPushButton *>(QStringLiteral("deviceCodeSignInButton"));
    ASSERT_NE(codeButton, nullptr);
    ASSERT_TRUE(waitUntil([&] { return codeButton->isVisible() && codeButton->isEnabled(); }, 10s));
    codeButton->click();
    EXPECT_TRUE(waitUntil(
        [&] { return view->banner()->isVisible() && view->banner()->text().contains(kUntrusted); }, 10s))
        << view->banner()->text().toStdString();
    EXPECT_EQ(demoRequests(*tenant).size(), 0);
}
