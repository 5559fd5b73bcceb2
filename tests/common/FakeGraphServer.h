// FakeGraphServer: a scripted HTTP/1.1 server on 127.0.0.1 for client tests. Each request is
// recorded (method, path, headers, body) and answered by the next scripted response for its
// method, or by the fallback handler. Responses can also drop the connection or never answer.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace keyturn::test {

struct FakeRequest {
    QByteArray method, target;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString path() const { return QUrl(QString::fromLatin1(target)).path(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

struct FakeResponse {
    enum class Kind { Answer, DropBeforeAnswer, DropAfterHead, DropMidBody, Hang };
    Kind kind = Kind::Answer;
    int status = 204;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static FakeResponse noContent();
    static FakeResponse json(
        int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> extra = {});
    /// Graph's error envelope with innerError date/request-id.
    static FakeResponse graphError(int status, const char *code, const QString &message,
        QList<QPair<QByteArray, QByteArray>> extra = {});
    static FakeResponse drop() { return { Kind::DropBeforeAnswer, 0, {}, {} }; }
    /// Promises 500 bytes, sends a few, then resets the connection.
    static FakeResponse dropMidBody() { return { Kind::DropMidBody, 200, {}, {} }; }
    /// A complete head promising a body, then the connection closes (FIN) before any body byte.
    static FakeResponse dropAfterHead() { return { Kind::DropAfterHead, 200, {}, {} }; }
    static FakeResponse hang() { return { Kind::Hang, 0, {}, {} }; }
};

class FakeGraphServer final : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    explicit FakeGraphServer(QObject *parent = nullptr);
    /// Every request without a queued response is answered by fallback.
    explicit FakeGraphServer(Handler fallback, QObject *parent = nullptr);
    bool listen();
    QUrl root() const;

    /// The next request with this method gets response (FIFO per method).
    void enqueue(const QByteArray &method, const FakeResponse &response);
    /// Answer for requests with nothing queued; default 404 ResourceNotFound.
    void setFallback(Handler fallback) { m_fallback = std::move(fallback); }

    const QList<FakeRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method) const;
    /// Connections ever accepted (a resend after a drop needs a new one).
    int connectionCount() const { return m_connections; }

private:
    void onData(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeRequest &request);

    QTcpServer m_server;
    QMap<QByteArray, QList<FakeResponse>> m_queues;
    Handler m_fallback;
    QList<FakeRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
};

/// Graph's error envelope as WIRE.md shows it, as a body for FakeResponse::json().
QByteArray graphErrorBody(
    const char *code, const QString &message, const char *requestId = "11111111-2222-3333-4444-555555555555");

} // namespace keyturn::test
