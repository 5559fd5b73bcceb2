// Secret hygiene. One whole Keyturn run (the real KeyturnApp object graph and
// widgets) against the in-process demo tenant, with every logging category at debug: sign in, load
// the list, run an action, view a FileVault key, BitLocker keys and a local admin password (copying
// each, with the consent the BitLocker and LAPS reads need), force a token refresh, sign out. Then no
// token, code, code verifier, challenge, recovery key or password the tenant issued may appear in any
// file Keyturn wrote or in anything it logged (the audit log included).
#include "SecretScanner.h"

#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DevicePane.h"
#include "DeviceSecretViewer.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SecretDialog.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "common/TestSupport.h"
#include "demo/DemoTenant.h"
#include "demo/SecretLedger.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

using keyturn::test::SecretScanner;
using keyturn::test::waitUntil;

namespace {

// Every message of the run, from any thread (the demo tenant logs from its own).
QMutex g_logMutex;
QByteArray g_log;
int g_debugMessages = 0;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_logMutex);
    if (type == QtDebugMsg)
        ++g_debugMessages;
    g_log += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
}

/// Sends everything written to stderr (qtkeychain, D-Bus, Qt's fallbacks) to a file while alive.
class StderrCapture {
public:
    explicit StderrCapture(const QString &path)
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (m_saved >= 0 && fd >= 0)
            ::dup2(fd, STDERR_FILENO);
        if (fd >= 0)
            ::close(fd);
    }
    ~StderrCapture()
    {
        std::fflush(stderr);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
        }
    }
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;

private:
    int m_saved = -1;
};

/// Sets an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

bool isCorporateMac(const keyturn::DeviceRecord &d)
{
    return d.platform == keyturn::DeviceRecord::Platform::MacOS
        && d.ownership == keyturn::DeviceRecord::Ownership::Company && d.isEncrypted;
}

bool isWindows(const keyturn::DeviceRecord &d)
{
    return d.platform == keyturn::DeviceRecord::Platform::Windows
        && d.ownership == keyturn::DeviceRecord::Ownership::Company && d.isEncrypted
        && !d.azureADDeviceId.isEmpty();
}

/// Clicks Yes on every question that shows up until the secret dialog shows values or the pane's
/// banner says why not; copies the first value. True when a secret was shown.
bool viewSecret(keyturn::ui::MainWindow *window, QToolButton *button)
{
    if (!button || !button->isEnabled())
        return false;
    window->devicePane()->banner()->clear();
    QTest::mouseClick(button, Qt::LeftButton);
    keyturn::ui::SecretDialog *shown = nullptr;
    waitUntil(
        [&] {
            if (auto *question = keyturn::ui::ConfirmationDialog::visibleIn(window))
                QTest::mouseClick(question->yesButton(), Qt::LeftButton);
            keyturn::ui::SecretDialog *dialog = window->secretViewer()->dialog();
            if (dialog && dialog->isVisible() && dialog->isShowingValues())
                shown = dialog;
            return shown || !window->devicePane()->banner()->text().isEmpty();
        },
        std::chrono::seconds(20));
    if (!shown)
        return false;
    QTest::mouseClick(shown->copyButtons().first(), Qt::LeftButton);
    shown->close();
    return true;
}

} // namespace

