#include "demo/DemoTenant.h"

#include <QTcpServer>

namespace keyturn::demo {

struct DemoTenant::Worker {
    QTcpServer server;
};

DemoTenant::DemoTenant(DemoOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

DemoTenant::~DemoTenant()
{
    stop();
}

bool DemoTenant::start(QString *error)
{
    m_worker = std::make_unique<Worker>();
    if (!m_worker->server.listen(QHostAddress::LocalHost, m_options.port)) {
        if (error)
            *error = m_worker->server.errorString();
        return false;
    }
    return true;
}

void DemoTenant::stop()
{
    m_worker.reset();
}

quint16 DemoTenant::port() const
{
    return m_worker ? m_worker->server.serverPort() : 0;
}

QUrl DemoTenant::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

} // namespace keyturn::demo
