// ProcessMemory: this process's resident memory from /proc/self/status (Linux) and its CPU time.
// The peak (VmHWM) can be reset so each configuration reports its own high-water mark.
#pragma once

namespace keyturn::bench {

/// Current resident set in MB; -1 where /proc is unavailable.
double residentMegabytes();
/// Peak resident set (VmHWM) in MB since start or the last resetPeakResident(); -1 if unknown.
double peakResidentMegabytes();
/// Resets VmHWM to the current RSS (writes 5 to /proc/self/clear_refs); false if not possible.
bool resetPeakResident();
/// CPU time (user + system, all threads) of this process in ms; -1 where unknown.
double processCpuMilliseconds();

} // namespace keyturn::bench
