#include "core/CommandLine.h"

#include "core/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace keyturn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

} // namespace

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Keyturn: Intune remote actions for single devices, such as rotating the FileVault "
           "recovery key of a corporate Mac."));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help and exit."));
    const QCommandLineOption versionOption(
        { QStringLiteral("v"), QStringLiteral("version") }, tr("Show the version and exit."));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), tr("Use the embedded demo tenant instead of Microsoft's cloud."));
    const QCommandLineOption demoDevicesOption(QStringLiteral("demo-devices"),
        tr("Number of devices in the demo tenant (default 250)."), tr("N"), QStringLiteral("250"));
    const QCommandLineOption demoTenantsOption(QStringLiteral("demo-tenants"),
        tr("Number of tenants the demo serves, each with its own users and devices (default 1)."), tr("N"),
        QStringLiteral("1"));
    const QCommandLineOption demoUserOption(QStringLiteral("demo-user"),
        tr("Sign in to the demo tenant as this user without a browser: helpdesk, readonly or norole (no "
           "Intune role). With "
           "--authority-url, the demo tenant at that address (a separate keyturn-demo-tenant)."),
        tr("USER"));
    const QCommandLineOption accountOption(QStringLiteral("account"),
        tr("Start with this remembered account (its user principal name, or its key "
           "cloud:tenant-id:object-id) instead of the one used last."),
        tr("ACCOUNT"));
    const QCommandLineOption cloudOption(
        QStringLiteral("cloud"), tr("Cloud: global, usgov, usgovdod or china."), tr("CLOUD"));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"), tr("Tenant id or domain (default: organizations)."), tr("TENANT"));
    const QCommandLineOption clientIdOption(
        QStringLiteral("client-id"), tr("Application (client) id used to sign in."), tr("ID"));
    const QCommandLineOption authorityOption(QStringLiteral("authority-url"),
        tr("Sign-in root such as https://login.microsoftonline.com (https, or loopback http)."), tr("URL"));
    const QCommandLineOption graphOption(QStringLiteral("graph-url"),
        tr("Graph root such as https://graph.microsoft.com (https, or loopback http)."), tr("URL"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        tr("Render the main window to FILE (PNG) once the device list has loaded, then exit."), tr("FILE"));
    const QCommandLineOption deviceOption(QStringLiteral("device"),
        tr("Select the device named NAME and open its pane once the list has loaded."), tr("NAME"));
    const QCommandLineOption confirmationOption(QStringLiteral("screenshot-confirmation"),
        tr("With --screenshot and --device: open the confirmation of remote action ACTION (such as "
           "rotateFileVaultKey) and include it in the picture. Nothing is sent."),
        tr("ACTION"));
    const QCommandLineOption secretOption(QStringLiteral("screenshot-secret"),
        tr("With --demo and --screenshot-confirmation naming a key or password (such as viewFileVaultKey): "
           "answer Yes and picture the demo tenant's value in its dialog."));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
        tr("Also trust the CA certificates in FILE (PEM), for example of a network that inspects TLS. "
           "The system's CA store stays trusted."),
        tr("FILE"));
    parser.addOptions({ helpOption, versionOption, demoOption, demoDevicesOption, demoTenantsOption,
        demoUserOption, accountOption, cloudOption, tenantOption, clientIdOption, authorityOption,
        graphOption, screenshotOption, deviceOption, confirmationOption, secretOption, caFileOption });

    CommandLineResult result;
    if (!parser.parse(arguments)) {
        result.action = CommandLineResult::Action::Error;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.action = CommandLineResult::Action::ShowHelp;
        const QString exe
            = arguments.isEmpty() ? QStringLiteral("keyturn") : QFileInfo(arguments.first()).fileName();
        QString help = parser.helpText();
        // helpText() names the program after QCoreApplication, which may not exist yet.
        const qsizetype firstLineEnd = help.indexOf(QLatin1Char('\n'));
        help = tr("Usage: %1 [options]").arg(exe) + help.mid(firstLineEnd);
        result.text = help;
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = CommandLineResult::Action::ShowVersion;
        result.text = QStringLiteral("keyturn %1\n").arg(QLatin1String(kVersion));
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("Unexpected argument: %1").arg(parser.positionalArguments().first());
        return result;
    }

    LaunchOptions &o = result.options;
    // --demo-user with --authority-url signs in to that (separately started) demo tenant instead
    // of embedding one, e.g. a keyturn-demo-tenant serving https.
    o.demo = parser.isSet(demoOption) || parser.isSet(demoDevicesOption) || parser.isSet(demoTenantsOption)
        || (parser.isSet(demoUserOption) && !parser.isSet(authorityOption));
    bool ok = false;
    o.demoDevices = parser.value(demoDevicesOption).toInt(&ok);
    if (!ok || o.demoDevices < 0 || o.demoDevices > 1'000'000) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--demo-devices needs a number from 0 to 1000000.");
        return result;
    }
    o.demoTenants = parser.value(demoTenantsOption).toInt(&ok);
    if (!ok || o.demoTenants < 1 || o.demoTenants > 50) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--demo-tenants needs a number from 1 to 50.");
        return result;
    }
    o.demoUser = parser.value(demoUserOption);
    if (!o.demoUser.isEmpty() && o.demoUser != QLatin1String("helpdesk")
        && o.demoUser != QLatin1String("readonly") && o.demoUser != QLatin1String("norole")) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--demo-user must be helpdesk, readonly or norole.");
        return result;
    }
    // An option given with an empty value ("--tenant ''") is a mistake, not "use the default".
    for (const QCommandLineOption *option :
        { &accountOption, &cloudOption, &tenantOption, &clientIdOption, &authorityOption, &graphOption }) {
        if (parser.isSet(*option) && parser.value(*option).trimmed().isEmpty()) {
            result.action = CommandLineResult::Action::Error;
            result.text = tr("--%1 needs a value; leave the option out to keep the remembered setting.")
                              .arg(option->names().constFirst());
            return result;
        }
    }
    o.account = parser.value(accountOption).trimmed();
    o.cloud = parser.value(cloudOption);
    o.tenant = parser.value(tenantOption);
    o.clientId = parser.value(clientIdOption);
    o.authorityUrl = parser.value(authorityOption);
    o.graphUrl = parser.value(graphOption);
    o.screenshotFile = parser.value(screenshotOption);
    o.deviceName = parser.value(deviceOption);
    o.screenshotConfirmation = parser.value(confirmationOption);
    o.screenshotSecret = parser.isSet(secretOption);
    o.caFile = parser.value(caFileOption);
    if (parser.isSet(caFileOption) && o.caFile.isEmpty()) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--ca-file needs the path of a PEM file.");
        return result;
    }
    if (!o.screenshotConfirmation.isEmpty() && (o.screenshotFile.isEmpty() || o.deviceName.isEmpty())) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--screenshot-confirmation needs --screenshot and --device.");
        return result;
    }
    if (o.screenshotSecret && (o.screenshotConfirmation.isEmpty() || !o.demo)) {
        result.action = CommandLineResult::Action::Error;
        result.text = tr("--screenshot-secret needs --demo and --screenshot-confirmation: it pictures demo "
                         "values only.");
        return result;
    }
    return result;
}

} // namespace keyturn
