#include "demo/DemoTenant.h"

#include "core/Clock.h"
#include "demo/DemoDirectories.h"
#include "demo/DemoHttpServer.h"
#include "demo/DemoSecret.h"
#include "demo/SecretLedger.h"
#include "demo/TokenMinter.h"

#include <QThread>

namespace keyturn::demo {

struct DemoTenant::Worker {
    QThread thread;
    QObject *anchor = nullptr; ///< lives in `thread`: the context for calls into it
    DemoHttpServer *server = nullptr; ///< created and destroyed on `thread`
    quint16 port = 0;
    QUrl baseUrl;
};

DemoTenant::DemoTenant(DemoOptions options, QObject *parent)
    : DemoTenant(std::move(options), SystemClock::instance(), parent)
{ }

DemoTenant::DemoTenant(DemoOptions options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_directories(std::make_unique<DemoDirectories>(m_options.seed, m_options.tenants))
    , m_ledger(std::make_unique<SecretLedger>())
{
    QByteArray secret;
    if (m_options.secretFile.isEmpty()
        || !loadOrCreateDemoSecret(m_options.secretFile, &secret, &m_secretError))
        secret = freshDemoSecret(); // with a secret error, start() refuses to serve anyway
    m_minter = std::make_unique<TokenMinter>(secret, m_directories->first().tenantId());
}

DemoTenant::~DemoTenant()
{
    stop();
}

bool DemoTenant::start(QString *error)
{
    if (m_worker)
        return true;
    if (!m_secretError.isEmpty()) {
        if (error)
            *error = m_secretError;
        return false;
    }
    auto worker = std::make_unique<Worker>();
    worker->thread.setObjectName(QStringLiteral("keyturn-demo-tenant"));
    worker->anchor = new QObject;
    worker->anchor->moveToThread(&worker->thread);
    worker->thread.start();

    bool ok = false;
    QString reason;
    Worker *w = worker.get();
    QMetaObject::invokeMethod(
        w->anchor,
        [&] {
            auto server = new DemoHttpServer;
            if (server->listenLocal(m_options.port, m_options, m_clock, *m_minter, &reason, m_ledger.get())) {
                w->server = server;
                w->port = server->port();
                w->baseUrl = server->baseUrl();
                ok = true;
            } else {
                delete server;
            }
        },
        Qt::BlockingQueuedConnection);

    if (!ok) {
        worker->thread.quit();
        worker->thread.wait();
        delete worker->anchor;
        if (error)
            *error = reason;
        return false;
    }
    m_worker = std::move(worker);
    return true;
}

void DemoTenant::stop()
{
    if (!m_worker)
        return;
    Worker *w = m_worker.get();
    QMetaObject::invokeMethod(
        w->anchor,
        [w] {
            delete w->server; // closes the listening socket and every connection, on their thread
            w->server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    w->thread.quit();
    w->thread.wait();
    delete w->anchor;
    m_worker.reset();
}

quint16 DemoTenant::port() const
{
    return m_worker ? m_worker->port : 0;
}

QUrl DemoTenant::baseUrl() const
{
    return m_worker ? m_worker->baseUrl : QUrl();
}

QString DemoTenant::tenantId() const
{
    return m_directories->first().tenantId();
}

QStringList DemoTenant::tenantIds() const
{
    QStringList ids;
    for (int t = 0; t < m_directories->size(); ++t)
        ids.append(m_directories->at(t).tenantId());
    return ids;
}

QString DemoTenant::tenantDisplayName(const QString &tenantId) const
{
    const DemoDirectory *tenant = m_directories->byTenantId(tenantId);
    return tenant ? tenant->displayName() : QString();
}

QString DemoTenant::tenantDomain(const QString &tenantId) const
{
    const DemoDirectory *tenant = m_directories->byTenantId(tenantId);
    return tenant ? tenant->defaultDomain() : QString();
}

QStringList DemoTenant::userPrincipalNames(const QString &tenantId) const
{
    QStringList upns;
    if (const DemoDirectory *tenant = m_directories->byTenantId(tenantId)) {
        for (const DemoUser &user : tenant->users())
            upns.append(user.upn);
    }
    return upns;
}

QString DemoTenant::mintAccessTokenForTests(
    const QString &user, int lifetimeSecs, const QString &extraScopes) const
{
    const DemoUser *found = m_directories->findUser(user);
    if (!found)
        return {};
    const QString scopes = extraScopes.isEmpty() ? found->scopes : found->scopes + u' ' + extraScopes;
    return QString::fromLatin1(m_minter->mintAccessToken(*found, scopes, m_clock.nowMSecs(), lifetimeSecs));
}

IssuedSecrets DemoTenant::issuedSecretsForTests() const
{
    return m_ledger->snapshot();
}

} // namespace keyturn::demo
