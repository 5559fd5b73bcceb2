// GraphService: one tenant's Graph, for requests GraphGateway authenticated as one of its users: the
// Intune Graph beta endpoints under /beta/deviceManagement/ (list ordered by name then id with $top,
// $select, $filter and signed keyset $skiptoken paging; managedDeviceOverview; single GET; remote
// actions; getFileVaultKey), Entra's device secrets under /v1.0 (through DirectorySecretsService),
// the organization (OrganizationResource), with scopes from the token's scp claim, Intune's 401 for a
// user without a role, and Graph's errors. Confined to the server thread; faults and latency are
// applied around it by DemoRouter.
#pragma once

#include "demo/DemoDirectory.h"
#include "demo/DemoOptions.h"
#include "demo/DemoRequest.h"
#include "demo/DeviceStore.h"
#include "demo/DirectorySecretsService.h"
#include "demo/GraphErrors.h"
#include "demo/TokenMinter.h"

#include <QUrl>

namespace keyturn::demo {

class GraphService {
public:
    /// directory: the tenant served; store (borrowed): its devices.
    GraphService(const DemoOptions &options, const DemoDirectory &directory, const TokenMinter &minter,
        DeviceStore &store, QUrl baseUrl, SecretLedger *ledger = nullptr);

    /// A request whose token is valid and names user (of this tenant); grantedScopes: its scp claim.
    HttpResponse handle(const DemoRequest &request, const GraphCall &call, const DemoUser &user,
        const QString &grantedScopes);

    /// The remote actions served, by their Graph names.
    static const QStringList &actionNames();

private:
    HttpResponse list(const DemoRequest &request, const GraphCall &call);
    HttpResponse overview(const DemoRequest &request, const GraphCall &call);
    HttpResponse get(const DemoRequest &request, const QString &id, const GraphCall &call);
    HttpResponse action(
        const QString &id, const QString &action, const QString &grantedScopes, const GraphCall &call);
    HttpResponse fileVaultKey(
        const DemoRequest &request, const QString &id, const QString &grantedScopes, const GraphCall &call);
    /// Resolves an id segment to a live device; else fills *error with Graph's 400/404.
    qsizetype resolve(
        const QString &id, const QString &operation, const GraphCall &call, HttpResponse *error) const;
    /// The Graph root (…/beta) as the client addressed it (its Host header).
    QString rootUrl(const DemoRequest &request) const;

    DemoOptions m_options;
    const DemoDirectory &m_directory;
    const TokenMinter &m_minter;
    DeviceStore &m_store;
    QUrl m_baseUrl;
    SecretLedger *m_ledger;
    DirectorySecretsService m_directorySecrets;
};

} // namespace keyturn::demo
