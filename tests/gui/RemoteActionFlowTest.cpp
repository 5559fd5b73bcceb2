// The device pane's remote actions, driven through the real widgets against the demo tenant.
#include "AuditLogWindow.h"
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "actions/ActionStatusTracker.h"
#include "actions/AuditLog.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
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

bool isCorporateEncryptedMac(const DeviceRecord &d)
{
    return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
        && d.isEncrypted;
}

class RemoteActionFlow : public keyturn::test::GuiFixture {
protected:
    bool launchHelpdesk(int actionDelaySecs = 2, const QString &user = QStringLiteral("helpdesk"))
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = 7;
        options.actionDelaySecs = actionDelaySecs;
        if (!launch(options, user))
            return false;
        keyturn::StatusTrackerConfig fast;
        fast.initialInterval = std::chrono::milliseconds(400);
        fast.maxInterval = std::chrono::milliseconds(1500);
        fast.idleRoundsBeforeStop = 3;
        app()->tracker()->setConfig(fast);
        keyturn::ui::Confirmations::clearNextAnswer();
        return true;
    }

    QToolButton *button(const QString &actionId) const { return pane()->actionButton(actionId); }

    /// Clicks the action button and returns the confirmation dialog it opened.
    ConfirmationDialog *clickAndGetDialog(const QString &actionId)
    {
        QToolButton *b = button(actionId);
        EXPECT_TRUE(b->isEnabled()) << actionId.toStdString() << ": " << b->toolTip().toStdString();
        QTest::mouseClick(b, Qt::LeftButton);
        return waitForConfirmation(std::chrono::seconds(5));
    }

    QList<keyturn::test::RecordedRequest> posts(const QString &suffix) const
    {
        return requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("POST"), suffix);
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
};

} // namespace

TEST_F(RemoteActionFlow, RotateFileVaultAsksFirstThenSendsExactlyOnePost)
{
    ASSERT_TRUE(launchHelpdesk());
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    EXPECT_EQ(pane()->titleLabel()->text(), device.deviceName);
    const QString rotatePath = QStringLiteral("/managedDevices/%1/rotateFileVaultKey").arg(device.id);

    // No: nothing is sent.
    ConfirmationDialog *dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->question().contains(device.deviceName)) << dialog->question().toStdString();
    EXPECT_TRUE(dialog->noButton()->isDefault());
    ASSERT_TRUE(answerConfirmation(dialog, false));
    EXPECT_TRUE(requestsMatching(requestsBeforeGraphMarker(), QStringLiteral("POST"), rotatePath).isEmpty());

    // Yes: exactly one POST, with a bearer token and a client-request-id.
    dialog = nullptr;
    waitUntil(
        [&] { return window()->findChild<ConfirmationDialog *>() == nullptr; }, std::chrono::seconds(2));
    dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->yesButton(), Qt::LeftButton);

    MessageBanner *banner = pane()->banner();
    const QString expectedBanner
        = QStringLiteral("Rotate FileVault recovery key sent to %1").arg(device.deviceName);
    ASSERT_TRUE(waitUntil([&] { return banner->text() == expectedBanner; }, std::chrono::seconds(10)))
        << banner->text().toStdString();
    const auto sent = posts(rotatePath);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.first().authorization, QStringLiteral("Bearer"));
    EXPECT_FALSE(sent.first().clientRequestId.isEmpty());
    EXPECT_EQ(sent.first().status, 204);

    // The status list moves from pending to done.
    const QString label = QStringLiteral("Rotate FileVault recovery key");
    EXPECT_TRUE(
        waitUntil([&] { return statusShows(label, QStringLiteral("Pending")); }, std::chrono::seconds(10)));
    EXPECT_TRUE(
        waitUntil([&] { return statusShows(label, QStringLiteral("Complete")); }, std::chrono::seconds(15)));

    // One audit line, for this device and action.
    const auto entries = app()->auditLog()->readNewestFirst();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.first().deviceId, device.id);
    EXPECT_EQ(entries.first().actionId, QStringLiteral("rotateFileVaultKey"));
    EXPECT_EQ(entries.first().httpStatus, 204);
    EXPECT_EQ(entries.first().outcome, QStringLiteral("sent"));
    EXPECT_EQ(posts(rotatePath).size(), 1);
}

