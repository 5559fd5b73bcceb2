// The device list, driven through the real widgets against the demo tenant over HTTP.
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "common/TestSupport.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTest>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::postDemoControl;
using keyturn::test::waitUntil;

namespace {

class DeviceListFlow : public keyturn::test::GuiFixture {
protected:
    QStringList visibleColumn(int column) const
    {
        QStringList out;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            out.append(table()->model()->index(row, column).data().toString());
        return out;
    }

    static keyturn::demo::DemoOptions options(int devices)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 11;
        return o;
    }

    void selectCombo(QComboBox *combo, const QString &text)
    {
        const int index = combo->findText(text);
        ASSERT_GE(index, 0) << text.toStdString();
        combo->setCurrentIndex(index);
    }
};

} // namespace

TEST_F(DeviceListFlow, FillsToExactlyNDevicesAndSaysSo)
{
    ASSERT_TRUE(launch(options(2500)));
    EXPECT_EQ(app()->devices()->rowCount(), 2500);
    EXPECT_EQ(loadedDeviceIds().size(), 2500);
    EXPECT_EQ(table()->model()->rowCount(), 2500);
    // The count once, in the toolbar; the status bar says when the list was loaded.
    EXPECT_EQ(list()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"))->text(),
        QStringLiteral("%1 devices").arg(QLocale().toString(2500)));
    EXPECT_TRUE(list()->statusText().startsWith(QStringLiteral("Device list loaded at ")))
        << list()->statusText().toStdString();
    EXPECT_TRUE(window()->isShowingDevices());
}

TEST_F(DeviceListFlow, SearchFiltersAndSortingChangeTheVisibleRows)
{
    ASSERT_TRUE(launch(options(2500)));
    // Search by name, as typed.
    QTest::keyClicks(list()->searchLineEdit(), QStringLiteral("mac-"));
    const QStringList names = visibleColumn(DeviceTableModel::Name);
    ASSERT_FALSE(names.isEmpty());
    for (const QString &name : names)
        EXPECT_TRUE(name.contains(QStringLiteral("MAC-"), Qt::CaseInsensitive)) << name.toStdString();
    EXPECT_LT(names.size(), 2500);

    // Search by a primary user and by a serial number.
    const DeviceRecord *withUser = nullptr;
    for (const DeviceRecord &r : app()->devices()->records()) {
        if (!r.userPrincipalName.isEmpty() && !r.serialNumber.isEmpty()) {
            withUser = &r;
            break;
        }
    }
    ASSERT_NE(withUser, nullptr);
    list()->searchLineEdit()->clear();
    QTest::keyClicks(list()->searchLineEdit(), withUser->serialNumber);
    EXPECT_EQ(visibleColumn(DeviceTableModel::Name), QStringList{ withUser->deviceName });
    list()->searchLineEdit()->clear();
    QTest::keyClicks(list()->searchLineEdit(), withUser->userPrincipalName);
    for (const QString &user : visibleColumn(DeviceTableModel::PrimaryUser))
        EXPECT_EQ(user, withUser->userPrincipalName);
    list()->searchLineEdit()->clear();
    EXPECT_EQ(table()->model()->rowCount(), 2500);

    // Platform filter.
    selectCombo(list()->platformComboBox(), QStringLiteral("Windows"));
    const QStringList os = visibleColumn(DeviceTableModel::OS);
    ASSERT_FALSE(os.isEmpty());
    for (const QString &value : os)
        EXPECT_TRUE(value.startsWith(QStringLiteral("Windows"))) << value.toStdString();
    selectCombo(list()->platformComboBox(), QStringLiteral("macOS"));
    for (const QString &value : visibleColumn(DeviceTableModel::OS))
        EXPECT_EQ(value, QStringLiteral("macOS"));

    // Ownership filter on top.
    selectCombo(list()->ownershipComboBox(), QStringLiteral("Personal"));
    const QStringList ownership = visibleColumn(DeviceTableModel::Ownership);
    for (const QString &value : ownership)
        EXPECT_EQ(value, QStringLiteral("Personal"));
    selectCombo(list()->platformComboBox(), QStringLiteral("All platforms"));
    selectCombo(list()->ownershipComboBox(), QStringLiteral("Any ownership"));
    EXPECT_EQ(table()->model()->rowCount(), 2500);

    // Sorting by a click on the Last check-in header: by time, not by text.
    QHeaderView *header = table()->horizontalHeader();
    const int x = header->sectionViewportPosition(DeviceTableModel::LastCheckIn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    QList<qint64> times;
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        times.append(table()
                         ->model()
                         ->index(row, DeviceTableModel::LastCheckIn)
                         .data(DeviceTableModel::RawValueRole)
                         .toLongLong());
    const bool ascending = std::is_sorted(times.begin(), times.end());
    const bool descending = std::is_sorted(times.rbegin(), times.rend());
    EXPECT_TRUE(ascending || descending);
    EXPECT_NE(times.first(), times.last());
}

TEST_F(DeviceListFlow, CompletesWithExactlyNDevicesThroughThrottlingWithoutRetryAfter)
{
    auto o = options(2500);
    o.fault429 = 0.2;
    o.noRetryAfter = true;
    ASSERT_TRUE(launch(o));
    EXPECT_EQ(app()->devices()->rowCount(), 2500);
    EXPECT_EQ(loadedDeviceIds().size(), 2500);
}

TEST_F(DeviceListFlow, CompletesWithExactlyNDevicesThroughDroppedConnections)
{
    auto o = options(2500);
    o.faultDrop = 0.1;
    ASSERT_TRUE(launch(o));
    EXPECT_EQ(app()->devices()->rowCount(), 2500);
    EXPECT_EQ(loadedDeviceIds().size(), 2500);
}

TEST_F(DeviceListFlow, MalformedPageShowsTheErrorWithRetryAndKeepsTheRows)
{
    // A first load (a refresh would keep the list on screen): the page after the first is malformed.
    ASSERT_TRUE(startTenant(options(2500)));
    ASSERT_TRUE(
        postDemoControl(demoUrl(), QStringLiteral("/_demo/inject?fault=malformed&match=skiptoken&count=1")));
    ASSERT_TRUE(restart(QStringLiteral("helpdesk"), false));
    keyturn::ui::MessageBanner *banner = list()->banner();
    ASSERT_TRUE(waitUntil(
        [&] { return banner->isVisible() && banner->kind() == keyturn::ui::MessageBanner::Kind::Error; },
        std::chrono::seconds(20)));
    EXPECT_EQ(app()->devices()->rowCount(), 1000);
    EXPECT_FALSE(banner->details().isEmpty());
    ASSERT_TRUE(banner->actionButton()->isVisible());
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return !app()->loader()->isLoading() && app()->devices()->rowCount() == 2500; },
            std::chrono::seconds(20)));
    EXPECT_EQ(loadedDeviceIds().size(), 2500);
}

