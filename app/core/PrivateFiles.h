// PrivateFiles: Keyturn's folders are owner-only (0700) and its files owner-only (0600), whatever
// the umask: the audit log, the settings file (account UPN, tenant and object ids) and any cache.
// Unix only; on Windows the per-user profile's ACL already keeps other users out, and on macOS the
// Unix modes below apply as well (~/Library folders are per user, but modes are still tightened).
#pragma once

#include <QString>

namespace keyturn {

/// Creates path (missing parent folders are created 0700 too) and sets path itself to 0700.
bool makePrivateDirectory(const QString &path);
/// Creates the file empty if it is missing (0600 from the start) and sets it to 0600.
bool makePrivateFile(const QString &path);
/// Keyturn's own folders and settings file for the running application (QStandardPaths and
/// QSettings' default file; organization and application names set): the settings folder and
/// file, the app data folder and its organization folder, and the cache folder when it exists.
/// Safe to call again (e.g. after QSettings synced, which may replace the file).
bool makeKeyturnFilesPrivate();

} // namespace keyturn
