// JwtClaims: the few access/id token claims Keyturn reads for display and gating (never for
// security decisions). decodeJwtClaims() is pure and does not verify signatures.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyturn {

struct JwtClaims {
    QString tenantId; ///< tid
    QString objectId; ///< oid
    QString upn; ///< upn, else preferred_username
    QString name; ///< name
    QStringList scopes; ///< scp split on spaces
    qint64 expiresAt = 0; ///< exp, seconds since the epoch (0 when absent)
};

/// Claims of a compact JWT (header.payload.signature); nullopt when it is not one.
std::optional<JwtClaims> decodeJwtClaims(const QString &token);

} // namespace keyturn
