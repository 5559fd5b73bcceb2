// TestCertificates: certificates made for one test run with the openssl command line, in a
// temporary directory that lives as long as the object. A test CA signs the server certificates;
// one unrelated self-signed certificate stands for "someone else's server". All keys are EC P-256
// and unencrypted. Nothing here is ever trusted unless a test adds the CA on purpose.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace keyturn::test {

struct CertificatePair {
    QString certificate; ///< PEM file
    QString key; ///< PEM file
};

class TestCertificates {
public:
    /// Generates everything now (a few tens of milliseconds). Check ok() before use.
    TestCertificates();

    bool ok() const { return m_error.isEmpty(); }
    /// Why generation failed (openssl missing or refusing), with its output.
    QString error() const { return m_error; }

    /// The test CA certificate (PEM): the file a user would pass to --ca-file.
    QString caCertificate() const { return m_ca.certificate; }
    /// For 127.0.0.1, localhost and *.keyturn.test (names that never resolve: only a proxy reaches
    /// them), signed by the CA, valid now.
    CertificatePair server() const { return m_server; }
    /// Self-signed for 127.0.0.1 and localhost; not issued by the CA.
    CertificatePair selfSigned() const { return m_selfSigned; }
    /// Signed by the CA for 127.0.0.1, but expired in 2020.
    CertificatePair expired() const { return m_expired; }
    /// Signed by the CA, valid now, but for keyturn.invalid only.
    CertificatePair wrongHost() const { return m_wrongHost; }

    QString directory() const { return m_dir.path(); }

private:
    bool run(const QStringList &arguments);
    bool makeSigned(const QString &name, const QString &subjectAltName, const QString &startDate,
        const QString &endDate, CertificatePair *out);

    QTemporaryDir m_dir;
    QString m_error;
    CertificatePair m_ca, m_server, m_selfSigned, m_expired, m_wrongHost;
};

} // namespace keyturn::test
