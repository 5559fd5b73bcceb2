// DemoHttp: a small synchronous-looking HTTP client for the demo tenant's contract tests (real
// QNetworkAccessManager over 127.0.0.1, spinning the event loop with a bounded wait), plus the
// sign-in steps most tests need.
#pragma once

#include "demo/DemoTenant.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

namespace keyturn::test {

struct HttpResult {
    int status = 0; ///< 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
};

class DemoHttp {
public:
    explicit DemoHttp(const demo::DemoTenant &tenant);
    /// For a tenant running elsewhere (e.g. the standalone executable) at baseUrl.
    explicit DemoHttp(QUrl baseUrl);

    QUrl url(const QString &pathAndQuery) const;
    HttpResult get(const QString &pathAndQuery, const QByteArray &bearer = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult getUrl(const QUrl &url, const QByteArray &bearer = {}, int timeoutMs = 10000);
    HttpResult post(const QString &pathAndQuery, const QByteArray &body = {}, const QByteArray &bearer = {});
    HttpResult postForm(const QString &pathAndQuery, const QList<QPair<QString, QString>> &form);
    HttpResult deleteResource(const QString &pathAndQuery);

    /// Runs authorize (demo_user) and returns the code from the 302, for a verifier and redirect URI;
    /// claims (JSON, optional) is sent URL-encoded as the claims parameter. authority: the {tenant}
    /// path segment; extraScope: added to the scope asked for (e.g. "User.Read").
    QString authorizeCode(const QString &user, const QString &verifier, const QString &redirectUri,
        const QString &state = QStringLiteral("st4te"), const QString &claims = {},
        const QString &authority = QStringLiteral("organizations"), const QString &extraScope = {});
    /// Full PKCE sign-in (claims, authority, extraScope: as above, on both requests); the token
    /// response JSON.
    QJsonObject signIn(const QString &user, const QString &claims = {},
        const QString &authority = QStringLiteral("organizations"), const QString &extraScope = {});
    QJsonArray requests();

    /// The claims of a JWT (its middle part); empty when it is not one.
    static QJsonObject jwtPayload(const QString &jwt);

    static QString challengeFor(const QString &verifier);

private:
    HttpResult run(QNetworkReply *reply, int timeoutMs);
    const demo::DemoTenant *m_tenant = nullptr;
    QUrl m_baseUrl;
    QNetworkAccessManager m_nam;
};

inline const QString kClientId = QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
inline const QString kRedirect = QStringLiteral("http://localhost:5555");
inline const QString kDevices = QStringLiteral("/beta/deviceManagement/managedDevices");
inline const QString kOverview = QStringLiteral("/beta/deviceManagement/managedDeviceOverview");
/// The claims a client sends to declare the cp1 capability (Continuous Access Evaluation).
inline const QString kCp1Claims = QStringLiteral(R"({"access_token":{"xms_cc":{"values":["cp1"]}}})");

} // namespace keyturn::test
