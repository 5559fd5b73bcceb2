// DemoDirectory: the demo tenant's identities: its tenant id and the demo users (a Help Desk
// Operator with every scope, a read-only operator, and a user with every scope but no Intune role,
// whom Intune answers 401). All ids are deterministic from the seed.
#pragma once

#include <QList>
#include <QString>

namespace keyturn::demo {

inline constexpr const char *kScopeRead = "DeviceManagementManagedDevices.Read.All";
inline constexpr const char *kScopePrivileged = "DeviceManagementManagedDevices.PrivilegedOperations.All";

struct DemoUser {
    QString key; ///< "helpdesk", "readonly", "norole": the name used by demo_user= and --auto-approve
    QString upn;
    QString displayName;
    QString objectId;
    QString scopes; ///< space-separated short scope names, as in the scp claim
    bool intuneRole = true; ///< false: Intune refuses every deviceManagement call (401 UnknownError)
    bool hasScope(const char *scope) const;
};

class DemoDirectory {
public:
    explicit DemoDirectory(quint32 seed);

    const QString &tenantId() const { return m_tenantId; }
    const QList<DemoUser> &users() const { return m_users; }
    /// By key or UPN (case-insensitive); nullptr when unknown.
    const DemoUser *findUser(const QString &keyOrUpn) const;
    /// The {tenant} path segment accepted by the identity endpoints.
    bool acceptsTenant(const QString &segment) const;

private:
    QString m_tenantId;
    QList<DemoUser> m_users;
};

} // namespace keyturn::demo
