// AboutDialog: Keyturn's version (the same string as --version), the Qt version, the keychain
// backend in use, and links.
#pragma once

#include <QDialog>

namespace keyturn::ui {

class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// "Secret Service (libsecret)", "macOS Keychain", "Windows Credential Manager".
    static QString keychainBackendName();
    QString versionText() const { return m_versionText; }

private:
    QString m_versionText;
};

} // namespace keyturn::ui
