#include "devices/PartitionPlan.h"

#include "core/Utc.h"
#include "devices/DeviceRecord.h"

#include <QDateTime>

#include <algorithm>

namespace keyturn {

namespace {
constexpr qint64 kDayMsecs = 24LL * 3600 * 1000;
constexpr qint64 kMinuteMsecs = 60LL * 1000;

QString utcLiteral(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, keyturn::utc()).toString(Qt::ISODate);
}
} // namespace

QString DevicePartition::filter() const
{
    QString text = QStringLiteral("operatingSystem eq '%1'").arg(operatingSystem);
    if (enrolledFromMsecs)
        text += QStringLiteral(" and enrolledDateTime ge ") + utcLiteral(*enrolledFromMsecs);
    if (enrolledBeforeMsecs)
        text += QStringLiteral(" and enrolledDateTime lt ") + utcLiteral(*enrolledBeforeMsecs);
    return text;
}

bool DevicePartition::contains(const DeviceRecord &device) const
{
    if (device.operatingSystem.compare(operatingSystem, Qt::CaseInsensitive) != 0)
        return false;
    // 0 is "never" (0001-01-01): before every bound.
    if (enrolledFromMsecs && (device.enrolledMsecs == 0 || device.enrolledMsecs < *enrolledFromMsecs))
        return false;
    return !enrolledBeforeMsecs || device.enrolledMsecs == 0 || device.enrolledMsecs < *enrolledBeforeMsecs;
}

const std::vector<std::pair<QString, std::vector<QString>>> &partitionBuckets()
{
    static const std::vector<std::pair<QString, std::vector<QString>>> buckets{
        { QStringLiteral("windowsCount"), { QStringLiteral("Windows") } },
        { QStringLiteral("macOSCount"), { QStringLiteral("macOS") } },
        { QStringLiteral("iosCount"), { QStringLiteral("iOS"), QStringLiteral("iPadOS") } },
        { QStringLiteral("androidCount"), { QStringLiteral("Android") } },
    };
    return buckets;
}

PartitionPlan planPartitions(
    const DeviceOverview &overview, qint64 nowMsecs, const PartitionPlanOptions &options)
{
    PartitionPlan plan;
    if (overview.enrolledDeviceCount < options.minimumDevices) {
        plan.whyNot = QStringLiteral("%1 devices list quickly one page after the other")
                          .arg(overview.enrolledDeviceCount);
        return plan;
    }
    qint64 covered = 0;
    for (const auto &[bucket, systems] : partitionBuckets())
        covered += overview.count(bucket);
    if (covered != overview.enrolledDeviceCount) {
        // Devices on other platforms (unknownCount, linuxCount, ...) have no filter that lists them.
        plan.whyNot = QStringLiteral("the overview counts %1 devices on platforms without a list filter")
                          .arg(overview.enrolledDeviceCount - covered);
        return plan;
    }
    const qint64 spanMsecs = static_cast<qint64>(std::max(1, options.enrolmentSpanDays)) * kDayMsecs;
    const qint64 spanStart = (nowMsecs - spanMsecs) / kMinuteMsecs * kMinuteMsecs;
    for (const auto &[bucket, systems] : partitionBuckets()) {
        const int count = overview.count(bucket);
        const int perPartition = std::max(1, options.devicesPerPartition);
        const int ranges = std::clamp(
            (count + perPartition - 1) / perPartition, 1, std::max(1, options.mostRangesPerSystem));
        // Whole minutes: a bound reads the same at every precision Graph might compare at.
        const qint64 step = std::max<qint64>(kMinuteMsecs, spanMsecs / ranges / kMinuteMsecs * kMinuteMsecs);
        for (const QString &system : systems) {
            for (int r = 0; r < ranges; ++r) {
                DevicePartition partition;
                partition.bucket = bucket;
                partition.operatingSystem = system;
                if (r > 0)
                    partition.enrolledFromMsecs = spanStart + step * r;
                if (r + 1 < ranges)
                    partition.enrolledBeforeMsecs = spanStart + step * (r + 1);
                plan.partitions.push_back(std::move(partition));
            }
        }
    }
    return plan;
}

} // namespace keyturn