TEST(SecretHygiene, NoIssuedSecretReachesAFileOrTheLog)
{
    // The harness (packaging/with-test-keyring.sh) gives this session its own HOME and XDG folders
    // under KEYTURN_TEST_SCRATCH; scanning the developer's real HOME would be neither safe nor exact.
    const QString scratch = qEnvironmentVariable("KEYTURN_TEST_SCRATCH");
    if (scratch.isEmpty())
        GTEST_SKIP() << "run under packaging/with-test-keyring.sh (needs a throwaway HOME/XDG session)";

    QTemporaryDir work;
    ASSERT_TRUE(work.isValid());
    const QString tempDir = work.filePath(QStringLiteral("tmp"));
    const QString auditDir = work.filePath(QStringLiteral("audit"));
    const QString stderrLog = work.filePath(QStringLiteral("stderr.log"));
    ASSERT_TRUE(QDir().mkpath(tempDir));
    const QString outerTemp = QDir::tempPath();
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    // Everything Keyturn and Qt put in "the" temporary folder lands in one we can search whole.
    const ScopedEnv tmpdir("TMPDIR", QFile::encodeName(tempDir));

    keyturn::demo::DemoOptions options;
    options.devices = 120;
    options.seed = 11;
    options.actionDelaySecs = 1;
    auto tenant = std::make_unique<keyturn::demo::DemoTenant>(options);
    QString error;
    ASSERT_TRUE(tenant->start(&error)) << error.toStdString();

    const QString keychainService
        = QStringLiteral("KeyturnHygiene-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSettings().clear();
    std::optional<keyturn::Account> account;
    QString storedDuringRun;
    {
        g_log.clear();
        g_debugMessages = 0;
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        StderrCapture stderrCapture(stderrLog);

        keyturn::ui::KeyturnAppConfig config;
        config.launch.demo = true;
        config.launch.demoUser = QStringLiteral("helpdesk");
        config.demoBaseUrl = tenant->baseUrl();
        config.keychainService = keychainService;
        config.auditDirectory = auditDir;
        auto app = std::make_unique<keyturn::ui::KeyturnApp>(config);
        bool flowOk = app->initialize(&error);
        if (flowOk) {
            app->start();
            flowOk = waitUntil(
                [&] { return app->signIn()->state() == keyturn::SignInController::State::SignedIn; },
                std::chrono::seconds(30));
        }
        // The list: wait until loading started and finished.
        if (flowOk) {
            waitUntil([&] { return app->loader()->isLoading() || app->devices()->rowCount() > 0; },
                std::chrono::seconds(10));
            flowOk = waitUntil([&] { return !app->loader()->isLoading() && app->devices()->rowCount() > 0; },
                std::chrono::seconds(60));
        }
        // An action from the device pane, confirmed with Yes.
        bool actionSent = false;
        if (flowOk) {
            const keyturn::DeviceRecord *mac = nullptr;
            for (const keyturn::DeviceRecord &record : app->devices()->records()) {
                if (isCorporateMac(record)) {
                    mac = &record;
                    break;
                }
            }
            keyturn::ui::DevicePane *pane = app->mainWindow()->devicePane();
            if (mac && app->mainWindow()->showDeviceNamed(mac->deviceName)
                && waitUntil([&] { return pane->details().has_value(); }, std::chrono::seconds(15))) {
                QToolButton *rotate = pane->actionButton(QStringLiteral("rotateFileVaultKey"));
                if (rotate && waitUntil([&] { return rotate->isEnabled(); }, std::chrono::seconds(5))) {
                    keyturn::ui::Confirmations::setNextAnswer(true);
                    QTest::mouseClick(rotate, Qt::LeftButton);
                    actionSent = waitUntil(
                        [&] { return pane->banner()->kind() == keyturn::ui::MessageBanner::Kind::Success; },
                        std::chrono::seconds(15));
                }
            }
        }
        // Keys and passwords, viewed and copied: a FileVault key, then BitLocker keys and a LAPS password.
        int secretsShown = 0;
        if (flowOk) {
            keyturn::ui::MainWindow *window = app->mainWindow();
            keyturn::ui::DevicePane *pane = window->devicePane();
            const auto viewOn = [&](bool (*wanted)(const keyturn::DeviceRecord &), const QString &actionId) {
                for (const keyturn::DeviceRecord &record : app->devices()->records()) {
                    if (!wanted(record) || !window->showDeviceNamed(record.deviceName)
                        || !waitUntil([&] { return pane->details() && pane->details()->id == record.id; },
                            std::chrono::seconds(15)))
                        continue;
                    if (viewSecret(window, pane->actionButton(actionId)))
                        return true;
                }
                return false;
            };
            secretsShown += viewOn(isCorporateMac, QStringLiteral("viewFileVaultKey")) ? 1 : 0;
            secretsShown += viewOn(isWindows, QStringLiteral("viewBitLockerKeys")) ? 1 : 0;
            secretsShown += viewOn(isWindows, QStringLiteral("viewLocalAdminPassword")) ? 1 : 0;
        }
        // A forced refresh, as after a 401: a new access and refresh token pair.
        QString refreshedToken;
        bool refreshed = false;
        if (flowOk) {
            QObject context;
            app->signIn()->getAccessToken(true, &context, [&](const QString &token, const QString &) {
                refreshedToken = token;
                refreshed = true;
            });
            waitUntil([&] { return refreshed; }, std::chrono::seconds(20));
            account = app->signIn()->account();
        }
        // What the keychain holds before sign-out: the newest refresh token (and nothing else
        // anywhere else, which the scan below checks).
        keyturn::TokenStore store(keychainService);
        if (account) {
            bool read = false;
            store.read(account->keychainKey(), &store, [&](const keyturn::TokenStore::Result &result) {
                storedDuringRun = result.secret;
                read = true;
            });
            waitUntil([&] { return read; }, std::chrono::seconds(20));
        }
        // Sign out, and wait until the keychain item is gone.
        bool keychainEmptied = false;
        if (flowOk) {
            app->signIn()->signOut();
            waitUntil(
                [&] {
                    bool done = false;
                    store.read(
                        account->keychainKey(), &store, [&](const keyturn::TokenStore::Result &result) {
                            keychainEmptied = result.status != keyturn::TokenStore::Status::Ok;
                            done = true;
                        });
                    waitUntil([&] { return done; }, std::chrono::seconds(20));
                    return keychainEmptied;
                },
                std::chrono::seconds(20));
        }
        app.reset(); // the whole object graph goes, flushing whatever it writes on the way out
        QSettings().sync();

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        ASSERT_TRUE(flowOk) << "sign-in or the device list did not complete";
        EXPECT_TRUE(actionSent) << "the FileVault rotation was not sent";
        EXPECT_EQ(secretsShown, 3) << "a FileVault key, BitLocker keys and a LAPS password were to be shown";
        EXPECT_TRUE(refreshed && !refreshedToken.isEmpty()) << "the forced refresh gave no token";
        EXPECT_TRUE(keychainEmptied) << "sign-out left the refresh token in the keychain";
    }

    // The secrets of this run, as the tenant saw them.
    const keyturn::demo::IssuedSecrets issued = tenant->issuedSecretsForTests();
    tenant.reset();
    // Access tokens minted for one user within the same second are identical (deterministic demo
    // JWTs), so the forced refresh shows as a second refresh token (each has a random id).
    EXPECT_GE(issued.accessTokens.size(), 1);
    EXPECT_GE(issued.refreshTokens.size(), 2) << "sign-in and the forced refresh each issue one";
    EXPECT_GE(issued.idTokens.size(), 1);
    EXPECT_GE(issued.authorizationCodes.size(), 1);
    EXPECT_GE(issued.codeVerifiers.size(), 1);
    EXPECT_GE(issued.codeChallenges.size(), 1);
    EXPECT_TRUE(issued.refreshTokens.contains(storedDuringRun))
        << "the keychain did not hold an issued refresh token during the run";
    {
        const QMutexLocker lock(&g_logMutex);
        EXPECT_GT(g_debugMessages, 0) << "debug logging was not on";
    }

    SecretScanner scanner;
    const auto addAll = [&scanner](const char *kind, const QStringList &values) {
        for (const QString &value : values)
            scanner.addSecret(QLatin1String(kind), value);
    };
    addAll("access token", issued.accessTokens);
    addAll("refresh token", issued.refreshTokens);
    addAll("id token", issued.idTokens);
    addAll("authorization code", issued.authorizationCodes);
    addAll("code verifier", issued.codeVerifiers);
    addAll("code challenge", issued.codeChallenges);
    addAll("device code", issued.deviceCodes);
    addAll("recovery key or password", issued.deviceSecrets);
    EXPECT_GE(issued.deviceSecrets.size(), 3);
    ASSERT_GT(scanner.needleCount(), 0);

    // The scanner itself finds a secret, whole or cut short in a log line.
    {
        SecretScanner control;
        control.addSecret(QStringLiteral("refresh token"), issued.refreshTokens.value(0));
        const QByteArray token = issued.refreshTokens.value(0).toUtf8();
        control.scanText(QStringLiteral("whole"), "token=" + token + "\n");
        control.scanText(
            QStringLiteral("tail"), "...=" + token.right(token.size() - token.lastIndexOf('.') - 1));
        const QList<keyturn::test::SecretHit> hits = control.hits();
        EXPECT_TRUE(
            std::any_of(hits.cbegin(), hits.cend(), [](const auto &h) { return h.where == u"whole"; }));
        EXPECT_TRUE(
            std::any_of(hits.cbegin(), hits.cend(), [](const auto &h) { return h.where == u"tail"; }));
    }

    // The gnome-keyring's own files hold the (encrypted) login keyring: the one place a refresh
    // token belongs. Everything else under the session's HOME and XDG folders is searched.
    const QString keyrings = QDir(scratch).filePath(QStringLiteral("data/keyrings"));
    const auto skipKeyrings
        = [keyrings](const QString &dir) { return QDir::cleanPath(dir) == QDir::cleanPath(keyrings); };
    scanner.scanTree(scratch, skipKeyrings);
    const QString settingsFile = QSettings().fileName();
    scanner.scanTree(settingsFile);
    scanner.scanTree(auditDir);
    scanner.scanTree(tempDir);
    const QString scratchRoot = QDir::cleanPath(QFileInfo(scratch).absoluteFilePath()) + QLatin1Char('/');
    for (const auto location : { QStandardPaths::AppDataLocation, QStandardPaths::AppLocalDataLocation,
             QStandardPaths::AppConfigLocation, QStandardPaths::CacheLocation,
             QStandardPaths::GenericCacheLocation, QStandardPaths::RuntimeLocation }) {
        const QString path = QStandardPaths::writableLocation(location);
        if (!path.isEmpty() && !QDir::cleanPath(path).startsWith(scratchRoot))
            scanner.scanTree(path, skipKeyrings);
    }
    // Files that appeared directly in the outer temporary folder during the run (not recursive:
    // it is shared with other processes and build trees).
    const QFileInfoList outer = QDir(outerTemp).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoSymLinks);
    for (const QFileInfo &file : outer) {
        if (file.lastModified().toUTC() >= started && file.ownerId() == ::getuid())
            scanner.scanFile(file.absoluteFilePath());
    }
    {
        const QMutexLocker lock(&g_logMutex);
        scanner.scanText(QStringLiteral("the captured Qt log"), g_log);
    }
    QFile stderrFile(stderrLog);
    ASSERT_TRUE(stderrFile.open(QIODevice::ReadOnly));
    scanner.scanText(QStringLiteral("stderr of the run"), stderrFile.readAll());

    const QStringList scanned = scanner.scannedFiles();
    std::cout << "[ hygiene  ] searched " << scanned.size() << " files and the log (" << g_log.count('\n')
              << " messages) for " << scanner.needleCount() << " secret fragments\n";
    EXPECT_TRUE(scanned.contains(settingsFile) || !QFileInfo::exists(settingsFile))
        << settingsFile.toStdString();
    EXPECT_TRUE(std::any_of(scanned.cbegin(), scanned.cend(), [&auditDir](const QString &f) {
        return f.startsWith(auditDir);
    })) << "the action wrote no audit file to search";
    EXPECT_TRUE(scanner.hits().isEmpty()) << "secrets found:\n" << scanner.report().toStdString();
    QSettings().clear();
}
