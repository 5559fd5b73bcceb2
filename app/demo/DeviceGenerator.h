// DeviceGenerator: a realistic, reproducible device mix for --devices N --seed S (about 40% Windows,
// 30% macOS mostly corporate and FileVault-encrypted with a key escrowed, 15% iOS/iPadOS, 15%
// Android). Same seed, same devices (timestamps are relative to referenceMs). Names are unique.
#pragma once

#include "demo/DeviceRecord.h"

#include <vector>

namespace keyturn::demo {

struct GeneratedDevices {
    std::vector<DeviceUser> users;
    std::vector<DeviceRecord> devices; ///< in generation order: the stable list order
};

class DeviceGenerator {
public:
    /// referenceMs: "now" for lastSyncDateTime (within the 30 days before) and enrolledDateTime.
    static GeneratedDevices generate(int count, quint32 seed, qint64 referenceMs);
};

} // namespace keyturn::demo
