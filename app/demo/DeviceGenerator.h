// DeviceGenerator: a realistic, reproducible device mix for --devices N --seed S (about 40% Windows,
// 30% macOS mostly corporate and FileVault-encrypted with a key escrowed, 15% iOS/iPadOS, 15%
// Android). Same seed, same devices (timestamps are relative to referenceMs). Names are unique.
// Each tenant draws from its own stream: its ids and serials differ from every other tenant's, its
// device names carry its prefix and its device users its domain.
#pragma once

#include "demo/DeviceRecord.h"

#include <vector>

namespace keyturn::demo {

struct GeneratedDevices {
    std::vector<DeviceUser> users;
    std::vector<DeviceRecord> devices; ///< in generation order: the stable list order
};

/// Whose devices: tenant 1 (the defaults) or another tenant of the demo.
struct DeviceTenant {
    int number = 1; ///< 1, 2, ...: selects the random stream
    QByteArray namePrefix; ///< put before every device name, e.g. "FAB-"
    QByteArray userDomain = "example.com"; ///< the device users' UPN suffix
};

class DeviceGenerator {
public:
    /// referenceMs: "now" for lastSyncDateTime (within the 30 days before) and enrolledDateTime.
    static GeneratedDevices generate(
        int count, quint32 seed, qint64 referenceMs, const DeviceTenant &tenant = {});
};

} // namespace keyturn::demo
