// What happens after a remote action is sent, driven through the real widgets against the demo
// tenant: a failure's reason and likely causes, the still-pending button, the audit's final state,
// the notice when the action ends while another device is open, the warning before Restart, and
// the status polling that stops when nothing is pending.
#include "AuditLogWindow.h"
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "FakeNotificationService.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "actions/ActionStatusTracker.h"
#include "actions/AuditLog.h"
#include "actions/SentActionFollower.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"

#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::test::fetchDemoRequests;
using keyturn::test::postDemoControl;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using keyturn::ui::ConfirmationDialog;
using keyturn::ui::MessageBanner;

namespace {

const QString kRotate = QStringLiteral("rotateFileVaultKey");
const QString kRotateLabel = QStringLiteral("Rotate FileVault recovery key");

bool isCorporateEncryptedMac(const DeviceRecord &d)
{
    return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
        && d.isEncrypted;
}

class AfterActionFlow : public keyturn::test::GuiFixture {
protected:
    bool launchHelpdesk(int actionDelaySecs)
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = 7;
        options.actionDelaySecs = actionDelaySecs;
        if (!launch(options))
            return false;
        keyturn::StatusTrackerConfig fast;
        fast.initialInterval = std::chrono::milliseconds(300);
        fast.maxInterval = std::chrono::milliseconds(1000);
        fast.idleRoundsBeforeStop = 3;
        app()->tracker()->setConfig(fast);
        app()->follower()->setConfig(fast);
        keyturn::ui::Confirmations::clearNextAnswer();
        return true;
    }

    QToolButton *button(const QString &actionId) const { return pane()->actionButton(actionId); }

    /// Clicks the action's button, answers Yes, and waits for Intune's acceptance in the banner.
    bool sendAction(const QString &actionId)
    {
        if (!button(actionId)->isEnabled()) {
            ADD_FAILURE() << actionId.toStdString()
                          << " disabled: " << button(actionId)->toolTip().toStdString();
            return false;
        }
        MessageBanner *banner = pane()->banner();
        banner->clear();
        keyturn::ui::Confirmations::setNextAnswer(true);
        QTest::mouseClick(button(actionId), Qt::LeftButton);
        return waitUntil(
            [&] { return banner->isVisible() && banner->kind() == MessageBanner::Kind::Success; },
            std::chrono::seconds(10));
    }

    bool statusShows(const QString &actionLabel, const QString &state) const
    {
        QTableWidget *table = pane()->statusTable();
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == actionLabel && table->item(row, 1)->text() == state)
                return true;
        }
        return false;
    }

    int detailGets(const QString &deviceId) const
    {
        return static_cast<int>(requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("GET"),
            QStringLiteral("/managedDevices/%1").arg(deviceId))
                                    .size());
    }
};

} // namespace

TEST_F(AfterActionFlow, AFailedRotationShowsIntunesReasonAndTheLikelyCausesInThePane)
{
    ASSERT_TRUE(launchHelpdesk(1));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(postDemoControl(demoUrl(),
        QStringLiteral("/_demo/devices/%1/fail-next-action?errorCode=-2016281112").arg(device.id)));
    ASSERT_TRUE(openDeviceThroughSearch(device));
    ASSERT_TRUE(sendAction(kRotate));

    ASSERT_TRUE(waitUntil(
        [&] { return statusShows(kRotateLabel, QStringLiteral("Failed")); }, std::chrono::seconds(15)));
    QLabel *why = pane()->failureLabel();
    ASSERT_TRUE(waitUntil([&] { return why->isVisible(); }));
    const QString text = why->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Rotate FileVault recovery key failed"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Intune reported error code 0x87D1FDE8 (-2016281112).")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("No personal recovery key of this Mac is escrowed in Intune")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("has not checked in"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("No user has logged in"))) << text.toStdString();
    // Written out, selectable and reachable by Tab, not only in a tooltip.
    EXPECT_TRUE(why->wordWrap());
    EXPECT_TRUE(why->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard));
    EXPECT_EQ(why->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    EXPECT_FALSE(why->accessibleName().isEmpty());
    // The failed action may be tried again.
    EXPECT_TRUE(waitUntil([&] { return button(kRotate)->isEnabled(); }));
}

