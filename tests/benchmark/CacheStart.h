// CacheStart: start from a warm cache. Lists a tenant once, keeps the list as the app does
// (DeviceListCacheFile), then measures a fresh model, proxy and table reading it back through
// DeviceListCache: the time to the first painted rows and to every row, and the peak memory.
// No network is involved once the file is written, so no added latency applies.
#pragma once

#include <QString>

namespace keyturn::bench {

struct CacheStartTiming {
    bool ok = false;
    int devices = 0;
    double writeMs = -1; ///< writing the file (off the UI thread in the app)
    double fileMb = -1;
    double firstRowsMs = -1; ///< the cache read asked -> the table painted showing rows
    double allRowsMs = -1; ///< -> every row read, sorted and painted
    double peakRssMb = -1; ///< the process's peak while the cached list was read and shown
    QString error;
};

/// Starts tenantPath with `devices` devices, lists them, caches them and measures the start.
CacheStartTiming measureCacheStart(const QString &tenantPath, int devices, unsigned seed);

/// The same in a fresh process (this executable with kCacheStartOption), as the app starts: its peak
/// memory is not raised by what this process did before.
CacheStartTiming measureCacheStartInFreshProcess(const QString &tenantPath, int devices, unsigned seed);
inline constexpr char kCacheStartOption[] = "cache-start-only";
/// Run by the fresh process: measures and prints the result on one line of stdout; the exit code.
int printCacheStart(const QString &tenantPath, int devices, unsigned seed);

} // namespace keyturn::bench
