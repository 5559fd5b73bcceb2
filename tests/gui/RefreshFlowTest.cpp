// Refresh (F5) and Cancel as a user sees them: the list on screen stays until the new one has
// arrived, then swaps in one step keeping selection, search and pane; Cancel never contradicts.
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "common/TestSupport.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <algorithm>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::postDemoControl;
using keyturn::test::waitUntil;
using keyturn::ui::MessageBanner;

namespace {

class RefreshFlow : public keyturn::test::GuiFixture {
protected:
    static keyturn::demo::DemoOptions options(int devices, int latencyMs)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 31;
        o.latencyMs = latencyMs;
        return o;
    }

    /// Searches for the device and selects its row with a click; waits for the pane.
    bool selectThroughSearch(const DeviceRecord &device)
    {
        QTest::keyClicks(list()->searchLineEdit(), device.deviceName);
        for (int row = 0; row < table()->model()->rowCount(); ++row) {
            const QModelIndex index = table()->model()->index(row, 0);
            if (index.data(DeviceTableModel::DeviceIdRole).toString() == device.id) {
                QTest::mouseClick(
                    table()->viewport(), Qt::LeftButton, Qt::NoModifier, table()->visualRect(index).center());
                return waitUntil([&] { return pane()->isVisible() && pane()->deviceId() == device.id; });
            }
        }
        ADD_FAILURE() << "not found: " << device.deviceName.toStdString();
        return false;
    }

    /// Presses F5 and records the fewest and most rows the table showed until the reload ended.
    std::pair<int, int> refreshWatchingRows()
    {
        int fewest = table()->model()->rowCount();
        int most = fewest;
        QTest::keyClick(table(), Qt::Key_F5);
        EXPECT_TRUE(app()->loader()->isLoading());
        waitUntil(
            [&] {
                fewest = std::min(fewest, table()->model()->rowCount());
                most = std::max(most, table()->model()->rowCount());
                return !app()->loader()->isLoading();
            },
            std::chrono::seconds(30));
        return { fewest, most };
    }
};

} // namespace

TEST_F(RefreshFlow, F5KeepsTheRowsSelectionSearchAndPaneUntilTheNewListHasArrived)
{
    ASSERT_TRUE(launch(options(2500, 150)));
    const DeviceRecord *found
        = findDevice([](const DeviceRecord &r) { return r.platform == DeviceRecord::Platform::MacOS; });
    ASSERT_NE(found, nullptr);
    const DeviceRecord device = *found;
    const QString prefix = device.deviceName.left(4); // "MAC-": many rows
    QTest::keyClicks(list()->searchLineEdit(), prefix);
    const int shown = table()->model()->rowCount();
    ASSERT_GT(shown, 10);
    list()->searchLineEdit()->clear();
    ASSERT_TRUE(selectThroughSearch(device));
    list()->searchLineEdit()->clear();
    QTest::keyClicks(list()->searchLineEdit(), prefix);
    ASSERT_EQ(table()->model()->rowCount(), shown);
    ASSERT_EQ(list()->currentDeviceId(), device.id);

    const auto [fewest, most] = refreshWatchingRows();
    EXPECT_EQ(fewest, shown) << "rows went away while reloading";
    EXPECT_EQ(most, shown);
    EXPECT_EQ(app()->devices()->rowCount(), 2500);
    EXPECT_EQ(list()->searchLineEdit()->text(), prefix);
    EXPECT_EQ(list()->currentDeviceId(), device.id);
    EXPECT_TRUE(pane()->isVisible());
    EXPECT_EQ(pane()->deviceId(), device.id);
    EXPECT_FALSE(list()->banner()->isVisible());
}

TEST_F(RefreshFlow, ADeviceDeletedMeanwhileClosesItsPaneWithANote)
{
    ASSERT_TRUE(launch(options(1200, 0)));
    const DeviceRecord *found
        = findDevice([](const DeviceRecord &r) { return r.platform == DeviceRecord::Platform::Windows; });
    ASSERT_NE(found, nullptr);
    const DeviceRecord device = *found;
    ASSERT_TRUE(selectThroughSearch(device));
    list()->searchLineEdit()->clear();
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/devices/%1/delete").arg(device.id)));

    const auto [fewest, most] = refreshWatchingRows();
    EXPECT_EQ(fewest, 1199); // the new list, in one step
    EXPECT_EQ(most, 1200);
    EXPECT_EQ(app()->devices()->rowCount(), 1199);
    EXPECT_TRUE(list()->currentDeviceId().isEmpty());
    EXPECT_TRUE(waitUntil([&] { return !pane()->isVisible() && pane()->deviceId().isEmpty(); }));
    MessageBanner *banner = list()->banner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(device.deviceName)) << banner->text().toStdString();
}

TEST_F(RefreshFlow, CancelDuringARefreshKeepsTheListAndSaysFromWhen)
{
    ASSERT_TRUE(launch(options(3000, 400)));
    QTest::keyClick(table(), Qt::Key_F5);
    ASSERT_TRUE(waitUntil([&] { return list()->cancelButton()->isVisible(); }));
    QTest::mouseClick(list()->cancelButton(), Qt::LeftButton);
    ASSERT_FALSE(app()->loader()->isLoading());
    EXPECT_EQ(app()->devices()->rowCount(), 3000);
    EXPECT_EQ(table()->model()->rowCount(), 3000);
    MessageBanner *banner = list()->banner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Refresh cancelled; showing the list from ")))
        << banner->text().toStdString();
    QTest::qWait(800); // pages still on their way must not show up
    EXPECT_EQ(app()->devices()->rowCount(), 3000);
    EXPECT_TRUE(table()->isVisible());
}

TEST_F(RefreshFlow, CancelBeforeTheFirstDevicesArrivedOffersToLoadThem)
{
    ASSERT_TRUE(launch(options(300, 1500), QStringLiteral("helpdesk"), false));
    ASSERT_TRUE(waitUntil([&] { return list()->cancelButton()->isVisible(); }));
    ASSERT_EQ(app()->devices()->rowCount(), 0);
    QTest::mouseClick(list()->cancelButton(), Qt::LeftButton);
    const auto *emptyLabel = list()->findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
    ASSERT_NE(emptyLabel, nullptr);
    EXPECT_TRUE(emptyLabel->isVisible());
    EXPECT_FALSE(emptyLabel->text().contains(QStringLiteral("Loading devices")))
        << emptyLabel->text().toStdString();
    EXPECT_TRUE(emptyLabel->text().contains(QStringLiteral("cancelled"))) << emptyLabel->text().toStdString();
    EXPECT_FALSE(list()->banner()->isVisible()) << list()->banner()->text().toStdString();
    QPushButton *load = list()->retryButton();
    ASSERT_TRUE(load->isVisible());
    EXPECT_EQ(load->text(), QStringLiteral("&Load devices"));
    QTest::mouseClick(load, Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return !app()->loader()->isLoading() && app()->devices()->rowCount() == 300; },
            std::chrono::seconds(20)));
    EXPECT_TRUE(table()->isVisible());
}
