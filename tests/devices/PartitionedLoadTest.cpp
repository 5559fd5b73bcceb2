// End-to-end: a large tenant listed as partitions at once by DeviceListLoader against the demo
// tenant over real HTTP: exactly N distinct devices, the fallback to one page after the other when
// the partitions do not hold (ignored date filters, a refused overview), a 429 storm, retry, cancel.
#include "DemoLoad.h"
#include "devices/PartitionedListing.h"
#include "gui/DemoRequests.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using keyturn::DeviceListLoader;
using keyturn::PartitionPlanOptions;
using keyturn::test::DemoLoad;
using keyturn::test::fetchDemoRequests;
using keyturn::test::options;
using keyturn::test::RecordedRequest;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;

namespace {

constexpr int kDevices = 3000;

/// A 3,000-device tenant planned as if it were a large one: about 400 devices a partition.
struct PartitionedLoad : DemoLoad {
    explicit PartitionedLoad(keyturn::demo::DemoOptions demo)
        : DemoLoad(std::move(demo))
        , settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
    {
        PartitionPlanOptions plan;
        plan.minimumDevices = 1000;
        plan.devicesPerPartition = 400;
        loader.setPartitionPlanOptions(plan);
        loader.setPartitionSettings(&settings);
        QObject::connect(&loader, &DeviceListLoader::partitionsAbandoned, &model,
            [this](const QString &reason) { abandoned.append(reason); });
    }

    QList<RecordedRequest> lists() const
    {
        return requestsMatching(
            fetchDemoRequests(tenant.baseUrl()), QStringLiteral("GET"), QStringLiteral("/managedDevices"));
    }
    static int filtered(const QList<RecordedRequest> &requests)
    {
        int n = 0;
        for (const RecordedRequest &r : requests)
            n += r.query.contains(QStringLiteral("operatingSystem eq"));
        return n;
    }

    QTemporaryDir dir;
    QSettings settings;
    QStringList abandoned;
};

keyturn::demo::DemoOptions tenantOptions()
{
    // Server time per page, as a real tenant's: the overview is back before the second page.
    keyturn::demo::DemoOptions o = options(kDevices);
    o.latencyMs = 20;
    o.pageMs = 100;
    return o;
}

} // namespace

TEST(PartitionedLoad, ListsExactlyEveryDeviceThroughFilteredPartitions)
{
    PartitionedLoad load(tenantOptions());
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_TRUE(load.abandoned.isEmpty()) << load.abandoned.join(u';').toStdString();
    EXPECT_EQ(*load.finishedWith, kDevices);
    EXPECT_EQ(load.model.rowCount(), kDevices);
    EXPECT_EQ(load.ids().size(), kDevices);

    const QList<RecordedRequest> lists = load.lists();
    // The first unfiltered page, then partitions: by platform and by enrolment date.
    int byDate = 0;
    QSet<QString> systems;
    for (const RecordedRequest &r : lists) {
        EXPECT_EQ(r.status, 200);
        byDate += r.query.contains(QStringLiteral("enrolledDateTime ge"));
        for (const char *os : { "Windows", "macOS", "iOS", "iPadOS", "Android" }) {
            if (r.query.contains(QStringLiteral("operatingSystem eq '%1'").arg(QLatin1String(os))))
                systems.insert(QLatin1String(os));
        }
    }
    EXPECT_EQ(systems.size(), 5);
    EXPECT_GT(byDate, 0);
    EXPECT_GE(PartitionedLoad::filtered(lists), 10);
    EXPECT_FALSE(load.loader.isPartitioned()); // done with them
}

