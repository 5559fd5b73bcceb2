// The pure parts of partitioned listing: reading the overview, planning partitions, the proof that
// a partitioned list is the whole tenant, and remembering tenants where it was not.
#include "devices/PartitionPlan.h"
#include "devices/DeviceOverview.h"
#include "devices/DeviceRecord.h"
#include "devices/PartitionMemory.h"
#include "devices/PartitionProof.h"

#include <QDateTime>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace keyturn;

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;
const qint64 kNow
    = QDateTime::fromString(QStringLiteral("2026-06-15T10:30:00Z"), Qt::ISODate).toMSecsSinceEpoch();

DeviceOverview overview(int windows, int mac, int ios, int android, int unknown = 0)
{
    DeviceOverview o;
    o.id = QStringLiteral("0b6a1a34-4b59-4b5e-9d7c-2a0c4d1f0e11");
    o.enrolledDeviceCount = windows + mac + ios + android + unknown;
    o.operatingSystemCounts = { { QStringLiteral("windowsCount"), windows },
        { QStringLiteral("macOSCount"), mac }, { QStringLiteral("iosCount"), ios },
        { QStringLiteral("androidCount"), android }, { QStringLiteral("unknownCount"), unknown },
        { QStringLiteral("androidFullyManagedCount"), android } };
    return o;
}

DeviceRecord device(const char *os, qint64 enrolledMsecs)
{
    DeviceRecord d;
    d.operatingSystem = QLatin1String(os);
    d.enrolledMsecs = enrolledMsecs;
    return d;
}

std::vector<DevicePartition> partitionsOf(const PartitionPlan &plan, const QString &os)
{
    std::vector<DevicePartition> out;
    for (const DevicePartition &p : plan.partitions) {
        if (p.operatingSystem == os)
            out.push_back(p);
    }
    return out;
}

} // namespace

TEST(DeviceOverviewRead, ReadsTheTotalsAsGraphSendsThem)
{
    const QByteArray body
        = R"({"@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDeviceOverview/$entity",
        "id": "a1b2", "enrolledDeviceCount": 48210, "mdmEnrolledCount": 47100, "dualEnrolledDeviceCount": 0,
        "managedDeviceModelsAndManufacturers": null, "lastModifiedDateTime": "2026-06-15T10:00:00Z",
        "deviceOperatingSystemSummary": {"@odata.type": "#microsoft.graph.deviceOperatingSystemSummary",
            "androidCount": 1200, "iosCount": 3100, "macOSCount": 4210, "windowsMobileCount": 0,
            "windowsCount": 39700, "unknownCount": 0, "androidDedicatedCount": 0, "futureCount": "n/a"}})";
    const auto o = parseDeviceOverview(body);
    ASSERT_TRUE(o.has_value());
    EXPECT_EQ(o->id, QStringLiteral("a1b2"));
    EXPECT_EQ(o->enrolledDeviceCount, 48210);
    EXPECT_EQ(o->count(QStringLiteral("windowsCount")), 39700);
    EXPECT_EQ(o->count(QStringLiteral("iosCount")), 3100);
    EXPECT_EQ(o->count(QStringLiteral("futureCount")), 0);
    EXPECT_EQ(o->operatingSystemCounts.count(QStringLiteral("@odata.type")), 0u);

    for (const char *bad :
        { "", "{}", "[]", R"({"enrolledDeviceCount": -1})", R"({"enrolledDeviceCount": 1.5})",
            R"({"enrolledDeviceCount": "48210"})", R"({"enrolledDeviceCount": 1e12})" })
        EXPECT_FALSE(parseDeviceOverview(QByteArray(bad)).has_value()) << bad;
}

TEST(PartitionPlanning, ASmallTenantListsPageAfterPage)
{
    const PartitionPlan plan = planPartitions(overview(3000, 500, 400, 100), kNow);
    EXPECT_TRUE(plan.partitions.empty());
    EXPECT_FALSE(plan.whyNot.isEmpty());
}

