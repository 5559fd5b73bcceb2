// Composition root: parses the command line (before any QApplication, so --help and --version need
// no display and stay English), installs the system language's translations, starts the embedded
// demo tenant when asked, then hands over to KeyturnApp.
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "ScreenshotRunner.h"
#include "Translations.h"
#include "core/CommandLine.h"
#include "core/PrivateFiles.h"
#include "core/ProcessHardening.h"
#include "core/SystemProxy.h"
#include "core/TrustedCertificates.h"
#include "core/Version.h"
#ifndef KEYTURN_NO_DEMO_TENANT
#include "demo/DemoTenant.h"
#endif

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTextStream>

#include <memory>

namespace {

int printAndExit(const keyturn::CommandLineResult &parsed)
{
    if (parsed.action == keyturn::CommandLineResult::Action::Error) {
        QTextStream(stderr) << parsed.text << Qt::endl;
        return 2;
    }
    QTextStream(stdout) << parsed.text;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // First of all: a crash must never write the tokens in memory to a core file.
    keyturn::makeProcessNonDumpable();

    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    const keyturn::CommandLineResult parsed = keyturn::parseCommandLine(arguments);
    if (parsed.action != keyturn::CommandLineResult::Action::Run)
        return printAndExit(parsed);
    const keyturn::LaunchOptions &options = parsed.options;
#ifdef KEYTURN_NO_DEMO_TENANT
    if (options.demo) {
        QTextStream(stderr) << QCoreApplication::translate("main",
            "This build of Keyturn has no demo tenant, so --demo cannot run (the demo "
            "tenant needs Qt 6.4 or 6.8 and later, and the build option KEYTURN_DEMO on); "
            "without --demo Keyturn signs in to a real tenant.")
                            << Qt::endl;
        return 2;
    }
#endif

    QApplication app(argc, argv);
    // The system locale's language from here on: Keyturn's texts and Qt's own (dialog buttons ...).
    const keyturn::ui::Translations translations(QLocale::system());

    // Process-wide network policy, before any request: the system proxy, and trust widened only
    // by --ca-file (certificate errors are never ignored).
    keyturn::useSystemProxy();
    if (!options.caFile.isEmpty()) {
        QString error;
        if (!keyturn::trustCaCertificatesFrom(options.caFile, &error)) {
            QTextStream(stderr) << error << Qt::endl;
            return 2;
        }
    }

    QApplication::setOrganizationName(QLatin1String(keyturn::kOrganizationName));
    QApplication::setOrganizationDomain(QLatin1String(keyturn::kOrganizationDomain));
    QApplication::setApplicationVersion(QLatin1String(keyturn::kVersion));
    // The demo keeps its own settings and audit log, so trying it never disturbs a real sign-in.
    QApplication::setApplicationName(
        options.demo ? QStringLiteral("Keyturn Demo") : QLatin1String(keyturn::kApplicationName));
    QApplication::setApplicationDisplayName(QLatin1String(keyturn::kApplicationName));
    QApplication::setDesktopFileName(QStringLiteral("app.keyturn.Keyturn"));
    // Owner-only folders and files before anything is written to them.
    keyturn::makeKeyturnFilesPrivate();

    keyturn::ui::KeyturnAppConfig config;
    config.launch = options;
#ifndef KEYTURN_NO_DEMO_TENANT
    std::unique_ptr<keyturn::demo::DemoTenant> demoTenant;
    if (options.demo) {
        keyturn::demo::DemoOptions demoOptions;
        demoOptions.devices = options.demoDevices;
        demoOptions.tenants = options.demoTenants;
        // The signing secret is kept with the demo's own data (private folder, private file), so a
        // remembered demo sign-in still restores after a restart.
        const QString demoData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!demoData.isEmpty() && QDir().mkpath(demoData)) {
            QFile::setPermissions(demoData, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            demoOptions.secretFile = demoData + QStringLiteral("/demo-tenant.secret");
        }
        demoTenant = std::make_unique<keyturn::demo::DemoTenant>(demoOptions);
        QString error;
        if (!demoTenant->start(&error)) {
            QTextStream(stderr)
                << QApplication::translate("main", "Cannot start the demo tenant: %1").arg(error) << Qt::endl;
            return 1;
        }
        config.demoBaseUrl = demoTenant->baseUrl();
    }
#endif

    keyturn::ui::KeyturnApp keyturnApp(config);
    QString error;
    if (!keyturnApp.initialize(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }

    std::unique_ptr<keyturn::ui::ScreenshotRunner> screenshot;
    if (!options.screenshotFile.isEmpty())
        screenshot = std::make_unique<keyturn::ui::ScreenshotRunner>(
            &keyturnApp, options.screenshotFile, options.deviceName, options.screenshotConfirmation);
    if (screenshot && options.screenshotSecret)
        screenshot->setAnswerYes(true);

    keyturnApp.start();
    const int status = QApplication::exec();
    keyturn::makeKeyturnFilesPrivate(); // QSettings may have replaced its file while running
    return status;
}