TEST(PartitionedLoad, MoreThanOneManagersSixButNeverMoreThanTheBoundAreOutAtOnceAtTheTenant)
{
    keyturn::demo::DemoOptions demo = tenantOptions();
    demo.pageMs = 300; // each page is held long enough for the other partitions' requests to arrive
    PartitionedLoad load(demo);
    ASSERT_TRUE(load.started);
    PartitionPlanOptions plan;
    plan.minimumDevices = 1000;
    plan.devicesPerPartition = 150; // about 20 partitions: more than the bound
    load.loader.setPartitionPlanOptions(plan);
    constexpr int kBound = 9;
    load.loader.setPartitionRequests(kBound);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_TRUE(load.abandoned.isEmpty()) << load.abandoned.join(u';').toStdString();
    EXPECT_EQ(load.ids().size(), kDevices);

    const QList<RecordedRequest> lists = load.lists();
    ASSERT_GT(PartitionedLoad::filtered(lists), kBound);
    int most = 0;
    for (const RecordedRequest &r : lists)
        most = std::max(most, r.unanswered);
    // Qt opens six connections to a host per network manager: more at once means more managers.
    EXPECT_GT(most, 6);
    EXPECT_LE(most, kBound);
}

TEST(PartitionedLoad, ALaggingOverviewStillHoldsAndEveryDeviceIsListed)
{
    keyturn::demo::DemoOptions demo = tenantOptions();
    demo.overviewLag = 3;
    PartitionedLoad load(demo);
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    EXPECT_TRUE(load.abandoned.isEmpty()) << load.abandoned.join(u';').toStdString();
    EXPECT_EQ(load.ids().size(), kDevices);
    EXPECT_EQ(load.loader.expectedTotal(), kDevices - 3);
    EXPECT_GT(PartitionedLoad::filtered(load.lists()), 0);
}

TEST(PartitionedLoad, IgnoredDateFiltersFallBackAndStillListExactlyEveryDevice)
{
    keyturn::demo::DemoOptions demo = tenantOptions();
    demo.ignoreDateFilters = true;
    PartitionedLoad load(demo);
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    ASSERT_EQ(load.abandoned.size(), 1);
    EXPECT_TRUE(load.abandoned.first().contains(QStringLiteral("outside")))
        << load.abandoned.first().toStdString();
    EXPECT_EQ(*load.finishedWith, kDevices);
    EXPECT_EQ(load.model.rowCount(), kDevices);
    EXPECT_EQ(load.ids().size(), kDevices);

    // Until a dated partition's page held, only a few requests were out: the ignored filters cost
    // a few wasted pages, not a full set of requests.
    int most = 0;
    for (const RecordedRequest &r : load.lists()) {
        if (r.query.contains(QStringLiteral("operatingSystem eq")))
            most = std::max(most, r.unanswered);
    }
    EXPECT_GT(most, 0);
    EXPECT_LE(most, keyturn::PartitionedListing::kFirstInFlight);

    // Remembered for the tenant: the next load goes page after page without trying again.
    const int filteredBefore = PartitionedLoad::filtered(load.lists());
    EXPECT_GT(filteredBefore, 0);
    load.finishedWith.reset();
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    EXPECT_EQ(load.model.rowCount(), kDevices);
    EXPECT_EQ(load.abandoned.size(), 1);
    EXPECT_EQ(PartitionedLoad::filtered(load.lists()), filteredBefore);
}

TEST(PartitionedLoad, ARefusedOverviewListsPageAfterPage)
{
    PartitionedLoad load(tenantOptions());
    ASSERT_TRUE(load.started);
    // A proxy's HTML page instead of the overview: no totals, so no partitions.
    ASSERT_TRUE(load.control(QStringLiteral("/_demo/inject?fault=html&match=managedDeviceOverview&count=1")));
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_EQ(load.ids().size(), kDevices);
    EXPECT_FALSE(load.loader.expectedTotal().has_value());
    EXPECT_EQ(PartitionedLoad::filtered(load.lists()), 0);
    EXPECT_TRUE(load.abandoned.isEmpty());
}

TEST(PartitionedLoad, ATenantAnsweringAsFastAsPagesParseIsListedPageAfterPage)
{
    // No latency and no server time: a page comes back about as fast as it parses, so partitions
    // would only add work (more requests, a filter per request) and the list loads page after page.
    PartitionedLoad load(options(kDevices));
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_EQ(*load.finishedWith, kDevices);
    EXPECT_EQ(load.ids().size(), kDevices);
    EXPECT_EQ(load.loader.expectedTotal(), kDevices); // the overview came, and still no partitions
    const QList<RecordedRequest> lists = load.lists();
    EXPECT_EQ(PartitionedLoad::filtered(lists), 0);
    EXPECT_EQ(lists.size(), kDevices / 1000);
    EXPECT_TRUE(load.abandoned.isEmpty());
}