TEST_F(RemoteActionFlow, DoubleClickOnYesAndRepeatedEnterSendOnce)
{
    ASSERT_TRUE(launchHelpdesk(60));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    const QString rotatePath = QStringLiteral("/managedDevices/%1/rotateFileVaultKey").arg(device.id);

    ConfirmationDialog *dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    QPushButton *yes = dialog->yesButton();
    QTest::mouseDClick(yes, Qt::LeftButton);
    QTest::mouseClick(yes, Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return pane()->banner()->kind() == MessageBanner::Kind::Success; }, std::chrono::seconds(10)));
    EXPECT_EQ(requestsMatching(requestsBeforeGraphMarker(), QStringLiteral("POST"), rotatePath).size(), 1);

    // Enter, again and again, on a focused Yes: the dialog answers once, one more POST. The button
    // comes back once Intune no longer reports the first rotation pending.
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/advance-clock?seconds=61")));
    waitUntil(
        [&] { return button(QStringLiteral("rotateFileVaultKey"))->isEnabled(); }, std::chrono::seconds(15));
    dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    QPointer<ConfirmationDialog> guard(dialog);
    dialog->yesButton()->setFocus();
    for (int i = 0; i < 6; ++i) {
        if (guard && guard->isVisible())
            QTest::keyClick(guard->yesButton(), Qt::Key_Return);
        else if (QWidget *focus = QApplication::focusWidget())
            QTest::keyClick(focus, Qt::Key_Return);
    }
    QTest::qWait(800);
    // Enter on anything else may have opened a new question: that one is answered No.
    if (auto *stray = ConfirmationDialog::visibleIn(window()))
        QTest::mouseClick(stray->noButton(), Qt::LeftButton);
    QTest::qWait(300);
    EXPECT_EQ(posts(rotatePath).size(), 2) << "one POST per confirmed Yes, never more";
}

TEST_F(RemoteActionFlow, ActionsThatDoNotApplyAreDisabledWithTheReason)
{
    ASSERT_TRUE(launchHelpdesk());
    const DeviceRecord *personalMac = findDevice([](const DeviceRecord &d) {
        return d.platform == DeviceRecord::Platform::MacOS
            && d.ownership == DeviceRecord::Ownership::Personal;
    });
    ASSERT_NE(personalMac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*personalMac));
    QToolButton *fileVault = button(QStringLiteral("rotateFileVaultKey"));
    EXPECT_FALSE(fileVault->isEnabled());
    const QString rule
        = QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices");
    EXPECT_TRUE(fileVault->toolTip().startsWith(rule)) << fileVault->toolTip().toStdString();
    EXPECT_TRUE(fileVault->toolTip().contains(QStringLiteral("not marked as corporate-owned")));

    const DeviceRecord *windows
        = findDevice([](const DeviceRecord &d) { return d.platform == DeviceRecord::Platform::Windows; });
    ASSERT_NE(windows, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*windows));
    EXPECT_FALSE(button(QStringLiteral("rotateFileVaultKey"))->isEnabled());
    EXPECT_TRUE(button(QStringLiteral("rotateFileVaultKey"))->toolTip().startsWith(rule));
    EXPECT_TRUE(button(QStringLiteral("rotateBitLockerKeys"))->isEnabled());
    EXPECT_TRUE(button(QStringLiteral("syncDevice"))->isEnabled());
}

TEST_F(RemoteActionFlow, ReadOnlySignInHasEveryActionDisabledWithThePermissionReason)
{
    ASSERT_TRUE(launchHelpdesk(2, QStringLiteral("readonly")));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    for (const QString &id : { QStringLiteral("rotateFileVaultKey"), QStringLiteral("syncDevice"),
             QStringLiteral("rebootNow"), QStringLiteral("shutDown") }) {
        QToolButton *b = button(id);
        EXPECT_FALSE(b->isEnabled()) << id.toStdString();
        EXPECT_TRUE(
            b->toolTip().contains(QStringLiteral("DeviceManagementManagedDevices.PrivilegedOperations.All")))
            << id.toStdString() << ": " << b->toolTip().toStdString();
        EXPECT_TRUE(b->toolTip().contains(QStringLiteral("Help Desk Operator")))
            << b->toolTip().toStdString();
    }
    EXPECT_TRUE(posts(QStringLiteral("rotateFileVaultKey")).isEmpty());
}

