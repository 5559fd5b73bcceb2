// The device list and pane driven as a keyboard, mouse or screen-reader user does: the pane
// always shows the selected device, Tab leaves the list, Enter and answers put focus on actions.
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "actions/ActionCatalog.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"

#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::waitUntil;
using keyturn::ui::ConfirmationDialog;

namespace {

class NavigationFlow : public keyturn::test::GuiFixture {
protected:
    bool launchList(int devices = 300)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 5;
        if (!launch(o))
            return false;
        keyturn::ui::Confirmations::clearNextAnswer();
        window()->activateWindow();
        return QTest::qWaitForWindowActive(window());
    }

    QString idAtRow(int row) const
    {
        return table()->model()->index(row, 0).data(DeviceTableModel::DeviceIdRole).toString();
    }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const QModelIndex index = table()->model()->index(row, DeviceTableModel::Name);
        table()->scrollTo(index);
        QTest::mouseClick(
            table()->viewport(), Qt::LeftButton, modifiers, table()->visualRect(index).center());
    }

    /// The pane shows exactly this device (empty: the pane shows none).
    bool paneShows(const QString &id) const
    {
        if (id.isEmpty())
            return pane()->deviceId().isEmpty() && !pane()->isVisible();
        return pane()->deviceId() == id && pane()->isVisible();
    }

    QToolButton *firstEnabledAction() const
    {
        for (const keyturn::RemoteAction &action : keyturn::remoteActionCatalog()) {
            if (QToolButton *b = pane()->actionButton(action.id); b->isEnabled())
                return b;
        }
        return nullptr;
    }
};

bool isCorporateEncryptedMac(const DeviceRecord &d)
{
    return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
        && d.isEncrypted;
}

} // namespace

TEST_F(NavigationFlow, ThePaneShowsTheDeviceSelectedThroughTheAccessibilityInterface)
{
    ASSERT_TRUE(launchList());
    clickRow(0);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(0)); }));

    // A screen reader (or test automation) selects another row: the current cell stays where it was.
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(table());
    ASSERT_NE(accessible, nullptr);
    QAccessibleTableInterface *tableInterface = accessible->tableInterface();
    ASSERT_NE(tableInterface, nullptr);
    ASSERT_TRUE(tableInterface->selectRow(3));
    EXPECT_EQ(list()->currentDeviceId(), idAtRow(3));
    EXPECT_TRUE(waitUntil([&] { return paneShows(idAtRow(3)); })) << pane()->deviceId().toStdString();
    ASSERT_TRUE(tableInterface->selectRow(5));
    EXPECT_TRUE(waitUntil([&] { return paneShows(idAtRow(5)); })) << pane()->deviceId().toStdString();
    EXPECT_EQ(tableInterface->selectedRows(), QList<int>{ 5 });
}

TEST_F(NavigationFlow, CtrlClickAndClearingTheSelectionKeepThePaneOnTheSelectedDevice)
{
    ASSERT_TRUE(launchList());
    clickRow(1);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(1)); }));

    clickRow(4, Qt::ControlModifier);
    EXPECT_TRUE(waitUntil([&] { return paneShows(idAtRow(4)); })) << pane()->deviceId().toStdString();

    // Ctrl+click on the selected row unselects it; the current row stays there, the pane closes.
    clickRow(4, Qt::ControlModifier);
    EXPECT_TRUE(list()->currentDeviceId().isEmpty());
    EXPECT_TRUE(waitUntil([&] { return paneShows(QString()); })) << pane()->deviceId().toStdString();

    clickRow(2);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(2)); }));
    table()->clearSelection();
    EXPECT_TRUE(waitUntil([&] { return paneShows(QString()); })) << pane()->deviceId().toStdString();
}

TEST_F(NavigationFlow, TabLeavesTheListForThePaneAndArrowsMoveByRow)
{
    ASSERT_TRUE(launchList());
    clickRow(0);
    ASSERT_TRUE(waitUntil([&] { return pane()->details().has_value() && paneShows(idAtRow(0)); }));
    table()->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(table()->hasFocus());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QWidget *focused = QApplication::focusWidget();
    ASSERT_NE(focused, nullptr);
    EXPECT_TRUE(pane()->isAncestorOf(focused)) << focused->objectName().toStdString();
    EXPECT_EQ(list()->currentDeviceId(), idAtRow(0));
    EXPECT_TRUE(paneShows(idAtRow(0)));

    // Back in the list, the arrow keys move from device to device and the names stay in view.
    table()->setFocus(Qt::BacktabFocusReason);
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(table(), Qt::Key_Right);
    EXPECT_EQ(table()->currentIndex().column(), DeviceTableModel::Name);
    QTest::keyClick(table(), Qt::Key_Down);
    EXPECT_EQ(list()->currentDeviceId(), idAtRow(1));
    EXPECT_TRUE(waitUntil([&] { return paneShows(idAtRow(1)); }));
    EXPECT_EQ(table()->horizontalScrollBar()->value(), table()->horizontalScrollBar()->minimum());
    // Tab again leaves the list rather than walking its cells into the next device.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(list()->currentDeviceId(), idAtRow(1));
    EXPECT_TRUE(paneShows(idAtRow(1)));
}

