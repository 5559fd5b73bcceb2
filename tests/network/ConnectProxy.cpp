#include "ConnectProxy.h"

#include <QTcpSocket>

namespace keyturn::test {

ConnectProxy::ConnectProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ConnectProxy::onConnection);
}

bool ConnectProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ConnectProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        // Reads the request head; once it is complete, either tunnels or refuses.
        connect(client, &QTcpSocket::readyRead, this, [this, client] {
            if (client->property("tunnel").toBool())
                return; // the pipe below forwards everything now
            const QByteArray head = client->property("head").toByteArray() + client->readAll();
            client->setProperty("head", head);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray requestLine = head.left(head.indexOf("\r\n"));
            const QList<QByteArray> parts = requestLine.split(' ');
            if (parts.size() < 3 || parts.at(0) != "CONNECT") {
                m_refused << QString::fromLatin1(requestLine);
                client->write(
                    "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            m_tunnels << QString::fromLatin1(parts.at(1));
            client->setProperty("tunnel", true);
            const QByteArray early = head.mid(end + 4); // a client may start TLS before our 200
            auto *upstream = new QTcpSocket(client);
            connect(upstream, &QTcpSocket::connected, this, [client, upstream, early] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!early.isEmpty())
                    upstream->write(early);
                if (client->bytesAvailable() > 0)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->disconnectFromHost(); });
            connect(
                client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        });
    }
}

} // namespace keyturn::test
