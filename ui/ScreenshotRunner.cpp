#include "ScreenshotRunner.h"

#include "ConfirmationDialog.h"
#include "DeviceSecretViewer.h"
#include "MessageBanner.h"
#include "SecretDialog.h"

#include "DevicePane.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "actions/ActionStatusTracker.h"
#include "auth/SignInController.h"
#include "devices/DeviceListLoader.h"
#include "graph/GraphError.h"

#include <QCoreApplication>
#include <QDialog>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTextStream>
#include <QToolButton>
#include <QWidget>

namespace keyturn::ui {

ScreenshotRunner::ScreenshotRunner(KeyturnApp *app, QString file, QString deviceName,
    QString confirmationAction, int timeoutSecs, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_file(std::move(file))
    , m_deviceName(std::move(deviceName))
    , m_confirmationAction(std::move(confirmationAction))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this, timeoutSecs] {
        fail(tr("The device list did not load within %n seconds.", nullptr, timeoutSecs));
    });
    m_timeout.start(std::chrono::seconds(timeoutSecs));
    connect(m_app->loader(), &DeviceListLoader::finished, this, [this] {
        // Let the view settle (sorting, column sizes, status bar) before grabbing.
        QTimer::singleShot(200, this, &ScreenshotRunner::onListLoaded);
    });
    connect(m_app->tracker(), &ActionStatusTracker::detailsUpdated, this, [this] {
        if (!m_deviceName.isEmpty() && !m_deviceShown) {
            m_deviceShown = true;
            QTimer::singleShot(300, this, &ScreenshotRunner::onDeviceShown);
        }
    });
    connect(m_app->signIn(), &keyturn::SignInController::signInFailed, this,
        [this](const keyturn::AuthError &error) { fail(tr("Sign-in failed: %1").arg(error.userMessage())); });
    connect(m_app->loader(), &DeviceListLoader::failed, this, [this](const keyturn::GraphError &error) {
        fail(tr("The device list could not be loaded: %1").arg(error.summary()));
    });
}

void ScreenshotRunner::onListLoaded()
{
    if (m_deviceName.isEmpty()) {
        capture();
        return;
    }
    if (!m_app->mainWindow()->showDeviceNamed(m_deviceName))
        fail(tr("There is no device named %1.").arg(m_deviceName));
}

void ScreenshotRunner::onDeviceShown()
{
    if (m_confirmationAction.isEmpty()) {
        capture();
        return;
    }
    QToolButton *button = m_app->mainWindow()->devicePane()->actionButton(m_confirmationAction);
    if (!button) {
        fail(tr("There is no remote action %1.").arg(m_confirmationAction));
        return;
    }
    if (!button->isEnabled()) {
        fail(tr("%1 is not available for %2: %3").arg(button->text(), m_deviceName, button->toolTip()));
        return;
    }
    button->click();
    if (m_answerYes) {
        answerUntilSecretShown();
        return;
    }
    QTimer::singleShot(400, this, &ScreenshotRunner::capture);
}

void ScreenshotRunner::answerUntilSecretShown()
{
    if (m_done)
        return;
    MainWindow *window = m_app->mainWindow();
    if (ConfirmationDialog *question = ConfirmationDialog::visibleIn(window))
        question->yesButton()->click();
    SecretDialog *dialog = window->secretViewer() ? window->secretViewer()->dialog() : nullptr;
    if (dialog && dialog->isVisible() && dialog->isShowingValues()) {
        QTimer::singleShot(300, this, &ScreenshotRunner::capture);
        return;
    }
    const QString banner = window->devicePane()->banner()->text();
    if (!banner.isEmpty()) {
        fail(banner);
        return;
    }
    QTimer::singleShot(100, this, &ScreenshotRunner::answerUntilSecretShown);
}

bool ScreenshotRunner::writeScreenshot(QWidget *window, const QString &file, QString *error)
{
    QPixmap pixmap = window->grab();
    // A dialog is its own top-level window: paint it over the dimmed main window, centred.
    for (QDialog *dialog : window->findChildren<QDialog *>()) {
        if (!dialog->isVisible())
            continue;
        const QPixmap dialogPixmap = dialog->grab();
        QPainter painter(&pixmap);
        painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 70));
        const QRect target(QPoint((pixmap.width() - dialogPixmap.width()) / 2,
                               (pixmap.height() - dialogPixmap.height()) / 3),
            dialogPixmap.size());
        painter.fillRect(target.adjusted(-1, -1, 1, 1), QColor(80, 80, 80));
        painter.drawPixmap(target.topLeft(), dialogPixmap);
    }
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
