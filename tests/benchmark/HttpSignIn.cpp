#include "HttpSignIn.h"

#include "auth/Pkce.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <memory>
#include <utility>

namespace keyturn::bench {

namespace {

const QString kClientId = QStringLiteral("00000000-0000-0000-0000-00000000b5e7");
const QString kRedirectUri = QStringLiteral("http://127.0.0.1:9/callback"); // never contacted
const QString kScope = QStringLiteral(
    "https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All offline_access openid profile");

// Waits (bounded) for a reply; the caller owns it.
bool waitFor(QNetworkReply *reply, int timeoutMs)
{
    if (reply->isFinished())
        return true;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->isFinished();
}

} // namespace

QString signInOverHttp(
    QNetworkAccessManager &nam, const QUrl &tenantRoot, const QString &user, QString *error)
{
    const PkcePair pkce = generatePkce();
    const QString state = generateOAuthState();
    QUrl authorize = tenantRoot;
    authorize.setPath(QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), kClientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), kRedirectUri);
    query.addQueryItem(QStringLiteral("scope"), kScope);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge"), pkce.challenge);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("demo_user"), user);
    authorize.setQuery(query);

    QNetworkRequest authorizeRequest(authorize);
    authorizeRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> authorizeReply(nam.get(authorizeRequest));
    if (!waitFor(authorizeReply.get(), 10000)) {
        *error = QStringLiteral("authorize: no answer");
        return {};
    }
    const int status = authorizeReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QUrl location(QString::fromUtf8(authorizeReply->rawHeader("Location")), QUrl::StrictMode);
    const QUrlQuery redirect(location);
    const QString code = redirect.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (status != 302 || code.isEmpty() || redirect.queryItemValue(QStringLiteral("state")) != state) {
        *error = QStringLiteral("authorize: expected a 302 with code and state, got %1").arg(status);
        return {};
    }

    QUrl tokenUrl = tenantRoot;
    tokenUrl.setPath(QStringLiteral("/organizations/oauth2/v2.0/token"));
    QByteArray form;
    for (const auto &[key, value] : { std::pair{ QStringLiteral("client_id"), kClientId },
             std::pair{ QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
             std::pair{ QStringLiteral("code"), code },
             std::pair{ QStringLiteral("redirect_uri"), kRedirectUri },
             std::pair{ QStringLiteral("code_verifier"), pkce.verifier },
             std::pair{ QStringLiteral("scope"), kScope } }) {
        if (!form.isEmpty())
            form.append('&');
        form.append(QUrl::toPercentEncoding(key)).append('=').append(QUrl::toPercentEncoding(value));
    }
    QNetworkRequest tokenRequest(tokenUrl);
    tokenRequest.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> tokenReply(nam.post(tokenRequest, form));
    if (!waitFor(tokenReply.get(), 10000)) {
        *error = QStringLiteral("token: no answer");
        return {};
    }
    const QJsonObject body = QJsonDocument::fromJson(tokenReply->readAll()).object();
    const QString accessToken = body.value(QLatin1String("access_token")).toString();
    if (accessToken.isEmpty()) {
        *error = QStringLiteral("token: %1 (%2)")
                     .arg(body.value(QLatin1String("error")).toString(),
                         tokenReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toString());
        return {};
    }
    return accessToken;
}

} // namespace keyturn::bench
