// TokenResponse: pure parsers for the Entra token and device code endpoints' JSON (WIRE.md).
// Success yields a TokenSet; anything else an AuthError with Entra's fields kept verbatim.
#pragma once

#include "auth/AuthError.h"

#include <QByteArray>
#include <QString>

namespace keyturn {

struct TokenSet {
    QString accessToken; ///< secret: memory only
    QString refreshToken; ///< secret: memory and the keychain only
    QString idToken;
    QString tokenType;
    QString scope;
    qint64 expiresInSecs = 0;
};

struct TokenResponse {
    TokenSet tokens; ///< valid when !error.isError()
    AuthError error;
    bool ok() const { return !error.isError(); }
};

/// Parses a token endpoint answer. expires_in may be a number or a string.
TokenResponse parseTokenResponse(int httpStatus, const QByteArray &body);

/// Parses an Entra error body ({"error","error_description","error_codes",...}) of any status.
/// Falls back to Server (5xx) or Protocol when the body is not an Entra error.
AuthError parseTokenError(int httpStatus, const QByteArray &body);

struct DeviceCodeResponse {
    QString userCode;
    QString deviceCode; ///< secret: memory only
    QString verificationUri;
    QString message;
    int expiresInSecs = 900;
    int intervalSecs = 5;
    AuthError error;
    bool ok() const { return !error.isError(); }
};

DeviceCodeResponse parseDeviceCodeResponse(int httpStatus, const QByteArray &body);

} // namespace keyturn
