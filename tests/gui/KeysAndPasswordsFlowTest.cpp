// Keys and passwords, driven as a help-desk user would through the real widgets against the demo
// tenant: the pane's Show buttons ask first (No sends nothing), then show exactly what the tenant
// escrowed in the secret dialog; BitLocker asks once for consent in the browser and remembers it
// across a restart with the real keychain; every viewing is one audit line without the value; a
// read-only operator sees the FileVault button disabled with the reason.
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DevicePane.h"
#include "DeviceSecretViewer.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SecretDialog.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "demo/DemoTenant.h"
#include "demo/SecretLedger.h"
#include "devices/DeviceRecord.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::test::fetchDemoRequests;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using keyturn::ui::ConfirmationDialog;
using keyturn::ui::SecretDialog;

namespace {

class KeysAndPasswordsFlow : public keyturn::test::GuiFixture {
protected:
    bool launchAs(const QString &user)
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = 5;
        keyturn::ui::Confirmations::clearNextAnswer();
        return launch(options, user);
    }
    keyturn::ui::DevicePane *pane() const { return window()->devicePane(); }

    /// Waits for the question, checks it names what it should, and answers it with a click.
    bool answer(bool yes, const QString &mustContain)
    {
        ConfirmationDialog *dialog = nullptr;
        if (!waitUntil(
                [&] {
                    dialog = window()->findChild<ConfirmationDialog *>();
                    return dialog && dialog->isVisible();
                },
                std::chrono::seconds(10))) {
            ADD_FAILURE() << "no question asked";
            return false;
        }
        EXPECT_TRUE(dialog->question().contains(mustContain)) << dialog->question().toStdString();
        EXPECT_TRUE(dialog->noButton()->isDefault());
        QTest::mouseClick(yes ? dialog->yesButton() : dialog->noButton(), Qt::LeftButton);
        return waitUntil(
            [&] { return window()->findChild<ConfirmationDialog *>() == nullptr || !dialog->isVisible(); },
            std::chrono::seconds(5));
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
    QTest::qWait(300);
    EXPECT_EQ(requestsEndingWith(QStringLiteral("/getFileVaultKey")), 0) << "No reads nothing";

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
    QList<DeviceRecord> candidates;
    for (int i = 0; i < 50; ++i) {
        const DeviceRecord *pc = findDevice([&](const DeviceRecord &d) {
            return d.platform == DeviceRecord::Platform::Windows && d.isEncrypted
                && !d.azureADDeviceId.isEmpty()
                && std::none_of(candidates.cbegin(), candidates.cend(),
                    [&](const DeviceRecord &c) { return c.id == d.id; });
        });
        if (!pc)
            break;
        candidates.append(*pc);
    }
    ASSERT_FALSE(candidates.isEmpty());

    const int askedBefore = keyturn::ui::Confirmations::askCount();
    bool consented = false;
    SecretDialog *dialog = nullptr;
    for (const DeviceRecord &pc : candidates) {
        ASSERT_TRUE(openDeviceThroughSearch(pc));
        pane()->banner()->clear();
        QTest::mouseClick(pane()->actionButton(QStringLiteral("viewBitLockerKeys")), Qt::LeftButton);
        ASSERT_TRUE(answer(true, QStringLiteral("Show the BitLocker recovery keys of ") + pc.deviceName));
        if (!consented) {
            ASSERT_TRUE(answer(true, QStringLiteral("BitlockerKey.Read.All")));
            consented = true;
        }
        dialog = waitForSecretDialog();
        if (dialog)
            break;
        ASSERT_TRUE(pane()->banner()->text().contains(QStringLiteral("holds no BitLocker recovery key")))
            << pane()->banner()->text().toStdString();
    }
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(shownValues(dialog), tenant()->issuedSecretsForTests().deviceSecrets);
    const int asked = keyturn::ui::Confirmations::askCount() - askedBefore;
    dialog->close();

    // After a restart (the sign-in from the real keychain) the permission is still there: one question.
    ASSERT_TRUE(restart());
    const DeviceRecord pc = candidates[static_cast<qsizetype>(asked - 2)];
    ASSERT_TRUE(openDeviceThroughSearch(pc));
    const int before = keyturn::ui::Confirmations::askCount();
    QTest::mouseClick(pane()->actionButton(QStringLiteral("viewBitLockerKeys")), Qt::LeftButton);
    ASSERT_TRUE(answer(true, pc.deviceName));
    ASSERT_NE(waitForSecretDialog(), nullptr);
    EXPECT_EQ(keyturn::ui::Confirmations::askCount() - before, 1) << "no second consent question";
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
