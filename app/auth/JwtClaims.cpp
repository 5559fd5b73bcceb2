#include "auth/JwtClaims.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace keyturn {

std::optional<JwtClaims> decodeJwtClaims(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    JwtClaims claims;
    claims.tenantId = o.value(QLatin1String("tid")).toString();
    claims.objectId = o.value(QLatin1String("oid")).toString();
    claims.upn = o.value(QLatin1String("upn")).toString();
    if (claims.upn.isEmpty())
        claims.upn = o.value(QLatin1String("preferred_username")).toString();
    claims.name = o.value(QLatin1String("name")).toString();
    claims.scopes = o.value(QLatin1String("scp")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QJsonValue exp = o.value(QLatin1String("exp"));
    if (exp.isString()) {
        claims.expiresAt = exp.toString().toLongLong();
    } else if (std::abs(exp.toDouble()) < 9.0e18) {
        // Guarded: casting an out-of-range double (1e300) is undefined; such an exp counts as absent.
        claims.expiresAt = static_cast<qint64>(exp.toDouble());
    }
    return claims;
}

} // namespace keyturn
