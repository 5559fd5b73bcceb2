// The executables as a user runs them, over https: keyturn-demo-tenant serving https with the
// run's certificates, and keyturn refusing its certificate (exit code and stderr naming the host
// and the problem) until --ca-file names the CA that issued it. A --ca-file that cannot be used
// is refused at start with the reason and exit code 2.
#include "HttpsTenant.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>

using namespace keyturn::test;
using namespace std::chrono_literals;

namespace {

const QString kKeyturn = QStringLiteral(KEYTURN_EXE);
const QString kDemoTenant = QStringLiteral(KEYTURN_DEMO_TENANT_EXE);

/// A keyturn-demo-tenant process; stopped (killed) when destroyed.
struct TenantProcess {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QUrl url; ///< from the first stdout line
    QString firstLine;

    bool start(const QStringList &arguments)
    {
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(kDemoTenant, arguments);
        if (!process->waitForStarted(5000))
            return false;
        waitUntil([&] { return process->canReadLine() || process->state() == QProcess::NotRunning; }, 10s);
        firstLine = QString::fromUtf8(process->readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening on (\\S+)$")).match(firstLine);
        if (match.hasMatch())
            url = QUrl(match.captured(1));
        return url.isValid();
    }
    ~TenantProcess()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

/// keyturn with its own settings, data and cache directories (the keychain is the session's).
ProcessResult runKeyturn(const QStringList &arguments, const QTemporaryDir &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(kKeyturn, arguments);
    ProcessResult result;
    if (!process.waitForFinished(90'000)) {
        process.kill();
        process.waitForFinished();
        result.standardError = QStringLiteral("keyturn did not finish within 90 s");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.standardError = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

QStringList httpsTenantArguments(const CertificatePair &pair)
{
    return { QStringLiteral("--tls-cert"), pair.certificate, QStringLiteral("--tls-key"), pair.key,
        QStringLiteral("--devices"), QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("7"),
        QStringLiteral("--auto-approve"), QStringLiteral("helpdesk") };
}

class KeyturnOverHttps : public NetworkTest { };

} // namespace

TEST_F(KeyturnOverHttps, DemoTenantToolServesHttpsAndSaysSo)
{
    TenantProcess tenant;
    ASSERT_TRUE(tenant.start(httpsTenantArguments(runCertificates().server())))
        << tenant.firstLine.toStdString();
    EXPECT_TRUE(tenant.firstLine.startsWith(QStringLiteral("listening on https://127.0.0.1:")))
        << tenant.firstLine.toStdString();

    const auto halfConfigured
        = runProcess(kDemoTenant, { QStringLiteral("--tls-cert"), runCertificates().server().certificate });
    EXPECT_EQ(halfConfigured.exitCode, 2);
    EXPECT_TRUE(halfConfigured.standardError.contains(QStringLiteral("--tls-key")))
        << halfConfigured.standardError.toStdString();

    const auto wrongKey = runProcess(kDemoTenant,
        { QStringLiteral("--tls-cert"), runCertificates().server().certificate, QStringLiteral("--tls-key"),
            runCertificates().caCertificate() });
    EXPECT_EQ(wrongKey.exitCode, 1);
    EXPECT_TRUE(wrongKey.standardError.contains(runCertificates().caCertificate()))
        << wrongKey.standardError.toStdString();
}

TEST_F(KeyturnOverHttps, WithoutCaFileTheCertificateIsRefusedNamingHostAndProblem)
{
    // Sign-in over loopback http (allowed for a local demo tenant); Graph over https with a
    // certificate from a CA nobody trusts. Same seed, so each tenant accepts the other's tokens.
    TenantProcess identity;
    ASSERT_TRUE(identity.start({ QStringLiteral("--seed"), QStringLiteral("7"),
        QStringLiteral("--auto-approve"), QStringLiteral("helpdesk") }))
        << identity.firstLine.toStdString();
    TenantProcess graph;
    ASSERT_TRUE(graph.start(httpsTenantArguments(runCertificates().server())))
        << graph.firstLine.toStdString();

    QTemporaryDir home;
    const QString picture = home.filePath(QStringLiteral("list.png"));
    const auto run = runKeyturn(
        { QStringLiteral("--demo-user"), QStringLiteral("helpdesk"), QStringLiteral("--authority-url"),
            identity.url.toString(), QStringLiteral("--graph-url"), graph.url.toString(),
            QStringLiteral("--screenshot"), picture },
        home);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.standardError.contains(QStringLiteral("The certificate of 127.0.0.1 is not trusted")))
        << run.standardError.toStdString();
    EXPECT_TRUE(run.standardError.contains(QStringLiteral("--ca-file"))) << run.standardError.toStdString();
    EXPECT_FALSE(QFile::exists(picture));
}

TEST_F(KeyturnOverHttps, WithCaFileSignInAndTheDeviceListWorkOverHttps)
{
    TenantProcess tenant;
    ASSERT_TRUE(tenant.start(httpsTenantArguments(runCertificates().server())))
        << tenant.firstLine.toStdString();

    QTemporaryDir home;
    const QString picture = home.filePath(QStringLiteral("list.png"));
    const auto run = runKeyturn(
        { QStringLiteral("--ca-file"), runCertificates().caCertificate(), QStringLiteral("--demo-user"),
            QStringLiteral("helpdesk"), QStringLiteral("--authority-url"), tenant.url.toString(),
            QStringLiteral("--graph-url"), tenant.url.toString(), QStringLiteral("--screenshot"), picture },
        home);
    ASSERT_EQ(run.exitCode, 0) << run.standardError.toStdString();
    const QImage image(picture);
    EXPECT_GE(image.width(), 700); // 90 % of the offscreen 800x600 screen
    EXPECT_GE(image.height(), 500);
}

TEST_F(KeyturnOverHttps, MissingOrNonPemCaFileExitsWithTheReason)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("corp-ca.pem"));
    const auto run = runKeyturn({ QStringLiteral("--ca-file"), missing }, dir);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.standardError.contains(missing)) << run.standardError.toStdString();

    const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("MIIB not really a certificate");
    file.close();
    const auto bad = runKeyturn({ QStringLiteral("--ca-file"), garbage }, dir);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.standardError.contains(QStringLiteral("no PEM certificate")))
        << bad.standardError.toStdString();

    const auto help = runProcess(kKeyturn, { QStringLiteral("--help") });
    EXPECT_TRUE(help.standardOutput.contains(QStringLiteral("--ca-file")))
        << help.standardOutput.toStdString();
}
