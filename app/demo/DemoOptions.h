// DemoOptions: every knob of the demo tenant, with the defaults of the command line.
#pragma once

#include <QString>
#include <QStringList>

namespace keyturn::demo {

inline constexpr int kMaxDemoTenants = 50; ///< the most tenants one demo serves

struct DemoOptions {
    quint16 port = 0; ///< 0 = any free port
    int devices = 250; ///< number of generated managed devices (in each tenant)
    int tenants = 1; ///< Entra tenants served: Example Ltd, then Fabrikam, Northwind Traders, ...
    quint32 seed = 1; ///< drives the generated data and the fault sequence (never a secret)
    /// "helpdesk" / "readonly" / "norole" (tenant 1) or any tenant's UPN: /authorize redirects at once
    QString autoApproveUser;
    bool denyConsent = false; ///< sign-ins decline every scope not yet consented (AADSTS65004)
    int tokenLifetimeSecs = 3600; ///< access/id token lifetime, also the token response's expires_in
    int actionDelaySecs = 5; ///< pending -> done after a remote action
    int deviceCodeIntervalSecs = 5; ///< the device code grant's polling interval
    int latencyMs = 0; ///< added to every Graph response
    int pageMs = 0; ///< server time per device list page, on top of latencyMs
    int endEarlyAfter = 0; ///< > 0: the unfiltered list ends (no nextLink) after this many devices
    /// Date comparisons in $filter are silently ignored (the whole filter then matches every device).
    bool ignoreDateFilters = false;
    int overviewLag = 0; ///< the overview does not count the this many most recently enrolled devices
    double fault429 = 0.0; ///< probability per Graph request
    bool noRetryAfter = false; ///< 429s come without Retry-After (as Intune often does)
    double fault503 = 0.0;
    double faultDrop = 0.0;
    double faultMalformed = 0.0;
    /// PEM files of the server certificate (with any intermediates after it) and its private key.
    /// Set: the tenant serves https and hands out https URLs (one without the other is an error at
    /// start); both empty: plain http.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    /// Where the signing secret lives (created with a fresh random secret, mode 0600, when absent),
    /// so tokens survive a restart. Empty: a fresh random secret for every DemoTenant.
    QString secretFile;

    bool servesHttps() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }

    bool operator==(const DemoOptions &) const = default;
};

} // namespace keyturn::demo
