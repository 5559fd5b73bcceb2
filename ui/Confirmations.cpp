#include "Confirmations.h"

#include "ClickThroughGuard.h"
#include "ConfirmationDialog.h"

#include <QPointer>
#include <QTimer>

namespace keyturn::ui {

std::optional<bool> Confirmations::s_nextAnswer;
QString Confirmations::s_lastQuestion;
int Confirmations::s_askCount = 0;

ConfirmationDialog *Confirmations::ask(
    QWidget *parent, const ConfirmationRequest &request, QObject *context, std::function<void(bool)> onAnswer)
{
    s_lastQuestion = request.question;
    ++s_askCount;
    if (s_nextAnswer) {
        const bool answer = *s_nextAnswer;
        s_nextAnswer.reset();
        QTimer::singleShot(0, context, [onAnswer = std::move(onAnswer), answer] { onAnswer(answer); });
        return nullptr;
    }
    auto *dialog = new ConfirmationDialog(
        request.title, request.question, request.detail, request.yesText, parent, request.warning);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QPointer<QObject> guard(context);
    QPointer<QWidget> below(parent);
    QPointer<ConfirmationDialog> asked(dialog);
    QObject::connect(dialog, &ConfirmationDialog::answered, context,
        [guard, below, asked, onAnswer = std::move(onAnswer)](bool yes) {
            // The dialog closed on the first click; the rest of a double or triple click is not
            // for the window below it.
            if (below && asked && asked->lastClickPosition())
                ClickThroughGuard::guard(below, *asked->lastClickPosition());
            if (guard)
                onAnswer(yes);
        });
    dialog->open();
    return dialog;
}

void Confirmations::setNextAnswer(bool yes)
{
    s_nextAnswer = yes;
}

void Confirmations::clearNextAnswer()
{
    s_nextAnswer.reset();
}

QString Confirmations::lastQuestion()
{
    return s_lastQuestion;
}

int Confirmations::askCount()
{
    return s_askCount;
}

} // namespace keyturn::ui
