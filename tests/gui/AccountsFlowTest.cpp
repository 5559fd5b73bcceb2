// Several accounts, switched without signing out: driven through the account switcher like a
// person, against the demo tenant over HTTP with the real keyring of the test session. Two accounts
// of the one demo tenant (helpdesk and readonly) show adding, switching, restarting, signing out of
// one, and one whose refresh token is revoked.
#include "AccountMenu.h"
#include "AccountsFixture.h"
#include "AuditLogWindow.h"
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MenuClicks.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "TenantBadge.h"
#include "actions/ActionStatusTracker.h"
#include "actions/AuditLog.h"
#include "actions/SentActionFollower.h"
#include "auth/AccountStore.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using keyturn::Account;
using keyturn::SignInController;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

class AccountsFlow : public keyturn::test::AccountsFixture {
protected:
    /// Launches helpdesk (through browser, borrowed) and adds readonly beside it; the demo carries
    /// out remote actions after actionDelaySecs.
    bool launchTwoAccounts(keyturn::DemoBrowserLauncher &browser,
        int actionDelaySecs = keyturn::demo::DemoOptions{}.actionDelaySecs)
    {
        setBrowser(&browser);
        keyturn::demo::DemoOptions options;
        options.devices = 80;
        options.actionDelaySecs = actionDelaySecs;
        if (!launch(options, QStringLiteral("helpdesk")))
            return false;
        return addAccount(browser, QStringLiteral("readonly"));
    }
};

} // namespace

TEST_F(AccountsFlow, AddingASecondAccountKeepsBothAndSwitchesWithoutTheBrowser)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    ASSERT_TRUE(launchTwoAccounts(browser));
    EXPECT_EQ(browser.launchCount(), 2);
    EXPECT_EQ(keychainItems().size(), 2);
    EXPECT_EQ(window()->accountButton()->text(), QStringLiteral("readonly@example.com"));
    EXPECT_EQ(app()->devices()->rowCount(), 80);

    // The switcher lists both, with name, UPN, tenant and cloud; the signed-in one is checked.
    menu()->rebuild();
    ASSERT_EQ(menu()->accountActions().size(), 2);
    QAction *helpdesk = entryFor(QStringLiteral("helpdesk@example.com"));
    QAction *readonly = entryFor(QStringLiteral("readonly@example.com"));
    ASSERT_TRUE(helpdesk && readonly);
    EXPECT_TRUE(readonly->isChecked());
    EXPECT_TRUE(readonly->text().endsWith(QStringLiteral(" · signed in"))) << readonly->text().toStdString();
    EXPECT_FALSE(helpdesk->isChecked());
    EXPECT_TRUE(helpdesk->text().contains(QStringLiteral("example.com · Global")))
        << helpdesk->text().toStdString();

    // Switch back and forth (Ctrl+Shift+A opens the switcher): no browser, each time its own list.
    ASSERT_TRUE(clickInSwitcher([&] { return entryFor(QStringLiteral("helpdesk@example.com")); }, true));
    ASSERT_TRUE(waitUntil(
        [&] { return signedIn() && signedInUpn() == QStringLiteral("helpdesk@example.com"); }, 20s));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 80);
    EXPECT_TRUE(window()->isShowingDevices());
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant (example.com)"));
    ASSERT_TRUE(switchTo(QStringLiteral("readonly@example.com")));
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(browser.launchCount(), 2);
    EXPECT_EQ(keychainItems().size(), 2);

    // Restart: the last used account comes back silently.
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(signedInUpn(), QStringLiteral("helpdesk@example.com"));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(browser.launchCount(), 2);

    // --account starts with the one named (the UPN, any case), silently.
    setAccountOption(QStringLiteral("ReadOnly@Example.com"));
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(signedInUpn(), QStringLiteral("readonly@example.com"));
    EXPECT_EQ(browser.launchCount(), 2);
}

TEST_F(AccountsFlow, AnUnknownAccountOnTheCommandLineIsRefusedClearly)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    setBrowser(&browser);
    keyturn::demo::DemoOptions options;
    options.devices = 10;
    ASSERT_TRUE(launch(options, QStringLiteral("helpdesk")));
    keyturn::ui::KeyturnAppConfig config;
    config.launch.account = QStringLiteral("nobody@example.com");
    config.keychainService = keychainService();
    keyturn::ui::KeyturnApp other(config);
    QString error;
    EXPECT_FALSE(other.initialize(&error));
    EXPECT_EQ(error,
        QStringLiteral("--account nobody@example.com: no remembered account has that name. Remembered: "
                       "helpdesk@example.com."));
}

