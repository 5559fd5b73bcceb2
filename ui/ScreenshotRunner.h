// ScreenshotRunner: --screenshot FILE. Waits until the device list has loaded completely, renders
// the main window with QWidget::grab(), writes the PNG and quits with 0; quits with 1 and the
// reason on stderr when the list fails or does not load within the time limit.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace keyturn::ui {

class KeyturnApp;

class ScreenshotRunner final : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(KeyturnApp *app, QString file, int timeoutSecs = 120, QObject *parent = nullptr);

    /// Renders the window now and writes the file; false with a reason on failure.
    static bool writeScreenshot(QWidget *window, const QString &file, QString *error);

private:
    void capture();
    void fail(const QString &reason);

    KeyturnApp *m_app;
    QString m_file;
    QTimer m_timeout;
    bool m_done = false;
};

} // namespace keyturn::ui
