// DemoCommandLine: keyturn-demo-tenant's options. Pure and testable: never exits, never prints;
// the caller prints `text` (stdout for help/version, stderr for errors, exit code 2).
#pragma once

#include "demo/DemoOptions.h"

#include <QString>
#include <QStringList>

namespace keyturn::demo {

struct DemoCommandLineResult {
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    DemoOptions options;
    QString text; ///< help text, version line or error message, ready to print
};

/// What the demo tenant is, for --help and the line after the listening line.
QString demoTenantNotice();

/// Parses arguments (argv[0] first).
DemoCommandLineResult parseDemoCommandLine(const QStringList &arguments);

} // namespace keyturn::demo
