// The dialog that shows a recovery key or password, driven as a help-desk user would: the value is
// large and grouped for reading aloud, Copy puts the raw value on the clipboard and it is taken off
// again after the guard's delay (only if still there), the values hide themselves after a while and
// "Show again" asks for a new read.
#include "SecretDialog.h"
#include "ClipboardGuard.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace keyturn;
using namespace keyturn::ui;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

DeviceSecretResult bitLockerResult()
{
    DeviceSecretResult result;
    result.kind = DeviceSecretKind::BitLockerRecoveryKeys;
    result.deviceName = QStringLiteral("PC-0042");
    result.items.push_back({ QStringLiteral("Operating system volume"), QStringLiteral("Key ID 1"),
        SecretText(QStringLiteral("111111-222222-333333-444444-555555-666666-777777-888888")) });
    result.items.push_back({ QStringLiteral("Fixed data volume"), QStringLiteral("Key ID 2"),
        SecretText(QStringLiteral("000011-000022-000033-000044-000055-000066-000077-000088")) });
    return result;
}

TEST(SecretDialogTest, CopyPutsTheRawValueOnTheClipboardAndTheGuardTakesItOffAgain)
{
    ClipboardGuard guard;
    guard.setClearAfter(150ms);
    QWidget window;
    window.show();
    auto *dialog = new SecretDialog(
        QStringLiteral("PC-0042"), DeviceSecretKind::BitLockerRecoveryKeys, &guard, &window);
    dialog->showSecret(bitLockerResult());
    dialog->show();
    EXPECT_EQ(dialog->windowModality(), Qt::WindowModal);
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("BitLocker recovery keys of PC-0042"));
    ASSERT_EQ(dialog->valueLabels().size(), 2);
    EXPECT_EQ(dialog->valueLabels()[1]->text(),
        QStringLiteral("000011-000022-000033-000044\n000055-000066-000077-000088"));
    EXPECT_GT(dialog->valueLabels()[0]->font().pointSizeF(), window.font().pointSizeF());

    QTest::mouseClick(dialog->copyButtons()[1], Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(),
        QStringLiteral("000011-000022-000033-000044-000055-000066-000077-000088"));
    EXPECT_TRUE(dialog->statusLabel()->text().startsWith(u"Copied."))
        << dialog->statusLabel()->text().toStdString();
    ASSERT_TRUE(waitUntil([] { return QApplication::clipboard()->text().isEmpty(); }, 3s));

    // Something the user copied since is left alone.
    QTest::mouseClick(dialog->copyButtons()[0], Qt::LeftButton);
    QApplication::clipboard()->setText(QStringLiteral("ticket 4711"));
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    ASSERT_TRUE(cleared.wait(3000));
    EXPECT_FALSE(cleared.first().first().toBool());
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("ticket 4711"));
    dialog->close();
}

TEST(SecretDialogTest, ClosingEarlyStillClearsTheClipboard)
{
    ClipboardGuard guard;
    guard.setClearAfter(150ms);
    auto *dialog
        = new SecretDialog(QStringLiteral("PC-0042"), DeviceSecretKind::BitLockerRecoveryKeys, &guard);
    dialog->showSecret(bitLockerResult());
    dialog->show();
    QTest::mouseClick(dialog->copyButtons()[0], Qt::LeftButton);
    dialog->close(); // deletes itself
    EXPECT_FALSE(QApplication::clipboard()->text().isEmpty());
    EXPECT_TRUE(waitUntil([] { return QApplication::clipboard()->text().isEmpty(); }, 3s));
}

TEST(SecretDialogTest, ValuesHideThemselvesAndShowAgainAsksForANewRead)
{
    ClipboardGuard guard;
    SecretDialog dialog(QStringLiteral("MAC-0042"), DeviceSecretKind::FileVaultRecoveryKey, &guard);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    dialog.setHideAfter(200ms);
    DeviceSecretResult result;
    result.kind = DeviceSecretKind::FileVaultRecoveryKey;
    result.items.push_back({ QStringLiteral("Personal recovery key"), QString(),
        SecretText(QStringLiteral("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")) });
    dialog.showSecret(std::move(result));
    dialog.show();
    EXPECT_TRUE(dialog.isShowingValues());
    EXPECT_FALSE(dialog.showAgainButton()->isVisible());
    ASSERT_TRUE(waitUntil([&] { return !dialog.isShowingValues(); }, 3s));
    EXPECT_EQ(dialog.valueLabels()[0]->text(), QStringLiteral("Hidden"));
    EXPECT_FALSE(dialog.copyButtons()[0]->isEnabled());
    EXPECT_TRUE(dialog.showAgainButton()->isVisible());

    QSignalSpy again(&dialog, &SecretDialog::showAgainRequested);
    QTest::mouseClick(dialog.showAgainButton(), Qt::LeftButton);
    EXPECT_EQ(again.size(), 1);
    dialog.showFailure(QStringLiteral("Microsoft Graph is throttling requests (HTTP 429). Try again later."));
    EXPECT_TRUE(dialog.statusLabel()->text().contains(u"429"));
    EXPECT_TRUE(dialog.showAgainButton()->isEnabled());
}

TEST(SecretDialogTest, PasswordsAreGroupedInFoursKeysKeepTheirGroups)
{
    EXPECT_EQ(SecretDialog::readable(DeviceSecretKind::LocalAdminPassword, QStringLiteral("Ab3#xY7+pQ9=")),
        QStringLiteral("Ab3# xY7+ pQ9="));
    EXPECT_EQ(SecretDialog::readable(DeviceSecretKind::FileVaultRecoveryKey, QStringLiteral("ABCD-EFGH")),
        QStringLiteral("ABCD-EFGH"));
}

} // namespace
