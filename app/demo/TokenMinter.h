// TokenMinter: signs and verifies the demo's tokens with HMAC keys derived from the demo's secret
// (random, or kept in a private file: see DemoSecret; never from the seed), so tokens survive a
// restart only with the same secret. One key signs for every tenant, as Entra's keys do; a token
// names its tenant in tid (the user's home tenant). Access/id tokens are HS256 JWTs; refresh tokens
// are self-validating (user, tenant, client, unique id, issue time). Immutable after construction,
// so one instance may be read from any thread.
#pragma once

#include "demo/DemoDirectory.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyturn::demo {

struct AccessTokenCheck {
    enum class Result { Valid, Empty, Malformed, BadSignature, Expired, WrongAudience };
    Result result = Result::Empty;
    QString userKey; ///< the upn claim
    QString tenantId; ///< the tid claim
    QString scopes; ///< the scp claim
    qint64 issuedAtSecs = 0; ///< the iat claim
    bool cp1 = false; ///< the client declared the cp1 capability (xms_cc claim)
};

struct RefreshTokenClaims {
    QString userKey;
    QString tenantId;
    QString clientId;
    QByteArray tokenId;
    qint64 issuedMs = 0;
    bool cp1 = false; ///< tokens redeemed with it keep the cp1 capability
};

class TokenMinter {
public:
    /// keyTenantId: the first tenant's id, mixed into the key derivation.
    TokenMinter(const QByteArray &secret, const QString &keyTenantId);

    static QByteArray graphAudience() { return "https://graph.microsoft.com"; }

    /// An access token for Graph issued at nowMs, valid for lifetimeSecs (negative: already expired),
    /// whose scp claim is scopes (space-separated short names); cp1: it carries xms_cc ["cp1"] (the
    /// client can answer claims challenges).
    QByteArray mintAccessToken(
        const DemoUser &user, const QString &scopes, qint64 nowMs, int lifetimeSecs, bool cp1 = false) const;
    QByteArray mintIdToken(
        const DemoUser &user, const QString &clientId, qint64 nowMs, int lifetimeSecs) const;
    QByteArray mintRefreshToken(
        const DemoUser &user, const QString &clientId, qint64 nowMs, bool cp1 = false) const;

    AccessTokenCheck verifyAccessToken(const QByteArray &token, qint64 nowMs) const;
    /// The claims of a refresh token with a valid signature; nullopt when forged or malformed.
    std::optional<RefreshTokenClaims> verifyRefreshToken(const QByteArray &token) const;

    /// Signs arbitrary data (skip tokens, FileVault keys) with a key distinct from the token key.
    QByteArray signOpaque(const QByteArray &data) const;

private:
    QByteArray signJwt(const QByteArray &payloadJson) const;
    QByteArray m_key;
    QByteArray m_opaqueKey;
};

} // namespace keyturn::demo
