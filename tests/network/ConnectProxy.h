// ConnectProxy: a tiny HTTP proxy on 127.0.0.1 for tests, like a corporate one: it answers
// CONNECT host:port with 200 and then pipes bytes both ways, so TLS runs end to end through it.
// Every tunnel goes to 127.0.0.1:upstreamPort whatever host was asked for, which lets a test use
// names that do not resolve (only a proxy can reach them). Anything but CONNECT gets a 405.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace keyturn::test {

class ConnectProxy final : public QObject {
    Q_OBJECT
public:
    explicit ConnectProxy(quint16 upstreamPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// "host:port" of every CONNECT received, in order.
    QStringList tunnels() const { return m_tunnels; }
    /// Request lines of anything else (plain proxied requests), refused.
    QStringList refused() const { return m_refused; }

private:
    void onConnection();

    quint16 m_upstreamPort;
    QTcpServer m_server;
    QStringList m_tunnels;
    QStringList m_refused;
};

} // namespace keyturn::test
