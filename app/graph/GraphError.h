// GraphError: what went wrong with one Graph request, parsed from Graph's error envelope
// {"error":{code,message,innerError{date,request-id,client-request-id}}} (both Intune nesting
// levels included) or from the network layer. Callers branch on kind/httpStatus/code, never on text.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QString>

#include <optional>

namespace keyturn {

struct GraphError {
    int httpStatus = 0; ///< 0 for network-level failures
    QString code; ///< Graph "code" (BadRequest, Forbidden, ResourceNotFound, ...)
    QString message; ///< human text; for Intune's nested JSON message the innermost "Message"
    QString innerCode; ///< e.g. "Forbidden" from the twice-nested UnknownError
    QString requestId, clientRequestId, date;
    std::optional<int> retryAfterSecs;
    /// The JSON claims of a Continuous Access Evaluation challenge (a 401 whose WWW-Authenticate
    /// says error="insufficient_claims"), decoded from base64; empty otherwise.
    QString claimsChallenge;
    enum class Kind {
        None,
        Http,
        Network,
        Timeout,
        Malformed,
        OutcomeUnknown,
        Cancelled,
        Auth,
        UntrustedHost,
        MissingRole, ///< Intune's 401 for an account without a role (or licence) for the call
        NotSent ///< a POST Graph refused before acting (401): nothing happened; the user may try again
    };
    Kind kind = Kind::None;
    QString networkErrorText; ///< QNetworkReply::errorString() etc.
    bool write = false; ///< the request was a POST (a remote action), for the role named in summary()

    bool isError() const { return kind != Kind::None; }
    /// Intune's answer to an account without a role or licence for the call: HTTP 401 with code
    /// UnknownError nesting "ErrorCode":"Forbidden" (not a token problem: a new token gets the same).
    bool isIntuneForbidden() const;
    /// Multi-line text for "Copy details": status, code, message, request-id, client-request-id, date.
    QString details() const;
    /// One translated sentence for a banner ("The device was not found.", "Could not reach ...").
    QString summary() const;
};

/// Parses a Graph error body. Never fails: an unparsable body gives code "" and the raw text
/// (truncated) as message. Kind is Http for any status >= 400 (None otherwise). Headers supply
/// request-id / client-request-id / Date / Retry-After when the body lacks them.
GraphError parseGraphError(
    int httpStatus, const QByteArray &body, const QList<QNetworkReply::RawHeaderPair> &headers = {});

/// The auth-param of a WWW-Authenticate header value (Bearer realm="", error="...", claims="..."),
/// unquoted; empty when absent.
QByteArray wwwAuthenticateParam(const QByteArray &headerValue, const QByteArray &name);

/// Retry-After is delta-seconds or an HTTP-date (RFC 9110); the date form is turned into seconds
/// from now (never negative). nullopt when missing or unparsable.
std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

/// An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT") in UTC; invalid when unparsable.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace keyturn
