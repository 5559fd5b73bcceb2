// PartitionProof: decides whether a list gathered as partitions is the whole tenant. It holds when
// no partition returned a device outside its filter, no device came from two partitions, every
// device seen on an unfiltered page came from a partition too, each platform's count matches the
// overview's and their sum matches enrolledDeviceCount, within the overview's lag. Pure.
#pragma once

#include "devices/DeviceOverview.h"
#include "devices/PartitionPlan.h"

#include <QString>

#include <vector>

namespace keyturn {

struct PartitionTally {
    std::vector<int> listed; ///< devices per partition, in plan order
    int outside = 0; ///< devices a partition returned that its filter excludes
    int duplicates = 0; ///< devices returned by more than one partition
    int distinct = 0; ///< distinct devices over every partition
    int missedBySequence = 0; ///< devices of unfiltered pages that no partition returned
};

struct PartitionVerdict {
    bool holds = false;
    QString reason; ///< why not, for the log
};

/// The difference between a list and the overview that is normal (the overview lags a little):
/// a partitioned list must match more tightly than the loader's "ended early" warning asks, as
/// a partition's gap would otherwise go unnoticed.
int partitionLagTolerance(int expected);

PartitionVerdict provePartitions(const DeviceOverview &overview,
    const std::vector<DevicePartition> &partitions, const PartitionTally &tally);

} // namespace keyturn
