// A Secret Service that takes every D-Bus call and never answers (registered as
// org.freedesktop.secrets on a private bus): the D-Bus layer's own NoReply ends the keychain job,
// so Keyturn reports "unavailable" (the "not remembered" note) long before its wait limit, while a
// prompt, which answers the call at once, is waited for.
#include "auth/TokenStore.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <atomic>

using keyturn::TokenStore;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

/// Takes every call under "/" and sends no reply.
class SilentSecretService final : public QDBusVirtualObject {
public:
    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        ++calls;
        return true; // handled: no error, no reply
    }
    std::atomic<int> calls{ 0 };
};

} // namespace

// Runs in a child process only (see below), on the private bus of the silent service.
TEST(SilentSecretServiceChild, WriteEndsUnavailableBeforeTheWaitLimit)
{
    if (qEnvironmentVariable("KEYTURN_SILENT_SECRETS_CHILD") != QLatin1String("1"))
        GTEST_SKIP() << "runs only as the child of SilentSecretService.NoReplyEndsInNotRemembered";
    TokenStore store(QStringLiteral("KeyturnSilentTest")); // the product's wait limit (10 minutes)
    QObject context;
    std::optional<TokenStore::Result> result;
    QElapsedTimer elapsed;
    elapsed.start();
    store.write(QStringLiteral("global:t:o"), QStringLiteral("silent-secret-value"), &context,
        [&result](const TokenStore::Result &r) { result = r; });
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }, 5min));
    EXPECT_EQ(result->status, TokenStore::Status::Unavailable);
    EXPECT_FALSE(result->message.isEmpty());
    EXPECT_NE(result->message, TokenStore::tr("The system keychain did not answer."))
        << "the wait limit ended the job, not the D-Bus layer";
    std::printf(
        "keychain write answered after %lld ms: %s\n", elapsed.elapsed(), qPrintable(result->message));
}

TEST(SilentSecretService, NoReplyEndsInNotRemembered)
{
    QTemporaryDir scratch;
    ASSERT_TRUE(scratch.isValid());
    const QString address = QStringLiteral("unix:path=") + scratch.filePath(QStringLiteral("bus"));
    QProcess bus;
    bus.start(QStringLiteral("dbus-daemon"),
        { QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
            QStringLiteral("--address=") + address, QStringLiteral("--print-address=1") });
    ASSERT_TRUE(bus.waitForStarted(10'000)) << "dbus-daemon did not start";
    ASSERT_TRUE(waitUntil([&] { return bus.canReadLine(); }, 10s)) << "the private bus did not come up";

    SilentSecretService service;
    const QString connectionName = QStringLiteral("keyturn-silent-secrets");
    {
        QDBusConnection connection = QDBusConnection::connectToBus(address, connectionName);
        ASSERT_TRUE(connection.isConnected()) << connection.lastError().message().toStdString();
        ASSERT_TRUE(
            connection.registerVirtualObject(QStringLiteral("/"), &service, QDBusConnection::SubPath));
        ASSERT_TRUE(connection.registerService(QStringLiteral("org.freedesktop.secrets")));
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYTURN_SILENT_SECRETS_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.insert(QStringLiteral("HOME"), scratch.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--gtest_filter=SilentSecretServiceChild.WriteEndsUnavailableBeforeTheWaitLimit") });
    const bool ended = waitUntil([&] { return child.state() == QProcess::NotRunning; }, 5min);
    if (!ended)
        child.kill();
    const QString output = QString::fromUtf8(child.readAll());
    QDBusConnection::disconnectFromBus(connectionName);
    bus.terminate();
    bus.waitForFinished(5'000);

    ASSERT_TRUE(ended) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("[  PASSED  ] 1 test"))) << output.toStdString();
    EXPECT_GT(service.calls.load(), 0) << "the keychain never called the silent service";
    std::printf("%s",
        qPrintable(output.section(QStringLiteral("keychain write answered"), 1, 1)
                       .section(QLatin1Char('\n'), 0, 0)
                       .prepend(QStringLiteral("child: keychain write answered"))
                       .append(QLatin1Char('\n'))));
}
