// Keys and passwords, driven as a help-desk user would through the real widgets against the demo
// tenant: the pane's Show buttons ask first (No sends nothing), then show exactly what the tenant
// escrowed in the secret dialog; BitLocker asks once for consent in the browser and remembers it
// across a restart with the real keychain; a user who signed in with a code consents with a code
// (or switches to the browser, or cancels); every viewing is one audit line without the value; a
// read-only operator sees the FileVault button disabled with the reason.
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "ConsentDialog.h"
#include "DevicePane.h"
#include "DeviceSecretViewer.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SecretDialog.h"
#include "SignInView.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "demo/DemoTenant.h"
#include "demo/SecretLedger.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::SignInController;
using keyturn::test::approveDemoDeviceCode;
using keyturn::test::fetchDemoRequests;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using keyturn::ui::ConfirmationDialog;
using keyturn::ui::SecretDialog;

namespace {

class KeysAndPasswordsFlow : public keyturn::test::GuiFixture {
protected:
    /// The tenant of these tests: 300 devices, codes polled every second.
    static keyturn::demo::DemoOptions tenantOptions()
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = 5;
        options.deviceCodeIntervalSecs = 1;
        return options;
    }

    bool launchAs(const QString &user)
    {
        keyturn::ui::Confirmations::clearNextAnswer();
        return launch(tenantOptions(), user);
    }

