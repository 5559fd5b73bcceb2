// keyturn-demo-tenant: runs the demo tenant standalone (benchmarks, trying other clients).
#include "demo/DemoTenant.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    keyturn::demo::DemoTenant tenant({});
    QString error;
    if (!tenant.start(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "listening on " << tenant.baseUrl().toString() << Qt::endl;
    return QCoreApplication::exec();
}
