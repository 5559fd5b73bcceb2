// Sign-in remembered by the OS keychain, clicked through the sign-in view and account menu.
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MenuClicks.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using keyturn::SignInController;
using keyturn::test::runProcess;
using keyturn::test::waitUntil;

namespace {

class SignInFlow : public keyturn::test::GuiFixture {
protected:
    bool signedIn() const { return app()->signIn()->state() == SignInController::State::SignedIn; }
};

} // namespace

TEST_F(SignInFlow, BrowserSignInIsRememberedAndSignOutForgetsIt)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    setBrowser(&browser);
    keyturn::demo::DemoOptions options;
    options.devices = 120;
    ASSERT_TRUE(launch(options, QString()));

    // First start: the sign-in view, nothing remembered.
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    keyturn::ui::SignInView *view = window()->signInView();
    ASSERT_TRUE(view->isVisible());
    EXPECT_EQ(browser.launchCount(), 0);
    QTest::mouseClick(view->browserButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    EXPECT_EQ(browser.launchCount(), 1);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 120);
    EXPECT_TRUE(window()->isShowingDevices());
    EXPECT_EQ(window()->accountButton()->text(), QStringLiteral("helpdesk@example.com"));
    EXPECT_EQ(keychainItems().size(), 1);

    // Restart: signed in silently, no browser.
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    EXPECT_EQ(browser.launchCount(), 1);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 120);

    // Sign out from the account menu: the keychain item goes, the next start shows the sign-in view.
    // The account menu says who is signed in; its Sign out is clicked like a person would.
    QMenu *accountMenu = window()->accountButton()->menu();
    ASSERT_NE(accountMenu, nullptr);
    QStringList entries;
    for (QAction *action : accountMenu->actions())
        entries << action->text();
    EXPECT_TRUE(entries.join(QLatin1Char('|')).contains(QStringLiteral("helpdesk@example.com")));
    bool clicked = false;
    QTimer::singleShot(300, window(), [&] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        keyturn::test::clickMenuEntry(popup, window()->signOutAction());
        clicked = true;
    });
    QTest::mouseClick(window()->accountButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return clicked; }, std::chrono::seconds(5)));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    EXPECT_TRUE(window()->signInView()->isVisible());
    EXPECT_EQ(app()->devices()->rowCount(), 0);
    ASSERT_TRUE(waitUntil([&] { return keychainItems().isEmpty(); }, std::chrono::seconds(10)));
    ASSERT_TRUE(restart());
    QTest::qWait(1000);
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedOut);
    EXPECT_EQ(browser.launchCount(), 1);
}

TEST_F(SignInFlow, DeviceCodeSignInShowsTheCodeAndSignsIn)
{
    keyturn::demo::DemoOptions options;
    options.devices = 50;
    options.autoApproveUser = QStringLiteral("readonly");
    options.deviceCodeIntervalSecs = 1;
    ASSERT_TRUE(launch(options, QString()));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    keyturn::ui::SignInView *view = window()->signInView();
    QTest::mouseClick(view->deviceCodeButton(), Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return !view->userCodeLabel()->text().isEmpty(); }, std::chrono::seconds(10)));
    EXPECT_TRUE(view->copyCodeButton()->isVisible());
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    EXPECT_EQ(window()->accountButton()->text(), QStringLiteral("readonly@example.com"));
}

TEST_F(SignInFlow, DeniedInTheBrowserShowsEntrasReasonAndStaysSignedOut)
{
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    browser.setCancel(true);
    setBrowser(&browser);
    keyturn::demo::DemoOptions options;
    options.devices = 20;
    ASSERT_TRUE(launch(options, QString()));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }));
    keyturn::ui::SignInView *view = window()->signInView();
    QTest::mouseClick(view->browserButton(), Qt::LeftButton);
    keyturn::ui::MessageBanner *banner = view->banner();
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(20)));
    EXPECT_EQ(banner->kind(), keyturn::ui::MessageBanner::Kind::Error);
    EXPECT_TRUE(banner->details().contains(QStringLiteral("access_denied")))
        << banner->details().toStdString();
    EXPECT_TRUE(banner->copyDetailsButton()->isVisible());
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedOut);
    EXPECT_TRUE(view->browserButton()->isVisible());
    EXPECT_TRUE(keychainItems().isEmpty());
}

namespace {
/// A keychain that is there but locked: every job fails the way a locked collection does.
class LockedKeychain final : public keyturn::TokenStore {
public:
    int writes = 0;
    void read(const QString &, QObject *context, Callback callback) override
    {
        answer(context, std::move(callback));
    }
    void write(const QString &, const QString &, QObject *context, Callback callback) override
    {
        ++writes;
        answer(context, std::move(callback));
    }
    void remove(const QString &, QObject *context, Callback callback) override
    {
        answer(context, std::move(callback));
    }

private:
    static void answer(QObject *context, Callback callback)
    {
        QTimer::singleShot(10, context, [callback = std::move(callback)] {
            callback({ Status::Unavailable, QString(), QStringLiteral("The collection is locked.") });
        });
    }
};
} // namespace

TEST_F(SignInFlow, LockedKeychainStillSignsInAndSaysItWillNotBeRemembered)
{
    LockedKeychain keychain;
    setTokenStore(&keychain);
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(launch(options, QStringLiteral("helpdesk")));
    EXPECT_EQ(app()->devices()->rowCount(), 40);
    QLabel *note = window()->rememberNoteLabel();
    ASSERT_TRUE(waitUntil([&] { return note->isVisible(); }, std::chrono::seconds(5)));
    EXPECT_TRUE(note->text().contains(QStringLiteral("sign in again next time")))
        << note->text().toStdString();
    EXPECT_GE(keychain.writes, 1);
    // Nothing secret went anywhere else: no keychain item, and the next start asks again.
    EXPECT_TRUE(keychainItems().isEmpty());
    ASSERT_TRUE(restart());
    QTest::qWait(500);
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedOut);
}

TEST_F(SignInFlow, KeychainItemDeletedBehindKeyturnsBackAsksToSignInAgainByName)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(launch(options, QStringLiteral("helpdesk")));
    ASSERT_EQ(keychainItems().size(), 1);

    // Another program (here secret-tool, as a user might with Seahorse) removes the item.
    const auto cleared = runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("clear"), QStringLiteral("server"), keychainService() });
    ASSERT_EQ(cleared.exitCode, 0) << cleared.standardError.toStdString();
    ASSERT_TRUE(keychainItems().isEmpty());

    // The running session carries on: its access token is in memory.
    QTest::keyClick(window()->deviceListView()->tableView(), Qt::Key_F5);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 40);

    // The next start finds the account but not the item: signed out at once, told why, by name.
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; },
        std::chrono::seconds(5)));
    keyturn::ui::SignInView *view = window()->signInView();
    ASSERT_TRUE(waitUntil([&] { return view->isVisible() && view->banner()->isVisible(); }));
    EXPECT_TRUE(view->banner()->text().contains(QStringLiteral("no longer in the system keychain")))
        << view->banner()->text().toStdString();
    EXPECT_TRUE(view->banner()->text().contains(QStringLiteral("helpdesk@example.com")));
    EXPECT_EQ(app()->devices()->rowCount(), 0);
    EXPECT_TRUE(keychainItems().isEmpty());
}
