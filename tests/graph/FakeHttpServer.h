// FakeHttpServer: a tiny HTTP/1.1 server on 127.0.0.1 for client tests. Each request is recorded
// and answered by a handler (canned Graph bodies), or dropped / left hanging to simulate faults.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace keyturn::test {

struct FakeRequest {
    QByteArray method;
    QByteArray target; // path + query, as sent
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QString path() const;
};

struct FakeResponse {
    enum class Action { Respond, Drop /* close without answering */, DropMidBody, Hang };
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Action action = Action::Respond;

    static FakeResponse json(
        int status, QByteArray body, QList<std::pair<QByteArray, QByteArray>> headers = {});
    static FakeResponse drop() { return FakeResponse{ 0, {}, {}, Action::Drop }; }
    static FakeResponse hang() { return FakeResponse{ 0, {}, {}, Action::Hang }; }
};

class FakeHttpServer final : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    explicit FakeHttpServer(Handler handler, QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl rootUrl() const;
    const QList<FakeRequest> &requests() const { return m_requests; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A canned Graph error envelope as WIRE.md shows it.
QByteArray graphErrorBody(
    const char *code, const QString &message, const char *requestId = "11111111-2222-3333-4444-555555555555");

} // namespace keyturn::test
