#include "devices/DeviceOverview.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace keyturn {

namespace {
constexpr double kMostDevices = 100000000;

std::optional<int> plausibleCount(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double count = value.toDouble();
    if (!(count >= 0 && count <= kMostDevices) || count != static_cast<double>(static_cast<int>(count)))
        return std::nullopt;
    return static_cast<int>(count);
}
} // namespace

std::optional<DeviceOverview> parseDeviceOverview(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const std::optional<int> enrolled = plausibleCount(object.value(QLatin1String("enrolledDeviceCount")));
    if (!enrolled)
        return std::nullopt;
    DeviceOverview overview;
    overview.id = object.value(QLatin1String("id")).toString();
    overview.enrolledDeviceCount = *enrolled;
    const QJsonObject summary = object.value(QLatin1String("deviceOperatingSystemSummary")).toObject();
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        if (it.key().startsWith(u'@'))
            continue;
        const std::optional<int> count = plausibleCount(it.value());
        if (!count)
            continue; // a new field of another shape is no reason to refuse the rest
        overview.operatingSystemCounts[it.key()] = *count;
    }
    return overview;
}

} // namespace keyturn
