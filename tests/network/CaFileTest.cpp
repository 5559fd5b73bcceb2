// --ca-file: which files are accepted, what a refused one says, and that the system's CAs stay
// trusted next to the added ones.
#include "HttpsTenant.h"

#include "core/CommandLine.h"
#include "core/TrustedCertificates.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>

using namespace keyturn;
using namespace keyturn::test;

namespace {

class CaFile : public NetworkTest { };

QString writeTemp(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

} // namespace

TEST_F(CaFile, CommandLineTakesTheFileAndDocumentsIt)
{
    const auto parsed = parseCommandLine(
        { QStringLiteral("keyturn"), QStringLiteral("--ca-file"), QStringLiteral("/etc/ssl/corp-ca.pem") });
    ASSERT_EQ(parsed.action, CommandLineResult::Action::Run) << parsed.text.toStdString();
    EXPECT_EQ(parsed.options.caFile, QStringLiteral("/etc/ssl/corp-ca.pem"));

    const auto empty = parseCommandLine({
        QStringLiteral("keyturn"),
        QStringLiteral("--ca-file="),
    });
    EXPECT_EQ(empty.action, CommandLineResult::Action::Error);

    const auto help = parseCommandLine({ QStringLiteral("keyturn"), QStringLiteral("--help") });
    EXPECT_TRUE(help.text.contains(QStringLiteral("--ca-file <FILE>"))) << help.text.toStdString();
}

TEST_F(CaFile, TheCaIsAddedAndTheSystemStoreStaysTrusted)
{
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QString error;
    ASSERT_TRUE(trustCaCertificatesFrom(runCertificates().caCertificate(), &error)) << error.toStdString();
    const QList<QSslCertificate> trusted = QSslConfiguration::defaultConfiguration().caCertificates();
    const QList<QSslCertificate> ours = QSslCertificate::fromPath(runCertificates().caCertificate());
    ASSERT_EQ(ours.size(), 1);
    EXPECT_TRUE(trusted.contains(ours.first()));
    for (const QSslCertificate &certificate : system)
        EXPECT_TRUE(trusted.contains(certificate)) << certificate.subjectDisplayName().toStdString();
}

TEST_F(CaFile, RefusedFilesSayWhichFileAndWhy)
{
    QTemporaryDir dir;
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QString error;

    const QString missing = dir.filePath(QStringLiteral("missing.pem"));
    EXPECT_FALSE(trustCaCertificatesFrom(missing, &error));
    EXPECT_TRUE(error.contains(missing)) << error.toStdString();
    EXPECT_TRUE(error.startsWith(QStringLiteral("Cannot read the CA file"))) << error.toStdString();

    const QString garbage = writeTemp(dir, "garbage.pem", "this is not a certificate\n");
    EXPECT_FALSE(trustCaCertificatesFrom(garbage, &error));
    EXPECT_TRUE(error.contains(garbage)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("no PEM certificate"))) << error.toStdString();

    // The server's own certificate is a common wrong pick: it is not a CA.
    EXPECT_FALSE(trustCaCertificatesFrom(runCertificates().server().certificate, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not a CA certificate"))) << error.toStdString();

    EXPECT_EQ(QSslConfiguration::defaultConfiguration().caCertificates(), before.caCertificates())
        << "a refused file changes nothing";
}

TEST_F(CaFile, DemoUserWithAnAuthorityUrlUsesThatTenantInsteadOfEmbeddingOne)
{
    const auto external = parseCommandLine(
        { QStringLiteral("keyturn"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk"),
            QStringLiteral("--authority-url"), QStringLiteral("https://127.0.0.1:8400") });
    ASSERT_EQ(external.action, CommandLineResult::Action::Run) << external.text.toStdString();
    EXPECT_FALSE(external.options.demo);
    EXPECT_EQ(external.options.demoUser, QStringLiteral("helpdesk"));

    const auto embedded = parseCommandLine(
        { QStringLiteral("keyturn"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk") });
    EXPECT_TRUE(embedded.options.demo);
}
