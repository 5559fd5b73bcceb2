#include "demo/TokenMinter.h"

#include "demo/DemoEncoding.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace keyturn::demo {

namespace {
QByteArray refreshPrefix()
{
    return "1.demo.";
}
} // namespace

TokenMinter::TokenMinter(const QByteArray &secret, const QString &keyTenantId)
    : m_key(hmacSha256(secret, "keyturn-demo-token-key:" + keyTenantId.toLatin1()))
    , m_opaqueKey(hmacSha256(secret, "keyturn-demo-opaque-key:" + keyTenantId.toLatin1()))
{ }

QByteArray TokenMinter::signJwt(const QByteArray &payloadJson) const
{
    const QByteArray signingInput
        = base64Url(R"({"alg":"HS256","typ":"JWT"})") + '.' + base64Url(payloadJson);
    return signingInput + '.' + base64Url(hmacSha256(m_key, signingInput));
}

QByteArray TokenMinter::mintAccessToken(
    const DemoUser &user, const QString &scopes, qint64 nowMs, int lifetimeSecs, bool cp1) const
{
    const qint64 now = nowMs / 1000;
    QJsonObject payload{
        { QStringLiteral("aud"), QString::fromLatin1(graphAudience()) },
        { QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(user.tenantId) },
        { QStringLiteral("iat"), now },
        { QStringLiteral("nbf"), now },
        { QStringLiteral("exp"), now + lifetimeSecs },
        { QStringLiteral("tid"), user.tenantId },
        { QStringLiteral("oid"), user.objectId },
        { QStringLiteral("upn"), user.upn },
        { QStringLiteral("preferred_username"), user.upn },
        { QStringLiteral("unique_name"), user.upn },
        { QStringLiteral("name"), user.displayName },
        { QStringLiteral("scp"), scopes },
        { QStringLiteral("ver"), QStringLiteral("1.0") },
    };
    if (cp1)
        payload.insert(QStringLiteral("xms_cc"), QJsonArray{ QStringLiteral("cp1") });
    return signJwt(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QByteArray TokenMinter::mintIdToken(
    const DemoUser &user, const QString &clientId, qint64 nowMs, int lifetimeSecs) const
{
    const qint64 now = nowMs / 1000;
    const QJsonObject payload{
        { QStringLiteral("aud"), clientId },
        { QStringLiteral("iss"),
            QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(user.tenantId) },
        { QStringLiteral("iat"), now },
        { QStringLiteral("nbf"), now },
        { QStringLiteral("exp"), now + lifetimeSecs },
        { QStringLiteral("tid"), user.tenantId },
        { QStringLiteral("oid"), user.objectId },
        { QStringLiteral("sub"), user.objectId },
        { QStringLiteral("preferred_username"), user.upn },
        { QStringLiteral("name"), user.displayName },
        { QStringLiteral("ver"), QStringLiteral("2.0") },
    };
    return signJwt(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QByteArray TokenMinter::mintRefreshToken(
    const DemoUser &user, const QString &clientId, qint64 nowMs, bool cp1) const
{
    QByteArray tokenId(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(tokenId.data()), 4);
    QJsonObject payload{
        { QStringLiteral("u"), user.key },
        { QStringLiteral("t"), user.tenantId },
        { QStringLiteral("c"), clientId },
        { QStringLiteral("j"), QString::fromLatin1(tokenId.toHex()) },
        { QStringLiteral("i"), QString::number(nowMs) },
    };
    if (cp1)
        payload.insert(QStringLiteral("cc"), QStringLiteral("cp1"));
    const QByteArray body = base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return refreshPrefix() + body + '.' + base64Url(hmacSha256(m_key, "refresh:" + body));
}

AccessTokenCheck TokenMinter::verifyAccessToken(const QByteArray &token, qint64 nowMs) const
{
    AccessTokenCheck check;
    if (token.isEmpty())
        return check;
    check.result = AccessTokenCheck::Result::Malformed;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return check;
    bool ok = false;
    const QByteArray signature = fromBase64Url(parts[2], &ok);
    if (!ok)
        return check;
    const QByteArray payloadJson = fromBase64Url(parts[1], &ok);
    if (!ok)
        return check;
    const QJsonObject payload = QJsonDocument::fromJson(payloadJson).object();
    if (payload.isEmpty())
        return check;
    if (!equalConstantTime(signature, hmacSha256(m_key, parts[0] + '.' + parts[1]))) {
        check.result = AccessTokenCheck::Result::BadSignature;
        return check;
    }
    if (payload.value(QStringLiteral("aud")).toString() != QString::fromLatin1(graphAudience())) {
        check.result = AccessTokenCheck::Result::WrongAudience;
        return check;
    }
    const auto exp = static_cast<qint64>(payload.value(QStringLiteral("exp")).toDouble());
    if (exp * 1000 <= nowMs) {
        check.result = AccessTokenCheck::Result::Expired;
        return check;
    }
    check.result = AccessTokenCheck::Result::Valid;
    check.userKey = payload.value(QStringLiteral("upn")).toString();
    check.tenantId = payload.value(QStringLiteral("tid")).toString();
    check.scopes = payload.value(QStringLiteral("scp")).toString();
    check.issuedAtSecs = static_cast<qint64>(payload.value(QStringLiteral("iat")).toDouble());
    check.cp1 = payload.value(QStringLiteral("xms_cc")).toArray().contains(QStringLiteral("cp1"));
    return check;
}

std::optional<RefreshTokenClaims> TokenMinter::verifyRefreshToken(const QByteArray &token) const
{
    if (!token.startsWith(refreshPrefix()))
        return std::nullopt;
    const QList<QByteArray> parts = token.mid(refreshPrefix().size()).split('.');
    if (parts.size() != 2)
        return std::nullopt;
    bool ok = false;
    const QByteArray signature = fromBase64Url(parts[1], &ok);
    if (!ok || !equalConstantTime(signature, hmacSha256(m_key, "refresh:" + parts[0])))
        return std::nullopt;
    const QJsonObject payload = QJsonDocument::fromJson(fromBase64Url(parts[0])).object();
    RefreshTokenClaims claims;
    claims.userKey = payload.value(QStringLiteral("u")).toString();
    claims.tenantId = payload.value(QStringLiteral("t")).toString();
    claims.clientId = payload.value(QStringLiteral("c")).toString();
    claims.tokenId = payload.value(QStringLiteral("j")).toString().toLatin1();
    claims.issuedMs = payload.value(QStringLiteral("i")).toString().toLongLong();
    claims.cp1 = payload.value(QStringLiteral("cc")).toString() == u"cp1";
    if (claims.userKey.isEmpty() || claims.tokenId.isEmpty())
        return std::nullopt;
    return claims;
}

QByteArray TokenMinter::signOpaque(const QByteArray &data) const
{
    return hmacSha256(m_opaqueKey, data);
}

} // namespace keyturn::demo
