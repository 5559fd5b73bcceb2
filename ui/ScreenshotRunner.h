// ScreenshotRunner: --screenshot FILE. Waits until the device list has loaded completely, renders
// the main window with QWidget::grab(), writes the PNG and quits with 0; quits with 1 and the
// reason on stderr when the list fails or does not load within the time limit. With a device name
// it first opens that device's pane; with an action id it also opens (never answers) the action's
// confirmation and paints it over the window, as a person would see it. setAnswerYes() (demo only,
// --screenshot-secret) answers the questions of a key or password read and pictures its dialog.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace keyturn::ui {

class KeyturnApp;

class ScreenshotRunner final : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(KeyturnApp *app, QString file, QString deviceName = {}, QString confirmationAction = {},
        int timeoutSecs = 120, QObject *parent = nullptr);

    /// Answer Yes to a secret read's questions and wait for its dialog (demo values only).
    void setAnswerYes(bool answerYes) { m_answerYes = answerYes; }

    /// Renders the window (and a visible dialog over it) now and writes the file; false with a reason.
    static bool writeScreenshot(QWidget *window, const QString &file, QString *error);

private:
    void onListLoaded();
    void onDeviceShown();
    void capture();
    void fail(const QString &reason);
    /// Clicks Yes on visible questions until the secret dialog shows its values, then captures.
    void answerUntilSecretShown();

    KeyturnApp *m_app;
    QString m_file;
    QString m_deviceName;
    QString m_confirmationAction;
    bool m_deviceShown = false;
    QTimer m_timeout;
    bool m_done = false;
    bool m_answerYes = false;
};

} // namespace keyturn::ui
