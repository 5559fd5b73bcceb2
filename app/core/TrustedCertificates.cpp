#include "core/TrustedCertificates.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#endif

namespace keyturn {

namespace {

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

#if QT_CONFIG(ssl)
// A leaf certificate in a CA file is a common mistake (exporting the server's certificate instead
// of the issuing CA); OpenSSL would ignore it as an anchor, so say so instead of failing later.
bool isCaCertificate(const QSslCertificate &certificate)
{
    for (const QSslCertificateExtension &extension : certificate.extensions()) {
        if (extension.oid() == QLatin1String("2.5.29.19")) // basicConstraints
            return extension.value().toMap().value(QStringLiteral("ca")).toBool();
    }
    return certificate.isSelfSigned(); // an old v1 root has no extensions
}
#endif

} // namespace

QList<QSslCertificate> readCaCertificates(const QString &file, QString *error)
{
    QString problem;
    QList<QSslCertificate> certificates;
#if QT_CONFIG(ssl)
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        problem = tr("Cannot read the CA file %1: %2").arg(file, input.errorString());
    } else {
        certificates = QSslCertificate::fromData(input.readAll(), QSsl::Pem);
        certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
        if (certificates.isEmpty()) {
            problem
                = tr("The CA file %1 holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\").").arg(file);
        } else {
            for (const QSslCertificate &certificate : std::as_const(certificates)) {
                if (!isCaCertificate(certificate)) {
                    problem
                        = tr("The CA file %1 holds a certificate that is not a CA certificate (%2): use the "
                             "certificate of the authority that issued it.")
                              .arg(file, certificate.subjectDisplayName());
                    break;
                }
            }
        }
    }
#else
    problem = tr("This build of Keyturn has no TLS support, so it cannot use the CA file %1.").arg(file);
#endif
    if (!problem.isEmpty()) {
        certificates.clear();
        if (error)
            *error = problem;
    }
    return certificates;
}

bool trustCaCertificatesFrom(const QString &file, QString *error)
{
    const QList<QSslCertificate> extra = readCaCertificates(file, error);
    if (extra.isEmpty())
        return false;
#if QT_CONFIG(ssl)
    // setCaCertificates() replaces the on-demand system store, so the system CAs are listed too:
    // --ca-file adds trust, it never takes the public CAs away.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> trusted = QSslConfiguration::systemCaCertificates();
    trusted += extra;
    configuration.setCaCertificates(trusted);
    QSslConfiguration::setDefaultConfiguration(configuration);
    qCInfo(lcApp).noquote() << "Trusting" << extra.size() << "extra CA certificate(s) from" << file;
#endif
    return true;
}

} // namespace keyturn
