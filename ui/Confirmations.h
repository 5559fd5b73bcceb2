// Confirmations: the one door every Yes/No question goes through. ask() shows a window-modal
// ConfirmationDialog without blocking (open(), not exec()) and calls back once with the answer.
// Once answered, the rest of a double or triple click is kept from the window below
// (ClickThroughGuard). Tests queue answers with setNextAnswer() (KeePassXC's MessageBox habit): the next
// ask() then answers at once (on the next event-loop turn) without showing anything, and records the
// question.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace keyturn::ui {

class ConfirmationDialog;

struct ConfirmationRequest {
    QString title;
    QString question;
    QString detail;
    QString yesText; ///< e.g. "Rotate key"; empty = "Yes"
    bool warning = false; ///< the action interrupts someone: a warning icon instead of the question mark
};

class Confirmations final {
public:
    /// Asks; onAnswer(true) for Yes. The callback runs once, and never if context dies first.
    /// Returns the dialog shown (nullptr when a queued answer was used).
    static ConfirmationDialog *ask(QWidget *parent, const ConfirmationRequest &request, QObject *context,
        std::function<void(bool yes)> onAnswer);

    /// Tests: the next ask() answers this without showing a dialog.
    static void setNextAnswer(bool yes);
    static void clearNextAnswer();
    /// Tests: the question of the last ask(), queued or shown.
    static QString lastQuestion();
    static int askCount();

private:
    static std::optional<bool> s_nextAnswer;
    static QString s_lastQuestion;
    static int s_askCount;
};

} // namespace keyturn::ui
