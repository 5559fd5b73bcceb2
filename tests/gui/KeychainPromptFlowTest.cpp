// The first start on a desktop whose keychain asks the person a question (a new or locked keyring's
// password prompt): Keyturn says it waits, the device list loads meanwhile, and the answer, whenever
// it comes, decides whether the sign-in is remembered.
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "SignInView.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using keyturn::SignInController;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

/// The test keyring behind a system prompt: held jobs wait until the test answers for the person,
/// then go to the real keyring. Deletes are never held (they do not prompt).
class PromptingKeychain final : public keyturn::TokenStore {
public:
    explicit PromptingKeychain(const QString &service)
        : TokenStore(service)
    {
        setPromptDelay(300ms);
    }
    bool holdWrites = true;
    bool holdReads = false;
    int landedWrites = 0;
    int landedReads = 0;
    int finishedRemoves = 0;

    void read(const QString &key, QObject *context, Callback callback) override
    {
        if (holdReads)
            m_held.append({ false, key, QString(), context, std::move(callback) });
        else
            TokenStore::read(key, context, std::move(callback));
    }
    void write(const QString &key, const QString &secret, QObject *context, Callback callback) override
    {
        if (holdWrites)
            m_held.append({ true, key, secret, context, std::move(callback) });
        else
            TokenStore::write(key, secret, context, std::move(callback));
    }
    void remove(const QString &key, QObject *context, Callback callback) override
    {
        TokenStore::remove(key, context, [this, callback = std::move(callback)](const Result &result) {
            ++finishedRemoves;
            callback(result);
        });
    }
    int heldJobs() const { return int(m_held.size()); }
    /// The person types the keyring password: every held job reaches the real keyring.
    void answer()
    {
        const auto held = std::exchange(m_held, {});
        for (const Held &job : held) {
            if (!job.context)
                continue;
            if (job.write) {
                TokenStore::write(
                    job.key, job.secret, job.context, [this, callback = job.callback](const Result &result) {
                        ++landedWrites;
                        callback(result);
                    });
            } else {
                TokenStore::read(job.key, job.context, [this, callback = job.callback](const Result &result) {
                    ++landedReads;
                    callback(result);
                });
            }
        }
    }

private:
    struct Held {
        bool write = false;
        QString key;
        QString secret;
        QPointer<QObject> context;
        Callback callback;
    };
    QList<Held> m_held;
};

class KeychainPromptFlow : public keyturn::test::GuiFixture {
protected:
    QLabel *note() const { return window()->rememberNoteLabel(); }
    QPushButton *goOnButton() const
    {
        return window()->findChild<QPushButton *>(QStringLiteral("goOnWithoutRememberingButton"));
    }
    bool noteSays(const QString &text) const
    {
        return note() && note()->isVisible() && note()->text().contains(text);
    }
    /// The person can search the list and open a device while the keychain waits.
    void expectListUsable()
    {
        EXPECT_TRUE(window()->isShowingDevices());
        ASSERT_EQ(app()->devices()->rowCount(), 40);
        const keyturn::DeviceRecord *device = findDevice([](const auto &) { return true; });
        ASSERT_NE(device, nullptr);
        EXPECT_TRUE(openDeviceThroughSearch(*device));
    }
};

const QString kWaiting = QStringLiteral("Waiting for the system keychain: a password prompt may be open.");

} // namespace

TEST_F(KeychainPromptFlow, WaitsForThePromptWithTheListLoadedAndRemembersWhenAnswered)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(startTenant(options));
    PromptingKeychain keychain(keychainService());
    setTokenStore(&keychain);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk"))); // signed in and the list loaded, prompt open
    ASSERT_EQ(keychain.heldJobs(), 1);

    ASSERT_TRUE(waitUntil([&] { return noteSays(kWaiting); }, 5s)) << note()->text().toStdString();
    ASSERT_NE(goOnButton(), nullptr);
    EXPECT_TRUE(goOnButton()->isVisible());
    EXPECT_TRUE(goOnButton()->focusPolicy() & Qt::TabFocus);
    expectListUsable();
    EXPECT_TRUE(keychainItems().isEmpty());

    // Long after the old 20 s give-up, the person finishes the prompt.
    keychain.answer();
    ASSERT_TRUE(waitUntil(
        [&] { return noteSays(QStringLiteral("Sign-in remembered in the system keychain.")); }, 10s))
        << note()->text().toStdString();
    EXPECT_FALSE(goOnButton()->isVisible());
    EXPECT_EQ(keychainItems().size(), 1);

    // The next start is signed in from the keychain, without a browser.
    keychain.holdWrites = false;
    ASSERT_TRUE(restart());
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; }, 20s));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 40);
}