TEST(PartitionedLoad, RoundTripsDominateWhenAPageWaitsFarLongerThanItParses)
{
    constexpr qint64 ms = 1'000'000;
    EXPECT_TRUE(DeviceListLoader::roundTripsDominate(105 * ms, 3 * ms)); // 100 ms away
    EXPECT_TRUE(DeviceListLoader::roundTripsDominate(600 * ms, 3 * ms)); // Intune's own time
    EXPECT_TRUE(DeviceListLoader::roundTripsDominate(80 * ms, 20 * ms));
    EXPECT_FALSE(DeviceListLoader::roundTripsDominate(10 * ms, 1 * ms)); // a tenant on this machine
    EXPECT_FALSE(DeviceListLoader::roundTripsDominate(59 * ms, 1 * ms)); // never below 60 ms
    EXPECT_FALSE(DeviceListLoader::roundTripsDominate(100 * ms, 30 * ms)); // a client busy parsing
}

TEST(PartitionedLoad, A429StormAcrossPartitionsStillListsExactlyEveryDevice)
{
    keyturn::demo::DemoOptions demo = tenantOptions();
    demo.fault429 = 0.3;
    demo.noRetryAfter = true;
    PartitionedLoad load(demo);
    ASSERT_TRUE(load.started);
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 0) << load.failure.details().toStdString();
    EXPECT_TRUE(load.abandoned.isEmpty()) << load.abandoned.join(u';').toStdString();
    EXPECT_EQ(load.ids().size(), kDevices);
    int throttled = 0;
    for (const RecordedRequest &r : load.lists())
        throttled += r.status == 429 && r.query.contains(QStringLiteral("operatingSystem eq"));
    EXPECT_GT(throttled, 0);
}

TEST(PartitionedLoad, AFailedPartitionPageIsRetriedAndTheListCompletes)
{
    PartitionedLoad load(tenantOptions());
    ASSERT_TRUE(load.started);
    ASSERT_TRUE(load.control(QStringLiteral("/_demo/inject?fault=malformed&match=Android&count=1")));
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    ASSERT_EQ(load.failures, 1);
    EXPECT_TRUE(load.loader.canRetry());
    const int kept = load.model.rowCount();
    EXPECT_GT(kept, 0);
    load.loader.retry();
    ASSERT_TRUE(waitUntil([&] { return load.finishedWith.has_value(); }, 60s));
    EXPECT_TRUE(load.abandoned.isEmpty()) << load.abandoned.join(u';').toStdString();
    EXPECT_EQ(load.model.rowCount(), kDevices);
    EXPECT_EQ(load.ids().size(), kDevices);
}

TEST(PartitionedLoad, CancelStopsEveryPartition)
{
    keyturn::demo::DemoOptions demo = tenantOptions();
    demo.pageMs = 250;
    PartitionedLoad load(demo);
    ASSERT_TRUE(load.started);
    std::optional<int> cancelledWith;
    QObject::connect(
        &load.loader, &DeviceListLoader::cancelled, &load.model, [&](int n) { cancelledWith = n; });
    load.loader.start();
    ASSERT_TRUE(waitUntil([&] { return load.loader.isPartitioned() && load.model.rowCount() > 1000; }, 30s));
    load.loader.cancel();
    ASSERT_TRUE(cancelledWith.has_value());
    const int rows = load.model.rowCount();
    EXPECT_LT(rows, kDevices);
    EXPECT_FALSE(load.loader.isLoading());
    const int requests = static_cast<int>(load.lists().size());
    QTest::qWait(600);
    EXPECT_EQ(load.model.rowCount(), rows);
    EXPECT_EQ(static_cast<int>(load.lists().size()), requests);
    EXPECT_FALSE(load.finishedWith.has_value());

    // A new load after the cancel lists everything.
    load.loader.start();
    ASSERT_TRUE(load.waitForEnd());
    EXPECT_EQ(load.model.rowCount(), kDevices);
    EXPECT_EQ(load.ids().size(), kDevices);
}
