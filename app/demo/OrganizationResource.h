// OrganizationResource: Graph's GET /v1.0/organization (and /beta): the signed-in user's tenant as
// a one-item collection, its displayName and verifiedDomains (capabilities, isDefault, isInitial,
// name, type), with $select honoured. Delegated User.Read is enough (it reads id, displayName and
// verifiedDomains; every other property reads null); without a scope that grants it, Entra's 403
// Authorization_RequestDenied.
#pragma once

#include "demo/GraphErrors.h"
#include "demo/HttpResponse.h"

#include <QString>

namespace keyturn::demo {

class DemoDirectory;
struct DemoRequest;

class OrganizationResource {
public:
    /// True for /v1.0/organization and /beta/organization.
    static bool handles(const QString &path);
    /// tenant: the token's tenant; grantedScopes: the token's scp claim; root: the Graph root as the
    /// client addressed it (…/v1.0 or …/beta).
    static HttpResponse handle(const DemoRequest &request, const DemoDirectory &tenant,
        const QString &grantedScopes, const GraphCall &call, const QString &root);
};

} // namespace keyturn::demo