TEST_F(KeychainPromptFlow, GoingOnWithoutRememberingLeavesNoItemWhenThePromptIsAnsweredLater)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(startTenant(options));
    PromptingKeychain keychain(keychainService());
    setTokenStore(&keychain);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    ASSERT_TRUE(waitUntil([&] { return noteSays(kWaiting); }, 5s)) << note()->text().toStdString();
    ASSERT_NE(goOnButton(), nullptr);

    goOnButton()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(goOnButton(), Qt::Key_Space);
    ASSERT_TRUE(waitUntil([&] { return noteSays(QStringLiteral("not remembered")); }, 5s))
        << note()->text().toStdString();
    EXPECT_FALSE(goOnButton()->isVisible());
    expectListUsable();

    // The prompt is answered after all: the item lands and is taken away again.
    keychain.answer();
    ASSERT_TRUE(waitUntil([&] { return keychain.landedWrites == 1 && keychain.finishedRemoves >= 1; }, 10s));
    EXPECT_TRUE(keychainItems().isEmpty());
    EXPECT_TRUE(noteSays(QStringLiteral("not remembered"))) << note()->text().toStdString();
    EXPECT_FALSE(app()->signIn()->isRemembered());

    // Refreshes do not ask the keychain again in this session.
    app()->signIn()->getAccessToken(true, window(), [](const QString &, const QString &) {});
    QTest::keyClick(window()->deviceListView()->tableView(), Qt::Key_F5);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(keychain.heldJobs(), 0);

    // And the next start asks to sign in.
    keychain.holdWrites = false;
    ASSERT_TRUE(restart());
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; }, 10s));
    EXPECT_TRUE(window()->signInView()->isVisible());
}

TEST_F(KeychainPromptFlow, AKeychainThatNeverAnswersEndsInNotRemembered)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(startTenant(options));
    PromptingKeychain keychain(keychainService());
    keychain.setWaitLimit(3s);
    setTokenStore(&keychain);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    ASSERT_TRUE(waitUntil([&] { return noteSays(kWaiting); }, 5s)) << note()->text().toStdString();

    ASSERT_TRUE(waitUntil([&] { return noteSays(QStringLiteral("not remembered")); }, 20s))
        << note()->text().toStdString();
    EXPECT_TRUE(note()->text().contains(QStringLiteral("did not answer"))) << note()->text().toStdString();
    EXPECT_FALSE(goOnButton()->isVisible());
    EXPECT_FALSE(app()->signIn()->isRemembered());
    expectListUsable();
    EXPECT_TRUE(keychainItems().isEmpty());

    // A very late answer does not turn the note into a lie.
    keychain.answer();
    ASSERT_TRUE(waitUntil([&] { return keychain.landedWrites == 1 && keychain.finishedRemoves >= 1; }, 10s));
    EXPECT_TRUE(keychainItems().isEmpty());
    EXPECT_TRUE(noteSays(QStringLiteral("not remembered")));
}

TEST_F(KeychainPromptFlow, ALockedKeyringAtStartOffersTheBrowserInsteadAndRestoresWhenUnlocked)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(startTenant(options));
    PromptingKeychain keychain(keychainService());
    keychain.holdWrites = false;
    setTokenStore(&keychain);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    ASSERT_EQ(keychainItems().size(), 1);

    // The next start finds the keyring locked: its unlock prompt is open.
    keychain.holdReads = true;
    ASSERT_TRUE(restart());
    keyturn::ui::SignInView *view = window()->signInView();
    auto *waitingLabel = view->findChild<QLabel *>(QStringLiteral("waitingLabel"));
    ASSERT_NE(waitingLabel, nullptr);
    ASSERT_TRUE(waitUntil([&] { return waitingLabel->isVisible() && waitingLabel->text() == kWaiting; }, 5s))
        << waitingLabel->text().toStdString();
    auto *instead = view->findChild<QPushButton *>(QStringLiteral("browserInsteadButton"));
    ASSERT_NE(instead, nullptr);
    EXPECT_TRUE(instead->isVisible());
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::RestoringSession);

    // The person unlocks the keyring: signed in silently, the list loads.
    keychain.answer();
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; }, 20s));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 40);
}

TEST_F(KeychainPromptFlow, ALockedKeyringAtStartCanBeLeftForTheBrowser)
{
    keyturn::demo::DemoOptions options;
    options.devices = 40;
    ASSERT_TRUE(startTenant(options));
    PromptingKeychain keychain(keychainService());
    keychain.holdWrites = false;
    setTokenStore(&keychain);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));

    keychain.holdReads = true;
    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser(&browserNetwork, QStringLiteral("helpdesk"));
    setBrowser(&browser);
    ASSERT_TRUE(restart());
    keyturn::ui::SignInView *view = window()->signInView();
    auto *instead = view->findChild<QPushButton *>(QStringLiteral("browserInsteadButton"));
    ASSERT_NE(instead, nullptr);
    ASSERT_TRUE(waitUntil([&] { return instead->isVisible(); }, 5s));
    EXPECT_TRUE(instead->hasFocus());
    QTest::keyClick(instead, Qt::Key_Space);
    ASSERT_TRUE(
        waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; }, 20s));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 40);
    EXPECT_FALSE(instead->isVisible());

    // The unlock prompt answered late changes nothing.
    keychain.answer();
    ASSERT_TRUE(waitUntil([&] { return keychain.landedReads == 1; }));
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedIn);
    EXPECT_EQ(keychainItems().size(), 1);
}
