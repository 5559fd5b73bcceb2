#include "demo/RequestLog.h"

#include "demo/DemoRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace keyturn::demo {

QString RequestLog::redactedQuery(const DemoRequest &request)
{
    static const QStringList secret{ QStringLiteral("state"), QStringLiteral("code"),
        QStringLiteral("code_challenge"), QStringLiteral("code_verifier"), QStringLiteral("redirect_uri"),
        QStringLiteral("refresh_token"), QStringLiteral("access_token"), QStringLiteral("id_token"),
        QStringLiteral("device_code"), QStringLiteral("user_code"), QStringLiteral("claims"),
        QStringLiteral("client_secret"), QStringLiteral("client_assertion"), QStringLiteral("assertion"),
        QStringLiteral("password") };
    QStringList items;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        const bool hidden = secret.contains(item.first, Qt::CaseInsensitive);
        items.append(item.first + u'=' + (hidden ? QStringLiteral("[redacted]") : item.second));
    }
    return items.join(u'&');
}

void RequestLog::record(
    const DemoRequest &request, int status, const QByteArray &fault, const QString &tenant)
{
    RequestLogEntry entry;
    entry.method = request.method;
    entry.path = request.path;
    entry.query = redactedQuery(request);
    entry.clientRequestId = QString::fromLatin1(request.header("client-request-id"));
    const QByteArray authorization = request.header("Authorization").trimmed();
    // Keep only the scheme: whatever follows the first space is a credential.
    const qsizetype space = authorization.indexOf(' ');
    entry.authorizationScheme = space < 0 ? authorization : authorization.left(space);
    if (entry.authorizationScheme.size() > 16)
        entry.authorizationScheme = "?";
    entry.status = status;
    entry.fault = fault;
    entry.tenant = tenant;
    m_entries.append(std::move(entry));
}

QByteArray RequestLog::toJson() const
{
    QJsonArray array;
    for (const auto &e : m_entries) {
        array.append(QJsonObject{
            { QStringLiteral("method"), QString::fromLatin1(e.method) },
            { QStringLiteral("path"), e.path },
            { QStringLiteral("query"), e.query },
            { QStringLiteral("clientRequestId"), e.clientRequestId },
            { QStringLiteral("authorization"), QString::fromLatin1(e.authorizationScheme) },
            { QStringLiteral("status"), e.status },
            { QStringLiteral("fault"), QString::fromLatin1(e.fault) },
            { QStringLiteral("tenant"), e.tenant },
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace keyturn::demo
