// TlsErrorText: the one sentence a user sees when a secure connection fails, naming the host and
// the problem ("The certificate of 127.0.0.1 is not trusted: ..."). Graph and sign-in requests
// call watchTlsErrors() on each reply; tlsFailureText() then explains a failed handshake.
#pragma once

#include <QList>
#include <QString>

class QNetworkReply;
class QSslError;

namespace keyturn {

/// Call right after QNetworkAccessManager::get/post: keeps the reply's certificate errors (stored
/// on the reply itself) so tlsFailureText() can name them. Never ignores any of them.
void watchTlsErrors(QNetworkReply *reply);

/// For a finished reply whose TLS handshake failed: the user-facing sentence (translated). Empty
/// when the reply did not fail on TLS.
QString tlsFailureText(const QNetworkReply *reply);

/// The sentence itself: the kind of problem from errors (untrusted, expired, wrong host...), each
/// distinct QSslError text, and for an untrusted certificate a pointer to --ca-file. fallback is
/// the network error text used when errors is empty (a handshake failing without a certificate
/// verdict, e.g. no common protocol).
QString tlsErrorText(const QString &host, const QList<QSslError> &errors, const QString &fallback = {});

} // namespace keyturn
