// FakeGraphServer: a scripted HTTP/1.1 server on 127.0.0.1 for the actions tests. Each request is
// recorded (method, path, headers, body) and answered by the next scripted response for its
// method, or by the fallback. Responses can also drop the connection or never answer.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
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
    static FakeResponse dropMidBody() { return { Kind::DropMidBody, 200, {}, {} }; }
    /// A complete head promising a body, then the connection closes (FIN) before any body byte.
    static FakeResponse dropAfterHead() { return { Kind::DropAfterHead, 200, {}, {} }; }
    static FakeResponse hang() { return { Kind::Hang, 0, {}, {} }; }
};

class FakeGraphServer final : public QObject {
    Q_OBJECT
public:
    explicit FakeGraphServer(QObject *parent = nullptr);
    bool listen();
    QUrl root() const;

    /// The next request with this method gets response (FIFO per method).
    void enqueue(const QByteArray &method, const FakeResponse &response);
    /// Answer for requests with nothing queued; default 404 ResourceNotFound.
    void setFallback(std::function<FakeResponse(const FakeRequest &)> fallback)
    {
        m_fallback = std::move(fallback);
    }

    const QList<FakeRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method) const;
    /// Connections ever accepted (a resend after a drop needs a new one).
    int connectionCount() const { return m_connections; }

private:
    void onData(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeRequest &request);

    QTcpServer m_server;
    QMap<QByteArray, QList<FakeResponse>> m_queues;
    std::function<FakeResponse(const FakeRequest &)> m_fallback;
    QList<FakeRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
};

} // namespace keyturn::test
