#include "DemoRequests.h"

#include "common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace keyturn::test {

namespace {
QUrl controlUrl(const QUrl &base, const QString &pathAndQuery)
{
    return QUrl(base.toString() + pathAndQuery);
}
} // namespace

QList<RecordedRequest> fetchDemoRequests(const QUrl &demoBaseUrl)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply
        = nam.get(QNetworkRequest(controlUrl(demoBaseUrl, QStringLiteral("/_demo/requests"))));
    waitUntil([reply] { return reply->isFinished(); }, std::chrono::seconds(10));
    QList<RecordedRequest> out;
    const QJsonArray array = QJsonDocument::fromJson(reply->readAll()).array();
    reply->deleteLater();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        RecordedRequest r;
        r.method = o.value(QStringLiteral("method")).toString();
        r.path = o.value(QStringLiteral("path")).toString();
        r.query = o.value(QStringLiteral("query")).toString();
        r.clientRequestId = o.value(QStringLiteral("clientRequestId")).toString();
        r.authorization = o.value(QStringLiteral("authorization")).toString();
        r.status = o.value(QStringLiteral("status")).toInt();
        r.fault = o.value(QStringLiteral("fault")).toString();
        r.unanswered = o.value(QStringLiteral("unanswered")).toInt();
        r.tenant = o.value(QStringLiteral("tenant")).toString();
        out.append(r);
    }
    return out;
}

QList<RecordedRequest> requestsMatching(
    const QList<RecordedRequest> &all, const QString &method, const QString &pathSuffix)
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : all) {
        if (r.method == method && r.path.endsWith(pathSuffix))
            out.append(r);
    }
    return out;
}

bool postDemoControl(const QUrl &demoBaseUrl, const QString &pathAndQuery)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(controlUrl(demoBaseUrl, pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, QByteArray());
    waitUntil([reply] { return reply->isFinished(); }, std::chrono::seconds(10));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status >= 200 && status < 300;
}

bool approveDemoDeviceCode(const QUrl &demoBaseUrl, const QString &userCode, const QString &user)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("user_code"), userCode);
    query.addQueryItem(QStringLiteral("user"), user);
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(controlUrl(
        demoBaseUrl, QStringLiteral("/devicelogin/approve?") + query.toString(QUrl::FullyEncoded))));
    waitUntil([reply] { return reply->isFinished(); }, std::chrono::seconds(10));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status == 200;
}

QList<RecordedRequest> withoutMarkers(const QList<RecordedRequest> &all)
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : all) {
        if (!r.path.startsWith(kTestMarkerPath))
            out.append(r);
    }
    return out;
}

} // namespace keyturn::test
