// Account: the signed-in user's non-secret metadata (kept in QSettings by AccountStore) and the
// one keychain key under which its refresh token lives.
#pragma once

#include "auth/CloudConfig.h"

#include <QMetaType>
#include <QString>

namespace keyturn {

struct Account {
    QString upn, displayName, tenantId, objectId;
    Cloud cloud = Cloud::Global;
    QString clientId;

    /// "{cloud}:{tenantId}:{objectId}", prefixed "Keyturn/" on Windows where the service is ignored.
    QString keychainKey() const;
    bool isValid() const { return !tenantId.isEmpty() && !objectId.isEmpty(); }
    bool operator==(const Account &) const = default;
};

} // namespace keyturn

Q_DECLARE_METATYPE(keyturn::Account)
