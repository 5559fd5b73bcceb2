// HttpResponse: one raw HTTP/1.1 response of the demo tenant, plus how to deliver it (delay,
// truncate-and-abort, abort, never answer). DemoHttpServer turns it into bytes on the socket.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace keyturn::demo {

struct HttpResponse {
    enum class Delivery {
        Normal,
        TruncateAndAbort, ///< status line, headers and part of the body, then the connection drops
        AbortWithoutAnswer,
        Hang ///< never answered; the client has to give up
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0;
    QByteArray fault; ///< the injected fault's name, for /_demo/requests; empty when none
    QString tenant; ///< the tenant id the request was served for, for /_demo/requests; empty when none

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse html(int status, const QString &html);
    static HttpResponse redirect(const QUrl &location);
    static HttpResponse noContent();

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    /// Status line and headers (with Content-Length of the full body), ending in the blank line.
    QByteArray serializedHead() const;
    static QByteArray reasonPhrase(int status);
};

} // namespace keyturn::demo
