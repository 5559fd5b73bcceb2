// PartitionPlan: how to list a large tenant as several filtered lists at once, from its overview:
// one partition per operatingSystem value Graph filters on (`operatingSystem eq 'Windows'`), a large
// platform split further into half-open enrolledDateTime ranges (the first open below, the last open
// above, so together they cover every date, "never" included). enrolledDateTime is used because it
// does not change while the list loads (lastSyncDateTime does: a device could move between ranges).
// No plan when the tenant is small or the overview counts devices no filter here lists. Pure.
#pragma once

#include "devices/DeviceOverview.h"

#include <QString>

#include <optional>
#include <vector>

namespace keyturn {

struct DeviceRecord;

struct DevicePartition {
    QString bucket; ///< the overview's count that covers it ("windowsCount")
    QString operatingSystem; ///< as Graph filters on it ("Windows")
    std::optional<qint64> enrolledFromMsecs; ///< inclusive bound (ge), whole seconds
    std::optional<qint64> enrolledBeforeMsecs; ///< exclusive bound (lt), whole seconds

    /// The $filter text, e.g. "operatingSystem eq 'Windows' and enrolledDateTime lt 2024-01-01T00:00:00Z".
    QString filter() const;
    /// True when Graph may return `device` in this partition: a device outside means Graph did not
    /// apply the filter as asked (Intune silently ignores filters it does not support).
    bool contains(const DeviceRecord &device) const;
};

struct PartitionPlanOptions {
    int minimumDevices = 5000; ///< below: one list after the other is quick enough
    int devicesPerPartition = 5000; ///< a platform with more is split by enrolment date
    int mostRangesPerSystem = 16;
    /// The date ranges divide this span before "now" evenly; older enrolments share the first range.
    int enrolmentSpanDays = 3 * 365;
};

struct PartitionPlan {
    std::vector<DevicePartition> partitions; ///< empty: list one page after the other
    QString whyNot; ///< set when there are no partitions
};

/// The overview buckets and the operatingSystem values that make them up ("iosCount": iOS, iPadOS).
const std::vector<std::pair<QString, std::vector<QString>>> &partitionBuckets();

PartitionPlan planPartitions(
    const DeviceOverview &overview, qint64 nowMsecs, const PartitionPlanOptions &options = {});

} // namespace keyturn
