// The device list's arrival pacing: rows arriving on a long list reach the view together, and
// move into their sorted place once arrivals pause (or when the load ends).
#include "DeviceListPacing.h"
#include "common/ProxyNames.h"
#include "common/TestSupport.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <algorithm>
#include <functional>

#include <gtest/gtest.h>

using keyturn::DeviceFilterProxy;
using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::namesInOrder;
using keyturn::ui::DeviceListPacing;

namespace {

DeviceRecord device(const char *id, const char *name)
{
    DeviceRecord r;
    r.id = QString::fromLatin1(id);
    r.deviceName = QString::fromLatin1(name);
    r.platform = DeviceRecord::Platform::Windows;
    r.ownership = DeviceRecord::Ownership::Company;
    return r;
}

} // namespace

TEST(DeviceListPacing, ArrivalsOnALongListShowTogetherAndSettleInOrder)
{
    DeviceTableModel model;
    DeviceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    DeviceListPacing pacing(&proxy);
    proxy.sort(DeviceTableModel::Name, Qt::DescendingOrder);
    const auto page = [](int first, int count) {
        std::vector<DeviceRecord> v;
        for (int i = first; i < first + count; ++i) {
            // Names arrive out of order: 7919 is prime, so i * 7919 % 10007 shuffles them.
            const QByteArray name = "DEV-" + QByteArray::number(i * 7919 % 10007).rightJustified(5, '0');
            v.push_back(device(QByteArray::number(i).constData(), name.constData()));
        }
        return v;
    };
    model.appendDevices(page(0, 1000));
    EXPECT_EQ(proxy.rowCount(), 1000); // the first page shows at once
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    for (int p = 1; p < 5; ++p)
        model.appendDevices(page(p * 1000, 1000));
    // Pages right after it wait to be shown together (or show within a moment).
    EXPECT_EQ(proxy.rowCount() + proxy.unshownRowCount(), 5000);
    EXPECT_LE(inserted.count(), 2);
    ASSERT_TRUE(keyturn::test::waitUntil(
        [&proxy] { return proxy.rowCount() == 5000 && proxy.unshownRowCount() == 0; },
        std::chrono::seconds(5)));
    model.appendDevices(page(5000, 1000));
    proxy.settleSort();
    EXPECT_EQ(proxy.rowCount(), 6000);
    EXPECT_FALSE(pacing.isSortPending());
    EXPECT_TRUE(proxy.isSettled());
    const QStringList names = namesInOrder(proxy);
    for (qsizetype i = 1; i < names.size(); ++i)
        ASSERT_GT(names[i - 1], names[i]) << i;
    // A filter typed meanwhile sees every row, in order.
    model.appendDevices(page(6000, 1000));
    proxy.setSearchText(QStringLiteral("dev-000"));
    QStringList expected;
    for (const DeviceRecord &r : model.records()) {
        if (r.deviceName.startsWith(QStringLiteral("DEV-000")))
            expected.append(r.deviceName);
    }
    std::sort(expected.begin(), expected.end(), std::greater<>());
    EXPECT_GE(expected.size(), 50);
    EXPECT_EQ(namesInOrder(proxy), expected);
}
