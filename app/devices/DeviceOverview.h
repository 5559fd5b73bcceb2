// DeviceOverview: the totals of managedDeviceOverview (enrolledDeviceCount and the per-platform
// counts of deviceOperatingSystemSummary), read from Graph's answer; pure.
#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>

namespace keyturn {

struct DeviceOverview {
    QString id; ///< the overview's id: one per tenant
    int enrolledDeviceCount = 0;
    /// Every numeric field of deviceOperatingSystemSummary by name ("windowsCount", "iosCount", ...).
    std::map<QString, int> operatingSystemCounts;

    int count(const QString &bucket) const
    {
        const auto it = operatingSystemCounts.find(bucket);
        return it == operatingSystemCounts.end() ? 0 : it->second;
    }
};

/// nullopt when the body is not an overview or a count is missing or implausible.
std::optional<DeviceOverview> parseDeviceOverview(const QByteArray &body);

} // namespace keyturn
