// Two accounts in two tenants of one demo (Example Ltd and Fabrikam): each list is that tenant's
// alone, an action in Fabrikam names Fabrikam in the question and reaches Fabrikam's requests only,
// and the organization's name from Graph names each tenant once User.Read is granted (never asked
// for by Keyturn). Driven through the account switcher over HTTP, real keyring.
#include "AccountMenu.h"
#include "AccountsFixture.h"
#include "ConfirmationDialog.h"
#include "DevicePane.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "TenantBadge.h"
#include "actions/AuditLog.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

using keyturn::test::fetchDemoRequests;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

const QString kFabrikamHelpdesk = QStringLiteral("helpdesk@fabrikam.onmicrosoft.com");

/// The demo's browser, for a user who once consented to User.Read for this client elsewhere (say,
/// with another tool using the same public client): the authorize request carries it too, so the
/// demo records the consent and every token of this client carries it, as Entra's do. Keyturn
/// itself never asks for User.Read.
class UserReadConsentedBrowser final : public keyturn::BrowserLauncher {
public:
    explicit UserReadConsentedBrowser(keyturn::DemoBrowserLauncher &inner)
        : m_inner(inner)
    { }
    bool openUrl(const QUrl &url) override
    {
        QUrl consented = url;
        QUrlQuery query(url);
        const QString scope = query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
        query.removeQueryItem(QStringLiteral("scope"));
        query.addQueryItem(QStringLiteral("scope"), scope + QStringLiteral(" User.Read"));
        consented.setQuery(query);
        return m_inner.openUrl(consented);
    }

private:
    keyturn::DemoBrowserLauncher &m_inner;
};

class TwoTenantsFlow : public keyturn::test::AccountsFixture {
protected:
    /// Two tenants of devices each; helpdesk of Example Ltd signed in with its list.
    bool launchTwoTenants(keyturn::BrowserLauncher *browser, bool denyConsent = false)
    {
        setBrowser(browser);
        keyturn::demo::DemoOptions options;
        options.devices = kDevices;
        options.tenants = 2;
        options.denyConsent = denyConsent;
        return launch(options, QStringLiteral("helpdesk"));
    }
    QString tenantA() const { return tenant()->tenantIds().value(0); }
    QString tenantB() const { return tenant()->tenantIds().value(1); }
    static constexpr int kDevices = 50;
};

} // namespace

