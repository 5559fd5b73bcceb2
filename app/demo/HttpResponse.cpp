#include "demo/HttpResponse.h"

#include "demo/DemoEncoding.h"

namespace keyturn::demo {

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::html(int status, const QString &html)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    r.body = html.toUtf8();
    return r;
}

HttpResponse HttpResponse::redirect(const QUrl &location)
{
    HttpResponse r;
    r.status = 302;
    r.setHeader("Location", location.toEncoded());
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray HttpResponse::serializedHead() const
{
    QByteArray head;
    head.reserve(512);
    head.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    head.append("\r\n");
    for (const auto &h : headers)
        head.append(h.first).append(": ").append(h.second).append("\r\n");
    head.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n\r\n");
    return head;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace keyturn::demo
