#include "auth/CloudConfig.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace keyturn {

namespace {

struct CloudRow {
    Cloud cloud;
    const char *id;
    const char *displayName;
    const char *authority;
    const char *graph;
    const char *intunePortal; // the Microsoft Intune admin center
};

// DESIGN 4.2. Graph resource URI = Graph root for every cloud. The admin center of both US
// Government clouds is intune.microsoft.us; 21Vianet's is intune.microsoftonline.cn.
constexpr CloudRow kClouds[] = {
    { Cloud::Global, "global", QT_TRANSLATE_NOOP("keyturn::Cloud", "Global"),
        "https://login.microsoftonline.com", "https://graph.microsoft.com", "https://intune.microsoft.com" },
    { Cloud::UsGovL4, "usgov", QT_TRANSLATE_NOOP("keyturn::Cloud", "US Government (L4)"),
        "https://login.microsoftonline.us", "https://graph.microsoft.us", "https://intune.microsoft.us" },
    { Cloud::UsGovL5, "usgovdod", QT_TRANSLATE_NOOP("keyturn::Cloud", "US Government (L5, DoD)"),
        "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://intune.microsoft.us" },
    { Cloud::China, "china", QT_TRANSLATE_NOOP("keyturn::Cloud", "China (21Vianet)"),
        "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn",
        "https://intune.microsoftonline.cn" },
};

const CloudRow &row(Cloud cloud)
{
    for (const CloudRow &r : kClouds) {
        if (r.cloud == cloud)
            return r;
    }
    return kClouds[0];
}

QString trimmedPath(const QUrl &root)
{
    QString path = root.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

QUrl withPath(const QUrl &root, const QString &suffix)
{
    QUrl url = root;
    url.setPath(trimmedPath(root) + suffix);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace

QString cloudId(Cloud cloud)
{
    return QLatin1String(row(cloud).id);
}

std::optional<Cloud> cloudFromId(const QString &id)
{
    const QString wanted = id.trimmed().toLower();
    for (const CloudRow &r : kClouds) {
        if (wanted == QLatin1String(r.id))
            return r.cloud;
    }
    return std::nullopt;
}

QString cloudDisplayName(Cloud cloud)
{
    return QCoreApplication::translate("keyturn::Cloud", row(cloud).displayName);
}

QList<Cloud> allClouds()
{
    QList<Cloud> clouds;
    for (const CloudRow &r : kClouds)
        clouds.append(r.cloud);
    return clouds;
}

QUrl intuneAdminCenterRoot(Cloud cloud)
{
    return QUrl(QLatin1String(row(cloud).intunePortal));
}

QUrl AuthConfig::defaultAuthorityRoot(Cloud cloud)
{
    return QUrl(QLatin1String(row(cloud).authority));
}

QUrl AuthConfig::defaultGraphRoot(Cloud cloud)
{
    return QUrl(QLatin1String(row(cloud).graph));
}

AuthConfig AuthConfig::forCloud(Cloud cloud)
{
    AuthConfig config;
    config.cloud = cloud;
    config.authorityRoot = defaultAuthorityRoot(cloud);
    config.graphRoot = defaultGraphRoot(cloud);
    config.graphResource = QLatin1String(row(cloud).graph);
    return config;
}

QStringList AuthConfig::scopes() const
{
    QString resource = graphResource;
    while (resource.endsWith(QLatin1Char('/')))
        resource.chop(1);
    QStringList scopes{ resource + QStringLiteral("/DeviceManagementManagedDevices.Read.All"),
        resource + QStringLiteral("/DeviceManagementManagedDevices.PrivilegedOperations.All") };
    for (const QString &extra : extraScopes)
        scopes.append(resource + u'/' + extra);
    scopes << QStringLiteral("openid") << QStringLiteral("profile") << QStringLiteral("offline_access");
    return scopes;
}

QUrl AuthConfig::authorizeUrl() const
{
    return withPath(authorityRoot, QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/authorize"));
}

QUrl AuthConfig::tokenUrl(const QString &tenantOverride) const
{
    const QString t = tenantOverride.isEmpty() ? tenant : tenantOverride;
    return withPath(authorityRoot, QLatin1Char('/') + t + QStringLiteral("/oauth2/v2.0/token"));
}

QUrl AuthConfig::deviceCodeUrl() const
{
    return withPath(authorityRoot, QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/devicecode"));
}

QUrl AuthConfig::graphBetaUrl() const
{
    return withPath(graphRoot, QStringLiteral("/beta"));
}

QString validateEndpointUrl(const QUrl &url, const QString &example)
{
    // tr() in the context lupdate gives it here (the enclosing namespace or class).
    const auto tr = [](const char *text) { return QCoreApplication::translate("keyturn", text); };
    const QString shown = url.toDisplayString();
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return tr("\"%1\" is not a valid address. Use a full URL such as %2.").arg(shown, example);
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("\"%1\" must not contain a user name, a query or a fragment.").arg(shown);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        const QString host = url.host().toLower();
        if (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")
            || QHostAddress(host) == QHostAddress(QHostAddress::LocalHostIPv6))
            return {};
        return tr("\"%1\" is refused: Keyturn sends sign-in data only over https (plain http is allowed "
                  "only for http://127.0.0.1, http://localhost and http://[::1]).")
            .arg(shown);
    }
    return tr("\"%1\" is refused: only https addresses are allowed.").arg(shown);
}

} // namespace keyturn