TEST_F(NavigationFlow, EnterFocusesTheFirstActionAndAnAnswerReturnsFocusToTheAction)
{
    ASSERT_TRUE(launchList());
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    // Click the row, press Enter, wait for the details (as a user does).
    ASSERT_TRUE(openDeviceThroughSearch(device));
    QToolButton *first = firstEnabledAction();
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(waitUntil([&] { return QApplication::focusWidget() == first; }, std::chrono::seconds(5)))
        << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : "none");

    QToolButton *rotate = pane()->actionButton(QStringLiteral("rotateFileVaultKey"));
    ASSERT_TRUE(rotate->isEnabled());
    rotate->setFocus(Qt::TabFocusReason);
    const auto openDialog = [&]() -> ConfirmationDialog * {
        QTest::keyClick(rotate, Qt::Key_Space);
        return waitForConfirmation();
    };

    // No (Escape): focus is back on the action that asked.
    ConfirmationDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_TRUE(waitUntil([&] { return QApplication::focusWidget() == rotate; }, std::chrono::seconds(5)))
        << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : "none");
    waitUntil(
        [&] { return window()->findChild<ConfirmationDialog *>() == nullptr; }, std::chrono::seconds(2));

    // Yes: once the request is done, the action stays disabled while Intune has it pending, and
    // focus goes to the line that says so, not to the device list.
    dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->yesButton(), Qt::LeftButton);
    keyturn::ui::MessageBanner *banner = pane()->banner();
    ASSERT_TRUE(waitUntil([&] { return banner->kind() == keyturn::ui::MessageBanner::Kind::Success; },
        std::chrono::seconds(10)));
    // (The window's focus widget: the offscreen platform may leave no window active after the dialog.)
    QLabel *reasons = pane()->reasonsLabel();
    EXPECT_TRUE(waitUntil([&] { return window()->focusWidget() == reasons; }, std::chrono::seconds(5)))
        << (window()->focusWidget() ? window()->focusWidget()->objectName().toStdString() : "none");
    EXPECT_FALSE(rotate->isEnabled());
    EXPECT_TRUE(reasons->text().contains(QStringLiteral("Rotate FileVault recovery key sent at ")))
        << reasons->text().toStdString();
    EXPECT_EQ(list()->currentDeviceId(), device.id);
}

TEST_F(NavigationFlow, TheListTakesTheWholeWidthUntilADeviceIsOpened)
{
    ASSERT_TRUE(launchList());
    // The first size fits the screen.
    const QRect available = window()->screen()->availableGeometry();
    EXPECT_EQ(window()->size(), keyturn::ui::MainWindow::defaultSize(available));
    EXPECT_LE(window()->width(), available.width());
    EXPECT_LE(window()->height(), available.height());

    // The first size on a usual 1920x1080 screen: every column shows, no horizontal scrolling.
    window()->resize(keyturn::ui::MainWindow::defaultSize(QRect(0, 0, 1920, 1040)));
    ASSERT_TRUE(waitUntil([&] { return window()->width() >= 1300; }));
    QApplication::processEvents();
    EXPECT_FALSE(pane()->isVisible());
    QHeaderView *header = table()->horizontalHeader();
    for (int column = 0; column < DeviceTableModel::ColumnCount; ++column) {
        if (DeviceTableModel::isOptionalColumn(column)) {
            EXPECT_TRUE(header->isSectionHidden(column)) << column; // until asked for
            continue;
        }
        EXPECT_FALSE(header->isSectionHidden(column)) << column;
        EXPECT_LE(header->sectionViewportPosition(column) + header->sectionSize(column),
            table()->viewport()->width())
            << "column " << column << " needs scrolling";
    }
    EXPECT_EQ(table()->horizontalScrollBar()->maximum(), 0);
    const int fullWidth = list()->width();
    EXPECT_GE(fullWidth, window()->width() - 20);

    // Opening a device shows the pane at a sensible width, the rest stays the list's.
    clickRow(0);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(0)); }));
    EXPECT_GE(pane()->width(), 380);
    EXPECT_LE(pane()->width(), 480);
    EXPECT_GE(list()->width(), fullWidth - pane()->width() - 20);

    // Escape in the pane closes it and gives the width back.
    pane()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_TRUE(waitUntil([&] { return paneShows(QString()); }));
    EXPECT_TRUE(waitUntil([&] { return list()->width() == fullWidth; })) << list()->width();

    // A width the user dragged to is kept for the next device.
    clickRow(1);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(1)); }));
    auto *splitter = window()->findChild<QSplitter *>(QStringLiteral("devicesSplitter"));
    ASSERT_NE(splitter, nullptr);
    QWidget *handle = splitter->handle(1);
    const QPoint grip(handle->width() / 2, handle->height() / 2);
    const int opened = pane()->width();
    QTest::mousePress(handle, Qt::LeftButton, Qt::NoModifier, grip);
    QTest::mouseMove(handle, grip - QPoint(60, 0));
    QTest::mouseRelease(handle, Qt::LeftButton, Qt::NoModifier, grip - QPoint(60, 0));
    const int dragged = pane()->width();
    EXPECT_GT(dragged, opened);
    table()->clearSelection();
    ASSERT_TRUE(waitUntil([&] { return paneShows(QString()); }));
    clickRow(2);
    ASSERT_TRUE(waitUntil([&] { return paneShows(idAtRow(2)); }));
    EXPECT_EQ(pane()->width(), dragged);
}
