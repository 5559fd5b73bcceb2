// CacheStart: start from a warm cache. Lists a tenant once and keeps the list as the app does
// (DeviceListCacheFile); then a fresh process, as the app starts, reads it back into a model, proxy
// and table through DeviceListCache: the time to the first painted rows and to every row, and the
// peak memory. No network is involved once the file is written, so no added latency applies.
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

/// Starts tenantPath with `devices` devices, lists and caches them in this process, then measures
/// the start in a fresh one (this executable with kCacheStartOption): its peak memory is not raised
/// by anything listed before.
CacheStartTiming measureCacheStartInFreshProcess(const QString &tenantPath, int devices, unsigned seed);
inline constexpr char kCacheStartOption[] = "cache-start-only";
inline constexpr char kCacheFolderOption[] = "cache-folder";
/// Run by the fresh process: measures the start from the cache in `folder` and prints the result on
/// one line of stdout; the exit code.
int printCacheStart(const QString &folder, int devices);

} // namespace keyturn::bench
