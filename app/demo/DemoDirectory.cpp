#include "demo/DemoDirectory.h"

#include "demo/DemoEncoding.h"

#include <array>
#include <random>

namespace keyturn::demo {

namespace {

struct TenantProfile {
    const char *displayName;
    const char *domainLabel; ///< <label>.onmicrosoft.com
    const char *deviceNamePrefix;
};

/// Tenants 2, 3 ...: Microsoft's sample company names; later tenants are numbered.
constexpr std::array kOtherTenants{ TenantProfile{ "Fabrikam", "fabrikam", "FAB-" },
    TenantProfile{ "Northwind Traders", "northwindtraders", "NWT-" },
    TenantProfile{ "Tailspin Toys", "tailspintoys", "TST-" },
    TenantProfile{ "Woodgrove Bank", "woodgrovebank", "WGB-" },
    TenantProfile{ "Adventure Works", "adventureworks", "AW-" },
    TenantProfile{ "Wide World Importers", "wideworldimporters", "WWI-" },
    TenantProfile{ "Litware", "litware", "LIT-" }, TenantProfile{ "Proseware", "proseware", "PRO-" },
    TenantProfile{ "Lucerne Publishing", "lucernepublishing", "LUC-" } };

} // namespace

const QStringList &consentableScopes()
{
    static const QStringList scopes{ QLatin1String(kScopeBitLocker), QLatin1String(kScopeLaps),
        QLatin1String(kScopeUserRead) };
    return scopes;
}

bool scopeListHas(const QString &scopes, const char *scope)
{
    return scopes.split(u' ', Qt::SkipEmptyParts).contains(QLatin1String(scope));
}

bool DemoUser::mayReadDeviceSecrets() const
{
    for (const char *role :
        { "Cloud Device Administrator", "Helpdesk Administrator", "Intune Administrator" }) {
        if (entraRoles.contains(QLatin1String(role)))
            return true;
    }
    return false;
}

DemoDirectory::DemoDirectory(quint32 seed, int number)
    : m_number(std::max(1, number))
{
    // Tenant 1 draws from the stream it always did, so its ids stay what they were for a seed.
    std::mt19937_64 rng(0x7e4a47ULL + seed + static_cast<quint64>(m_number - 1) * 0x9e3779b97f4a7c15ULL);
    m_tenantId = QString::fromLatin1(guidFrom(rng));
    if (m_number == 1) {
        m_displayName = QStringLiteral("Example Ltd");
        m_domains = { { QStringLiteral("example.com"), true, false },
            { QStringLiteral("example.onmicrosoft.com"), false, true } };
    } else if (static_cast<std::size_t>(m_number - 2) < kOtherTenants.size()) {
        const TenantProfile &profile = kOtherTenants[static_cast<std::size_t>(m_number - 2)];
        m_displayName = QLatin1String(profile.displayName);
        m_domains
            = { { QLatin1String(profile.domainLabel) + QStringLiteral(".onmicrosoft.com"), true, true } };
        m_deviceNamePrefix = profile.deviceNamePrefix;
    } else {
        m_displayName = QStringLiteral("Tenant %1").arg(m_number);
        m_domains = { { QStringLiteral("tenant%1.onmicrosoft.com").arg(m_number), true, true } };
        m_deviceNamePrefix = "T" + QByteArray::number(m_number) + '-';
    }

    const QString domain = defaultDomain();
    const auto key = [&](const char *name) {
        return m_number == 1 ? QLatin1String(name) : QLatin1String(name) + u'@' + domain;
    };
    const auto upn = [&](const char *name) { return QLatin1String(name) + u'@' + domain; };
    const QString common = QStringLiteral(" openid profile email");
    m_users.append({ key("helpdesk"), upn("helpdesk"), QStringLiteral("Hana Helpdesk"),
        QString::fromLatin1(guidFrom(rng)), m_tenantId,
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common,
        { QStringLiteral("Helpdesk Administrator") } });
    m_users.append({ key("readonly"), upn("readonly"), QStringLiteral("Rory Readonly"),
        QString::fromLatin1(guidFrom(rng)), m_tenantId, QLatin1String(kScopeRead) + common, {} });
    // Drawn after the others, so their ids stay what they were for a seed.
    m_users.append({ key("norole"), upn("norole"), QStringLiteral("Nora Role"),
        QString::fromLatin1(guidFrom(rng)), m_tenantId,
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common, {}, false });
}

QString DemoDirectory::defaultDomain() const
{
    for (const VerifiedDomain &domain : m_domains) {
        if (domain.isDefault)
            return domain.name;
    }
    return m_domains.isEmpty() ? QString() : m_domains.first().name;
}

const DemoUser *DemoDirectory::findUser(const QString &keyOrUpn) const
{
    for (const auto &user : m_users) {
        if (user.key.compare(keyOrUpn, Qt::CaseInsensitive) == 0
            || user.upn.compare(keyOrUpn, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

bool DemoDirectory::isNamedBy(const QString &segment) const
{
    if (segment.compare(m_tenantId, Qt::CaseInsensitive) == 0)
        return true;
    for (const VerifiedDomain &domain : m_domains) {
        if (segment.compare(domain.name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace keyturn::demo