TEST_F(AccountsFlow, SigningOutOfOneAccountLeavesTheOtherSignedIn)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    ASSERT_TRUE(launchTwoAccounts(browser));
    const QStringList both = keychainItems();
    ASSERT_EQ(both.size(), 2);

    // Sign out of readonly (the signed-in one): its item goes, helpdesk takes over silently.
    ASSERT_TRUE(clickInSwitcher([&] { return window()->signOutAction(); }));
    ASSERT_TRUE(waitUntil(
        [&] { return signedIn() && signedInUpn() == QStringLiteral("helpdesk@example.com"); }, 20s));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 80);
    ASSERT_TRUE(waitUntil([&] { return keychainItems().size() == 1; }, 10s));
    menu()->rebuild();
    ASSERT_EQ(menu()->accountActions().size(), 1);
    EXPECT_EQ(browser.launchCount(), 2);
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(signedInUpn(), QStringLiteral("helpdesk@example.com"));

    // Sign out of all accounts: asked first, then every item goes.
    ASSERT_TRUE(waitForListLoaded());
    keyturn::ui::Confirmations::setNextAnswer(true);
    ASSERT_TRUE(clickInSwitcher([&] { return menu()->signOutOfAllAction(); }));
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }, 10s));
    EXPECT_TRUE(keyturn::ui::Confirmations::lastQuestion().contains(QStringLiteral("Sign out of 1 account?")))
        << keyturn::ui::Confirmations::lastQuestion().toStdString();
    ASSERT_TRUE(waitUntil([&] { return keychainItems().isEmpty(); }, 10s));
    EXPECT_TRUE(app()->signIn()->rememberedAccounts().isEmpty());
    EXPECT_FALSE(window()->accountButton()->isVisible());
    EXPECT_EQ(app()->devices()->rowCount(), 0);
}

TEST_F(AccountsFlow, ARevokedAccountAsksToSignInAgainForItselfOnly)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    ASSERT_TRUE(launchTwoAccounts(browser));
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    ASSERT_TRUE(keyturn::test::postDemoControl(demoUrl(), QStringLiteral("/_demo/revoke?user=readonly")));

    // Switching to the revoked account: its sign-in page, naming it, and no browser opened by itself.
    ASSERT_TRUE(clickInSwitcher([&] { return entryFor(QStringLiteral("readonly@example.com")); }));
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }, 20s));
    keyturn::ui::SignInView *view = window()->signInView();
    ASSERT_TRUE(waitUntil([&] { return view->isVisible() && !view->banner()->text().isEmpty(); }, 10s));
    EXPECT_TRUE(view->banner()->text().contains(QStringLiteral("readonly@example.com")))
        << view->banner()->text().toStdString();
    EXPECT_EQ(app()->devices()->rowCount(), 0);
    EXPECT_EQ(browser.launchCount(), 2);
    menu()->rebuild();
    ASSERT_EQ(menu()->accountActions().size(), 2);
    EXPECT_TRUE(
        entryFor(QStringLiteral("readonly@example.com"))->text().endsWith(QStringLiteral("sign in again")));
    EXPECT_FALSE(
        entryFor(QStringLiteral("helpdesk@example.com"))->text().contains(QStringLiteral("sign in again")));
    ASSERT_TRUE(waitUntil([&] { return keychainItems().size() == 1; }, 10s));

    // The other account still switches silently, also after a restart.
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(browser.launchCount(), 2);
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(signedInUpn(), QStringLiteral("helpdesk@example.com"));
    ASSERT_TRUE(waitForListLoaded());

    // Signing in again as readonly (its entry, then the browser) clears the mark.
    ASSERT_TRUE(clickInSwitcher([&] { return entryFor(QStringLiteral("readonly@example.com")); }));
    ASSERT_TRUE(waitUntil([&] { return window()->signInView()->isVisible(); }, 10s));
    browser.setDemoUser(QStringLiteral("readonly"));
    QTest::mouseClick(window()->signInView()->browserButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return signedIn() && signedInUpn() == QStringLiteral("readonly@example.com"); }, 20s));
    menu()->rebuild();
    EXPECT_FALSE(
        entryFor(QStringLiteral("readonly@example.com"))->text().contains(QStringLiteral("sign in again")));
    ASSERT_TRUE(waitUntil([&] { return keychainItems().size() == 2; }, 10s));
}

