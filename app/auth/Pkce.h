// Pkce: RFC 7636 code verifier and S256 challenge, and the OAuth state value. Pure functions over
// the system CSPRNG; the values are secrets and must never be logged.
#pragma once

#include <QByteArray>
#include <QString>

namespace keyturn {

struct PkcePair {
    QString verifier; ///< 43 base64url characters (32 random bytes)
    QString challenge; ///< BASE64URL(SHA256(verifier)), no padding
};

/// base64url without padding, as RFC 7636 and JWT use it.
QString base64UrlEncode(const QByteArray &bytes);
/// Verifier for given octets (RFC 7636 appendix B); production uses 32 random bytes.
QString pkceVerifierFromBytes(const QByteArray &octets);
QString pkceS256Challenge(const QString &verifier);
PkcePair generatePkce();
/// 32 random bytes, base64url: the anti-forgery state of one authorize request.
QString generateOAuthState();

} // namespace keyturn