TEST_F(RemoteActionFlow, FailuresEndInAClearMessageAndAreNeverResent)
{
    ASSERT_TRUE(launchHelpdesk());
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    const QString syncPath = QStringLiteral("/managedDevices/%1/syncDevice").arg(device.id);
    MessageBanner *banner = pane()->banner();

    struct Case {
        const char *fault;
        MessageBanner::Kind kind;
        const char *expectedText;
    };
    const Case cases[] = {
        { "429", MessageBanner::Kind::Error, "throttl" },
        { "429-no-retry-after", MessageBanner::Kind::Error, "throttl" },
        { "503", MessageBanner::Kind::Error, "" },
        { "drop", MessageBanner::Kind::Warning, "outcome is unknown" },
        // A captive portal answering in Graph's place: nobody can tell whether the POST got through.
        { "html", MessageBanner::Kind::Warning, "outcome is unknown" },
    };
    int expectedPosts = 0;
    for (const Case &c : cases) {
        SCOPED_TRACE(c.fault);
        const QString inject
            = QStringLiteral("/_demo/inject?fault=%1&match=syncDevice&count=1").arg(QLatin1String(c.fault));
        ASSERT_TRUE(postDemoControl(demoUrl(), inject));
        banner->clear();
        keyturn::ui::Confirmations::setNextAnswer(true);
        QTest::mouseClick(button(QStringLiteral("syncDevice")), Qt::LeftButton);
        ASSERT_TRUE(waitUntil(
            [&] { return banner->isVisible() && banner->kind() == c.kind; }, std::chrono::seconds(15)))
            << banner->text().toStdString();
        EXPECT_TRUE(banner->text().contains(QLatin1String(c.expectedText), Qt::CaseInsensitive))
            << banner->text().toStdString();
        EXPECT_FALSE(banner->details().isEmpty());
        ++expectedPosts;
        QTest::qWait(1500); // long enough for any retry to have gone out
        EXPECT_EQ(posts(syncPath).size(), expectedPosts);
        waitUntil([&] { return button(QStringLiteral("syncDevice"))->isEnabled(); }, std::chrono::seconds(5));
    }

    // The device is deleted meanwhile: 404, said plainly.
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/devices/%1/delete").arg(device.id)));
    banner->clear();
    keyturn::ui::Confirmations::setNextAnswer(true);
    QTest::mouseClick(button(QStringLiteral("syncDevice")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible() && banner->kind() == MessageBanner::Kind::Error; },
        std::chrono::seconds(15)));
    EXPECT_TRUE(banner->text().contains(QStringLiteral("no longer exists"), Qt::CaseInsensitive)
        || banner->text().contains(QStringLiteral("not found"), Qt::CaseInsensitive))
        << banner->text().toStdString();
    QTest::qWait(500);
    EXPECT_EQ(posts(syncPath).size(), expectedPosts + 1);
    EXPECT_EQ(app()->auditLog()->readNewestFirst().size(), expectedPosts + 1);
}

TEST_F(RemoteActionFlow, TheConfirmationNamesSerialNumberAndPrimaryUser)
{
    ASSERT_TRUE(launchHelpdesk());
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    const keyturn::DeviceDetails details = *pane()->details();
    ASSERT_FALSE(details.serialNumber.isEmpty());

    ConfirmationDialog *dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    const QString user = details.userPrincipalName.isEmpty()
        ? QStringLiteral("no primary user")
        : QStringLiteral("user %1").arg(details.userPrincipalName);
    EXPECT_EQ(dialog->question(),
        QStringLiteral("Are you sure you want to rotate the FileVault recovery key for %1 (serial %2, %3)?")
            .arg(details.deviceName, details.serialNumber, user));
    QTest::mouseClick(dialog->noButton(), Qt::LeftButton);
}

