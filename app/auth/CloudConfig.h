// CloudConfig: the national clouds (DESIGN 4.2) and AuthConfig, everything one sign-in needs
// (authority, tenant, client id, Graph root and resource). Pure values; no I/O.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace keyturn {

enum class Cloud { Global, UsGovL4, UsGovL5, China };

/// Stable identifier used in settings, on the command line and in keychain keys.
QString cloudId(Cloud cloud); // "global", "usgov", "usgovdod", "china"
std::optional<Cloud> cloudFromId(const QString &id);
/// Translated name for menus and dialogs: "Global", "US Government (L4)", ...
QString cloudDisplayName(Cloud cloud);
QList<Cloud> allClouds();
/// The cloud's Microsoft Intune admin center ("https://intune.microsoft.com" for Global).
QUrl intuneAdminCenterRoot(Cloud cloud);

/// The "Microsoft Graph Command Line Tools" public client (redirect http://localhost).
inline constexpr const char *kDefaultClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

struct AuthConfig {
    Cloud cloud = Cloud::Global;
    QString tenant = QStringLiteral("organizations");
    QString clientId = QLatin1String(kDefaultClientId);
    QUrl authorityRoot = QUrl(QStringLiteral("https://login.microsoftonline.com"));
    QUrl graphRoot = QUrl(QStringLiteral("https://graph.microsoft.com"));
    /// The cloud's Graph resource URI used to build scopes, even when graphRoot is custom.
    QString graphResource = QStringLiteral("https://graph.microsoft.com");

    static AuthConfig forCloud(Cloud cloud);
    /// Cloud defaults for authority and Graph root (to tell custom URLs from defaults).
    static QUrl defaultAuthorityRoot(Cloud cloud);
    static QUrl defaultGraphRoot(Cloud cloud);

    /// Short names of scopes added for this session by incremental consent (BitlockerKey.Read.All...).
    QStringList extraScopes;

    /// Delegated Graph scopes for Intune remote actions and extraScopes, plus openid profile
    /// offline_access.
    QStringList scopes() const;
    QUrl authorizeUrl() const;
    /// {authority}/{tenantOverride or tenant}/oauth2/v2.0/token; refresh uses the account's tid.
    QUrl tokenUrl(const QString &tenantOverride = {}) const;
    QUrl deviceCodeUrl() const;
    /// {graphRoot}/beta, the one Graph base Keyturn uses.
    QUrl graphBetaUrl() const;

    bool operator==(const AuthConfig &) const = default;
};

/// Empty when url is acceptable as an authority or Graph root (https, or http on 127.0.0.1,
/// localhost or [::1]); otherwise a clear, translated message naming the URL. example is the
/// full URL the message suggests for this setting (a sign-in host unless told otherwise).
QString validateEndpointUrl(
    const QUrl &url, const QString &example = QStringLiteral("https://login.microsoftonline.com"));

} // namespace keyturn