    /// Starts Keyturn signed out and signs in with a code, approved on the tenant's page as user.
    bool launchSignedInWithCode(const QString &user)
    {
        keyturn::ui::Confirmations::clearNextAnswer();
        setBrowser(&browser);
        if (!launch(tenantOptions(), QString(), false))
            return false;
        keyturn::ui::SignInView *view = window()->signInView();
        QTest::mouseClick(view->deviceCodeButton(), Qt::LeftButton);
        if (!waitUntil([&] { return !view->userCodeLabel()->text().isEmpty(); }, std::chrono::seconds(10))
            || !approveDemoDeviceCode(demoUrl(), view->userCodeLabel()->text(), user)
            || !waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; },
                std::chrono::seconds(20))) {
            ADD_FAILURE() << "the sign-in with a code did not complete";
            return false;
        }
        return waitForListLoaded();
    }

    /// Encrypted Windows devices with an Entra device id, in list order (not all hold a key).
    QList<DeviceRecord> bitLockerCandidates() const
    {
        QList<DeviceRecord> candidates;
        for (const DeviceRecord &d : app()->devices()->records()) {
            if (d.platform == DeviceRecord::Platform::Windows && d.isEncrypted
                && !d.azureADDeviceId.isEmpty())
                candidates.append(d);
            if (candidates.size() == 50)
                break;
        }
        return candidates;
    }

    /// Opens the device, clicks Show BitLocker recovery keys and answers the question Yes.
    bool askForBitLockerKeys(const DeviceRecord &pc)
    {
        if (!openDeviceThroughSearch(pc))
            return false;
        pane()->banner()->clear();
        QTest::mouseClick(pane()->actionButton(QStringLiteral("viewBitLockerKeys")), Qt::LeftButton);
        return answer(true, QStringLiteral("Show the BitLocker recovery keys of ") + pc.deviceName);
    }

    /// Asks for the BitLocker keys of one device after the other (not all hold a key) until the
    /// secret dialog shows some; consent() runs once, after the first question. Sets *shownAt to
    /// the index of the device shown. nullptr when none showed keys.
    SecretDialog *showFirstBitLockerKeys(
        const QList<DeviceRecord> &candidates, const std::function<void()> &consent, qsizetype *shownAt)
    {
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            if (!askForBitLockerKeys(candidates[i]))
                return nullptr;
            if (i == 0)
                consent();
            if (::testing::Test::HasFatalFailure())
                return nullptr;
            if (SecretDialog *dialog = waitForSecretDialog()) {
                *shownAt = i;
                return dialog;
            }
            EXPECT_TRUE(pane()->banner()->text().contains(QStringLiteral("holds no BitLocker recovery key")))
                << pane()->banner()->text().toStdString();
        }
        return nullptr;
    }

    /// Answers Yes to the consent question, which must offer a code for upn; true when the
    /// permission dialog shows the code.
    bool getACode(const QString &upn)
    {
        return answer(true, QStringLiteral("Get a code to approve it as ") + upn) && waitForConsentCode();
    }

    /// Waits until the consent dialog shows a code.
    bool waitForConsentCode() const
    {
        keyturn::ui::ConsentDialog *consent = window()->consentDialog();
        return waitUntil(
            [consent] { return consent->isVisible() && !consent->userCodeLabel()->text().isEmpty(); },
            std::chrono::seconds(10));
    }

    QNetworkAccessManager browserNetwork;
    keyturn::DemoBrowserLauncher browser{ &browserNetwork, QStringLiteral("helpdesk") };

    /// Waits for the question, checks it names what it should, and answers it with a click.
    bool answer(bool yes, const QString &mustContain)
    {
        ConfirmationDialog *dialog = waitForConfirmation();
        if (!dialog) {
            ADD_FAILURE() << "no question asked";
            return false;
        }
        EXPECT_TRUE(dialog->question().contains(mustContain)) << dialog->question().toStdString();
        EXPECT_TRUE(dialog->noButton()->isDefault());
        return answerConfirmation(dialog, yes);
    }

    SecretDialog *waitForSecretDialog()
    {
        SecretDialog *dialog = nullptr;
        waitUntil(
            [&] {
                dialog = window()->secretViewer()->dialog();
                return dialog && dialog->isVisible() && dialog->isShowingValues();
            },
            std::chrono::seconds(15));
        return dialog && dialog->isShowingValues() ? dialog : nullptr;
    }

    QStringList shownValues(SecretDialog *dialog) const
    {
        QStringList values;
        for (QLabel *label : dialog->valueLabels())
            values.append(label->text().replace(u'\n', u'-').remove(u' '));
        return values;
    }

    QString auditText() const
    {
        QFile file(auditDirectory() + QStringLiteral("/audit.jsonl"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    int requestsEndingWith(const QString &suffix) const
    {
        return static_cast<int>(
            requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("GET"), suffix).size());
    }
};

TEST_F(KeysAndPasswordsFlow, FileVaultKeyAfterYesOnlyNothingAfterNoAndAnAuditLineWithoutTheValue)
{
    ASSERT_TRUE(launchAs(QStringLiteral("helpdesk")));
    const DeviceRecord *mac = findDevice([](const DeviceRecord &d) {
        return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
            && d.isEncrypted;
    });
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    QToolButton *show = pane()->actionButton(QStringLiteral("viewFileVaultKey"));
    ASSERT_NE(show, nullptr);
    ASSERT_TRUE(show->isEnabled()) << show->toolTip().toStdString();

    QTest::mouseClick(show, Qt::LeftButton);
    ASSERT_TRUE(answer(false, QStringLiteral("Show the FileVault recovery key of ") + device.deviceName));
    EXPECT_TRUE(requestsMatching(
        requestsBeforeGraphMarker(), QStringLiteral("GET"), QStringLiteral("/getFileVaultKey"))
                    .isEmpty())
        << "No reads nothing";

    QTest::mouseClick(show, Qt::LeftButton);
    ASSERT_TRUE(answer(true, device.deviceName));
    SecretDialog *dialog = waitForSecretDialog();
    if (!dialog) {
        // This Mac never escrowed a key: the pane says so plainly.
        ASSERT_TRUE(waitUntil([&] { return !pane()->banner()->text().isEmpty(); }, std::chrono::seconds(5)));
        EXPECT_TRUE(pane()->banner()->text().contains(QStringLiteral("holds no FileVault recovery key")))
            << pane()->banner()->text().toStdString();
        GTEST_SKIP() << "the first corporate Mac has no escrowed key in this seed";
    }
    const QStringList served = tenant()->issuedSecretsForTests().deviceSecrets;
    ASSERT_EQ(served.size(), 1);
    EXPECT_EQ(shownValues(dialog), served);
    EXPECT_EQ(requestsEndingWith(QStringLiteral("/getFileVaultKey")), 1);
    EXPECT_TRUE(dialog->windowTitle().contains(device.deviceName));

    const QString audit = auditText();
    EXPECT_TRUE(audit.contains(QStringLiteral("viewFileVaultKey"))) << audit.toStdString();
    EXPECT_TRUE(audit.contains(device.id));
    EXPECT_FALSE(audit.contains(served.first())) << "the audit never holds the value";
    dialog->close();
}

TEST_F(KeysAndPasswordsFlow, BitLockerConsentIsAskedOnceAndRememberedAcrossARestart)
{
    ASSERT_TRUE(launchAs(QStringLiteral("helpdesk")));
    // Devices the tenant holds keys for: try encrypted Windows devices until one shows keys.
    const QList<DeviceRecord> candidates = bitLockerCandidates();
    ASSERT_FALSE(candidates.isEmpty());

    qsizetype shown = -1;
    SecretDialog *dialog = showFirstBitLockerKeys(
        candidates, [&] { ASSERT_TRUE(answer(true, QStringLiteral("BitlockerKey.Read.All"))); }, &shown);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(shownValues(dialog), tenant()->issuedSecretsForTests().deviceSecrets);
    dialog->close();

    // After a restart (the sign-in from the real keychain) the permission is still there: one question.
    ASSERT_TRUE(restart());
    const DeviceRecord pc = candidates[shown];
    ASSERT_TRUE(openDeviceThroughSearch(pc));
    const int before = keyturn::ui::Confirmations::askCount();
    QTest::mouseClick(pane()->actionButton(QStringLiteral("viewBitLockerKeys")), Qt::LeftButton);
    ASSERT_TRUE(answer(true, pc.deviceName));
    ASSERT_NE(waitForSecretDialog(), nullptr);
    EXPECT_EQ(keyturn::ui::Confirmations::askCount() - before, 1) << "no second consent question";
}

TEST_F(KeysAndPasswordsFlow, ACodeSignedInUserConsentsWithACodeOnceAndTheKeyAppears)
{
    ASSERT_TRUE(launchSignedInWithCode(QStringLiteral("helpdesk")));
    EXPECT_EQ(app()->signIn()->consentWay(), keyturn::ScopeGrants::ConsentWay::DeviceCode);
    const QList<DeviceRecord> candidates = bitLockerCandidates();
    ASSERT_FALSE(candidates.isEmpty());
    keyturn::ui::ConsentDialog *consent = window()->consentDialog();
    QSignalSpy codes(app()->signIn(), &SignInController::consentCodeReady);

    qsizetype shown = -1;
    SecretDialog *dialog = showFirstBitLockerKeys(
        candidates,
        [&] {
            // The consent goes the way the sign-in went: a code, shown like the sign-in page shows one.
            ASSERT_TRUE(getACode(QStringLiteral("helpdesk@example.com")));
            // Shown whole: the code and the wrapped lines are not cut off by a dialog sized for
            // the one-line "Requesting a code" it opened with.
            for (QLabel *label :
                { consent->instructionLabel(), consent->userCodeLabel(), consent->verificationLabel() }) {
                const int needed = label->hasHeightForWidth() ? label->heightForWidth(label->width())
                                                              : label->sizeHint().height();
                EXPECT_GE(label->height(), needed) << label->text().toStdString();
            }
            EXPECT_TRUE(consent->copyCodeButton()->isVisible());
            EXPECT_EQ(consent->copyCodeButton()->accessibleName(), QStringLiteral("Copy code"));
            EXPECT_TRUE(consent->useBrowserButton()->isVisible());
            EXPECT_FALSE(consent->useCodeButton()->isVisible());
            EXPECT_TRUE(consent->cancelButton()->isVisible());
            EXPECT_TRUE(consent->verificationLabel()->text().contains(QStringLiteral("/devicelogin")))
                << consent->verificationLabel()->text().toStdString();
            EXPECT_TRUE(
                consent->instructionLabel()->text().contains(QStringLiteral("BitlockerKey.Read.All")));
            ASSERT_TRUE(approveDemoDeviceCode(
                demoUrl(), consent->userCodeLabel()->text(), QStringLiteral("helpdesk")));
        },
        &shown);
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(consent->isVisible());
    EXPECT_EQ(shownValues(dialog), tenant()->issuedSecretsForTests().deviceSecrets);
    EXPECT_EQ(browser.launchCount(), 0) << "a sign-in with a code consents with a code";
    EXPECT_EQ(codes.size(), 1);
    dialog->close();

    // The grant is remembered: the next viewing asks only the question, and shows no code.
    const int before = keyturn::ui::Confirmations::askCount();
    ASSERT_TRUE(askForBitLockerKeys(candidates[shown]));
    ASSERT_NE(waitForSecretDialog(), nullptr);
    EXPECT_EQ(keyturn::ui::Confirmations::askCount() - before, 1) << "no second consent question";
    EXPECT_EQ(codes.size(), 1) << "no second code";
}

TEST_F(KeysAndPasswordsFlow, AConsentByCodeCanBeCancelledOrFinishedInTheBrowserInstead)
{
    ASSERT_TRUE(launchSignedInWithCode(QStringLiteral("helpdesk")));
    const QList<DeviceRecord> candidates = bitLockerCandidates();
    ASSERT_FALSE(candidates.isEmpty());
    keyturn::ui::ConsentDialog *consent = window()->consentDialog();

    // Cancel: said plainly, nothing read, still signed in.
    ASSERT_TRUE(askForBitLockerKeys(candidates.first()));
    ASSERT_TRUE(getACode(QStringLiteral("helpdesk@example.com")));
    QTest::mouseClick(consent->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !pane()->banner()->text().isEmpty(); }, std::chrono::seconds(5)));
    EXPECT_TRUE(pane()->banner()->text().contains(QStringLiteral("cancelled")))
        << pane()->banner()->text().toStdString();
    EXPECT_FALSE(consent->isVisible());
    EXPECT_EQ(requestsEndingWith(QStringLiteral("/recoveryKeys")), 0) << "a cancelled consent reads nothing";
    EXPECT_EQ(app()->signIn()->state(), SignInController::State::SignedIn);

    // Asked again, and finished in the browser instead of with the code.
    qsizetype shown = -1;
    SecretDialog *dialog = showFirstBitLockerKeys(
        candidates,
        [&] {
            ASSERT_TRUE(getACode(QStringLiteral("helpdesk@example.com")));
            QTest::mouseClick(consent->useBrowserButton(), Qt::LeftButton);
        },
        &shown);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(browser.launchCount(), 1);
    EXPECT_TRUE(browser.lastUrl()
                    .query(QUrl::FullyDecoded)
                    .contains(QStringLiteral("login_hint=helpdesk@example.com")));
    EXPECT_EQ(shownValues(dialog), tenant()->issuedSecretsForTests().deviceSecrets);
    dialog->close();
}