TEST(PartitionPlanning, DevicesNoFilterListsMeanNoPartitions)
{
    // 40 devices the overview files under unknownCount: no operatingSystem filter would list them.
    const PartitionPlan plan = planPartitions(overview(60000, 20000, 10000, 9960, 40), kNow);
    EXPECT_TRUE(plan.partitions.empty());
    EXPECT_TRUE(plan.whyNot.contains(QStringLiteral("40"))) << plan.whyNot.toStdString();
}

TEST(PartitionPlanning, EveryPlatformIsCoveredAndLargeOnesSplitByEnrolmentDate)
{
    const PartitionPlan plan = planPartitions(overview(55000, 15000, 15000, 15000), kNow);
    ASSERT_FALSE(plan.partitions.empty()) << plan.whyNot.toStdString();
    for (const char *os : { "Windows", "macOS", "iOS", "iPadOS", "Android" })
        EXPECT_FALSE(partitionsOf(plan, QLatin1String(os)).empty()) << os;
    for (const DevicePartition &p : partitionsOf(plan, QStringLiteral("iPadOS")))
        EXPECT_EQ(p.bucket, QStringLiteral("iosCount"));

    const std::vector<DevicePartition> windows = partitionsOf(plan, QStringLiteral("Windows"));
    ASSERT_EQ(windows.size(), 11u); // 55,000 devices at about 5,000 a partition
    // Half-open ranges, end to end: open below, open above, each starting where the last stopped.
    EXPECT_FALSE(windows.front().enrolledFromMsecs.has_value());
    EXPECT_FALSE(windows.back().enrolledBeforeMsecs.has_value());
    for (std::size_t i = 1; i < windows.size(); ++i) {
        ASSERT_TRUE(windows[i].enrolledFromMsecs && windows[i - 1].enrolledBeforeMsecs);
        EXPECT_EQ(*windows[i].enrolledFromMsecs, *windows[i - 1].enrolledBeforeMsecs);
        EXPECT_EQ(*windows[i].enrolledFromMsecs % 60000, 0) << "whole minutes";
    }
    EXPECT_LE(*windows[1].enrolledFromMsecs, kNow - 2 * 365 * kDay); // the split spans years
    EXPECT_GT(*windows.back().enrolledFromMsecs, kNow - 120 * kDay);

    // Every enrolment date, "never" included, falls in exactly one Windows partition.
    for (const qint64 when : { qint64(0), kNow - 3000 * kDay, *windows[3].enrolledFromMsecs,
             *windows[3].enrolledFromMsecs - 1000, kNow, kNow + 30 * kDay }) {
        int containing = 0;
        for (const DevicePartition &p : windows)
            containing += p.contains(device("Windows", when));
        EXPECT_EQ(containing, 1) << when;
    }
}

