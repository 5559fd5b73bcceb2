#include "demo/DemoDirectory.h"

#include "demo/DemoEncoding.h"

#include <random>

namespace keyturn::demo {

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

DemoDirectory::DemoDirectory(quint32 seed)
{
    std::mt19937_64 rng(0x7e4a47ULL + seed);
    m_tenantId = QString::fromLatin1(guidFrom(rng));
    const QString common = QStringLiteral(" openid profile email");
    m_users.append({ QStringLiteral("helpdesk"), QStringLiteral("helpdesk@example.com"),
        QStringLiteral("Hana Helpdesk"), QString::fromLatin1(guidFrom(rng)),
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common,
        { QStringLiteral("Helpdesk Administrator") } });
    m_users.append(
        { QStringLiteral("readonly"), QStringLiteral("readonly@example.com"), QStringLiteral("Rory Readonly"),
            QString::fromLatin1(guidFrom(rng)), QLatin1String(kScopeRead) + common, {} });
    // Drawn after the others, so their ids stay what they were for a seed.
    m_users.append({ QStringLiteral("norole"), QStringLiteral("norole@example.com"),
        QStringLiteral("Nora Role"), QString::fromLatin1(guidFrom(rng)),
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common, {}, false });
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

bool DemoDirectory::acceptsTenant(const QString &segment) const
{
    for (const char *name : { "organizations", "common", "example.com" }) {
        if (segment.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return segment.compare(m_tenantId, Qt::CaseInsensitive) == 0;
}

} // namespace keyturn::demo
