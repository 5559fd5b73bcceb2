#include "FakeGraphServer.h"

#include "demo/HttpResponse.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

namespace keyturn::test {

FakeResponse FakeResponse::noContent()
{
    return { Kind::Answer, 204, {}, {} };
}

FakeResponse FakeResponse::json(
    int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> extra)
{
    FakeResponse r{ Kind::Answer, status, std::move(extra), body };
    r.headers.append(qMakePair(
        QByteArray("Content-Type"), QByteArray("application/json; odata.metadata=minimal; charset=utf-8")));
    return r;
}

FakeResponse FakeResponse::graphError(
    int status, const char *code, const QString &message, QList<QPair<QByteArray, QByteArray>> extra)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject inner{ { QStringLiteral("date"), QStringLiteral("2026-11-21T10:00:00") },
        { QStringLiteral("request-id"), requestId }, { QStringLiteral("client-request-id"), requestId } };
    QJsonObject error{ { QStringLiteral("code"), QString::fromLatin1(code) },
        { QStringLiteral("message"), message }, { QStringLiteral("innerError"), inner } };
    extra.append(qMakePair(QByteArray("request-id"), requestId.toLatin1()));
    return json(status,
        QJsonDocument(QJsonObject{ { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact),
        std::move(extra));
}

QByteArray graphErrorBody(const char *code, const QString &message, const char *requestId)
{
    QJsonObject inner{ { QStringLiteral("date"), QStringLiteral("2025-01-02T03:04:05") },
        { QStringLiteral("request-id"), QString::fromLatin1(requestId) },
        { QStringLiteral("client-request-id"), QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee") } };
    QJsonObject error{ { QStringLiteral("code"), QString::fromLatin1(code) },
        { QStringLiteral("message"), message }, { QStringLiteral("innerError"), inner } };
    return QJsonDocument(QJsonObject{ { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact);
}

FakeGraphServer::FakeGraphServer(QObject *parent)
    : FakeGraphServer(
        [](const FakeRequest &) {
            return FakeResponse::graphError(404, "ResourceNotFound", QStringLiteral("Not found"));
        },
        parent)
{ }

FakeGraphServer::FakeGraphServer(Handler fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(std::move(fallback))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool FakeGraphServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeGraphServer::root() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FakeGraphServer::enqueue(const QByteArray &method, const FakeResponse &response)
{
    m_queues[method].append(response);
}

int FakeGraphServer::count(const QByteArray &method) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&method](const FakeRequest &r) { return r.method == method; }));
}

void FakeGraphServer::onData(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        FakeRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(
                    lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        respond(socket, request);
        if (!m_buffers.contains(socket))
            return; // dropped
    }
}

void FakeGraphServer::respond(QTcpSocket *socket, const FakeRequest &request)
{
    QList<FakeResponse> &queue = m_queues[request.method];
    const FakeResponse response = queue.isEmpty() ? m_fallback(request) : queue.takeFirst();
    switch (response.kind) {
    case FakeResponse::Kind::Hang:
        return;
    case FakeResponse::Kind::DropBeforeAnswer:
        m_buffers.remove(socket);
        socket->abort();
        return;
    case FakeResponse::Kind::DropAfterHead: {
        m_buffers.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n");
        socket->flush();
        // A graceful close (FIN), as a proxy or server closing mid-answer would do.
        QTimer::singleShot(50, socket, [socket] { socket->disconnectFromHost(); });
        return;
    }
    case FakeResponse::Kind::DropMidBody: {
        m_buffers.remove(socket);
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":");
        socket->flush();
        socket->abort();
        return;
    }
    case FakeResponse::Kind::Answer:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + keyturn::demo::HttpResponse::reasonPhrase(response.status) + "\r\n";
    bool hasRequestId = false;
    for (const auto &[name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
        hasRequestId = hasRequestId || name.toLower() == "request-id";
    }
    if (!hasRequestId)
        out += "request-id: " + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "\r\n";
    out += "client-request-id: " + request.headers.value("client-request-id") + "\r\n";
    out += "Date: "
        + QDateTime::currentDateTimeUtc()
              .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
              .toLatin1()
        + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    out += response.body;
    socket->write(out);
}

} // namespace keyturn::test
