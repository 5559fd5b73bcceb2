// AuthSettings: AuthConfig's fields (never secrets) in QSettings, and command-line overrides
// (LaunchOptions) applied on top with validation. Errors come back as translated text.
#pragma once

#include "auth/CloudConfig.h"

class QSettings;

namespace keyturn {

struct LaunchOptions;

/// Reads the "auth" group; cloud defaults fill what is missing. Invalid saved URLs fall back to
/// the cloud default (a settings file edited by hand must not send sign-in data over http).
AuthConfig loadAuthConfig(QSettings &settings);
/// Writes cloud, tenant, client id and the custom URLs (only when they differ from the cloud's).
void saveAuthConfig(QSettings &settings, const AuthConfig &config);

/// True for a tenant id or domain that may go into a sign-in URL (letters, digits, dots, hyphens).
bool isValidTenant(const QString &tenant);
/// The one message for a refused tenant, on the command line and in the sign-in screen.
QString invalidTenantMessage(const QString &tenant);

/// Applies --cloud, --tenant, --client-id, --authority-url and --graph-url to config. Returns an
/// empty string on success, else every problem found (config is then left unchanged).
QString applyLaunchOptions(AuthConfig &config, const LaunchOptions &options);

} // namespace keyturn
