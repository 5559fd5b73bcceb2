#include "graph/GraphError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

namespace keyturn {

namespace {

QByteArray headerValue(const QList<QNetworkReply::RawHeaderPair> &headers, const char *name)
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

// Intune puts a JSON document in "message"; UnknownError wraps another one in its "Message".
// Returns the innermost human "Message" and the first "ErrorCode" found on the way.
void unwrapIntuneMessage(QString &message, QString &innerCode, std::optional<int> &retryAfter)
{
    for (int depth = 0; depth < 3; ++depth) {
        const QString trimmed = message.trimmed();
        if (!trimmed.startsWith(QLatin1Char('{')))
            return;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return;
        const QJsonObject obj = doc.object();
        if (innerCode.isEmpty())
            innerCode = obj.value(QLatin1String("ErrorCode")).toString();
        const QJsonValue retry = obj.value(QLatin1String("RetryAfter"));
        // Same bounds as the Retry-After header: never negative, at most a day.
        if (!retryAfter && retry.isDouble())
            retryAfter = static_cast<int>(std::clamp(retry.toDouble(), 0.0, 86400.0));
        const QJsonValue inner = obj.value(QLatin1String("Message"));
        if (!inner.isString())
            return;
        message = inner.toString();
    }
}

bool isJsonObject(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && doc.isObject() && !doc.object().isEmpty();
}

// The JSON text of a challenge's claims="..." value (base64, standard or url-safe alphabet);
// empty when it is not base64 of a JSON object.
QString decodeChallengeClaims(const QByteArray &base64Claims)
{
    const QByteArray trimmed = base64Claims.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 16 * 1024)
        return {};
    for (const QByteArray::Base64Option alphabet :
        { QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding }) {
        const auto decoded
            = QByteArray::fromBase64Encoding(trimmed, alphabet | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            continue;
        if (isJsonObject(*decoded))
            return QString::fromUtf8(*decoded);
    }
    return {};
}

} // namespace

QByteArray wwwAuthenticateParam(const QByteArray &headerValue, const QByteArray &name)
{
    // auth-param = token BWS "=" BWS ( token / quoted-string ), comma separated (RFC 9110 11.2).
    qsizetype i = headerValue.indexOf(' '); // past the scheme
    if (i < 0)
        return {};
    const qsizetype n = headerValue.size();
    while (i < n) {
        while (i < n && (headerValue[i] == ' ' || headerValue[i] == ',' || headerValue[i] == '\t'))
            ++i;
        const qsizetype keyStart = i;
        while (i < n && headerValue[i] != '=' && headerValue[i] != ',' && headerValue[i] != ' ')
            ++i;
        const QByteArray key = headerValue.mid(keyStart, i - keyStart);
        while (i < n && headerValue[i] == ' ')
            ++i;
        if (i >= n || headerValue[i] != '=')
            continue;
        ++i;
        while (i < n && headerValue[i] == ' ')
            ++i;
        QByteArray value;
        if (i < n && headerValue[i] == '"') {
            for (++i; i < n && headerValue[i] != '"'; ++i) {
                if (headerValue[i] == '\\' && i + 1 < n)
                    ++i;
                value.append(headerValue[i]);
            }
            ++i; // the closing quote
        } else {
            const qsizetype valueStart = i;
            while (i < n && headerValue[i] != ',' && headerValue[i] != ' ')
                ++i;
            value = headerValue.mid(valueStart, i - valueStart);
        }
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool GraphError::isIntuneForbidden() const
{
    return httpStatus == 401 && code.compare(QLatin1String("UnknownError"), Qt::CaseInsensitive) == 0
        && innerCode.compare(QLatin1String("Forbidden"), Qt::CaseInsensitive) == 0;
}

QDateTime parseHttpDate(const QByteArray &value)
{
    // IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT": Qt's RFC 2822 parser wants a numeric zone.
    QByteArray text = value.trimmed();
    if (text.endsWith(" GMT") || text.endsWith(" UTC"))
        text = text.left(text.size() - 4) + " +0000";
    QDateTime when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    return when.isValid() ? when.toUTC() : QDateTime();
}

std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong secs = trimmed.toLongLong(&ok);
    if (ok)
        return secs < 0 ? std::nullopt
                        : std::optional<int>(static_cast<int>(std::min<qlonglong>(secs, 86400)));
    const QDateTime when = parseHttpDate(trimmed);
    if (!when.isValid())
        return std::nullopt;
    const qint64 delta = nowUtc.secsTo(when);
    return static_cast<int>(std::clamp<qint64>(delta, 0, 86400));
}

GraphError parseGraphError(
    int httpStatus, const QByteArray &body, const QList<QNetworkReply::RawHeaderPair> &headers)
{
    GraphError error;
    error.httpStatus = httpStatus;
    error.kind = httpStatus >= 400 ? GraphError::Kind::Http : GraphError::Kind::None;

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject envelope = doc.object().value(QLatin1String("error")).toObject();
    if (parseError.error == QJsonParseError::NoError && !envelope.isEmpty()) {
        error.code = envelope.value(QLatin1String("code")).toString();
        error.message = envelope.value(QLatin1String("message")).toString();
        // Graph spells it innerError; some services innererror.
        QJsonObject inner = envelope.value(QLatin1String("innerError")).toObject();
        if (inner.isEmpty())
            inner = envelope.value(QLatin1String("innererror")).toObject();
        error.requestId = inner.value(QLatin1String("request-id")).toString();
        error.clientRequestId = inner.value(QLatin1String("client-request-id")).toString();
        error.date = inner.value(QLatin1String("date")).toString();
        unwrapIntuneMessage(error.message, error.innerCode, error.retryAfterSecs);
    } else if (!body.isEmpty()) {
        error.message = QString::fromUtf8(body.left(500)).simplified();
    }

    if (error.requestId.isEmpty())
        error.requestId = QString::fromLatin1(headerValue(headers, "request-id"));
    if (error.clientRequestId.isEmpty())
        error.clientRequestId = QString::fromLatin1(headerValue(headers, "client-request-id"));
    if (error.date.isEmpty())
        error.date = QString::fromLatin1(headerValue(headers, "Date"));
    const QByteArray challenge = headerValue(headers, "WWW-Authenticate");
    if (httpStatus == 401
        && wwwAuthenticateParam(challenge, "error").compare("insufficient_claims", Qt::CaseInsensitive) == 0)
        error.claimsChallenge = decodeChallengeClaims(wwwAuthenticateParam(challenge, "claims"));
    const QByteArray retryAfter = headerValue(headers, "Retry-After");
    if (!retryAfter.isEmpty()) {
        QDateTime now = parseHttpDate(error.date.toLatin1());
        if (!now.isValid())
            now = QDateTime::currentDateTimeUtc();
        if (auto secs = parseRetryAfter(retryAfter, now))
            error.retryAfterSecs = secs;
    }
    return error;
}

QString GraphError::details() const
{
    QStringList lines;
    const auto add = [&lines](const char *label, const QString &value) {
        if (!value.isEmpty())
            lines.append(QStringLiteral("%1: %2").arg(QLatin1String(label), value));
    };
    if (httpStatus != 0)
        add("HTTP status", QString::number(httpStatus));
    add("Code", code);
    add("Inner code", innerCode);
    add("Message", message);
    add("Network error", networkErrorText);
    if (retryAfterSecs)
        add("Retry-After", QString::number(*retryAfterSecs));
    add("request-id", requestId);
    add("client-request-id", clientRequestId);
    add("Date", date);
    return lines.join(QLatin1Char('\n'));
}

QString GraphError::summary() const
{
    // tr() in the context lupdate gives it here (the enclosing namespace or class).
    const auto tr = [](const char *text) { return QCoreApplication::translate("keyturn::GraphError", text); };
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("Could not reach Microsoft Graph: %1").arg(networkErrorText);
    case Kind::Timeout:
        return tr("Microsoft Graph did not answer in time.");
    case Kind::Malformed:
        if (!message.isEmpty())
            return tr("Microsoft Graph sent a response Keyturn could not read: %1").arg(message);
        return tr("Microsoft Graph sent a response Keyturn could not read.");
    case Kind::OutcomeUnknown:
        return tr("The connection was lost before Microsoft Graph answered: the request may or may not have "
                  "been carried out. Check the device's action status before trying again.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Auth:
        return tr("Sign-in is needed: %1").arg(networkErrorText);
    case Kind::UntrustedHost:
        return tr("Refused to follow a link to another server (%1).").arg(networkErrorText);
    case Kind::MissingRole:
        if (write)
            return tr("Your account has no Intune role that allows this remote action, so nothing was "
                      "carried out. An Intune administrator can assign one, such as Help Desk Operator or "
                      "Endpoint Security Manager, or a custom role with this remote task. You are still "
                      "signed in: signing in again will not help.");
        return tr("Your account has no Intune role that lets it read devices. An Intune administrator can "
                  "assign one, such as Help Desk Operator or Read Only Operator. You are still signed in: "
                  "signing in again will not help.");
    case Kind::NotSent:
        if (!claimsChallenge.isEmpty())
            return tr("Your organization asked for a fresh sign-in (Continuous Access Evaluation), so "
                      "Microsoft Graph did not carry this out. Sign in again if asked, then try again.");
        return tr("Microsoft Graph did not accept the sign-in (HTTP 401), so nothing was carried out. "
                  "Keyturn has renewed the sign-in: try again.");
    case Kind::Http:
        break;
    }
    if (httpStatus == 401)
        return tr("Microsoft Graph did not accept the sign-in (HTTP 401). Sign in again.");
    if (httpStatus == 403)
        return tr("Access denied (HTTP 403): %1").arg(message);
    if (httpStatus == 404)
        return tr("Not found (HTTP 404): the device may have been deleted.");
    if (httpStatus == 429)
        return tr("Microsoft Graph is throttling requests (HTTP 429). Try again later.");
    if (httpStatus >= 500)
        return tr("Microsoft Graph is unavailable (HTTP %1). Try again later.").arg(httpStatus);
    return tr("Microsoft Graph refused the request (HTTP %1 %2): %3")
        .arg(QString::number(httpStatus), code, message);
}

} // namespace keyturn
