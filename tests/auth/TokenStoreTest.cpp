// TokenStore against the real Secret Service of the test session, and with no Secret Service
// at all (a child process whose D-Bus address points nowhere).
#include "auth/TokenStore.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

using namespace keyturn;
using keyturn::test::runProcess;
using keyturn::test::waitUntil;

namespace {

QString uniqueService()
{
    return QStringLiteral("KeyturnTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

TokenStore::Result run(const std::function<void(QObject *, TokenStore::Callback)> &start)
{
    QObject context;
    std::optional<TokenStore::Result> result;
    start(&context, [&result](const TokenStore::Result &r) { result = r; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, std::chrono::seconds(30)));
    return result.value_or(
        TokenStore::Result{ TokenStore::Status::Unavailable, {}, QStringLiteral("no answer") });
}

QString secretToolLookup(const QString &service, const QString &key)
{
    return runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key })
        .standardOutput.trimmed();
}

} // namespace

TEST(TokenStore, RoundTripThroughTheRealKeyring)
{
    TokenStore store(uniqueService());
    const QString key = QStringLiteral("global:tid:oid");
    const QString secret = QStringLiteral("refresh-%1").arg(QUuid::createUuid().toString());

    EXPECT_EQ(run([&](QObject *c, auto cb) { store.read(key, c, cb); }).status, TokenStore::Status::NotFound);
    EXPECT_EQ(
        run([&](QObject *c, auto cb) { store.write(key, secret, c, cb); }).status, TokenStore::Status::Ok);
    EXPECT_EQ(secretToolLookup(store.service(), key), secret);

    const auto read = run([&](QObject *c, auto cb) { store.read(key, c, cb); });
    EXPECT_EQ(read.status, TokenStore::Status::Ok);
    EXPECT_EQ(read.secret, secret);

    // Rotation overwrites the one item.
    EXPECT_EQ(run([&](QObject *c, auto cb) { store.write(key, QStringLiteral("rotated"), c, cb); }).status,
        TokenStore::Status::Ok);
    EXPECT_EQ(secretToolLookup(store.service(), key), QStringLiteral("rotated"));

    EXPECT_EQ(run([&](QObject *c, auto cb) { store.remove(key, c, cb); }).status, TokenStore::Status::Ok);
    EXPECT_EQ(run([&](QObject *c, auto cb) { store.read(key, c, cb); }).status, TokenStore::Status::NotFound);
    EXPECT_TRUE(secretToolLookup(store.service(), key).isEmpty());
}

TEST(TokenStore, CallbackIsDroppedWhenContextDiesAndStoreMayGoFirst)
{
    bool called = false;
    {
        auto store = std::make_unique<TokenStore>(uniqueService());
        auto context = std::make_unique<QObject>();
        store->read(
            QStringLiteral("k"), context.get(), [&called](const TokenStore::Result &) { called = true; });
        context.reset();
        store.reset(); // the pending job must survive its store
    }
    waitUntil([] { return false; }, std::chrono::milliseconds(500));
    EXPECT_FALSE(called);
}

// Runs in a child process only (see below): a session bus that accepts and never answers.
TEST(TokenStoreChild, HangingSecretServiceTimesOut)
{
    if (qEnvironmentVariable("KEYTURN_TOKENSTORE_CHILD") != QLatin1String("hang"))
        GTEST_SKIP() << "runs only as the child of TokenStore.HangingKeychainReportsUnavailableAfterTimeout";
    TokenStore store(QStringLiteral("KeyturnTestChild"), std::chrono::milliseconds(1500));
    QElapsedTimer timer;
    timer.start();
    const auto result = run([&](QObject *c, auto cb) { store.read(QStringLiteral("global:t:o"), c, cb); });
    EXPECT_EQ(result.status, TokenStore::Status::Unavailable);
    EXPECT_LT(timer.elapsed(), 10'000);
}

// Runs in a child process only (see below): no D-Bus session bus at all.
TEST(TokenStoreChild, WriteWithoutSecretService)
{
    if (qEnvironmentVariable("KEYTURN_TOKENSTORE_CHILD") != QLatin1String("1"))
        GTEST_SKIP() << "runs only as the child of TokenStore.UnavailableWithoutSecretService";
    TokenStore store(QStringLiteral("KeyturnTestChild"), std::chrono::seconds(10));
    const auto result = run([&](QObject *c, auto cb) {
        store.write(QStringLiteral("global:t:o"), QStringLiteral("child-secret-value"), c, cb);
    });
    EXPECT_EQ(result.status, TokenStore::Status::Unavailable);
    EXPECT_FALSE(result.message.isEmpty());
    const auto read = run([&](QObject *c, auto cb) { store.read(QStringLiteral("global:t:o"), c, cb); });
    EXPECT_EQ(read.status, TokenStore::Status::Unavailable);
}

TEST(TokenStore, UnavailableWithoutSecretServiceAndNothingWrittenElsewhere)
{
    QTemporaryDir scratch;
    ASSERT_TRUE(scratch.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYTURN_TOKENSTORE_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + scratch.path() + QStringLiteral("/no-bus"));
    env.insert(QStringLiteral("HOME"), scratch.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch.path() + QStringLiteral("/data"));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--gtest_filter=TokenStoreChild.WriteWithoutSecretService") });
    ASSERT_TRUE(child.waitForFinished(60'000));
    const QString output = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("[  PASSED  ] 1 test"))) << output.toStdString();

    // Insecure fallback is off: no file anywhere under the child's home holds the secret.
    QDirIterator it(scratch.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains("child-secret-value")) << it.filePath().toStdString();
    }
}

TEST(TokenStore, HangingKeychainReportsUnavailableAfterTimeout)
{
    QTemporaryDir scratch;
    ASSERT_TRUE(scratch.isValid());
    // A socket that accepts connections (kernel backlog) but never speaks D-Bus.
    QLocalServer silentBus;
    ASSERT_TRUE(silentBus.listen(scratch.filePath(QStringLiteral("silent-bus"))));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYTURN_TOKENSTORE_CHILD"), QStringLiteral("hang"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + silentBus.fullServerName());
    env.insert(QStringLiteral("HOME"), scratch.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.path() + QStringLiteral("/config"));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--gtest_filter=TokenStoreChild.HangingSecretServiceTimesOut") });
    ASSERT_TRUE(waitUntil([&] { return child.state() == QProcess::NotRunning; }, std::chrono::seconds(60)));
    const QString output = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    EXPECT_TRUE(output.contains(QStringLiteral("[  PASSED  ] 1 test"))) << output.toStdString();
}
