// AuthError: why a sign-in or a token refresh failed, with Entra's own fields kept verbatim for
// "Copy details". Never holds a token, code or verifier.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace keyturn {

struct AuthError {
    enum class Kind {
        None,
        Cancelled, ///< the user cancelled in Keyturn
        Denied, ///< access_denied / authorization_declined in the browser
        Timeout, ///< the browser or device code flow did not finish in time
        Network, ///< no answer from the sign-in service
        Tls, ///< the service's certificate was refused (untrusted, expired, wrong host): not transient
        Server, ///< an Entra error other than the ones below, or HTTP 5xx
        Protocol, ///< an answer Keyturn cannot use (malformed JSON, missing fields...)
        InvalidGrant, ///< refresh token / code expired, revoked or already used
        InteractionRequired, ///< MFA, consent or Conditional Access need the browser
        Browser, ///< the browser could not be opened / the loopback port not bound
    };
    Kind kind = Kind::None;
    QString error; ///< Entra "error" (e.g. invalid_grant)
    QString description; ///< error_description, or a network error text
    QList<int> errorCodes;
    QString correlationId, traceId, timestamp;
    int httpStatus = 0;

    bool isError() const { return kind != Kind::None; }
    /// Network trouble or a server failure worth retrying later (keeps the session).
    bool isTransient() const;

    /// Translated one-paragraph message for a dialog.
    QString userMessage() const;
    /// Multi-line text for "Copy details" (no secrets).
    QString details() const;

    static AuthError make(Kind kind, const QString &description = {});
};

} // namespace keyturn

Q_DECLARE_METATYPE(keyturn::AuthError)
