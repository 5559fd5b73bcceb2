// SignInView: the first-start page. Cloud and tenant, "Sign in with browser" and "Sign in with a
// code", the waiting states with Cancel, the device code with a copy button, and errors with
// "Copy details". It drives the SignInController it is given and does not own it.
#pragma once

#include "auth/AuthError.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace keyturn {
class SignInController;
}

namespace keyturn::ui {

class MessageBanner;

class SignInView final : public QWidget {
    Q_OBJECT
public:
    explicit SignInView(keyturn::SignInController *controller, QWidget *parent = nullptr);

    /// Demo tenant or custom endpoints: the cloud is fixed and the picker shows this text instead.
    void setFixedEndpointDescription(const QString &description);
    /// Shown above the buttons, e.g. after the refresh token was refused.
    void showReauthentication(const QString &loginHint, const keyturn::AuthError &error);
    /// The remembered sign-in is no longer in the system keychain.
    void showMissingKeychainItem(const QString &loginHint);
    /// Adding another account while one is signed in: the tenant starts from the controller's, and
    /// "Back to the device list" returns to the signed-in account. false: the plain first-start page.
    void setAddingAccount(bool adding);
    bool isAddingAccount() const { return m_addingAccount; }

    QPushButton *browserButton() const { return m_browserButton; }
    QPushButton *deviceCodeButton() const { return m_deviceCodeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    /// Offered while the system keychain keeps the silent sign-in waiting (a prompt may be open).
    QPushButton *browserInsteadButton() const { return m_browserInsteadButton; }
    QPushButton *copyCodeButton() const { return m_copyCodeButton; }
    QComboBox *cloudComboBox() const { return m_cloudComboBox; }
    QLineEdit *tenantLineEdit() const { return m_tenantLineEdit; }
    /// Shows the demo tenant or the custom sign-in and Graph hosts instead of the cloud picker.
    QLabel *fixedEndpointLabel() const { return m_fixedEndpointLabel; }
    QLabel *userCodeLabel() const { return m_userCodeLabel; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *backButton() const { return m_backButton; }

Q_SIGNALS:
    /// "Back to the device list" while adding another account.
    void backRequested();

private:
    /// Hands the chosen cloud and tenant to the controller; false (with the reason shown) when the
    /// typed tenant is refused.
    bool applyChoicesToController();
    void onStateChanged();
    void onDeviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QString &message);
    void onFailed(const keyturn::AuthError &error);
    void onRestoreWaitStarted();

    keyturn::SignInController *m_controller;
    QComboBox *m_cloudComboBox = nullptr;
    QLabel *m_fixedEndpointLabel = nullptr;
    QLineEdit *m_tenantLineEdit = nullptr;
    QPushButton *m_browserButton = nullptr;
    QPushButton *m_deviceCodeButton = nullptr;
    QPushButton *m_backButton = nullptr;
    bool m_addingAccount = false;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_choosePage = nullptr;
    QWidget *m_waitingPage = nullptr;
    QLabel *m_waitingLabel = nullptr;
    QLabel *m_userCodeLabel = nullptr;
    QLabel *m_verificationLabel = nullptr;
    QPushButton *m_copyCodeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_browserInsteadButton = nullptr;
    bool m_waitingForKeychain = false;
    MessageBanner *m_banner = nullptr;
    bool m_fixedEndpoints = false;
};

} // namespace keyturn::ui