TEST_F(AccountsFlow, WithSeveralAccountsTheQuestionNamesTheTenantAndTheAuditLogRecordsIt)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    setBrowser(&browser);
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(launch(options, QStringLiteral("helpdesk")));
    const keyturn::DeviceRecord *found = findDevice([](const keyturn::DeviceRecord &) { return true; });
    ASSERT_NE(found, nullptr);
    const keyturn::DeviceRecord device = *found;

    // One account: the question as always.
    ASSERT_TRUE(openDeviceThroughSearch(device));
    QTest::mouseClick(window()->devicePane()->actionButton(QStringLiteral("syncDevice")), Qt::LeftButton);
    keyturn::ui::ConfirmationDialog *dialog = waitForConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->question().contains(QStringLiteral(" in example.com")))
        << dialog->question().toStdString();
    ASSERT_TRUE(answerConfirmation(dialog, false));

    // Two accounts: the question names the tenant acted in.
    ASSERT_TRUE(addAccount(browser, QStringLiteral("readonly")));
    EXPECT_FALSE(window()->devicePane()->isVisible()); // the other account's pane closed
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    ASSERT_TRUE(openDeviceThroughSearch(device));
    QTest::mouseClick(window()->devicePane()->actionButton(QStringLiteral("syncDevice")), Qt::LeftButton);
    dialog = waitForConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->question().endsWith(QStringLiteral(" in example.com?")))
        << dialog->question().toStdString();
    ASSERT_TRUE(answerConfirmation(dialog, true));
    ASSERT_TRUE(waitUntil([&] { return !window()->devicePane()->banner()->text().isEmpty(); }, 10s));

    // The audit log has the tenant of the action, and shows it.
    const auto account = app()->signIn()->account();
    ASSERT_TRUE(account.has_value());
    const auto entries = app()->auditLog()->readNewestFirst();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.first().tenantId, account->tenantId);
    EXPECT_EQ(entries.first().accountUpn, QStringLiteral("helpdesk@example.com"));
    keyturn::ui::AuditLogWindow *audit = window()->openAuditLog();
    QTableWidget *table = audit->table();
    int tenantColumn = -1;
    for (int c = 0; c < table->columnCount(); ++c) {
        if (table->horizontalHeaderItem(c)->text() == QStringLiteral("Tenant"))
            tenantColumn = c;
    }
    ASSERT_GE(tenantColumn, 0);
    EXPECT_EQ(table->item(0, tenantColumn)->text(), QStringLiteral("example.com · ") + account->tenantId);
    audit->close();
}

TEST_F(AccountsFlow, AnActionSentBeforeASwitchGetsItsFinalStateWhenItsAccountIsBack)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    ASSERT_TRUE(launchTwoAccounts(browser, 2));
    keyturn::StatusTrackerConfig fast;
    fast.initialInterval = 300ms;
    fast.maxInterval = 1000ms;
    fast.idleRoundsBeforeStop = 3;
    app()->follower()->setConfig(fast);
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));

    const keyturn::DeviceRecord *found = findDevice([](const keyturn::DeviceRecord &) { return true; });
    ASSERT_NE(found, nullptr);
    const keyturn::DeviceRecord device = *found;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    keyturn::ui::Confirmations::setNextAnswer(true);
    QTest::mouseClick(window()->devicePane()->actionButton(QStringLiteral("syncDevice")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto entries = app()->auditLog()->readNewestFirst();
            return entries.size() == 1 && entries.first().outcome == QStringLiteral("sent");
        },
        10s));

    // Away while Intune carries it out: readonly's session cannot read helpdesk's devices for it.
    ASSERT_TRUE(switchTo(QStringLiteral("readonly@example.com")));
    QTest::qWait(3000);
    EXPECT_TRUE(app()->auditLog()->readNewestFirst().first().finalState.isEmpty());

    // Back: the action is followed again, and the audit log shows how it ended.
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    keyturn::ui::AuditLogWindow *audit = window()->openAuditLog();
    ASSERT_NE(audit, nullptr);
    QTableWidget *rows = audit->table();
    EXPECT_TRUE(waitUntil(
        [&] { return rows->rowCount() == 1 && rows->item(0, 3)->text() == QStringLiteral("sent → done"); },
        15s))
        << (rows->rowCount() > 0 ? rows->item(0, 3)->text().toStdString() : std::string("no rows"));
    EXPECT_EQ(app()->auditLog()->readNewestFirst().first().finalState, QStringLiteral("done"));
    audit->close();
}

