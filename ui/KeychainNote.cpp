#include "KeychainNote.h"

#include "auth/SignInController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace keyturn::ui {

using keyturn::SignInController;

KeychainNote::KeychainNote(SignInController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("keychainNote"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("rememberNoteLabel"));
    m_goOnButton = new QPushButton(tr("&Go on without remembering"), this);
    m_goOnButton->setObjectName(QStringLiteral("goOnWithoutRememberingButton"));
    m_goOnButton->setAccessibleName(tr("Go on without remembering the sign-in"));
    m_goOnButton->setToolTip(tr("Stop waiting for the system keychain. You will sign in again next time."));
    m_goOnButton->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_goOnButton);
    hideNote();

    connect(m_goOnButton, &QPushButton::clicked, this, [this] { m_controller->goOnWithoutRemembering(); });
    connect(m_controller, &SignInController::rememberWaitStarted, this, [this] {
        showNote(tr("Waiting for the system keychain: a password prompt may be open."), Tone::Neutral, true);
    });
    connect(m_controller, &SignInController::rememberStatusChanged, this,
        [this](bool remembered, const QString &message) {
            if (message.isEmpty()) {
                hideNote();
                return;
            }
            showNote(message, remembered ? Tone::Neutral : Tone::Warning, false);
        });
    connect(m_controller, &SignInController::signedOut, this, [this] {
        if (m_goOnButton->isVisibleTo(this))
            hideNote(); // nothing is waited for any more
    });
}

void KeychainNote::showNote(const QString &text, Tone tone, bool offerGoingOn)
{
    m_label->setText(text);
    m_label->setToolTip(text);
    m_label->setStyleSheet(tone == Tone::Warning ? QStringLiteral("color: #8a5a00;") : QString());
    m_label->show();
    m_goOnButton->setVisible(offerGoingOn);
    setVisible(true);
}

void KeychainNote::hideNote()
{
    m_label->clear();
    m_label->hide();
    m_goOnButton->hide();
    setVisible(false);
}

} // namespace keyturn::ui
