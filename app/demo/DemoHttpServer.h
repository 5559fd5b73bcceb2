// DemoHttpServer: the transport of the demo tenant. Routes every request itself (QAbstractHttpServer
// subclass) to DemoRouter and answers it, delayed by a timer when the tenant says so; a fault's
// response goes out as raw HTTP/1.1 bytes on the request's own connection, which is then cut (a drop
// mid-body or before the body) or left unanswered, the same on QtHttpServer 6.4 and 6.8. Lives on
// the server thread.
#pragma once

#include "demo/DemoRequest.h"
#include "demo/DemoRouter.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace keyturn::demo {

class DemoHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit DemoHttpServer(QObject *parent = nullptr);
    ~DemoHttpServer() override;

    /// Listens on 127.0.0.1:port and creates the router for that base URL: https when options name a
    /// certificate and key (see DemoOptions), http otherwise. False with *error on failure.
    /// ledger (borrowed, may be null; must outlive the server) records issued secrets for tests.
    /// minter (borrowed, must outlive the server) signs and checks every token.
    bool listenLocal(quint16 port, const DemoOptions &options, const Clock &clock, const TokenMinter &minter,
        QString *error, SecretLedger *ledger = nullptr);
    quint16 port() const { return m_port; }
    /// http(s)://127.0.0.1:PORT once listening.
    QUrl baseUrl() const { return m_baseUrl; }

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    /// A request as the router sees it, counted as unanswered until `answered` runs (once its answer
    /// is sent or it is never to be answered) or its connection closes, whichever comes first.
    struct Taken {
        DemoRequest request;
        std::function<void()> answered;
    };
    Taken take(const QHttpServerRequest &request, QTcpSocket *socket);
    /// Runs answered and send now, or after delayMs on the server thread.
    void afterDelay(int delayMs, std::function<void()> answered, std::function<void()> send);
    /// Writes the response's raw bytes on the connection; a fault cuts the connection as it says.
    void deliver(QTcpSocket *socket, const HttpResponse &response);
    void closeLater(QTcpSocket *socket);
    std::unique_ptr<DemoRouter> m_router;
    QTcpServer *m_tcpServer = nullptr;
    /// Every connection the HTTP layer took, by the client's port (all clients are on 127.0.0.1):
    /// QtHttpServer 6.8 hands handleRequest a responder, not the socket a fault has to cut.
    QHash<quint16, QPointer<QTcpSocket>> m_connections;
    quint16 m_port = 0;
    QUrl m_baseUrl;
    int m_unanswered = 0; ///< requests taken whose answer has not been sent (hung ones excluded)
};

} // namespace keyturn::demo
