// HttpSignIn: gets an access token from a demo tenant over HTTP, as a client would: the
// authorization-code flow with PKCE (authorize -> 302 with code -> POST /token), synchronously.
#pragma once

#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace keyturn::bench {

/// The access token for demo user `user`; empty with *error set on failure. Never logs the token.
QString signInOverHttp(
    QNetworkAccessManager &nam, const QUrl &tenantRoot, const QString &user, QString *error);

} // namespace keyturn::bench
