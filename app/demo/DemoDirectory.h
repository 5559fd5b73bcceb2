// DemoDirectory: the demo tenant's identities: its tenant id and the demo users (a Help Desk
// Operator with both Intune scopes who is also an Entra Helpdesk Administrator, a read-only operator
// without Entra roles, and a user with both scopes but no Intune role, whom Intune answers 401), and
// the scopes a user may add by consent later. All ids are deterministic from the seed.
#pragma once

#include <QList>
#include <QString>

namespace keyturn::demo {

inline constexpr const char *kScopeRead = "DeviceManagementManagedDevices.Read.All";
inline constexpr const char *kScopePrivileged = "DeviceManagementManagedDevices.PrivilegedOperations.All";
inline constexpr const char *kScopeBitLocker = "BitlockerKey.Read.All";
inline constexpr const char *kScopeLaps = "DeviceLocalCredential.Read.All";
inline constexpr const char *kScopeUserRead = "User.Read";

/// Scopes no token carries until the user consented to them for the client (incremental consent).
const QStringList &consentableScopes();
/// True when the space-separated scope list (an scp claim) holds scope.
bool scopeListHas(const QString &scopes, const char *scope);

struct DemoUser {
    QString key; ///< "helpdesk", "readonly", "norole": the name used by demo_user= and --auto-approve
    QString upn;
    QString displayName;
    QString objectId;
    QString scopes; ///< space-separated short scope names every token gets (admin-consented)
    QStringList entraRoles; ///< Entra directory roles, e.g. "Helpdesk Administrator"
    bool intuneRole = true; ///< false: Intune refuses every deviceManagement call (401 UnknownError)
    /// May read BitLocker recovery keys and LAPS passwords (one of the Entra roles that grant it).
    bool mayReadDeviceSecrets() const;
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
