// DemoDirectories: every tenant the demo serves (DemoDirectory 1 .. n, n >= 1), and the look-ups
// across them: a user by key or UPN whatever their tenant, a tenant by id, and what an authority's
// {tenant} path segment names (organizations/common: any tenant; an id or a verified domain: that
// one tenant). Immutable after construction.
#pragma once

#include "demo/DemoDirectory.h"

#include <vector>

namespace keyturn::demo {

/// What the {tenant} segment of an identity path names.
struct Authority {
    bool known = false; ///< false: no such tenant (AADSTS90002)
    const DemoDirectory *tenant = nullptr; ///< the named tenant; nullptr for organizations/common
};

class DemoDirectories {
public:
    /// count tenants (at least one) for the seed.
    DemoDirectories(quint32 seed, int count);

    int size() const { return static_cast<int>(m_tenants.size()); }
    /// Tenant number `index + 1`; index 0 is the first tenant.
    const DemoDirectory &at(int index) const { return m_tenants[static_cast<std::size_t>(index)]; }
    const DemoDirectory &first() const { return m_tenants.front(); }
    const DemoDirectory *byTenantId(const QString &tenantId) const;
    /// By key or UPN (case-insensitive) in any tenant; nullptr when unknown.
    const DemoUser *findUser(const QString &keyOrUpn) const;
    /// The user's home tenant.
    const DemoDirectory &homeOf(const DemoUser &user) const;
    Authority authority(const QString &segment) const;

private:
    std::vector<DemoDirectory> m_tenants;
};

} // namespace keyturn::demo
