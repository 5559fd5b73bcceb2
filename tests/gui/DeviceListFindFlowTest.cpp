// Finding a device in the list as a help desk does: by a pasted Intune or Entra device id, by
// compliance sorted worst first, the count said once, a usable search box at the smallest window.
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::waitUntil;

namespace {

class DeviceListFindFlow : public keyturn::test::GuiFixture {
protected:
    bool launchList(int devices = 600)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 11;
        return launch(o);
    }

    QStringList visibleColumn(int column) const
    {
        QStringList out;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            out.append(table()->model()->index(row, column).data().toString());
        return out;
    }

    void search(const QString &text)
    {
        list()->searchLineEdit()->clear();
        QTest::keyClicks(list()->searchLineEdit(), text);
    }
};

} // namespace

TEST_F(DeviceListFindFlow, APastedIntuneOrEntraDeviceIdFindsExactlyThatDevice)
{
    ASSERT_TRUE(launchList());
    const DeviceRecord *device
        = findDevice([](const DeviceRecord &d) { return !d.azureADDeviceId.isEmpty() && !d.id.isEmpty(); });
    ASSERT_NE(device, nullptr);
    search(device->id);
    EXPECT_EQ(visibleColumn(DeviceTableModel::Name), QStringList{ device->deviceName });
    search(device->azureADDeviceId.toUpper());
    EXPECT_EQ(visibleColumn(DeviceTableModel::Name), QStringList{ device->deviceName });
    // A short piece of text is not looked for inside ids (it would match most of them).
    search(device->id.left(3));
    EXPECT_LT(table()->model()->rowCount(), 600);
}

TEST_F(DeviceListFindFlow, ComplianceHeaderSortsBySeverityNotByInternalOrder)
{
    ASSERT_TRUE(launchList());
    QHeaderView *header = table()->horizontalHeader();
    const int x = header->sectionViewportPosition(DeviceTableModel::Compliance) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    const QStringList severity{ QStringLiteral("Not compliant"), QStringLiteral("In grace period"),
        QStringLiteral("Error"), QStringLiteral("Conflict"), QStringLiteral("See ConfigMgr"),
        QStringLiteral("Unknown"), QStringLiteral("Compliant") };
    QList<qsizetype> ranks;
    for (const QString &text : visibleColumn(DeviceTableModel::Compliance)) {
        ASSERT_TRUE(severity.contains(text)) << text.toStdString();
        ranks.append(severity.indexOf(text));
    }
    ASSERT_GE(QSet<qsizetype>(ranks.begin(), ranks.end()).size(), 3);
    const bool ascending = std::is_sorted(ranks.begin(), ranks.end());
    const bool descending = std::is_sorted(ranks.rbegin(), ranks.rend());
    EXPECT_TRUE(ascending || descending);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    EXPECT_EQ(visibleColumn(DeviceTableModel::Compliance).first(),
        ascending ? QStringLiteral("Compliant") : QStringLiteral("Not compliant"));
}

TEST_F(DeviceListFindFlow, TheDeviceCountIsSaidOnce)
{
    ASSERT_TRUE(launchList(250));
    const auto *count = list()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("250 devices"));
    for (const QLabel *label : window()->statusBar()->findChildren<QLabel *>()) {
        if (label->isVisible()) {
            EXPECT_FALSE(label->text().contains(QStringLiteral("250"))) << label->text().toStdString();
        }
    }
}

TEST_F(DeviceListFindFlow, SearchBoxIsUsableAtTheSmallestWindow)
{
    ASSERT_TRUE(launchList(50));
    window()->resize(window()->minimumSizeHint());
    window()->resize(1, 1); // clamped to the minimum size
    QTest::qWait(0);
    ASSERT_TRUE(waitUntil([&] { return window()->width() < 1280; }, std::chrono::seconds(2)));
    QLineEdit *searchBox = list()->searchLineEdit();
    EXPECT_GE(searchBox->width(), 200);
    // Wholly inside the list view (not cut by the splitter or the window edge).
    const QRect inList(searchBox->mapTo(list(), QPoint(0, 0)), searchBox->size());
    EXPECT_TRUE(list()->rect().contains(inList)) << inList.right() << " > " << list()->width();
}

TEST_F(DeviceListFindFlow, ADeviceOptionNamingNoDeviceSaysSoInTheWindow)
{
    setDeviceOption(QStringLiteral("NOPE"));
    ASSERT_TRUE(launchList(50));
    keyturn::ui::MessageBanner *banner = list()->banner();
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(5)));
    EXPECT_EQ(banner->text(), QStringLiteral("No device named NOPE in this tenant"));
    EXPECT_EQ(banner->kind(), keyturn::ui::MessageBanner::Kind::Warning);
}
