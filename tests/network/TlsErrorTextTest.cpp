// The sentence for a failed TLS handshake, one kind of problem at a time.
#include "core/TlsErrorText.h"

#include <gtest/gtest.h>

#include <QSslError>

using keyturn::tlsErrorText;

TEST(TlsErrorText, NamesTheHostAndTheKindOfProblem)
{
    const QString host = QStringLiteral("graph.microsoft.com");
    const QString untrusted = tlsErrorText(host, { QSslError(QSslError::SelfSignedCertificateInChain) });
    EXPECT_TRUE(
        untrusted.startsWith(QStringLiteral("The certificate of graph.microsoft.com is not trusted: ")))
        << untrusted.toStdString();
    EXPECT_TRUE(untrusted.contains(QSslError(QSslError::SelfSignedCertificateInChain).errorString()));
    EXPECT_TRUE(untrusted.contains(QStringLiteral("--ca-file")));

    const QString expired = tlsErrorText(host, { QSslError(QSslError::CertificateExpired) });
    EXPECT_TRUE(expired.startsWith(
        QStringLiteral("The certificate of graph.microsoft.com is not valid at this time")))
        << expired.toStdString();
    EXPECT_FALSE(expired.contains(QStringLiteral("--ca-file"))) << "trusting another CA would not help";

    const QString wrongHost = tlsErrorText(host, { QSslError(QSslError::HostNameMismatch) });
    EXPECT_TRUE(wrongHost.contains(QStringLiteral("is for a different host"))) << wrongHost.toStdString();

    // Several errors: untrusted wins (it is what --ca-file fixes), each text listed once.
    const QString both = tlsErrorText(host,
        { QSslError(QSslError::CertificateExpired), QSslError(QSslError::UnableToGetLocalIssuerCertificate),
            QSslError(QSslError::CertificateExpired) });
    EXPECT_TRUE(both.contains(QStringLiteral("is not trusted")));
    EXPECT_EQ(both.count(QSslError(QSslError::CertificateExpired).errorString()), 1);

    // No certificate verdict (no common protocol, cut off mid-handshake): the network's own text.
    const QString other = tlsErrorText(host, {}, QStringLiteral("SSL handshake failed"));
    EXPECT_EQ(
        other, QStringLiteral("The secure connection to graph.microsoft.com failed: SSL handshake failed."));
}