TEST_F(AccountsFlow, TheTenantCanBeRenamedAndColourTagged)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    ASSERT_TRUE(launchTwoAccounts(browser));
    keyturn::ui::TenantBadge *badge = window()->tenantBadge();
    EXPECT_TRUE(badge->isVisible());
    EXPECT_EQ(badge->text(), QStringLiteral("example.com"));
    EXPECT_EQ(badge->accessibleName(), QStringLiteral("Tenant"));

    // Rename through the switcher's dialog, typed like a person.
    ASSERT_TRUE(clickInSwitcher([&] { return menu()->renameTenantAction(); }));
    QInputDialog *rename = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            return (rename = window()->findChild<QInputDialog *>(QStringLiteral("renameTenantDialog")))
                != nullptr
                && rename->isVisible();
        },
        5s));
    auto *edit = rename->findChild<QLineEdit *>();
    ASSERT_NE(edit, nullptr);
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("Contoso test"));
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(waitUntil([&] { return badge->text() == QStringLiteral("Contoso test"); }, 5s));
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant: Contoso test (example.com)"));
    EXPECT_TRUE(window()->tenantDescription().startsWith(QStringLiteral("Contoso test (example.com) · ")))
        << window()->tenantDescription().toStdString();

    // A colour tag from the switcher's submenu (keyboard: the submenu opens with Right).
    bool chosen = false;
    QTimer::singleShot(300, window(), [&] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        popup->setActiveAction(menu()->colourTagMenu()->menuAction());
        QTest::keyClick(popup, Qt::Key_Right);
        QTimer::singleShot(300, window(), [&] {
            auto *colours = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!colours || colours != menu()->colourTagMenu())
                return;
            for (QAction *action : colours->actions()) {
                if (action->text() == QStringLiteral("Green")) {
                    keyturn::test::clickMenuEntry(colours, action);
                    chosen = true;
                }
            }
        });
    });
    QTest::mouseClick(window()->accountButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return chosen; }, 5s));
    ASSERT_TRUE(waitUntil([&] { return badge->colour() == QStringLiteral("#2e7d32"); }, 5s));
    EXPECT_TRUE(badge->toolTip().contains(QStringLiteral("Green")));

    // Same tenant, same name and tag for the other account; kept over a restart.
    ASSERT_TRUE(switchTo(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(badge->text(), QStringLiteral("Contoso test"));
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    ASSERT_TRUE(
        waitUntil([&] { return window()->tenantBadge()->colour() == QStringLiteral("#2e7d32"); }, 5s));
}

TEST_F(AccountsFlow, TheOneAccountOfAnOlderKeyturnStillSignsInSilently)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    setBrowser(&browser);
    keyturn::demo::DemoOptions options;
    options.devices = 30;
    ASSERT_TRUE(launch(options, QStringLiteral("helpdesk")));
    const auto account = app()->signIn()->account();
    ASSERT_TRUE(account.has_value());

    // Write the settings the way a Keyturn with one remembered account did, over the same keychain item.
    {
        QSettings settings;
        settings.remove(QStringLiteral("accounts"));
        settings.beginGroup(QStringLiteral("account"));
        settings.setValue(QStringLiteral("upn"), account->upn);
        settings.setValue(QStringLiteral("displayName"), account->displayName);
        settings.setValue(QStringLiteral("tenantId"), account->tenantId);
        settings.setValue(QStringLiteral("objectId"), account->objectId);
        settings.setValue(QStringLiteral("cloud"), QStringLiteral("global"));
        settings.setValue(QStringLiteral("clientId"), account->clientId);
        settings.setValue(QStringLiteral("authorityHost"), account->authorityHost);
        settings.setValue(QStringLiteral("graphRoot"), account->graphRoot);
        settings.setValue(QStringLiteral("signInWay"), QStringLiteral("browser"));
        settings.endGroup();
        settings.sync();
    }
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, 20s));
    EXPECT_EQ(signedInUpn(), account->upn);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 30);
    EXPECT_EQ(browser.launchCount(), 1);
    EXPECT_FALSE(QSettings().childGroups().contains(QStringLiteral("account")));
    EXPECT_EQ(app()->signIn()->rememberedAccounts().size(), 1);
}
