#include "core/TlsErrorText.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QVariant>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace keyturn {

namespace {

constexpr char kErrorsProperty[] = "keyturnTlsErrors";

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

#if QT_CONFIG(ssl)
enum class Problem { Untrusted, Expired, WrongHost, Other };

Problem classify(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
    case QSslError::InvalidCaCertificate:
    case QSslError::CertificateSignatureFailed:
        return Problem::Untrusted;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        return Problem::Expired;
    case QSslError::HostNameMismatch:
        return Problem::WrongHost;
    default:
        return Problem::Other;
    }
}
#endif

} // namespace

void watchTlsErrors(QNetworkReply *reply)
{
#if QT_CONFIG(ssl)
    // Context is the reply: the connection lives exactly as long as what it records into.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        auto seen = reply->property(kErrorsProperty).value<QList<QSslError>>();
        seen << errors;
        reply->setProperty(kErrorsProperty, QVariant::fromValue(seen));
    });
#else
    Q_UNUSED(reply)
#endif
}

QString tlsFailureText(const QNetworkReply *reply)
{
    if (!reply || reply->error() != QNetworkReply::SslHandshakeFailedError)
        return {};
    QList<QSslError> errors;
#if QT_CONFIG(ssl)
    errors = reply->property(kErrorsProperty).value<QList<QSslError>>();
#endif
    return tlsErrorText(reply->url().host(), errors, reply->errorString());
}

QString tlsErrorText(const QString &host, const QList<QSslError> &errors, const QString &fallback)
{
#if QT_CONFIG(ssl)
    QStringList texts;
    bool untrusted = false, expired = false, wrongHost = false;
    for (const QSslError &error : errors) {
        if (!texts.contains(error.errorString()))
            texts << error.errorString();
        switch (classify(error.error())) {
        case Problem::Untrusted:
            untrusted = true;
            break;
        case Problem::Expired:
            expired = true;
            break;
        case Problem::WrongHost:
            wrongHost = true;
            break;
        case Problem::Other:
            break;
        }
    }
    const QString problem = texts.isEmpty() ? fallback : texts.join(QStringLiteral("; "));
    if (untrusted)
        return tr("The certificate of %1 is not trusted: %2. If your network inspects TLS, start Keyturn "
                  "with --ca-file and your organization's CA certificate.")
            .arg(host, problem);
    if (expired)
        return tr("The certificate of %1 is not valid at this time: %2.").arg(host, problem);
    if (wrongHost)
        return tr("The certificate presented by %1 is for a different host: %2.").arg(host, problem);
    return tr("The secure connection to %1 failed: %2.").arg(host, problem);
#else
    Q_UNUSED(errors)
    return tr("The secure connection to %1 failed: %2.").arg(host, fallback);
#endif
}

} // namespace keyturn
