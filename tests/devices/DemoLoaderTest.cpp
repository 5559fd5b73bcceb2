// End-to-end: DeviceListLoader + GraphClient against the in-process demo tenant over real HTTP.
#include "DemoLoad.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QSet>

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using keyturn::DeviceListLoader;
using keyturn::DeviceTableModel;
using keyturn::GraphError;
using keyturn::test::DemoLoad;
using keyturn::test::options;
using keyturn::test::waitUntil;

TEST(DemoDeviceList, LoadsEveryDeviceExactlyOnce)
{
    DemoLoad load(options(2500));
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_EQ(*load.finishedWith, 2500);
    EXPECT_EQ(load.model.rowCount(), 2500);
    EXPECT_EQ(load.ids().size(), 2500);
    // A realistic mix arrived: some Macs, some Windows, some corporate.
    int macs = 0, windows = 0, corporate = 0;
    for (const auto &r : load.model.records()) {
        macs += r.platform == keyturn::DeviceRecord::Platform::MacOS;
        windows += r.platform == keyturn::DeviceRecord::Platform::Windows;
        corporate += r.ownership == keyturn::DeviceRecord::Ownership::Company;
    }
    EXPECT_GT(macs, 0);
    EXPECT_GT(windows, 0);
    EXPECT_GT(corporate, 0);
}

TEST(DemoDeviceList, EveryDeviceComesWithItsSerialModelAndEnrollmentDate)
{
    DemoLoad load(options(300));
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &r : load.model.records()) {
        EXPECT_FALSE(r.serialNumber.isEmpty()) << r.deviceName.toStdString();
        EXPECT_FALSE(r.model.isEmpty()) << r.deviceName.toStdString();
        EXPECT_GT(r.enrolledMsecs, 0) << r.deviceName.toStdString();
        EXPECT_LE(r.enrolledMsecs, r.lastSyncMsecs) << r.deviceName.toStdString();
        EXPECT_LT(r.enrolledMsecs, now);
    }
}

TEST(DemoDeviceList, ThrottlingAndDropsStillGiveEveryDevice)
{
    auto o = options(2500);
    o.fault429 = 0.2;
    o.noRetryAfter = true;
    o.faultDrop = 0.1;
    DemoLoad load(o);
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_EQ(load.model.rowCount(), 2500);
    EXPECT_EQ(load.ids().size(), 2500);
}

TEST(DemoDeviceList, MalformedPageFailsThenRetryCompletes)
{
    DemoLoad load(options(2500));
    ASSERT_TRUE(load.started);
    ASSERT_TRUE(load.control(QStringLiteral("/_demo/inject?fault=malformed&match=managedDevices&count=1")));
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 1);
    EXPECT_EQ(load.failure.kind, GraphError::Kind::Malformed);
    EXPECT_TRUE(load.loader.canRetry());
    load.loader.retry();
    ASSERT_TRUE(waitUntil([&load] { return load.finishedWith.has_value(); }, 60s));
    EXPECT_EQ(load.ids().size(), 2500);
}
