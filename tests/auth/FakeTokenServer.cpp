#include "FakeTokenServer.h"

#include "auth/Pkce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace keyturn::test {

FakeTokenServer::FakeTokenServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QUrl FakeTokenServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeTokenServer::enqueue(const QString &pathSuffix, CannedReply reply)
{
    m_queues[pathSuffix].push_back(std::move(reply));
}

int FakeTokenServer::count(const QString &pathSuffix) const
{
    int n = 0;
    for (const RecordedRequest &r : m_requests)
        n += r.path.endsWith(pathSuffix) ? 1 : 0;
    return n;
}

void FakeTokenServer::serve(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    const QByteArray head = buffer.left(headEnd);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", QByteArray());
    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
    RecordedRequest request;
    request.method = QString::fromLatin1(requestLine.value(0));
    request.path = QString::fromLatin1(requestLine.value(1));
    request.rawBody = buffer.mid(headEnd + 4, length);
    const QUrlQuery form(QString::fromLatin1(QByteArray(request.rawBody).replace('+', "%20")));
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
        request.form.insert(key, value);
    m_requests.append(request);

    CannedReply reply{ 404, QByteArrayLiteral("{}") };
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        if (!request.path.endsWith(it.key()))
            continue;
        if (!it.value().empty()) {
            reply = it.value().front();
            it.value().pop_front();
            m_last[it.key()] = reply;
        } else if (m_last.contains(it.key())) {
            reply = m_last.value(it.key());
        }
        break;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status)
        + " X\r\nContent-Type: application/json\r\n" + "Content-Length: "
        + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n" + reply.body;
    socket->write(response);
    socket->disconnectFromHost();
}

QString makeTestJwt(const QVariantMap &claims)
{
    const QByteArray header = R"({"alg":"none","typ":"JWT"})";
    return base64UrlEncode(header) + QLatin1Char('.')
        + base64UrlEncode(QJsonDocument(QJsonObject::fromVariantMap(claims)).toJson(QJsonDocument::Compact))
        + QStringLiteral(".c2ln");
}

QByteArray tokenSuccessBody(
    const QString &oid, const QString &upn, const QString &refreshToken, const QString &scp, int expiresIn)
{
    const QVariantMap claims{ { QStringLiteral("tid"),
                                  QStringLiteral("11111111-2222-3333-4444-555555555555") },
        { QStringLiteral("oid"), oid }, { QStringLiteral("upn"), upn },
        { QStringLiteral("name"), QStringLiteral("Test User") }, { QStringLiteral("scp"), scp } };
    QJsonObject body{ { QStringLiteral("token_type"), QStringLiteral("Bearer") },
        { QStringLiteral("scope"), QStringLiteral("openid profile") },
        { QStringLiteral("expires_in"), expiresIn },
        { QStringLiteral("access_token"), makeTestJwt(claims) + QStringLiteral("-") + refreshToken },
        { QStringLiteral("refresh_token"), refreshToken },
        { QStringLiteral("id_token"), makeTestJwt(claims) } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray tokenErrorBody(const QString &error, int code)
{
    const QJsonObject body{ { QStringLiteral("error"), error },
        { QStringLiteral("error_description"),
            QStringLiteral("AADSTS%1: Test error. Trace ID: t Correlation ID: c Timestamp: now").arg(code) },
        { QStringLiteral("error_codes"), QJsonArray{ code } },
        { QStringLiteral("trace_id"), QStringLiteral("trace-1") },
        { QStringLiteral("correlation_id"), QStringLiteral("corr-1") },
        { QStringLiteral("timestamp"), QStringLiteral("2026-11-21 00:00:00Z") } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace keyturn::test
