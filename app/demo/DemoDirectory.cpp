#include "demo/DemoDirectory.h"

#include "demo/DemoEncoding.h"

#include <random>

namespace keyturn::demo {

bool DemoUser::hasScope(const char *scope) const
{
    return scopes.split(u' ', Qt::SkipEmptyParts).contains(QLatin1String(scope));
}

DemoDirectory::DemoDirectory(quint32 seed)
{
    std::mt19937_64 rng(0x7e4a47ULL + seed);
    m_tenantId = QString::fromLatin1(guidFrom(rng));
    const QString common = QStringLiteral(" openid profile email");
    m_users.append({ QStringLiteral("helpdesk"), QStringLiteral("helpdesk@example.com"),
        QStringLiteral("Hana Helpdesk"), QString::fromLatin1(guidFrom(rng)),
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common });
    m_users.append(
        { QStringLiteral("readonly"), QStringLiteral("readonly@example.com"), QStringLiteral("Rory Readonly"),
            QString::fromLatin1(guidFrom(rng)), QLatin1String(kScopeRead) + common });
    // Drawn after the others, so their ids stay what they were for a seed.
    m_users.append({ QStringLiteral("norole"), QStringLiteral("norole@example.com"),
        QStringLiteral("Nora Role"), QString::fromLatin1(guidFrom(rng)),
        QLatin1String(kScopeRead) + u' ' + QLatin1String(kScopePrivileged) + common, false });
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
