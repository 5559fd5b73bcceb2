// SessionRevocations: when each demo user's sessions were revoked (POST /_demo/revoke-sessions),
// in epoch seconds as Continuous Access Evaluation states it. Tokens issued before that second are
// revoked. Confined to the server thread.
#pragma once

#include <QHash>
#include <QString>

namespace keyturn::demo {

class SessionRevocations {
public:
    void revoke(const QString &userKey, qint64 atSecs) { m_revokedAt.insert(userKey, atSecs); }
    /// The revocation time of the user's sessions, or -1 when never revoked.
    qint64 revokedAtSecs(const QString &userKey) const { return m_revokedAt.value(userKey, -1); }
    /// True when something issued at issuedAtSecs to the user predates a revocation.
    bool isRevoked(const QString &userKey, qint64 issuedAtSecs) const
    {
        return issuedAtSecs < revokedAtSecs(userKey);
    }

private:
    QHash<QString, qint64> m_revokedAt;
};

} // namespace keyturn::demo
