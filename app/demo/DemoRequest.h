// DemoRequest: a request as the demo tenant's services see it, copied out of QHttpServerRequest
// so the services do not depend on the QtHttpServer version and can be unit-tested directly.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace keyturn::demo {

struct DemoRequest {
    QByteArray method; ///< "GET", "POST", "DELETE", ...
    QString path; ///< decoded path, e.g. /beta/deviceManagement/managedDevices
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Requests the server held unanswered as this one arrived, this one included (0: not counted).
    int unanswered = 0;

    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }

    /// The root URL the client used: serverBase's scheme with the Host header's name and port (so a
    /// proxy or another host name in front keeps working); serverBase when Host is absent or bad.
    QUrl publicBaseUrl(const QUrl &serverBase) const;

    /// A fully encoded query string as Graph reads it: percent-encoded option names are decoded
    /// (%24top is $top); values stay as they were.
    static QUrlQuery parseQuery(const QString &encodedQuery);
};

} // namespace keyturn::demo