TEST(PartitionPlanning, FiltersAreWhatGraphHonours)
{
    DevicePartition p;
    p.operatingSystem = QStringLiteral("Windows");
    EXPECT_EQ(p.filter(), QStringLiteral("operatingSystem eq 'Windows'"));
    p.enrolledFromMsecs
        = QDateTime::fromString(QStringLiteral("2025-01-01T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    p.enrolledBeforeMsecs
        = QDateTime::fromString(QStringLiteral("2025-04-01T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    EXPECT_EQ(p.filter(),
        QStringLiteral("operatingSystem eq 'Windows' and enrolledDateTime ge 2025-01-01T00:00:00Z and "
                       "enrolledDateTime lt 2025-04-01T12:00:00Z"));
    EXPECT_TRUE(p.contains(device("windows", *p.enrolledFromMsecs))); // eq ignores case, as Intune's
    EXPECT_FALSE(p.contains(device("Windows", *p.enrolledBeforeMsecs)));
    EXPECT_FALSE(p.contains(device("macOS", *p.enrolledFromMsecs)));
    EXPECT_FALSE(p.contains(device("Windows", 0)));
}

namespace {
struct ProofCase {
    PartitionPlan plan = planPartitions(overview(6000, 2000, 1000, 1000), kNow);
    DeviceOverview totals = overview(6000, 2000, 1000, 1000);
    PartitionTally tally;

    ProofCase()
    {
        // Fill each bucket's partitions with exactly the overview's count.
        std::map<QString, int> left
            = { { QStringLiteral("windowsCount"), 6000 }, { QStringLiteral("macOSCount"), 2000 },
                  { QStringLiteral("iosCount"), 1000 }, { QStringLiteral("androidCount"), 1000 } };
        for (const DevicePartition &p : plan.partitions) {
            tally.listed.push_back(left[p.bucket]);
            left[p.bucket] = 0;
        }
        tally.distinct = 10000;
    }
    PartitionVerdict verdict() const { return provePartitions(totals, plan.partitions, tally); }
};
} // namespace

TEST(PartitionProofCheck, HoldsWhenEveryCountMatches)
{
    ProofCase c;
    ASSERT_FALSE(c.plan.partitions.empty());
    EXPECT_TRUE(c.verdict().holds) << c.verdict().reason.toStdString();
}

TEST(PartitionProofCheck, ToleratesTheOverviewsLagOfAFewDevices)
{
    ProofCase c;
    c.tally.listed[0] += 4; // four Windows devices enrolled since the overview was counted
    c.tally.distinct += 4;
    EXPECT_TRUE(c.verdict().holds) << c.verdict().reason.toStdString();
}

TEST(PartitionProofCheck, FailsOnAGapInAPlatform)
{
    ProofCase c;
    c.tally.listed.back() -= 40; // a platform's partitions came back 40 short
    c.tally.distinct -= 40;
    const PartitionVerdict v = c.verdict();
    EXPECT_FALSE(v.holds);
    EXPECT_FALSE(v.reason.isEmpty());
}

TEST(PartitionProofCheck, FailsOnAnyDeviceOutsideItsFilterTwiceListedOrMissed)
{
    {
        ProofCase c;
        c.tally.outside = 1;
        EXPECT_FALSE(c.verdict().holds);
    }
    {
        ProofCase c;
        c.tally.duplicates = 1;
        EXPECT_FALSE(c.verdict().holds);
    }
    {
        ProofCase c;
        c.tally.missedBySequence = 1; // seen on an unfiltered page, in no partition
        EXPECT_FALSE(c.verdict().holds);
    }
    {
        ProofCase c;
        c.tally.listed.pop_back(); // a partition never listed
        EXPECT_FALSE(c.verdict().holds);
    }
    {
        ProofCase c;
        c.totals.enrolledDeviceCount += 500; // the platforms add up, the total does not
        EXPECT_FALSE(c.verdict().holds);
    }
}

TEST(PartitionMemoryStore, RemembersPerTenantForAWeek)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    PartitionMemory memory(&settings);
    const QString tenant = QStringLiteral("0b6a1a34-4b59-4b5e-9d7c-2a0c4d1f0e11");
    EXPECT_FALSE(memory.didNotHold(tenant, kNow));
    memory.rememberDidNotHold(tenant, kNow);
    EXPECT_TRUE(memory.didNotHold(tenant, kNow + 6 * kDay));
    EXPECT_FALSE(memory.didNotHold(QStringLiteral("another-tenant"), kNow));
    EXPECT_FALSE(memory.didNotHold(tenant, kNow + 8 * kDay));
    // Written through: another reader of the same file sees it.
    settings.sync();
    QSettings again(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    EXPECT_TRUE(PartitionMemory(&again).didNotHold(tenant, kNow + kDay));
    memory.rememberDidNotHold(QString(), kNow); // no id: nothing to remember under
    EXPECT_FALSE(memory.didNotHold(QString(), kNow));
}
