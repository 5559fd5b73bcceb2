#include "DemoHttp.h"

#include "common/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace keyturn::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

DemoHttp::DemoHttp(const demo::DemoTenant &tenant)
    : m_tenant(&tenant)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

DemoHttp::DemoHttp(QUrl baseUrl)
    : m_baseUrl(std::move(baseUrl))
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QUrl DemoHttp::url(const QString &pathAndQuery) const
{
    return QUrl((m_tenant ? m_tenant->baseUrl() : m_baseUrl).toString() + pathAndQuery);
}

HttpResult DemoHttp::run(QNetworkReply *reply, int timeoutMs)
{
    HttpResult result;
    const bool finished
        = waitUntil([reply] { return reply->isFinished(); }, std::chrono::milliseconds(timeoutMs));
    if (!finished) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult DemoHttp::getUrl(const QUrl &target, const QByteArray &bearer, int timeoutMs)
{
    QNetworkRequest request(target);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    return run(m_nam.get(request), timeoutMs);
}

HttpResult DemoHttp::get(const QString &pathAndQuery, const QByteArray &bearer,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(pathAndQuery));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    return run(m_nam.get(request), 10000);
}

HttpResult DemoHttp::post(const QString &pathAndQuery, const QByteArray &body, const QByteArray &bearer)
{
    QNetworkRequest request(url(pathAndQuery));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return run(m_nam.post(request, body), 10000);
}

HttpResult DemoHttp::postForm(const QString &pathAndQuery, const QList<QPair<QString, QString>> &form)
{
    QByteArray body;
    for (const auto &pair : form) {
        if (!body.isEmpty())
            body.append('&');
        body.append(QUrl::toPercentEncoding(pair.first))
            .append('=')
            .append(QUrl::toPercentEncoding(pair.second));
    }
    QNetworkRequest request(url(pathAndQuery));
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return run(m_nam.post(request, body), 10000);
}

HttpResult DemoHttp::deleteResource(const QString &pathAndQuery)
{
    return run(m_nam.deleteResource(QNetworkRequest(url(pathAndQuery))), 10000);
}

QString DemoHttp::challengeFor(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString DemoHttp::authorizeCode(const QString &user, const QString &verifier, const QString &redirectUri,
    const QString &state, const QString &claims, const QString &authority, const QString &extraScope)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), kClientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(
        QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    query.addQueryItem(QStringLiteral("scope"),
        QStringLiteral("https%3A%2F%2Fgraph.microsoft.com%2FDeviceManagementManagedDevices.Read.All%20openid%"
                       "20offline_access")
            + (extraScope.isEmpty()
                    ? QString()
                    : QStringLiteral("%20https%3A%2F%2Fgraph.microsoft.com%2F") + extraScope));
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge"), challengeFor(verifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!claims.isEmpty())
        query.addQueryItem(QStringLiteral("claims"), QString::fromLatin1(QUrl::toPercentEncoding(claims)));
    query.addQueryItem(QStringLiteral("demo_user"), user);
    const HttpResult r = get(
        u'/' + authority + QStringLiteral("/oauth2/v2.0/authorize?") + query.toString(QUrl::FullyEncoded));
    if (r.status != 302)
        return {};
    const QUrl location(QString::fromUtf8(r.header("Location")));
    return QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

QJsonObject DemoHttp::signIn(
    const QString &user, const QString &claims, const QString &authority, const QString &extraScope)
{
    const QString verifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-abcdef");
    const QString code
        = authorizeCode(user, verifier, kRedirect, QStringLiteral("st4te"), claims, authority, extraScope);
    QList<QPair<QString, QString>> form{ { QStringLiteral("client_id"), kClientId },
        { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
        { QStringLiteral("code"), code }, { QStringLiteral("redirect_uri"), kRedirect },
        { QStringLiteral("code_verifier"), verifier } };
    if (!claims.isEmpty())
        form.append({ QStringLiteral("claims"), claims });
    return postForm(u'/' + authority + QStringLiteral("/oauth2/v2.0/token"), form).json();
}

QJsonObject DemoHttp::jwtPayload(const QString &jwt)
{
    const QStringList parts = jwt.split(u'.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

QJsonArray DemoHttp::requests()
{
    return QJsonDocument::fromJson(get(QStringLiteral("/_demo/requests")).body).array();
}

} // namespace keyturn::test
