// RequestLog: what the demo tenant received (GET /_demo/requests), confined to the server thread.
// Records the Authorization scheme only, never the credential, never a request body, and shows the
// query parameters that carry sign-in secrets (state, PKCE, codes, tokens, claims, redirect URI)
// as [redacted].
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace keyturn::demo {

struct DemoRequest;

struct RequestLogEntry {
    QByteArray method;
    QString path;
    QString query; ///< fully decoded, e.g. $top=1000&$filter=operatingSystem eq 'macOS', secrets redacted
    QString clientRequestId;
    QByteArray authorizationScheme; ///< "Bearer" or ""
    int status = 0; ///< 0 when nothing was answered (dropped, hung)
    QByteArray fault;
    QString tenant; ///< the tenant id it was served for (the token's tid, the path's tenant), or ""
};

class RequestLog {
public:
    /// The query as logged: fully decoded, the values of secret-bearing parameters [redacted].
    static QString redactedQuery(const DemoRequest &request);
    void record(const DemoRequest &request, int status, const QByteArray &fault, const QString &tenant = {});
    void clear() { m_entries.clear(); }
    const QList<RequestLogEntry> &entries() const { return m_entries; }
    /// The JSON array served by GET /_demo/requests.
    QByteArray toJson() const;

private:
    QList<RequestLogEntry> m_entries;
};

} // namespace keyturn::demo
