// CommandLine: Keyturn's options, parsed without a QApplication so --help and --version work with
// no display. parse() never exits the process; the caller prints and returns.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace keyturn {

struct LaunchOptions {
    bool demo = false;
    int demoDevices = 250; ///< in each demo tenant
    int demoTenants = 1; ///< Entra tenants the embedded demo serves (Example Ltd, Fabrikam, ...)
    QString demoUser; ///< "helpdesk" / "readonly": sign in to the demo tenant, no browser (the embedded
                      ///< one, or with authorityUrl the demo tenant there)
    QString account; ///< UPN or keychain key of a remembered account to start with; empty = the last used
    QString cloud; ///< empty = keep the saved setting
    QString tenant;
    QString clientId;
    QString authorityUrl;
    QString graphUrl;
    QString screenshotFile; ///< render the main window once the list has loaded, then exit
    QString deviceName; ///< open this device's pane once the list has loaded
    QString screenshotConfirmation; ///< with --screenshot and --device: show this action's question
    /// With --demo, --screenshot and a secret read as --screenshot-confirmation: answer Yes (and the
    /// consent) and picture the demo secret's dialog. Never against a real tenant.
    bool screenshotSecret = false;
    QString caFile; ///< extra trusted CA certificates (PEM), e.g. of a TLS-inspecting proxy
};

struct CommandLineResult {
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    LaunchOptions options;
    QString text; ///< help text, version line or error message, ready to print
};

/// Parses arguments (argv[0] first). Pure: reads no settings and touches no display.
CommandLineResult parseCommandLine(const QStringList &arguments);

} // namespace keyturn
