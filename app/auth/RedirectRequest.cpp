#include "auth/RedirectRequest.h"

#include <QUrl>
#include <QUrlQuery>

namespace keyturn {

namespace {

RedirectRequest malformed()
{
    RedirectRequest r;
    r.kind = RedirectRequest::Kind::Malformed;
    return r;
}

bool isTokenChar(char c)
{
    return c >= 'A' && c <= 'Z';
}

} // namespace

RedirectRequest parseRedirectRequest(const QByteArray &data)
{
    qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        headEnd = data.indexOf("\n\n");
    if (headEnd < 0) {
        // Reject obvious garbage early instead of waiting for a head that never comes.
        const qsizetype lineEnd = data.indexOf('\n');
        if (data.size() > kMaxRedirectRequestBytes)
            return malformed();
        if (lineEnd < 0) {
            for (char c : data.left(8)) {
                if (c == ' ')
                    break;
                if (!isTokenChar(c))
                    return malformed();
            }
            return {};
        }
    }
    if (headEnd > kMaxRedirectRequestBytes)
        return malformed();

    qsizetype lineEnd = data.indexOf('\n');
    QByteArray line = data.left(lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(2).startsWith("HTTP/1."))
        return malformed();
    for (char c : parts.at(0)) {
        if (!isTokenChar(c))
            return malformed();
    }
    const QByteArray &target = parts.at(1);
    if (!target.startsWith('/'))
        return malformed();
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return malformed();
    }
    if (headEnd < 0)
        return {}; // request line fine, headers still arriving

    RedirectRequest r;
    r.method = QString::fromLatin1(parts.at(0));
    const qsizetype q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    r.path = QUrl::fromPercentEncoding(rawPath);
    if (r.method != QLatin1String("GET") || rawPath != "/" || q < 0) {
        r.kind = RedirectRequest::Kind::OtherPath;
        return r;
    }
    // application/x-www-form-urlencoded: '+' is a space; a literal '+' arrives as %2B.
    QByteArray rawQuery = target.mid(q + 1);
    rawQuery.replace('+', "%20");
    const QUrlQuery query(QString::fromLatin1(rawQuery));
    const auto value
        = [&query](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    r.kind = RedirectRequest::Kind::Callback;
    r.code = value("code");
    r.state = value("state");
    r.error = value("error");
    r.errorDescription = value("error_description");
    return r;
}

} // namespace keyturn
