#include "FakeHttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace keyturn::test {

QString FakeRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return QString::fromLatin1(q < 0 ? target : target.left(q));
}

FakeResponse FakeResponse::json(int status, QByteArray body, QList<std::pair<QByteArray, QByteArray>> headers)
{
    FakeResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    r.headers.append(std::make_pair(
        QByteArray("Content-Type"), QByteArray("application/json; odata.metadata=minimal; charset=utf-8")));
    return r;
}

FakeHttpServer::FakeHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    // Sockets are children of m_server, which outlives m_buffers: cut them loose first.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::rootUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(
                    lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);

        const FakeResponse response = m_handler(request);
        switch (response.action) {
        case FakeResponse::Action::Hang:
            return;
        case FakeResponse::Action::Drop:
            socket->abort();
            return;
        case FakeResponse::Action::Respond:
        case FakeResponse::Action::DropMidBody: {
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
            for (const auto &[name, value] : response.headers)
                out += name + ": " + value + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
            if (response.action == FakeResponse::Action::DropMidBody) {
                out += response.body.left(response.body.size() / 2);
                socket->write(out);
                socket->flush();
                socket->abort();
                return;
            }
            out += response.body;
            socket->write(out);
            break;
        }
        }
    }
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

} // namespace keyturn::test
