// TrustedCertificates: --ca-file. Adds an organization's CA certificates (PEM) to the trust every
// HTTPS request of this process starts from (Graph, sign-in, token endpoints), on top of the
// system's CA store. Certificate errors are never ignored: this is the only way to widen trust.
#pragma once

#include <QList>
#include <QString>

class QSslCertificate;

namespace keyturn {

/// Reads every PEM certificate in file. Empty with a message naming the file and the problem
/// (missing, unreadable, no PEM certificate, a certificate that is not a CA) in *error.
QList<QSslCertificate> readCaCertificates(const QString &file, QString *error);

/// readCaCertificates(), then makes QSslConfiguration's process-wide default trust the system CAs
/// plus these. Call once at start-up, before any request. False with *error when the file is refused.
bool trustCaCertificatesFrom(const QString &file, QString *error);

} // namespace keyturn
