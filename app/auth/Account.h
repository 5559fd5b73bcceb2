// Account: the signed-in user's non-secret metadata (kept in QSettings by AccountStore) and the
// one keychain key under which its refresh token lives.
#pragma once

#include "auth/CloudConfig.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace keyturn {

struct Account {
    QString upn, displayName, tenantId, objectId;
    Cloud cloud = Cloud::Global;
    QString clientId;
    /// Sign-in host the account belongs to ("login.microsoftonline.com", or "loopback" for the demo
    /// tenant on any port): a remembered demo account is never refreshed against Microsoft.
    QString authorityHost;

    /// "{cloud}:{tenantId}:{objectId}", prefixed "Keyturn/" on Windows where the service is ignored.
    QString keychainKey() const;
    /// The authorityHost value for an authority root URL.
    static QString authorityHostOf(const QUrl &authorityRoot);
    bool isValid() const { return !tenantId.isEmpty() && !objectId.isEmpty(); }
    bool operator==(const Account &) const = default;
};

} // namespace keyturn

Q_DECLARE_METATYPE(keyturn::Account)
