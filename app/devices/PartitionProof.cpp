#include "devices/PartitionProof.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace keyturn {

int partitionLagTolerance(int expected)
{
    return std::max(5, expected / 1000);
}

namespace {
bool withinLag(int listed, int expected)
{
    return std::abs(listed - expected) <= partitionLagTolerance(expected);
}
} // namespace

PartitionVerdict provePartitions(const DeviceOverview &overview,
    const std::vector<DevicePartition> &partitions, const PartitionTally &tally)
{
    if (tally.listed.size() != partitions.size())
        return { false, QStringLiteral("not every partition was listed") };
    if (tally.outside > 0)
        return { false,
            QStringLiteral("%1 devices came back outside their partition's filter (a filter was ignored)")
                .arg(tally.outside) };
    if (tally.duplicates > 0)
        return { false, QStringLiteral("%1 devices came back in two partitions").arg(tally.duplicates) };
    if (tally.missedBySequence > 0)
        return { false,
            QStringLiteral("%1 devices of the unfiltered list are in no partition")
                .arg(tally.missedBySequence) };
    std::map<QString, int> byBucket;
    for (std::size_t i = 0; i < partitions.size(); ++i)
        byBucket[partitions[i].bucket] += tally.listed[i];
    int sum = 0;
    for (const auto &[bucket, listed] : byBucket) {
        sum += listed;
        if (!withinLag(listed, overview.count(bucket)))
            return { false,
                QStringLiteral("%1: %2 devices listed, the overview counts %3")
                    .arg(bucket)
                    .arg(listed)
                    .arg(overview.count(bucket)) };
    }
    if (sum != tally.distinct)
        return { false, QStringLiteral("the partitions' counts do not add up to the distinct devices") };
    if (!withinLag(tally.distinct, overview.enrolledDeviceCount))
        return { false,
            QStringLiteral("%1 devices listed, the overview counts %2")
                .arg(tally.distinct)
                .arg(overview.enrolledDeviceCount) };
    return { true, {} };
}

} // namespace keyturn
