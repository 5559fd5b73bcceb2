// DemoDirectory: one demo tenant's identities: its tenant id, name and verified domains, and the demo
// users (a Help Desk Operator with both Intune scopes who is also an Entra Helpdesk Administrator, a
// read-only operator without Entra roles, and a user with both scopes but no Intune role, whom Intune
// answers 401), and the scopes a user may add by consent later. Tenant 1 is Example Ltd
// (example.com); tenants 2, 3 ... are Fabrikam, Northwind Traders ... with the same roles under
// their own domain. All ids are deterministic from the seed and the tenant's number.
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
    /// Unique across tenants: "helpdesk", "readonly", "norole" in tenant 1 (the names demo_user= and
    /// --auto-approve take), the lower-case UPN in the others.
    QString key;
    QString upn;
    QString displayName;
    QString objectId;
    QString tenantId; ///< the user's home tenant
    QString scopes; ///< space-separated short scope names every token gets (admin-consented)
    QStringList entraRoles; ///< Entra directory roles, e.g. "Helpdesk Administrator"
    bool intuneRole = true; ///< false: Intune refuses every deviceManagement call (401 UnknownError)
    /// May read BitLocker recovery keys and LAPS passwords (one of the Entra roles that grant it).
    bool mayReadDeviceSecrets() const;
};

struct VerifiedDomain {
    QString name;
    bool isDefault = false;
    bool isInitial = false;
};

class DemoDirectory {
public:
    /// number: 1 for the first tenant (Example Ltd), 2 for the second, ...
    explicit DemoDirectory(quint32 seed, int number = 1);

    int number() const { return m_number; }
    const QString &tenantId() const { return m_tenantId; }
    const QString &displayName() const { return m_displayName; }
    const QList<VerifiedDomain> &domains() const { return m_domains; }
    /// The default verified domain: the users' UPN suffix.
    QString defaultDomain() const;
    /// Put before every generated device name of this tenant ("" for tenant 1, e.g. "FAB-").
    const QByteArray &deviceNamePrefix() const { return m_deviceNamePrefix; }
    const QList<DemoUser> &users() const { return m_users; }
    /// By key or UPN (case-insensitive); nullptr when unknown.
    const DemoUser *findUser(const QString &keyOrUpn) const;
    /// True when the {tenant} path segment names this tenant: its id or one of its domains.
    bool isNamedBy(const QString &segment) const;

private:
    int m_number;
    QString m_tenantId;
    QString m_displayName;
    QList<VerifiedDomain> m_domains;
    QByteArray m_deviceNamePrefix;
    QList<DemoUser> m_users;
};

} // namespace keyturn::demo