TEST_F(KeysAndPasswordsFlow, AReadOnlyUserWhoConsentsWithACodeIsToldWhichRoleIsMissing)
{
    ASSERT_TRUE(launchSignedInWithCode(QStringLiteral("readonly")));
    const QList<DeviceRecord> candidates = bitLockerCandidates();
    ASSERT_FALSE(candidates.isEmpty());
    keyturn::ui::ConsentDialog *consent = window()->consentDialog();
    ASSERT_TRUE(askForBitLockerKeys(candidates.first()));
    ASSERT_TRUE(getACode(QStringLiteral("readonly@example.com")));
    ASSERT_TRUE(
        approveDemoDeviceCode(demoUrl(), consent->userCodeLabel()->text(), QStringLiteral("readonly")));
    // Entra grants the permission, but reading keys also takes an Entra role the user lacks.
    ASSERT_TRUE(waitUntil([&] { return !pane()->banner()->text().isEmpty(); }, std::chrono::seconds(15)));
    EXPECT_TRUE(pane()->banner()->text().contains(QStringLiteral("Helpdesk Administrator")))
        << pane()->banner()->text().toStdString();
    EXPECT_TRUE(app()->signIn()->hasScope(QStringLiteral("BitlockerKey.Read.All")));
    const SecretDialog *dialog = window()->secretViewer()->dialog();
    EXPECT_TRUE(!dialog || !dialog->isShowingValues());
}

TEST_F(KeysAndPasswordsFlow, ReadOnlySeesTheFileVaultButtonDisabledWithTheReason)
{
    ASSERT_TRUE(launchAs(QStringLiteral("readonly")));
    const DeviceRecord *mac = findDevice([](const DeviceRecord &d) {
        return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
            && d.isEncrypted;
    });
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    QToolButton *show = pane()->actionButton(QStringLiteral("viewFileVaultKey"));
    EXPECT_FALSE(show->isEnabled());
    const QLabel *reasons = pane()->findChild<QLabel *>(QStringLiteral("unavailableReasonsLabel"));
    ASSERT_NE(reasons, nullptr);
    EXPECT_TRUE(reasons->isVisible());
    EXPECT_TRUE(reasons->text().contains(QStringLiteral("Show FileVault recovery key")))
        << reasons->text().toStdString();
    EXPECT_TRUE(reasons->text().contains(QStringLiteral("PrivilegedOperations.All")))
        << reasons->text().toStdString();
}

} // namespace
