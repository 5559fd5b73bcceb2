// ActionOutcome: how one remote-action request ended, with the texts the UI shows (banner message,
// "Copy details") and the identifiers support asks for (request-id, date). Plain value.
#pragma once

#include <QString>

#include <optional>

namespace keyturn {

struct ActionOutcome {
    enum class Result {
        Sent, ///< Intune accepted it (2xx); the device carries it out at its next check-in
        Failed, ///< Intune refused it or it was never sent (nothing to check)
        Unknown, ///< sent, but no answer arrived (timeout, dropped connection): never re-sent
        Cancelled ///< abandoned before an answer; treat like Unknown if it may have left
    };
    Result result = Result::Failed;
    QString actionId, deviceId, deviceName;
    int httpStatus = 0;
    QString message; ///< translated, one or two sentences for the banner/dialog
    QString details; ///< multi-line text for "Copy details" (no secrets)
    QString requestId, clientRequestId, date;
    QString errorCode; ///< Graph error code when Failed over HTTP
    QString auditEntryId; ///< the audit log entry of this request (empty without an audit log)
    std::optional<int> retryAfterSecs;

    bool isSent() const { return result == Result::Sent; }
};

} // namespace keyturn
