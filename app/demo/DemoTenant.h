// DemoTenant: the simulated Entra ID + Intune Graph, served on 127.0.0.1 from its own thread so the
// UI thread never waits on it. start() returns once the socket listens (or failed); the object
// that called start() owns the tenant; destroying it stops the server and joins the thread. Its
// signing secret lives as long as the object (or in options.secretFile), so stop() and start()
// again keep tokens valid.
#pragma once

#include "demo/DemoOptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace keyturn {
class Clock;
}

namespace keyturn::demo {

class DemoDirectories;
class SecretLedger;
class TokenMinter;
struct IssuedSecrets;

class DemoTenant final : public QObject {
    Q_OBJECT
public:
    explicit DemoTenant(DemoOptions options, QObject *parent = nullptr);
    /// As above with an explicit clock (read from the server thread: it must be thread-safe).
    DemoTenant(DemoOptions options, const Clock &clock, QObject *parent = nullptr);
    ~DemoTenant() override;

    /// Binds 127.0.0.1:options.port and starts serving. False with a reason in *error on failure
    /// (including an unusable options.secretFile).
    bool start(QString *error = nullptr);
    /// Stops serving; idempotent. Called by the destructor.
    void stop();

    quint16 port() const;
    /// http://127.0.0.1:PORT (https:// when the options name a certificate and key) — the root for
    /// both the authority and the Graph URLs. Empty until start() succeeded.
    QUrl baseUrl() const;
    const DemoOptions &options() const { return m_options; }

    /// The first tenant's id (deterministic from the seed), also accepted as the {tenant} path segment.
    QString tenantId() const;
    /// Every tenant's id (deterministic from the seed), the first tenant's first: options.tenants of them.
    QStringList tenantIds() const;
    /// The tenant's display name and default domain ("Example Ltd", "example.com"); empty if unknown.
    QString tenantDisplayName(const QString &tenantId) const;
    QString tenantDomain(const QString &tenantId) const;
    /// The UPNs of the tenant's users (helpdesk, readonly, norole @ its domain); empty if unknown.
    QStringList userPrincipalNames(const QString &tenantId) const;
    /// A Graph access token for a demo user ("helpdesk", "readonly", "norole" of the first tenant, or
    /// the UPN of any tenant's user), signed like the real ones, for the user's home tenant, valid for
    /// lifetimeSecs (negative: already expired). Empty for an unknown user. For tests
    /// that need a token without running a sign-in flow. Callable from any thread.
    /// extraScopes: scopes added to the user's own, as if consented (e.g. "BitlockerKey.Read.All").
    QString mintAccessTokenForTests(
        const QString &user, int lifetimeSecs = 3600, const QString &extraScopes = {}) const;
    /// Every token, code, code verifier and challenge this tenant issued or received since it was
    /// made, so tests can prove none of them was written anywhere. Callable from any thread.
    IssuedSecrets issuedSecretsForTests() const;

private:
    DemoOptions m_options;
    const Clock &m_clock;
    std::unique_ptr<DemoDirectories> m_directories;
    std::unique_ptr<TokenMinter> m_minter; ///< shared read-only with the server thread
    QString m_secretError; ///< why the secret file could not be used; start() fails with it
    std::unique_ptr<SecretLedger> m_ledger; ///< outlives the server (stopped in the destructor body)
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace keyturn::demo
