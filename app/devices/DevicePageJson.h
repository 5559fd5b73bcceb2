// DevicePageJson: writes device records back in the shape of a Graph managedDevices list page
// ({"value":[...]}, the fields of deviceListSelect() only), so that parseDevicePage() reads them
// again: the device list cache keeps one parser, whatever the in-memory representation.
#pragma once

#include "devices/DeviceRecord.h"

#include <QByteArray>

#include <cstddef>

namespace keyturn {

/// Appends {"value":[...]} for records [first, first + count) to out, on one line (no raw newline).
void appendDevicePageJson(const DeviceRecord *first, std::size_t count, QByteArray *out);

} // namespace keyturn
