// RedirectRequest: a pure parser of one HTTP request head arriving on the loopback redirect
// listener. It only classifies; the listener decides (state check, answer, lifetime).
#pragma once

#include <QByteArray>
#include <QString>

namespace keyturn {

struct RedirectRequest {
    enum class Kind {
        Incomplete, ///< no complete request head yet: keep reading
        Malformed, ///< not an HTTP/1.x request line, or too long: 400 and close
        OtherPath, ///< a well-formed request that is not GET /?query (favicon, POST, ...): 404
        Callback, ///< GET /?...: the authorization response (state not checked here)
    };
    Kind kind = Kind::Incomplete;
    QString method;
    QString path; ///< decoded path without the query
    QString code, state, error, errorDescription;
};

/// Largest request head accepted; a browser's redirect is far below it.
inline constexpr qsizetype kMaxRedirectRequestBytes = 16 * 1024;

/// Classifies the bytes received so far on one connection.
RedirectRequest parseRedirectRequest(const QByteArray &data);

} // namespace keyturn
