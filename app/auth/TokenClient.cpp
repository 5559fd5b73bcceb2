#include "auth/TokenClient.h"

#include "core/Logging.h"
#include "core/TlsErrorText.h"
#include "core/Version.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace keyturn {

TokenClient::TokenClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

QByteArray TokenClient::encodeForm(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

void TokenClient::postForm(const QUrl &url, const FormFields &fields, QObject *context, RawCallback callback)
{
    QNetworkRequest request(url);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", QByteArray("Keyturn/") + kVersion);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));

    qCDebug(lcAuth) << "POST" << url.toString(QUrl::RemoveQuery);
    QNetworkReply *reply = m_network->post(request, encodeForm(fields));
    watchTlsErrors(reply);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, callback = std::move(callback)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            const QString tlsText = tlsFailureText(reply);
            AuthError error = tlsText.isEmpty()
                ? AuthError::make(AuthError::Kind::Network, reply->errorString())
                : AuthError::make(AuthError::Kind::Tls, tlsText);
            qCWarning(lcAuth) << "token endpoint unreachable:" << reply->error();
            callback(0, QByteArray(), error);
            return;
        }
        callback(status, reply->readAll(), AuthError());
    });
}

void TokenClient::requestTokens(
    const QUrl &url, const FormFields &fields, QObject *context, TokenCallback callback)
{
    postForm(url, fields, context,
        [callback = std::move(callback)](int status, const QByteArray &body, const AuthError &networkError) {
            if (networkError.isError()) {
                TokenResponse response;
                response.error = networkError;
                callback(response);
                return;
            }
            const TokenResponse response = parseTokenResponse(status, body);
            if (!response.ok())
                qCInfo(lcAuth) << "token endpoint refused:" << status << response.error.error
                               << response.error.errorCodes << "correlation" << response.error.correlationId;
            callback(response);
        });
}

} // namespace keyturn
