#include "demo/DemoTls.h"

#if QT_CONFIG(ssl)

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace keyturn::demo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::demo::DemoTls", text);
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

QSslKey parseKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

std::optional<QSslConfiguration> loadServerTlsConfiguration(
    const QString &certificateFile, const QString &keyFile, QString *error)
{
    QString problem;
    if (certificateFile.isEmpty() || keyFile.isEmpty())
        problem = tr("https needs both a certificate and a private key file");
    else if (!QSslSocket::supportsSsl())
        problem = tr("this Qt has no working TLS backend (%1)").arg(QSslSocket::sslLibraryVersionString());

    QByteArray certificatePem, keyPem;
    if (problem.isEmpty() && readFile(certificateFile, &certificatePem, &problem)
        && readFile(keyFile, &keyPem, &problem)) {
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
        const QSslKey key = parseKey(keyPem);
        if (chain.isEmpty() || chain.first().isNull())
            problem = tr("%1 holds no PEM certificate").arg(certificateFile);
        else if (key.isNull())
            problem = tr("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile);
        else {
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setLocalCertificateChain(chain);
            configuration.setPrivateKey(key);
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
            return configuration;
        }
    }
    if (error)
        *error = problem;
    return std::nullopt;
}

} // namespace keyturn::demo

#endif
