// KeychainNote: the status bar's word on remembering the sign-in: "waiting for the system keychain"
// with a "Go on without remembering" button while a keychain prompt may be open, "not remembered"
// when the keychain failed or was let go of, "remembered" when it answered after a wait.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace keyturn {
class SignInController;
}

namespace keyturn::ui {

class KeychainNote final : public QWidget {
    Q_OBJECT
public:
    /// controller is borrowed and must outlive the note.
    explicit KeychainNote(keyturn::SignInController *controller, QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }
    QPushButton *goOnButton() const { return m_goOnButton; }

private:
    enum class Tone { Neutral, Warning };
    void showNote(const QString &text, Tone tone, bool offerGoingOn);
    void hideNote();

    keyturn::SignInController *m_controller;
    QLabel *m_label = nullptr;
    QPushButton *m_goOnButton = nullptr;
};

} // namespace keyturn::ui
