#include "auth/TokenResponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace keyturn {

namespace {

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

/// A number or a numeric string; nullopt when absent or not a number.
std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (value.isDouble()) {
        // Casting an out-of-range double is undefined behaviour: such a value is no number we use.
        const double d = value.toDouble();
        if (!(std::abs(d) < 9.0e18))
            return std::nullopt;
        return static_cast<qint64>(d);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

AuthError::Kind kindForEntraError(const QString &error)
{
    if (error == QLatin1String("invalid_grant"))
        return AuthError::Kind::InvalidGrant;
    if (error == QLatin1String("interaction_required") || error == QLatin1String("consent_required")
        || error == QLatin1String("login_required"))
        return AuthError::Kind::InteractionRequired;
    if (error == QLatin1String("access_denied") || error == QLatin1String("authorization_declined"))
        return AuthError::Kind::Denied;
    if (error == QLatin1String("expired_token"))
        return AuthError::Kind::Timeout;
    return AuthError::Kind::Server;
}

AuthError protocolError(int httpStatus, const QString &what)
{
    AuthError e = AuthError::make(AuthError::Kind::Protocol, what);
    e.httpStatus = httpStatus;
    return e;
}

} // namespace

AuthError parseTokenError(int httpStatus, const QByteArray &body)
{
    const auto object = jsonObject(body);
    if (!object || !object->value(QLatin1String("error")).isString()) {
        if (httpStatus >= 500 || httpStatus == 429) {
            AuthError e = AuthError::make(AuthError::Kind::Server);
            e.httpStatus = httpStatus;
            return e;
        }
        return protocolError(httpStatus,
            tr("The sign-in service answered HTTP %1 without an error "
               "description.")
                .arg(httpStatus));
    }
    AuthError e;
    e.httpStatus = httpStatus;
    e.error = object->value(QLatin1String("error")).toString();
    e.kind = kindForEntraError(e.error);
    if (e.kind == AuthError::Kind::Server && httpStatus == 0)
        e.httpStatus = 400;
    e.description = object->value(QLatin1String("error_description")).toString();
    const QJsonValue codes = object->value(QLatin1String("error_codes"));
    for (const QJsonValue &code : codes.toArray()) {
        if (const auto n = integerValue(code))
            e.errorCodes.append(static_cast<int>(*n));
    }
    e.correlationId = object->value(QLatin1String("correlation_id")).toString();
    e.traceId = object->value(QLatin1String("trace_id")).toString();
    e.timestamp = object->value(QLatin1String("timestamp")).toString();
    return e;
}

TokenResponse parseTokenResponse(int httpStatus, const QByteArray &body)
{
    TokenResponse response;
    if (httpStatus != 200) {
        response.error = parseTokenError(httpStatus, body);
        return response;
    }
    const auto object = jsonObject(body);
    if (!object) {
        response.error = protocolError(httpStatus, tr("The token answer is not valid JSON."));
        return response;
    }
    if (object->contains(QLatin1String("error"))) {
        response.error = parseTokenError(httpStatus, body);
        return response;
    }
    TokenSet &t = response.tokens;
    t.accessToken = object->value(QLatin1String("access_token")).toString();
    t.refreshToken = object->value(QLatin1String("refresh_token")).toString();
    t.idToken = object->value(QLatin1String("id_token")).toString();
    t.tokenType = object->value(QLatin1String("token_type")).toString();
    t.scope = object->value(QLatin1String("scope")).toString();
    if (t.accessToken.isEmpty()) {
        response.error = protocolError(httpStatus, tr("The token answer has no access token."));
        return response;
    }
    if (t.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        response.error = protocolError(httpStatus, tr("The token answer has an unexpected token type."));
        return response;
    }
    const QJsonValue expires = object->value(QLatin1String("expires_in"));
    if (expires.isUndefined() || expires.isNull()) {
        t.expiresInSecs = 3600; // RFC 6749 makes it optional; Entra always sends it.
    } else if (const auto n = integerValue(expires); n && *n > 0) {
        t.expiresInSecs = *n;
    } else {
        response.error = protocolError(httpStatus, tr("The token answer has an invalid expires_in."));
        return response;
    }
    return response;
}

DeviceCodeResponse parseDeviceCodeResponse(int httpStatus, const QByteArray &body)
{
    DeviceCodeResponse response;
    if (httpStatus != 200) {
        response.error = parseTokenError(httpStatus, body);
        return response;
    }
    const auto object = jsonObject(body);
    if (!object) {
        response.error = protocolError(httpStatus, tr("The device code answer is not valid JSON."));
        return response;
    }
    response.userCode = object->value(QLatin1String("user_code")).toString();
    response.deviceCode = object->value(QLatin1String("device_code")).toString();
    response.verificationUri = object->value(QLatin1String("verification_uri")).toString();
    response.message = object->value(QLatin1String("message")).toString();
    if (const auto n = integerValue(object->value(QLatin1String("expires_in"))); n && *n > 0)
        response.expiresInSecs = static_cast<int>(qMin<qint64>(*n, 24 * 3600));
    if (const auto n = integerValue(object->value(QLatin1String("interval"))); n && *n > 0)
        response.intervalSecs = static_cast<int>(qMin<qint64>(*n, 60));
    if (response.userCode.isEmpty() || response.deviceCode.isEmpty() || response.verificationUri.isEmpty())
        response.error = protocolError(httpStatus, tr("The device code answer misses a required field."));
    return response;
}

} // namespace keyturn
