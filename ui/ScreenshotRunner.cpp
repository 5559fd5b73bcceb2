#include "ScreenshotRunner.h"

#include "KeyturnApp.h"
#include "MainWindow.h"
#include "devices/DeviceListLoader.h"
#include "graph/GraphError.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTextStream>
#include <QWidget>

namespace keyturn::ui {

ScreenshotRunner::ScreenshotRunner(KeyturnApp *app, QString file, int timeoutSecs, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_file(std::move(file))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this, timeoutSecs] {
        fail(tr("The device list did not load within %1 seconds.").arg(timeoutSecs));
    });
    m_timeout.start(std::chrono::seconds(timeoutSecs));
    connect(m_app->loader(), &DeviceListLoader::finished, this, [this] {
        // Let the view settle (sorting, column sizes, status bar) before grabbing.
        QTimer::singleShot(200, this, &ScreenshotRunner::capture);
    });
    connect(m_app->loader(), &DeviceListLoader::failed, this, [this](const keyturn::GraphError &error) {
        fail(tr("The device list could not be loaded: %1").arg(error.summary()));
    });
}

bool ScreenshotRunner::writeScreenshot(QWidget *window, const QString &file, QString *error)
{
    const QPixmap pixmap = window->grab();
    if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
        if (error)
            *error = tr("Cannot write the screenshot to %1.").arg(file);
        return false;
    }
    return true;
}

void ScreenshotRunner::capture()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    QString error;
    if (!writeScreenshot(m_app->mainWindow(), m_file, &error)) {
        QTextStream(stderr) << error << Qt::endl;
        QCoreApplication::exit(1);
        return;
    }
    QCoreApplication::exit(0);
}

void ScreenshotRunner::fail(const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    QTextStream(stderr) << reason << Qt::endl;
    QCoreApplication::exit(1);
}

} // namespace keyturn::ui
