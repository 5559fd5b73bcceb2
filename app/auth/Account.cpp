#include "auth/Account.h"

namespace keyturn {

QString Account::keychainKey() const
{
    const QString key = QStringLiteral("%1:%2:%3").arg(cloudId(cloud), tenantId, objectId);
#ifdef Q_OS_WIN
    return QStringLiteral("Keyturn/") + key;
#else
    return key;
#endif
}

QString Account::authorityHostOf(const QUrl &authorityRoot)
{
    const QString host = authorityRoot.host().toLower();
    if (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")
        || host == QLatin1String("::1"))
        return QStringLiteral("loopback");
    return host;
}

namespace {

const QString kLoopback = QStringLiteral("loopback");

/// scheme://host[:port][/path] without a trailing slash or the scheme's default port.
QString normalizedRoot(const QUrl &root)
{
    QUrl url = root.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments | QUrl::RemoveQuery
        | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    const QString scheme = url.scheme().toLower();
    if ((scheme == QLatin1String("https") && url.port() == 443)
        || (scheme == QLatin1String("http") && url.port() == 80))
        url.setPort(-1);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url.toString();
}

} // namespace

QString Account::graphRootOf(const QUrl &graphRoot, const QUrl &authorityRoot)
{
    if (authorityHostOf(authorityRoot) == kLoopback
        && normalizedRoot(graphRoot) == normalizedRoot(authorityRoot))
        return kLoopback;
    return normalizedRoot(graphRoot);
}

QUrl Account::graphRootUrl(const QUrl &authorityRoot) const
{
    QString stored = graphRoot;
    if (stored.isEmpty())
        stored = authorityHost == kLoopback ? kLoopback : AuthConfig::defaultGraphRoot(cloud).toString();
    return stored == kLoopback ? authorityRoot : QUrl(stored);
}

bool Account::usesGraphRoot(const QUrl &root, const QUrl &authorityRoot) const
{
    return graphRootOf(root, authorityRoot) == graphRootOf(graphRootUrl(authorityRoot), authorityRoot);
}

} // namespace keyturn
