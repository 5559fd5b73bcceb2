#include "demo/DemoCommandLine.h"

#include "core/Version.h"
#include "demo/DemoDirectories.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace keyturn::demo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::demo::DemoCommandLine", text);
}

bool readInt(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max, qint64 *out,
    QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = tr("--%1: expected an integer from %2 to %3, got '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

bool readProbability(const QCommandLineParser &parser, const QString &name, double *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0)) {
        *error = tr("--%1: expected a probability from 0 to 1, got '%2'").arg(name, parser.value(name));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

QString demoTenantNotice()
{
    return tr("This demo tenant is for testing and training, not for production; no authentication: "
              "anyone who can reach its port can sign in as a demo user.");
}

DemoCommandLineResult parseDemoCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Keyturn demo tenant: a simulated Entra ID v2.0 + Intune Graph beta on http://127.0.0.1 "
           "(https with --tls-cert and --tls-key).")
        + u'\n' + demoTenantNotice());
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const auto valued = [](const char *name, const char *description, const char *valueName) {
        return QCommandLineOption(QLatin1String(name), tr(description), QLatin1String(valueName));
    };
    parser.addOptions({
        help,
        version,
        valued("port", "Port to listen on, 0 = any free port (default 0).", "port"),
        valued("devices", "Number of managed devices in each tenant (default 250).", "n"),
        valued("tenants",
            "Number of Entra tenants to serve (default 1): Example Ltd, then Fabrikam, Northwind Traders, "
            "Tailspin Toys, Woodgrove Bank ..., each with its own users and devices.",
            "n"),
        valued("seed", "Seed for the generated devices and faults (default 1); never a key.", "seed"),
        valued("auto-approve",
            "Approve sign-ins at once as this user (helpdesk, readonly or norole of the first tenant, or "
            "any tenant's user by UPN).",
            "user"),
        QCommandLineOption(QStringLiteral("deny-consent"),
            tr("Sign-ins decline every scope the user has not consented to yet (BitLocker keys, local admin "
               "passwords).")),
        valued("token-lifetime", "Access token lifetime in seconds (default 3600).", "seconds"),
        valued("action-delay", "Seconds until a remote action reads done (default 5).", "seconds"),
        valued("device-code-interval", "Device code polling interval in seconds (default 5).", "seconds"),
        valued("latency-ms", "Delay every Graph response by this many milliseconds.", "ms"),
        valued("page-ms",
            "Server time per device list page in milliseconds, on top of --latency-ms "
            "(default 0).",
            "ms"),
        valued("end-early-after",
            "The unfiltered device list ends (no next link) after this many devices; the overview still "
            "counts all.",
            "n"),
        QCommandLineOption(QStringLiteral("ignore-date-filters"),
            tr("Silently ignore enrolledDateTime and lastSyncDateTime comparisons in $filter: such a filter "
               "then returns every device, as some tenants were reported to do.")),
        valued("overview-lag",
            "The overview does not count the n most recently enrolled devices yet (default 0).", "n"),
        valued("secret-file",
            "Keep the token-signing secret in this file (created mode 0600 if missing) so tokens survive "
            "a restart; default: a fresh random secret per run.",
            "file"),
        valued("fault-429", "Probability of 429 Too Many Requests per Graph request.", "p"),
        QCommandLineOption(QStringLiteral("no-retry-after"), tr("Send 429 responses without Retry-After.")),
        valued("fault-503", "Probability of 503 Service Unavailable per Graph request.", "p"),
        valued("fault-drop", "Probability of a dropped connection per Graph request.", "p"),
        valued("fault-malformed", "Probability of a malformed 200 body per Graph request.", "p"),
        valued("tls-cert", "Serve https with this PEM certificate (chain); needs --tls-key.", "file"),
        valued("tls-key", "The PEM private key (unencrypted) of --tls-cert.", "file"),
    });

    DemoCommandLineResult result;
    if (!parser.parse(arguments)) {
        result.action = DemoCommandLineResult::Action::Error;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.action = DemoCommandLineResult::Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = DemoCommandLineResult::Action::ShowVersion;
        result.text = QStringLiteral("keyturn-demo-tenant %1").arg(QLatin1String(kVersion));
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = DemoCommandLineResult::Action::Error;
        result.text = tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
        return result;
    }

    DemoOptions &o = result.options;
    QString error;
    qint64 port = o.port, devices = o.devices, tenants = o.tenants, seed = o.seed,
           lifetime = o.tokenLifetimeSecs, delay = o.actionDelaySecs, interval = o.deviceCodeIntervalSecs,
           latency = o.latencyMs, pageMs = o.pageMs, endEarly = o.endEarlyAfter, overviewLag = o.overviewLag;
    const bool ok = readInt(parser, QStringLiteral("port"), 0, 65535, &port, &error)
        && readInt(parser, QStringLiteral("devices"), 0, 1'000'000, &devices, &error)
        && readInt(parser, QStringLiteral("tenants"), 1, kMaxDemoTenants, &tenants, &error)
        && readInt(parser, QStringLiteral("seed"), 0, 4294967295LL, &seed, &error)
        && readInt(parser, QStringLiteral("token-lifetime"), 1, 86400, &lifetime, &error)
        && readInt(parser, QStringLiteral("action-delay"), 0, 86400, &delay, &error)
        && readInt(parser, QStringLiteral("device-code-interval"), 1, 600, &interval, &error)
        && readInt(parser, QStringLiteral("latency-ms"), 0, 600000, &latency, &error)
        && readInt(parser, QStringLiteral("page-ms"), 0, 600000, &pageMs, &error)
        && readInt(parser, QStringLiteral("end-early-after"), 1, 1'000'000, &endEarly, &error)
        && readInt(parser, QStringLiteral("overview-lag"), 0, 1'000'000, &overviewLag, &error)
        && readProbability(parser, QStringLiteral("fault-429"), &o.fault429, &error)
        && readProbability(parser, QStringLiteral("fault-503"), &o.fault503, &error)
        && readProbability(parser, QStringLiteral("fault-drop"), &o.faultDrop, &error)
        && readProbability(parser, QStringLiteral("fault-malformed"), &o.faultMalformed, &error);
    if (ok && o.fault429 + o.fault503 + o.faultDrop + o.faultMalformed > 1.0 + 1e-9)
        error = tr("the fault probabilities add up to more than 1");
    if (ok && parser.isSet(QStringLiteral("auto-approve"))) {
        o.autoApproveUser = parser.value(QStringLiteral("auto-approve"));
        if (!DemoDirectories(0, static_cast<int>(tenants)).findUser(o.autoApproveUser))
            error = tr("--auto-approve: unknown user '%1' (use helpdesk, readonly, norole or a tenant "
                       "user's UPN)")
                        .arg(o.autoApproveUser);
    }
    o.denyConsent = parser.isSet(QStringLiteral("deny-consent"));
    if (ok && error.isEmpty()) {
        o.tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
        o.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
        if (o.tlsCertificateFile.isEmpty() != o.tlsKeyFile.isEmpty())
            error = tr("--tls-cert and --tls-key go together: https needs both the certificate and its key");
        o.secretFile = parser.value(QStringLiteral("secret-file"));
        if (parser.isSet(QStringLiteral("secret-file")) && o.secretFile.isEmpty())
            error = tr("--secret-file: expected a file name");
    }
    if (!error.isEmpty()) {
        result.action = DemoCommandLineResult::Action::Error;
        result.text = error;
        return result;
    }
    o.port = static_cast<quint16>(port);
    o.devices = static_cast<int>(devices);
    o.tenants = static_cast<int>(tenants);
    o.seed = static_cast<quint32>(seed);
    o.tokenLifetimeSecs = static_cast<int>(lifetime);
    o.actionDelaySecs = static_cast<int>(delay);
    o.deviceCodeIntervalSecs = static_cast<int>(interval);
    o.latencyMs = static_cast<int>(latency);
    o.pageMs = static_cast<int>(pageMs);
    o.endEarlyAfter = static_cast<int>(endEarly);
    o.overviewLag = static_cast<int>(overviewLag);
    o.ignoreDateFilters = parser.isSet(QStringLiteral("ignore-date-filters"));
    o.noRetryAfter = parser.isSet(QStringLiteral("no-retry-after"));
    return result;
}

} // namespace keyturn::demo