TEST_F(AfterActionFlow, AFailureWithoutAnErrorCodeSaysIntuneGaveNoReason)
{
    ASSERT_TRUE(launchHelpdesk(1));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(
        postDemoControl(demoUrl(), QStringLiteral("/_demo/devices/%1/fail-next-action").arg(device.id)));
    ASSERT_TRUE(openDeviceThroughSearch(device));
    ASSERT_TRUE(sendAction(kRotate));
    QLabel *why = pane()->failureLabel();
    ASSERT_TRUE(waitUntil([&] { return why->isVisible(); }, std::chrono::seconds(15)));
    EXPECT_TRUE(why->text().contains(QStringLiteral("Intune gave no reason."))) << why->text().toStdString();
    EXPECT_TRUE(why->text().contains(QStringLiteral("Likely causes:"))) << why->text().toStdString();
}

TEST_F(AfterActionFlow, ThePendingActionIsDisabledWithItsReasonUntilItEnds)
{
    ASSERT_TRUE(launchHelpdesk(3));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    ASSERT_TRUE(sendAction(kRotate));
    // Not offered again at once, even before Intune's list shows the rotation.
    EXPECT_FALSE(button(kRotate)->isEnabled());

    ASSERT_TRUE(waitUntil(
        [&] { return statusShows(kRotateLabel, QStringLiteral("Pending")); }, std::chrono::seconds(10)));
    const keyturn::DeviceActionResult *pending = pane()->details()->actionResult(kRotate);
    ASSERT_NE(pending, nullptr);
    const QString sentAt = pending->started.toLocalTime().toString(QStringLiteral("hh:mm"));
    const QString reason
        = QStringLiteral("Rotate FileVault recovery key sent at %1 is still pending.").arg(sentAt);
    EXPECT_FALSE(button(kRotate)->isEnabled());
    EXPECT_TRUE(pane()->reasonsLabel()->isVisible());
    EXPECT_TRUE(pane()->reasonsLabel()->text().split(QLatin1Char('\n')).contains(reason))
        << pane()->reasonsLabel()->text().toStdString();
    // Other actions stay available.
    EXPECT_TRUE(button(QStringLiteral("syncDevice"))->isEnabled());
    EXPECT_TRUE(button(QStringLiteral("rebootNow"))->isEnabled());

    ASSERT_TRUE(waitUntil(
        [&] { return statusShows(kRotateLabel, QStringLiteral("Complete")); }, std::chrono::seconds(15)));
    EXPECT_TRUE(button(kRotate)->isEnabled()) << button(kRotate)->toolTip().toStdString();
    EXPECT_FALSE(pane()->reasonsLabel()->text().contains(QStringLiteral("still pending")));
}

TEST_F(AfterActionFlow, TheAuditLogGetsTheFinalStateOnceAsAFollowUpLine)
{
    ASSERT_TRUE(launchHelpdesk(1));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(postDemoControl(demoUrl(),
        QStringLiteral("/_demo/devices/%1/fail-next-action?errorCode=-2016281112").arg(device.id)));
    ASSERT_TRUE(openDeviceThroughSearch(device));
    keyturn::ui::AuditLogWindow *auditWindow = window()->openAuditLog();
    ASSERT_NE(auditWindow, nullptr);
    ASSERT_TRUE(sendAction(kRotate));
    ASSERT_TRUE(sendAction(QStringLiteral("syncDevice")));

    // Both end; the pane's status polling then stops, having seen both several times.
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto entries = app()->auditLog()->readNewestFirst();
            return entries.size() == 2 && !entries.at(0).finalState.isEmpty()
                && !entries.at(1).finalState.isEmpty();
        },
        std::chrono::seconds(20)));
    ASSERT_TRUE(waitUntil([&] { return !app()->tracker()->isPolling(); }, std::chrono::seconds(20)));

    const auto entries = app()->auditLog()->readNewestFirst();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(0).actionId, QStringLiteral("syncDevice"));
    EXPECT_EQ(entries.at(0).outcome, QStringLiteral("sent"));
    EXPECT_EQ(entries.at(0).finalState, QStringLiteral("done"));
    EXPECT_EQ(entries.at(1).actionId, kRotate);
    EXPECT_EQ(entries.at(1).outcome, QStringLiteral("sent"));
    EXPECT_EQ(entries.at(1).finalState, QStringLiteral("failed"));
    EXPECT_EQ(entries.at(1).intuneErrorCode, -2016281112);

    // Three lines per action (sending, sent, final state), however often the device was polled.
    QFile file(app()->auditLog()->filePath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    EXPECT_EQ(content.count(entries.at(0).entryId.toUtf8()), 3) << content.toStdString();
    EXPECT_EQ(content.count(entries.at(1).entryId.toUtf8()), 3) << content.toStdString();

    QTableWidget *rows = auditWindow->table();
    ASSERT_TRUE(waitUntil([&] { return rows->rowCount() == 2; }));
    EXPECT_EQ(rows->item(0, 3)->text(), QStringLiteral("sent → done"));
    EXPECT_EQ(rows->item(1, 3)->text(), QStringLiteral("sent → failed, error code 0x87D1FDE8"));
}

