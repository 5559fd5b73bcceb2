// DeviceVocabulary: how Graph's device texts are read, once for the device list and the device
// pane: the platform an operatingSystem value names, and Graph's date-times (Graph writes
// "0001-01-01T00:00:00Z" for "never"). Pure and thread-safe: the list runs them on a worker thread
// for every row, so the date parse is a hand-written scan, not QDateTime::fromString.
#pragma once

#include "devices/DeviceRecord.h"

#include <QDateTime>
#include <QStringView>

namespace keyturn {

/// "Windows", "macOS", "Mac OS X", "iPadOS", "AndroidEnterprise", "Linux" ... -> the platform;
/// Other for anything else.
DeviceRecord::Platform platformFromOperatingSystem(QStringView operatingSystem);

/// "2024-05-01T12:34:56.1234567Z" (or +hh:mm) -> msecs since the epoch; 0 for year 1 / empty /
/// unparsable, as Graph writes "0001-01-01T00:00:00Z" for "never".
qint64 parseGraphDateTimeMsecs(QStringView text);

/// The same date-time as a UTC QDateTime; invalid for "never", empty or unparsable text.
QDateTime parseGraphDateTime(QStringView text);

} // namespace keyturn
