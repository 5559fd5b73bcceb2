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
    enum class Kind {
        None,
        Http,
        Network,
        Timeout,
        Malformed,
        OutcomeUnknown,
        Cancelled,
        Auth,
        UntrustedHost
    };
    Kind kind = Kind::None;
    QString networkErrorText; ///< QNetworkReply::errorString() etc.

    bool isError() const { return kind != Kind::None; }
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

/// Retry-After is delta-seconds or an HTTP-date (RFC 9110); the date form is turned into seconds
/// from now (never negative). nullopt when missing or unparsable.
std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

/// An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT") in UTC; invalid when unparsable.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace keyturn