TEST_F(DeviceListFlow, CancelStopsLoadingAndKeepsWhatArrived)
{
    auto o = options(5000);
    o.latencyMs = 400;
    ASSERT_TRUE(launch(o, QStringLiteral("helpdesk"), false));
    ASSERT_TRUE(waitUntil([&] { return app()->devices()->rowCount() >= 1000; }, std::chrono::seconds(20)));
    QPushButton *cancel = list()->cancelButton();
    ASSERT_TRUE(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !app()->loader()->isLoading(); }, std::chrono::seconds(5)));
    const int kept = app()->devices()->rowCount();
    EXPECT_GE(kept, 1000);
    EXPECT_LT(kept, 5000);
    QTest::qWait(1000);
    EXPECT_EQ(app()->devices()->rowCount(), kept);
    EXPECT_FALSE(cancel->isVisible());
}

TEST_F(DeviceListFlow, SelectionSurvivesARefreshAndTheColumnLayoutIsRemembered)
{
    ASSERT_TRUE(launch(options(1500)));
    const DeviceRecord *device
        = findDevice([](const DeviceRecord &r) { return r.deviceName.startsWith(QStringLiteral("MAC-")); });
    ASSERT_NE(device, nullptr);
    const QString id = device->id;
    ASSERT_TRUE(list()->selectDevice(id));
    QTest::keyClick(table(), Qt::Key_F5);
    ASSERT_TRUE(waitUntil([&] { return app()->loader()->isLoading(); }, std::chrono::seconds(5)));
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(list()->currentDeviceId(), id);

    // Hide a column and move another; a new start shows the same layout.
    QHeaderView *header = table()->horizontalHeader();
    header->setSectionHidden(DeviceTableModel::ManagedBy, true);
    header->moveSection(header->visualIndex(DeviceTableModel::PrimaryUser), 1);
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    QHeaderView *newHeader = table()->horizontalHeader();
    EXPECT_TRUE(newHeader->isSectionHidden(DeviceTableModel::ManagedBy));
    EXPECT_EQ(newHeader->visualIndex(DeviceTableModel::PrimaryUser), 1);
}

TEST_F(DeviceListFlow, AFailedFirstPageShowsTheErrorInTheListAreaWithRetry)
{
    // A first load (a refresh would keep the list on screen).
    ASSERT_TRUE(startTenant(options(300)));
    ASSERT_TRUE(postDemoControl(
        demoUrl(), QStringLiteral("/_demo/inject?fault=malformed&match=managedDevices&count=1")));
    ASSERT_TRUE(restart(QStringLiteral("helpdesk"), false));
    QPushButton *retry = list()->retryButton();
    ASSERT_TRUE(waitUntil([&] { return retry->isVisible(); }, std::chrono::seconds(20)));
    EXPECT_EQ(app()->devices()->rowCount(), 0);
    const auto *emptyLabel = list()->findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
    ASSERT_NE(emptyLabel, nullptr);
    EXPECT_TRUE(emptyLabel->text().contains(QStringLiteral("could not be loaded")))
        << emptyLabel->text().toStdString();
    EXPECT_EQ(list()->statusText(), QStringLiteral("Device list not loaded"));
    QTest::mouseClick(retry, Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return !app()->loader()->isLoading() && app()->devices()->rowCount() == 300; },
            std::chrono::seconds(20)));
    EXPECT_TRUE(table()->isVisible());
}
