#include "TestCertificates.h"

#include "common/TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QStandardPaths>

namespace keyturn::test {

namespace {

const QStringList kEcKey = { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };

QString asn1Time(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

TestCertificates::TestCertificates()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed (packaging/install-deps.sh adds it)");
        return;
    }
    const auto path = [this](const char *name) { return m_dir.filePath(QLatin1String(name)); };
    // `openssl ca` keeps a tiny database; any start and end date can be given to it.
    const QByteArray config = "[ ca ]\ndefault_ca = test_ca\n[ test_ca ]\n"
                              "database = "
        + path("index.txt").toUtf8() + "\nnew_certs_dir = " + m_dir.path().toUtf8()
        + "\nserial = " + path("serial").toUtf8()
        + "\ndefault_md = sha256\npolicy = any_name\nunique_subject = no\n"
          "[ any_name ]\ncommonName = supplied\n";
    if (!writeFile(path("ca.cnf"), config) || !writeFile(path("index.txt"), {})
        || !writeFile(path("serial"), "1000\n")) {
        m_error = QStringLiteral("cannot write the openssl CA configuration");
        return;
    }

    m_ca = { path("ca.pem"), path("ca.key") };
    const QString now = asn1Time(QDateTime::currentDateTimeUtc().addSecs(-3600));
    const QString tomorrow = asn1Time(QDateTime::currentDateTimeUtc().addDays(2));
    const bool made
        = run(QStringList{ QStringLiteral("req"), QStringLiteral("-x509") } + kEcKey
              + QStringList{ QStringLiteral("-keyout"), m_ca.key, QStringLiteral("-out"), m_ca.certificate,
                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                  QStringLiteral("/CN=Keyturn Test CA"), QStringLiteral("-addext"),
                  QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                  QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") })
        && makeSigned(QStringLiteral("server"),
            QStringLiteral("IP:127.0.0.1,DNS:localhost,DNS:*.keyturn.test"), now, tomorrow, &m_server)
        && makeSigned(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1,DNS:localhost"),
            QStringLiteral("20200101000000Z"), QStringLiteral("20200102000000Z"), &m_expired)
        && makeSigned(
            QStringLiteral("wronghost"), QStringLiteral("DNS:keyturn.invalid"), now, tomorrow, &m_wrongHost);
    if (!made)
        return;
    m_selfSigned = { path("selfsigned.pem"), path("selfsigned.key") };
    run(QStringList{ QStringLiteral("req"), QStringLiteral("-x509") } + kEcKey
        + QStringList{ QStringLiteral("-keyout"), m_selfSigned.key, QStringLiteral("-out"),
            m_selfSigned.certificate, QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=Someone Else's Server"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") });
}

bool TestCertificates::run(const QStringList &arguments)
{
    const ProcessResult result = runProcess(QStringLiteral("openssl"), arguments);
    if (result.exitCode != 0) {
        m_error = QStringLiteral("openssl %1 failed (%2): %3")
                      .arg(arguments.join(QLatin1Char(' ')))
                      .arg(result.exitCode)
                      .arg(result.standardError);
        return false;
    }
    return true;
}

bool TestCertificates::makeSigned(const QString &name, const QString &subjectAltName,
    const QString &startDate, const QString &endDate, CertificatePair *out)
{
    const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
    const QString extensions = m_dir.filePath(name + QStringLiteral(".ext"));
    *out = { m_dir.filePath(name + QStringLiteral(".pem")), m_dir.filePath(name + QStringLiteral(".key")) };
    const QByteArray ext = "subjectAltName=" + subjectAltName.toLatin1()
        + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";
    if (!writeFile(extensions, ext)) {
        m_error = QStringLiteral("cannot write %1").arg(extensions);
        return false;
    }
    const QString commonName = subjectAltName.section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), 1);
    return run(QStringList{ QStringLiteral("req") } + kEcKey
               + QStringList{ QStringLiteral("-keyout"), out->key, QStringLiteral("-out"), csr,
                   QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName })
        && run({ QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
            QStringLiteral("-config"), m_dir.filePath(QStringLiteral("ca.cnf")), QStringLiteral("-cert"),
            m_ca.certificate, QStringLiteral("-keyfile"), m_ca.key, QStringLiteral("-in"), csr,
            QStringLiteral("-out"), out->certificate, QStringLiteral("-startdate"), startDate,
            QStringLiteral("-enddate"), endDate, QStringLiteral("-extfile"), extensions });
}

} // namespace keyturn::test
