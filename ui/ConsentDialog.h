// ConsentDialog: while the sign-in asks the user for a further permission (incremental consent),
// says how to give it: "finish in your browser", or the code to enter with its address and Copy
// code, as the sign-in page shows a device code. "Use a code instead" / "Use the browser instead"
// switch the way, Cancel (or Escape) ends the request. Window-modal; opens and closes by itself
// with the SignInController's consent signals. Owned by the main window.
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QUrl;

namespace keyturn {
class SignInController;
}

namespace keyturn::ui {

class ConsentDialog final : public QDialog {
    Q_OBJECT
public:
    /// controller (borrowed) must outlive the dialog.
    explicit ConsentDialog(keyturn::SignInController *controller, QWidget *parent = nullptr);

    QLabel *instructionLabel() const { return m_instruction; }
    QLabel *userCodeLabel() const { return m_userCode; }
    QLabel *verificationLabel() const { return m_verification; }
    QPushButton *copyCodeButton() const { return m_copyCode; }
    QPushButton *useCodeButton() const { return m_useCode; }
    QPushButton *useBrowserButton() const { return m_useBrowser; }
    QPushButton *cancelButton() const { return m_cancel; }

public Q_SLOTS:
    /// Escape and the window's close button cancel the request.
    void reject() override;

private:
    void onWaiting(const QString &scope);
    void onCodeReady(const QString &userCode, const QUrl &verificationUri);
    void showCode(bool shown);

    keyturn::SignInController *m_controller;
    QString m_scope;
    QLabel *m_instruction = nullptr;
    QLabel *m_userCode = nullptr;
    QLabel *m_verification = nullptr;
    QPushButton *m_copyCode = nullptr;
    QPushButton *m_useCode = nullptr;
    QPushButton *m_useBrowser = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace keyturn::ui
