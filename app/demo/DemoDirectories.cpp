#include "demo/DemoDirectories.h"

namespace keyturn::demo {

DemoDirectories::DemoDirectories(quint32 seed, int count)
{
    const int n = std::max(1, count);
    m_tenants.reserve(static_cast<std::size_t>(n));
    for (int number = 1; number <= n; ++number)
        m_tenants.emplace_back(seed, number);
}

const DemoDirectory *DemoDirectories::byTenantId(const QString &tenantId) const
{
    for (const DemoDirectory &tenant : m_tenants) {
        if (tenant.tenantId().compare(tenantId, Qt::CaseInsensitive) == 0)
            return &tenant;
    }
    return nullptr;
}

const DemoUser *DemoDirectories::findUser(const QString &keyOrUpn) const
{
    for (const DemoDirectory &tenant : m_tenants) {
        if (const DemoUser *user = tenant.findUser(keyOrUpn))
            return user;
    }
    return nullptr;
}

const DemoDirectory &DemoDirectories::homeOf(const DemoUser &user) const
{
    const DemoDirectory *home = byTenantId(user.tenantId);
    return home ? *home : first();
}

Authority DemoDirectories::authority(const QString &segment) const
{
    for (const char *any : { "organizations", "common" }) {
        if (segment.compare(QLatin1String(any), Qt::CaseInsensitive) == 0)
            return { true, nullptr };
    }
    for (const DemoDirectory &tenant : m_tenants) {
        if (tenant.isNamedBy(segment))
            return { true, &tenant };
    }
    return {};
}

} // namespace keyturn::demo
