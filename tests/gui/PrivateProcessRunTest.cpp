// The keyturn executable as another local user would probe it: the folders and files it leaves
// behind are owner-only, and the running process is not dumpable (Linux), so neither a core file
// nor another process of the same user can read the tokens in its memory.
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using keyturn::test::waitUntil;

namespace {

const QString kKeyturn = QStringLiteral(KEYTURN_EXE);

/// A fresh home with its own XDG folders, as on a first start.
struct ScratchHome {
    QTemporaryDir dir;
    QString path(const char *name) const { return dir.filePath(QString::fromLatin1(name)); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path("home"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path("data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path("cache"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }
    bool create() const
    {
        for (const char *name : { "home", "config", "data", "cache" })
            if (!QDir().mkpath(path(name)))
                return false;
        return true;
    }
};

/// Everything below root that group or others may read, write or enter.
QStringList openToOthers(const QString &root)
{
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QStringList found;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (!info.isSymLink() && (info.permissions() & others))
            found << QStringLiteral("%1 (%2)").arg(info.filePath(), QString::number(info.permissions(), 16));
    }
    return found;
}

} // namespace

TEST(KeyturnPrivateFiles, ARunLeavesOnlyOwnerOnlyFoldersAndFiles)
{
    ScratchHome home;
    ASSERT_TRUE(home.create());
    QProcess keyturn;
    keyturn.setProcessEnvironment(home.environment());
    keyturn.start(kKeyturn,
        { QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk"),
            QStringLiteral("--screenshot"), home.dir.filePath(QStringLiteral("list.png")) });
    ASSERT_TRUE(keyturn.waitForFinished(90'000));
    ASSERT_EQ(keyturn.exitCode(), 0) << keyturn.readAllStandardError().toStdString();

    // The run signed in and saved the account: the settings file exists and names the user.
    const QString settings = home.path("config") + QStringLiteral("/Keyturn/Keyturn Demo.conf");
    ASSERT_TRUE(QFileInfo::exists(settings));
    for (const char *root : { "config", "data", "cache" })
        EXPECT_EQ(openToOthers(home.path(root)), QStringList()) << root;
}

#ifdef Q_OS_LINUX
TEST(KeyturnProcess, IsNotDumpableWhileRunning)
{
    // A non-dumpable process's /proc/<pid>/* files belong to root instead of the process's user.
    // That shows only when the process's user is not root: as root, run keyturn as "nobody".
    ScratchHome home;
    ASSERT_TRUE(home.create());
    const uid_t runAs = geteuid() == 0 ? 65534 : geteuid();
    if (geteuid() == 0) {
        for (const char *name : { "", "home", "config", "data", "cache" })
            ASSERT_EQ(::chown(QFile::encodeName(home.path(name)).constData(), runAs, runAs), 0);
        ::chmod(QFile::encodeName(home.dir.path()).constData(), 0755);
    }
    QProcessEnvironment env = home.environment();
    if (geteuid() == 0) {
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // root's session bus: not nobody's
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    }
    QProcess keyturn;
    keyturn.setProcessEnvironment(env);
    keyturn.setChildProcessModifier([runAs] {
        if (geteuid() == 0 && (::setgid(runAs) != 0 || ::setuid(runAs) != 0))
            _exit(127);
    });
    keyturn.start(kKeyturn, { QStringLiteral("--demo") });
    ASSERT_TRUE(keyturn.waitForStarted());
    const QString procStatus = QStringLiteral("/proc/%1/status").arg(keyturn.processId());

    // Threads appear only once main() runs (Qt's and the demo tenant's): well past its first line.
    const auto threads = [&] {
        QFile status(procStatus);
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Threads:"))
                return line.mid(8).trimmed().toInt();
        }
        return 0;
    };
    const bool started = waitUntil(
        [&] { return threads() >= 2 || keyturn.state() == QProcess::NotRunning; }, std::chrono::seconds(30));
    const bool running = keyturn.state() == QProcess::Running;
    struct stat info { };
    const int statResult = ::stat(QFile::encodeName(procStatus).constData(), &info);
    keyturn.kill();
    keyturn.waitForFinished();

    ASSERT_TRUE(started && running) << keyturn.readAllStandardError().toStdString();
    ASSERT_EQ(statResult, 0);
    EXPECT_EQ(info.st_uid, 0u) << "keyturn (uid " << runAs << ") is dumpable";
}
#endif
