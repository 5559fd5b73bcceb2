#include "core/PrivateFiles.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace keyturn {

namespace {

#ifdef Q_OS_UNIX
bool chmodTo(const QString &path, mode_t mode)
{
    if (::chmod(QFile::encodeName(path).constData(), mode) == 0)
        return true;
    qCWarning(lcApp) << "cannot restrict" << path << "to its owner";
    return false;
}
#endif

/// Folder names Keyturn owns: its organization folder sits between a shared base folder
/// (~/.config, ~/.local/share, ~/.cache) and the application folder.
bool isOrganizationFolder(const QString &path)
{
    const QString organization = QCoreApplication::organizationName();
    return !organization.isEmpty() && QFileInfo(path).fileName() == organization;
}

} // namespace

bool makePrivateDirectory(const QString &path)
{
    const QString target = QDir::cleanPath(QDir(path).absolutePath());
#ifdef Q_OS_UNIX
    // Create missing folders one by one with 0700, so none is ever readable by others, even briefly.
    QStringList missing;
    for (QString p = target; !QFileInfo::exists(p); p = QFileInfo(p).absolutePath()) {
        missing.prepend(p);
        if (p == QFileInfo(p).absolutePath())
            break;
    }
    for (const QString &p : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(p).constData(), S_IRWXU) != 0 && !QFileInfo(p).isDir()) {
            qCWarning(lcApp) << "cannot create" << p;
            return false;
        }
    }
    return QFileInfo(target).isDir() && chmodTo(target, S_IRWXU);
#else
    // Windows: the per-user profile's ACL applies to everything below it.
    return QDir().mkpath(target);
#endif
}

bool makePrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        qCWarning(lcApp) << "cannot create" << path;
        return false;
    }
    const bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    ::close(fd);
    if (!ok)
        qCWarning(lcApp) << "cannot restrict" << path << "to its owner";
    return ok;
#else
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append);
#endif
}

bool makeKeyturnFilesPrivate()
{
    bool ok = true;
    // QSettings writes its file through a temporary file that keeps the existing file's mode, so
    // creating it 0600 first is the umask-equivalent; callers check again after a sync.
    const QString settingsFile = QSettings().fileName();
    const QString settingsFolder = QFileInfo(settingsFile).absolutePath();
    if (isOrganizationFolder(settingsFolder)) // not e.g. macOS' shared ~/Library/Preferences
        ok = makePrivateDirectory(settingsFolder) && ok;
    if (QFileInfo(settingsFolder).isDir())
        ok = makePrivateFile(settingsFile) && ok;

    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!appData.isEmpty()) {
        ok = makePrivateDirectory(appData) && ok;
        const QString parent = QFileInfo(appData).absolutePath();
        if (isOrganizationFolder(parent))
            ok = makePrivateDirectory(parent) && ok;
    }

    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!cache.isEmpty() && QFileInfo(cache).isDir()) {
        ok = makePrivateDirectory(cache) && ok;
        const QString parent = QFileInfo(cache).absolutePath();
        if (isOrganizationFolder(parent))
            ok = makePrivateDirectory(parent) && ok;
    }
    return ok;
}

} // namespace keyturn