TEST_F(AfterActionFlow, ACompletionWhileAnotherDeviceIsOpenIsNotifiedOnTheDesktopAndInTheBanner)
{
    keyturn::test::FakeNotificationService notifications;
    ASSERT_TRUE(notifications.registerOnSessionBus()) << notifications.error().toStdString();
    ASSERT_TRUE(launchHelpdesk(3));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord first = *mac;
    const DeviceRecord *otherMac
        = findDevice([&](const DeviceRecord &d) { return isCorporateEncryptedMac(d) && d.id != first.id; });
    ASSERT_NE(otherMac, nullptr);
    const DeviceRecord second = *otherMac;
    ASSERT_TRUE(postDemoControl(demoUrl(),
        QStringLiteral("/_demo/devices/%1/fail-next-action?errorCode=-2016281112").arg(second.id)));

    MessageBanner *banner = window()->deviceListView()->banner();

    // The first completes while the second is open.
    ASSERT_TRUE(openDeviceThroughSearch(first));
    ASSERT_TRUE(sendAction(kRotate));
    ASSERT_TRUE(openDeviceThroughSearch(second));
    const QString completed
        = QStringLiteral("Rotate FileVault recovery key on %1 completed").arg(first.deviceName);
    ASSERT_TRUE(waitUntil([&] { return notifications.received().size() == 1; }, std::chrono::seconds(20)));
    EXPECT_EQ(notifications.received().first().summary, completed);
    EXPECT_EQ(notifications.received().first().appName, QStringLiteral("Keyturn"));
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->text(), completed);
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Success);

    // The second fails while the first is open: the summary gives Intune's reason, the body the causes.
    ASSERT_TRUE(sendAction(kRotate));
    ASSERT_TRUE(openDeviceThroughSearch(first));
    const QString failed
        = QStringLiteral("Rotate FileVault recovery key on %1 failed: Intune reported error code 0x87D1FDE8 "
                         "(-2016281112).")
              .arg(second.deviceName);
    ASSERT_TRUE(waitUntil([&] { return notifications.received().size() == 2; }, std::chrono::seconds(20)));
    const keyturn::test::ReceivedNotification notice = notifications.received().at(1);
    EXPECT_EQ(notice.summary, failed);
    EXPECT_TRUE(notice.body.contains(QStringLiteral("No personal recovery key")))
        << notice.body.toStdString();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->text(), failed);
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Warning);
    EXPECT_EQ(app()->follower()->followedCount(), 0);
}

