// Account: the signed-in user's non-secret metadata (kept in QSettings by AccountStore) and the
// one keychain key under which its refresh token lives.
#pragma once

#include "auth/CloudConfig.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace keyturn {

struct Account {
    /// How the account signed in interactively; a later consent to a further scope goes the same way.
    enum class SignInWay { Browser, DeviceCode };

    QString upn, displayName, tenantId, objectId;
    Cloud cloud = Cloud::Global;
    QString clientId;
    /// Sign-in host the account belongs to ("login.microsoftonline.com", or "loopback" for the demo
    /// tenant on any port): a remembered demo account is never refreshed against Microsoft.
    QString authorityHost;
    /// Graph root the account's tokens go to ("https://graph.microsoft.com"), or "loopback" when the
    /// loopback sign-in root serves Graph too (a demo tenant on any port). Empty: remembered before
    /// Keyturn stored it, read as the cloud's default (or "loopback" for a loopback sign-in host).
    QString graphRoot;
    SignInWay signInWay = SignInWay::Browser;

    /// "{cloud}:{tenantId}:{objectId}", prefixed "Keyturn/" on Windows where the service is ignored.
    QString keychainKey() const;
    /// The authorityHost value for an authority root URL.
    static QString authorityHostOf(const QUrl &authorityRoot);
    /// The graphRoot value for a Graph root used with this authority root.
    static QString graphRootOf(const QUrl &graphRoot, const QUrl &authorityRoot);
    /// The Graph root this account's tokens may go to, with authorityRoot as the current sign-in root.
    QUrl graphRootUrl(const QUrl &authorityRoot) const;
    /// True when tokens of this account may go to root (a Graph root) without asking.
    bool usesGraphRoot(const QUrl &root, const QUrl &authorityRoot) const;
    bool isValid() const { return !tenantId.isEmpty() && !objectId.isEmpty(); }
    bool operator==(const Account &) const = default;
};

} // namespace keyturn

Q_DECLARE_METATYPE(keyturn::Account)
