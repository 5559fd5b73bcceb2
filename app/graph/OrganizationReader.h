// OrganizationReader: the signed-in tenant's display name and default verified domain, read with
// GET /v1.0/organization?$select=id,displayName,verifiedDomains (needs User.Read). The callback runs
// once, unless context dies first; anything but a readable answer gives no names and the reason.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace keyturn {

class GraphClient;

struct OrganizationNames {
    QString tenantId; ///< the organization's id, when Graph sent it
    QString displayName;
    QString defaultDomain; ///< the verified domain marked default (else the initial one)
};

class OrganizationReader final {
public:
    using Callback = std::function<void(const std::optional<OrganizationNames> &names, const QString &error)>;

    /// Sends the one GET through client (borrowed) and answers callback.
    static void read(GraphClient *client, QObject *context, Callback callback);
    /// The names in an answer of that GET; nullopt when it holds no organization with a name.
    static std::optional<OrganizationNames> parse(const QByteArray &body);
};

} // namespace keyturn