TEST_F(AfterActionFlow, NoNotificationServiceIsNotAnError)
{
    ASSERT_TRUE(launchHelpdesk(1));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord first = *mac;
    const DeviceRecord *other
        = findDevice([&](const DeviceRecord &d) { return isCorporateEncryptedMac(d) && d.id != first.id; });
    ASSERT_NE(other, nullptr);
    const DeviceRecord second = *other;
    ASSERT_TRUE(openDeviceThroughSearch(first));
    ASSERT_TRUE(sendAction(QStringLiteral("syncDevice")));
    ASSERT_TRUE(openDeviceThroughSearch(second));
    MessageBanner *banner = window()->deviceListView()->banner();
    EXPECT_TRUE(waitUntil(
        [&] { return banner->text() == QStringLiteral("Sync on %1 completed").arg(first.deviceName); },
        std::chrono::seconds(20)))
        << banner->text().toStdString();
}

TEST_F(AfterActionFlow, RestartAndShutDownWarnThatTheUserMayLoseUnsavedWork)
{
    ASSERT_TRUE(launchHelpdesk(60));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));

    const auto ask = [&](const QString &actionId) -> ConfirmationDialog * {
        QTest::mouseClick(button(actionId), Qt::LeftButton);
        return waitForConfirmation();
    };
    const auto answerNo = [&](ConfirmationDialog *dialog) { answerConfirmation(dialog, false); };
    const QString sentence = QStringLiteral("The user of %1 may lose unsaved work.").arg(device.deviceName);
    for (const QString &actionId : { QStringLiteral("rebootNow"), QStringLiteral("shutDown") }) {
        ConfirmationDialog *dialog = ask(actionId);
        ASSERT_NE(dialog, nullptr) << actionId.toStdString();
        EXPECT_TRUE(dialog->isWarning()) << actionId.toStdString();
        EXPECT_TRUE(dialog->question().endsWith(sentence)) << dialog->question().toStdString();
        EXPECT_TRUE(dialog->noButton()->isDefault());
        EXPECT_EQ(dialog->focusWidget(), dialog->noButton());
        auto *icon = dialog->findChild<QLabel *>(QStringLiteral("confirmationIconLabel"));
        ASSERT_NE(icon, nullptr);
        EXPECT_EQ(icon->accessibleName(), QStringLiteral("Warning"));
        answerNo(dialog);
    }
    for (const QString &actionId : { QStringLiteral("syncDevice"), kRotate }) {
        ConfirmationDialog *dialog = ask(actionId);
        ASSERT_NE(dialog, nullptr) << actionId.toStdString();
        EXPECT_FALSE(dialog->isWarning()) << actionId.toStdString();
        EXPECT_FALSE(dialog->question().contains(QStringLiteral("unsaved work")));
        answerNo(dialog);
    }
    EXPECT_TRUE(requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("POST"), QStringLiteral("Now"))
                    .isEmpty());
}

TEST_F(AfterActionFlow, StatusPollingStopsWhenNothingIsPendingAndRestartsAfterAnAction)
{
    ASSERT_TRUE(launchHelpdesk(1));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    keyturn::ActionStatusTracker *tracker = app()->tracker();

    // Nothing pending: a few reads, then none (the longest interval is 1 s).
    ASSERT_TRUE(waitUntil([&] { return !tracker->isPolling(); }, std::chrono::seconds(15)));
    const int idleGets = detailGets(device.id);
    EXPECT_LE(idleGets, 1 + tracker->config().idleRoundsBeforeStop);
    QTest::qWait(2500);
    EXPECT_EQ(detailGets(device.id), idleGets) << "the open device is read again with nothing pending";

    // An action makes it poll again until the action ended, then it stops again.
    ASSERT_TRUE(sendAction(QStringLiteral("syncDevice")));
    EXPECT_TRUE(tracker->isPolling());
    ASSERT_TRUE(waitUntil([&] { return statusShows(QStringLiteral("Sync"), QStringLiteral("Complete")); },
        std::chrono::seconds(15)));
    ASSERT_TRUE(waitUntil([&] { return !tracker->isPolling(); }, std::chrono::seconds(15)));
    ASSERT_TRUE(waitUntil([&] { return app()->follower()->followedCount() == 0; }));
    const int afterAction = detailGets(device.id);
    EXPECT_GT(afterAction, idleGets);
    QTest::qWait(2500);
    EXPECT_EQ(detailGets(device.id), afterAction);
}
