// ProcessHardening: process-wide protections set once at the very start of main(). On Linux the
// process is made non-dumpable, as password managers do, so a crash never writes the tokens held
// in memory to a core file (and other processes of the same user cannot ptrace it or read its
// memory through /proc). macOS and Windows: no equivalent call; their crash reporters run under the
// user's own account and profile.
#pragma once

namespace keyturn {

/// Linux: prctl(PR_SET_DUMPABLE, 0). True when the process is non-dumpable afterwards (always true
/// where the call does not exist).
bool makeProcessNonDumpable();

} // namespace keyturn
