#include "EndpointText.h"

#include "auth/Account.h"
#include "auth/CloudConfig.h"

#include <QCoreApplication>

namespace keyturn::ui {

QString endpointHost(const QUrl &root)
{
    const QString host = root.host();
    const QString shown = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return root.port() == -1 ? shown : shown + QLatin1Char(':') + QString::number(root.port());
}

QString customEndpointText(const keyturn::AuthConfig &config)
{
    // Normalized the way accounts store roots, so "https://graph.microsoft.com/" is the default.
    const auto same = [](const QUrl &a, const QUrl &b) {
        return Account::graphRootOf(a, QUrl()) == Account::graphRootOf(b, QUrl());
    };
    if (same(config.authorityRoot, AuthConfig::defaultAuthorityRoot(config.cloud))
        && same(config.graphRoot, AuthConfig::defaultGraphRoot(config.cloud)))
        return {};
    return QCoreApplication::translate("keyturn::ui::EndpointText", "Sign-in: %1 · Graph: %2")
        .arg(endpointHost(config.authorityRoot), endpointHost(config.graphRoot));
}

} // namespace keyturn::ui
