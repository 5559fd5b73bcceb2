#include "demo/DemoRequest.h"

#include <QRegularExpression>

namespace keyturn::demo {

QUrl DemoRequest::publicBaseUrl(const QUrl &serverBase) const
{
    static const QRegularExpression hostPattern(QStringLiteral(
        "^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$"));
    const QString host = QString::fromLatin1(header("Host")).trimmed();
    if (host.isEmpty() || !hostPattern.match(host).hasMatch())
        return serverBase;
    const QUrl url(serverBase.scheme() + QStringLiteral("://") + host, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.port() == 0)
        return serverBase;
    return url;
}

QUrlQuery DemoRequest::parseQuery(const QString &encodedQuery)
{
    QStringList items;
    for (const QString &pair : encodedQuery.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString rawName = equals < 0 ? pair : pair.left(equals);
        // Decode the name, then encode again only what would break the query's syntax.
        const QByteArray name
            = QUrl::toPercentEncoding(QUrl::fromPercentEncoding(rawName.toLatin1()), "$()*!',;:@/?");
        QString item = QString::fromLatin1(name);
        if (equals >= 0)
            item += pair.mid(equals);
        items.append(item);
    }
    return QUrlQuery(items.join(u'&'));
}

} // namespace keyturn::demo
