// EndpointText: how sign-in and Graph roots are named to the user ("graph.contoso.example",
// "127.0.0.1:8400"), and the line shown when either is not the cloud's default.
#pragma once

#include <QString>
#include <QUrl>

namespace keyturn {
struct AuthConfig;
}

namespace keyturn::ui {

/// The host of a root URL, with its port when one is given.
QString endpointHost(const QUrl &root);
/// "Sign-in: login.contoso.example · Graph: graph.contoso.example" when the authority or Graph
/// root differs from the cloud's default; empty when both are the defaults.
QString customEndpointText(const keyturn::AuthConfig &config);

} // namespace keyturn::ui
