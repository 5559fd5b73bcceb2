// DemoHttpServer: the transport of the demo tenant. Routes every request itself (QAbstractHttpServer
// subclass) to DemoRouter and writes the raw HTTP/1.1 response, which lets it delay replies with a
// timer, drop a connection mid-body, or never answer. Lives on the server thread.
#pragma once

#include "demo/DemoRouter.h"

#include <QAbstractHttpServer>
#include <QUrl>

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
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder) override;
#endif
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    void deliver(QTcpSocket *socket, const HttpResponse &response);
    void closeLater(QTcpSocket *socket);
#endif
    std::unique_ptr<DemoRouter> m_router;
    QTcpServer *m_tcpServer = nullptr;
    quint16 m_port = 0;
    QUrl m_baseUrl;
};

} // namespace keyturn::demo