TEST_F(RemoteActionFlow, ATripleClickOnYesSendsOnceAndLeavesTheListAlone)
{
    ASSERT_TRUE(launchHelpdesk(60));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    keyturn::ui::DeviceListView *list = window()->deviceListView();
    list->searchLineEdit()->clear(); // every device listed again, the opened one still selected
    QTableView *table = list->tableView();
    ASSERT_TRUE(waitUntil([&] { return table->model()->rowCount() > 2; }));
    ASSERT_EQ(list->currentDeviceId(), device.id);

    // A row of another device, where Yes will be.
    int otherRow = -1;
    for (int r = 0; r < table->model()->rowCount() && otherRow < 0; ++r) {
        if (table->model()->index(r, 0).data(keyturn::DeviceTableModel::DeviceIdRole).toString() != device.id)
            otherRow = r;
    }
    ASSERT_GE(otherRow, 0);
    const QModelIndex otherIndex = table->model()->index(otherRow, 0);
    table->scrollTo(otherIndex);
    const QPoint rowPoint = table->visualRect(otherIndex).center();
    const QPoint global = table->viewport()->mapToGlobal(rowPoint);

    ConfirmationDialog *dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    QPushButton *yes = dialog->yesButton();
    dialog->move(dialog->pos() + (global - yes->mapToGlobal(yes->rect().center())));
    ASSERT_EQ(yes->mapToGlobal(yes->rect().center()), global);

    // Click one answers Yes and closes the dialog; clicks two and three land on the row below.
    QTest::mouseClick(yes, Qt::LeftButton, Qt::NoModifier, yes->rect().center());
    ASSERT_FALSE(dialog->isVisible());
    QWidget *below = table->viewport();
    QTest::mouseClick(below, Qt::LeftButton, Qt::NoModifier, rowPoint);
    QTest::mouseDClick(below, Qt::LeftButton, Qt::NoModifier, rowPoint);
    QTest::mouseRelease(below, Qt::LeftButton, Qt::NoModifier, rowPoint);

    ASSERT_TRUE(waitUntil(
        [&] { return pane()->banner()->kind() == MessageBanner::Kind::Success; }, std::chrono::seconds(10)))
        << pane()->banner()->text().toStdString();
    QTest::qWait(300); // room for a stray selection change to reach the pane
    EXPECT_EQ(list->currentDeviceId(), device.id);
    ASSERT_TRUE(pane()->details().has_value());
    EXPECT_EQ(pane()->details()->id, device.id);
    EXPECT_EQ(posts(QStringLiteral("/rotateFileVaultKey")).size(), 1);
    EXPECT_EQ(posts(QStringLiteral("/managedDevices/%1/rotateFileVaultKey").arg(device.id)).size(), 1);

    // Well after the dialog, a click on that row is the user's own and selects it.
    QTest::qWait(QApplication::doubleClickInterval() * 3 + 100);
    QTest::mouseClick(below, Qt::LeftButton, Qt::NoModifier, rowPoint);
    EXPECT_TRUE(waitUntil([&] { return list->currentDeviceId() != device.id; }, std::chrono::seconds(5)));
}

TEST_F(RemoteActionFlow, TheAuditLogWindowShowsOneRowPerActionWithItsFinalState)
{
    ASSERT_TRUE(launchHelpdesk());
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    keyturn::ui::AuditLogWindow *auditWindow = window()->openAuditLog();
    ASSERT_NE(auditWindow, nullptr);
    QTableWidget *rows = auditWindow->table();

    ConfirmationDialog *dialog = clickAndGetDialog(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->yesButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return pane()->banner()->kind() == MessageBanner::Kind::Success; }, std::chrono::seconds(10)));
    ASSERT_TRUE(waitUntil([&] {
        return rows->rowCount() == 1 && rows->item(0, 3)->text() == QStringLiteral("sent");
    })) << rows->rowCount();

    // An action whose outcome line never came (Keyturn stopped mid-request).
    keyturn::AuditEntry crashed;
    crashed.time = QDateTime::currentDateTimeUtc();
    crashed.entryId = QStringLiteral("entry-without-outcome");
    crashed.deviceId = mac->id;
    crashed.deviceName = mac->deviceName;
    crashed.actionId = QStringLiteral("syncDevice");
    crashed.outcome = keyturn::AuditEntry::outcomeSending();
    ASSERT_TRUE(app()->auditLog()->append(crashed));
    ASSERT_TRUE(waitUntil([&] { return rows->rowCount() == 2; }));
    EXPECT_EQ(rows->item(0, 3)->text(), QStringLiteral("sending…, outcome unknown"));
    EXPECT_EQ(rows->item(1, 3)->text(), QStringLiteral("sent"));
}