TEST_F(TwoTenantsFlow, EachTenantsListActionAndRequestsStayItsOwn)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    // Declining every scope not yet consented: the sign-ins still work, Keyturn asks for nothing more.
    ASSERT_TRUE(launchTwoTenants(&browser, true));
    const QSet<QString> idsA = loadedDeviceIds();
    ASSERT_EQ(idsA.size(), kDevices);
    ASSERT_TRUE(addAccount(browser, kFabrikamHelpdesk));
    const QSet<QString> idsB = loadedDeviceIds();
    ASSERT_EQ(idsB.size(), kDevices);
    EXPECT_FALSE(idsA.intersects(idsB));
    for (const keyturn::DeviceRecord &record : app()->devices()->records())
        EXPECT_TRUE(record.deviceName.startsWith(QStringLiteral("FAB-"))) << record.deviceName.toStdString();
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant (fabrikam.onmicrosoft.com)"));
    EXPECT_EQ(window()->tenantBadge()->text(), QStringLiteral("fabrikam.onmicrosoft.com"));
    EXPECT_EQ(keychainItems().size(), 2);

    // Back and forth without the browser: each time that tenant's list alone.
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(loadedDeviceIds(), idsA);
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant (example.com)"));
    ASSERT_TRUE(switchTo(kFabrikamHelpdesk));
    EXPECT_EQ(loadedDeviceIds(), idsB);
    EXPECT_EQ(browser.launchCount(), 2);

    // An action in Fabrikam: the question names Fabrikam, the POST reaches Fabrikam only.
    const keyturn::DeviceRecord device = app()->devices()->records().front();
    ASSERT_TRUE(openDeviceThroughSearch(device));
    QTest::mouseClick(window()->devicePane()->actionButton(QStringLiteral("syncDevice")), Qt::LeftButton);
    keyturn::ui::ConfirmationDialog *dialog = waitForConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->question().endsWith(QStringLiteral(" in fabrikam.onmicrosoft.com?")))
        << dialog->question().toStdString();
    ASSERT_TRUE(answerConfirmation(dialog, true));
    ASSERT_TRUE(waitUntil([&] { return !window()->devicePane()->banner()->text().isEmpty(); }, 10s));
    // The tenant logs a request once its answer has gone: wait for the line.
    QList<keyturn::test::RecordedRequest> all, syncs;
    waitUntil(
        [&] {
            all = fetchDemoRequests(demoUrl());
            syncs = requestsMatching(all, QStringLiteral("POST"), QStringLiteral("/syncDevice"));
            return !syncs.isEmpty();
        },
        5s);
    ASSERT_EQ(syncs.size(), 1);
    EXPECT_EQ(syncs.first().tenant, tenantB());
    EXPECT_EQ(syncs.first().status, 204);
    EXPECT_TRUE(syncs.first().path.contains(device.id));
    // Without User.Read nothing asked for the organization, and nothing was prompted.
    EXPECT_TRUE(requestsMatching(all, QStringLiteral("GET"), QStringLiteral("/organization")).isEmpty());

    // The audit log records Fabrikam for the action.
    const auto entries = app()->auditLog()->readNewestFirst();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.first().tenantId, tenantB());
    EXPECT_EQ(entries.first().accountUpn, kFabrikamHelpdesk);

    // Example Ltd's list again: Fabrikam's device is not in it.
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_FALSE(loadedDeviceIds().contains(device.id));
    EXPECT_FALSE(window()->devicePane()->isVisible());
}

TEST_F(TwoTenantsFlow, TheOrganizationNamesEachTenantOnceUserReadIsGranted)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher demoBrowser(&browserNetwork, QStringLiteral("helpdesk"));
    UserReadConsentedBrowser browser(demoBrowser);
    ASSERT_TRUE(launchTwoTenants(&browser));
    ASSERT_TRUE(waitUntil(
        [&] {
            return window()->windowTitle()
                == QStringLiteral("Keyturn - Demo tenant: Example Ltd (example.com)");
        },
        10s))
        << window()->windowTitle().toStdString();
    EXPECT_EQ(window()->tenantBadge()->text(), QStringLiteral("Example Ltd"));
    ASSERT_TRUE(addAccount(demoBrowser, kFabrikamHelpdesk));
    ASSERT_TRUE(waitUntil(
        [&] {
            return window()->windowTitle()
                == QStringLiteral("Keyturn - Demo tenant: Fabrikam (fabrikam.onmicrosoft.com)");
        },
        10s))
        << window()->windowTitle().toStdString();
    EXPECT_TRUE(
        window()->tenantDescription().startsWith(QStringLiteral("Fabrikam (fabrikam.onmicrosoft.com) · ")));

    // The switcher names both tenants; each organization was read in its own tenant.
    menu()->rebuild();
    EXPECT_TRUE(entryFor(QStringLiteral("helpdesk@example.com"))
                    ->text()
                    .contains(QStringLiteral("Example Ltd (example.com)")));
    EXPECT_TRUE(
        entryFor(kFabrikamHelpdesk)->text().contains(QStringLiteral("Fabrikam (fabrikam.onmicrosoft.com)")));
    const auto reads = requestsMatching(
        fetchDemoRequests(demoUrl()), QStringLiteral("GET"), QStringLiteral("/organization"));
    ASSERT_EQ(reads.size(), 2);
    EXPECT_EQ(reads.at(0).tenant, tenantA());
    EXPECT_EQ(reads.at(1).tenant, tenantB());
    EXPECT_EQ(reads.at(1).status, 200);

    // A restart shows the name at once, and the switch back names Example Ltd again.
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(window()->tenantBadge()->text(), QStringLiteral("Fabrikam"));
    ASSERT_TRUE(waitForListLoaded());
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant: Example Ltd (example.com)"));
}
