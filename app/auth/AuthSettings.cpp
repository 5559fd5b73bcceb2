#include "auth/AuthSettings.h"

#include "core/CommandLine.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace keyturn {

namespace {

const QString kGroup = QStringLiteral("auth");

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

bool isValidClientId(const QString &id)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$"));
    return pattern.match(id).hasMatch();
}

QUrl normalizedRoot(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

bool isValidTenant(const QString &tenant)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$"));
    return pattern.match(tenant).hasMatch();
}

QString invalidTenantMessage(const QString &tenant)
{
    return tr("\"%1\" is not a tenant id or domain.").arg(tenant);
}

AuthConfig loadAuthConfig(QSettings &settings)
{
    settings.beginGroup(kGroup);
    const auto cloud = cloudFromId(settings.value(QStringLiteral("cloud")).toString());
    AuthConfig config = AuthConfig::forCloud(cloud.value_or(Cloud::Global));
    const QString tenant = settings.value(QStringLiteral("tenant")).toString();
    if (isValidTenant(tenant))
        config.tenant = tenant;
    const QString clientId = settings.value(QStringLiteral("clientId")).toString();
    if (isValidClientId(clientId))
        config.clientId = clientId;
    const QString authority = settings.value(QStringLiteral("authorityUrl")).toString();
    if (!authority.isEmpty()) {
        const QUrl url = normalizedRoot(authority);
        if (validateEndpointUrl(url).isEmpty())
            config.authorityRoot = url;
        else
            qCWarning(lcAuth) << "ignoring saved authority URL that is not allowed";
    }
    const QString graph = settings.value(QStringLiteral("graphUrl")).toString();
    if (!graph.isEmpty()) {
        const QUrl url = normalizedRoot(graph);
        if (validateEndpointUrl(url).isEmpty())
            config.graphRoot = url;
        else
            qCWarning(lcAuth) << "ignoring saved Graph URL that is not allowed";
    }
    settings.endGroup();
    return config;
}

void saveAuthConfig(QSettings &settings, const AuthConfig &config)
{
    settings.beginGroup(kGroup);
    settings.setValue(QStringLiteral("cloud"), cloudId(config.cloud));
    settings.setValue(QStringLiteral("tenant"), config.tenant);
    settings.setValue(QStringLiteral("clientId"), config.clientId);
    if (config.authorityRoot != AuthConfig::defaultAuthorityRoot(config.cloud))
        settings.setValue(QStringLiteral("authorityUrl"), config.authorityRoot.toString());
    else
        settings.remove(QStringLiteral("authorityUrl"));
    if (config.graphRoot != AuthConfig::defaultGraphRoot(config.cloud))
        settings.setValue(QStringLiteral("graphUrl"), config.graphRoot.toString());
    else
        settings.remove(QStringLiteral("graphUrl"));
    settings.endGroup();
    settings.sync();
}

QString applyLaunchOptions(AuthConfig &config, const LaunchOptions &options)
{
    AuthConfig result = config;
    QStringList problems;
    if (!options.cloud.isEmpty()) {
        if (const auto cloud = cloudFromId(options.cloud)) {
            // A different cloud brings its own endpoints; custom URLs below still win.
            if (*cloud != result.cloud) {
                const AuthConfig defaults = AuthConfig::forCloud(*cloud);
                result.cloud = *cloud;
                result.authorityRoot = defaults.authorityRoot;
                result.graphRoot = defaults.graphRoot;
                result.graphResource = defaults.graphResource;
            }
        } else {
            problems << tr("Unknown cloud \"%1\": use global, usgov, usgovdod or china.").arg(options.cloud);
        }
    }
    if (!options.tenant.isEmpty()) {
        if (isValidTenant(options.tenant))
            result.tenant = options.tenant;
        else
            problems << invalidTenantMessage(options.tenant);
    }
    if (!options.clientId.isEmpty()) {
        if (isValidClientId(options.clientId))
            result.clientId = options.clientId;
        else
            problems << tr("\"%1\" is not an application (client) id; it looks like "
                           "00000000-0000-0000-0000-000000000000.")
                            .arg(options.clientId);
    }
    if (!options.authorityUrl.isEmpty()) {
        const QUrl url = normalizedRoot(options.authorityUrl);
        const QString problem = validateEndpointUrl(url);
        if (problem.isEmpty())
            result.authorityRoot = url;
        else
            problems << tr("Sign-in URL: %1").arg(problem);
    }
    if (!options.graphUrl.isEmpty()) {
        const QUrl url = normalizedRoot(options.graphUrl);
        // The example is a Graph root of the chosen cloud, not a sign-in host.
        const QString problem = validateEndpointUrl(
            url, AuthConfig::forCloud(result.cloud).graphRoot.toString(QUrl::StripTrailingSlash));
        if (problem.isEmpty())
            result.graphRoot = url;
        else
            problems << tr("Graph URL: %1").arg(problem);
    }
    if (!problems.isEmpty())
        return problems.join(QLatin1Char('\n'));
    config = result;
    return {};
}

} // namespace keyturn
