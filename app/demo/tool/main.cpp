// keyturn-demo-tenant: runs the demo tenant standalone (benchmarks, trying other clients).
// The first stdout line is exactly "listening on http://127.0.0.1:PORT" (https:// with --tls-cert and
// --tls-key) so scripts can wait for it; the second says what the tenant is (not for production).
#include "demo/DemoCommandLine.h"
#include "demo/DemoSecret.h"
#include "demo/DemoTenant.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto parsed = keyturn::demo::parseDemoCommandLine(QCoreApplication::arguments());
    using Action = keyturn::demo::DemoCommandLineResult::Action;
    switch (parsed.action) {
    case Action::ShowHelp:
    case Action::ShowVersion:
        QTextStream(stdout) << parsed.text << (parsed.text.endsWith(u'\n') ? "" : "\n");
        return 0;
    case Action::Error:
        QTextStream(stderr) << "keyturn-demo-tenant: " << parsed.text << "\n"
                            << "Try 'keyturn-demo-tenant --help'.\n";
        return 2;
    case Action::Run:
        break;
    }

    QString error;
    if (!parsed.options.secretFile.isEmpty()) {
        // Checked (or created) here so an unusable file is a usage error, before anything listens.
        QByteArray secret;
        if (!keyturn::demo::loadOrCreateDemoSecret(parsed.options.secretFile, &secret, &error)) {
            QTextStream(stderr) << "keyturn-demo-tenant: " << error << "\n";
            return 2;
        }
    }
    keyturn::demo::DemoTenant tenant(parsed.options);
    if (!tenant.start(&error)) {
        QTextStream(stderr) << "keyturn-demo-tenant: cannot start: " << error << "\n";
        return 1;
    }
    QTextStream(stdout) << "listening on " << tenant.baseUrl().toString() << "\n"
                        << keyturn::demo::demoTenantNotice() << Qt::endl;
    return QCoreApplication::exec();
}
