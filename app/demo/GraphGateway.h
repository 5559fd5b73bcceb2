// GraphGateway: Graph's front door for every tenant of the demo. Checks the bearer token as the Graph
// gateway does before anything else (401 InvalidAuthenticationToken; a cp1 client's token issued
// before its user's sessions were revoked gets a Continuous Access Evaluation claims challenge), then
// the token's tenant (tid) serves the request from its own devices: a device of another tenant is as
// unknown as any id. Owns each tenant's DeviceStore and GraphService. Confined to the server thread.
#pragma once

#include "demo/DemoDirectories.h"
#include "demo/DemoOptions.h"
#include "demo/DemoRequest.h"
#include "demo/DeviceStore.h"
#include "demo/GraphService.h"
#include "demo/SessionRevocations.h"
#include "demo/TokenMinter.h"

#include <memory>
#include <vector>

namespace keyturn::demo {

class GraphGateway {
public:
    /// directories, minter, revocations (borrowed); ledger (borrowed, may be null). referenceMs: the
    /// devices' "now" when generated.
    GraphGateway(const DemoOptions &options, const DemoDirectories &directories, const TokenMinter &minter,
        const QUrl &baseUrl, const SessionRevocations &revocations, qint64 referenceMs,
        SecretLedger *ledger = nullptr);
    ~GraphGateway();

    HttpResponse handle(const DemoRequest &request, const GraphCall &call);
    /// The tenant a request's bearer token names (tid of a valid token), or "".
    QString tenantOf(const DemoRequest &request, qint64 nowMs) const;

    /// The devices of tenant number index + 1 (as DemoDirectories::at).
    DeviceStore &store(int index);
    const DeviceStore &store(int index) const;

private:
    struct Tenant;
    AccessTokenCheck check(const DemoRequest &request, qint64 nowMs) const;

    const DemoDirectories &m_directories;
    const TokenMinter &m_minter;
    const SessionRevocations &m_revocations;
    std::vector<std::unique_ptr<Tenant>> m_tenants; ///< in the order of m_directories
};

} // namespace keyturn::demo
