// ConfirmationDialog: the Yes/No question before a remote action, with the question icon, or the
// warning icon for an action that interrupts someone. "No" has the focus and is the default; Escape and
// closing the window answer No. It answers exactly once: answered() fires a single time, however many clicks
// or Enter presses arrive.
#pragma once

#include <QDialog>
#include <QPoint>

#include <optional>

class QPushButton;
class QLabel;

namespace keyturn::ui {

class ConfirmationDialog final : public QDialog {
    Q_OBJECT
public:
    ConfirmationDialog(const QString &title, const QString &question, const QString &detail,
        const QString &yesText, QWidget *parent = nullptr, bool warning = false);

    /// The confirmation window shows now (its visible child dialog), or nullptr.
    static ConfirmationDialog *visibleIn(const QWidget *window);

    QPushButton *yesButton() const { return m_yesButton; }
    QPushButton *noButton() const { return m_noButton; }
    QString question() const;
    /// True when the dialog shows the warning icon (an action that interrupts the device's user).
    bool isWarning() const { return m_warning; }
    /// Where (global coordinates) the mouse last pressed or released a Yes/No button; none when
    /// the dialog was answered from the keyboard.
    std::optional<QPoint> lastClickPosition() const { return m_lastClickPosition; }

Q_SIGNALS:
    /// Emitted once: true for Yes, false for No (also Escape or closing the window).
    void answered(bool yes);

protected:
    void done(int result) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_questionLabel = nullptr;
    QPushButton *m_yesButton = nullptr;
    QPushButton *m_noButton = nullptr;
    bool m_answered = false;
    bool m_warning = false;
    std::optional<QPoint> m_lastClickPosition;
};

} // namespace keyturn::ui
