// Composition root: parses the command line (before any QApplication, so --help and --version need
// no display), then builds the core objects, the optional demo tenant and the main window.
#include "core/CommandLine.h"
#include "core/Version.h"
#include "demo/DemoTenant.h"
#include "MainWindow.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    const keyturn::CommandLineResult parsed = keyturn::parseCommandLine(arguments);
    switch (parsed.action) {
    case keyturn::CommandLineResult::Action::ShowHelp:
    case keyturn::CommandLineResult::Action::ShowVersion:
        QTextStream(stdout) << parsed.text;
        return 0;
    case keyturn::CommandLineResult::Action::Error:
        QTextStream(stderr) << parsed.text << Qt::endl;
        return 2;
    case keyturn::CommandLineResult::Action::Run:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QLatin1String(keyturn::kApplicationName));
    QApplication::setOrganizationName(QLatin1String(keyturn::kOrganizationName));
    QApplication::setOrganizationDomain(QLatin1String(keyturn::kOrganizationDomain));
    QApplication::setApplicationVersion(QLatin1String(keyturn::kVersion));

    const keyturn::LaunchOptions &options = parsed.options;
    keyturn::ui::MainWindow window;

    std::unique_ptr<keyturn::demo::DemoTenant> demoTenant;
    if (options.demo) {
        keyturn::demo::DemoOptions demoOptions;
        demoOptions.devices = options.demoDevices;
        demoTenant = std::make_unique<keyturn::demo::DemoTenant>(demoOptions);
        QString error;
        if (!demoTenant->start(&error)) {
            QTextStream(stderr) << QApplication::translate("main", "Cannot start the demo tenant: %1")
                                       .arg(error)
                                << Qt::endl;
            return 1;
        }
        window.setTenantDescription(
            QApplication::translate("main", "Demo tenant at %1").arg(demoTenant->baseUrl().toString()));
    }

    window.show();
    return QApplication::exec();
}
