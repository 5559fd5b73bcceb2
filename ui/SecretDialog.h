// SecretDialog: shows a secret read from Graph (FileVault or BitLocker recovery key, local admin
// password) in its own window-modal dialog: large monospace text grouped for reading aloud, a Copy
// button per value (the clipboard is cleared again by the ClipboardGuard), and the values hidden
// after a minute; "Show again" asks the owner to read them from Graph anew. Holds the values only
// while they are shown, and wipes them when hiding or closing.
#pragma once

#include "actions/DeviceSecretReader.h"

#include <QDialog>
#include <QTimer>

#include <chrono>
#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace keyturn::ui {

class ClipboardGuard;

class SecretDialog final : public QDialog {
    Q_OBJECT
public:
    /// guard (borrowed) must outlive the dialog.
    SecretDialog(const QString &deviceName, keyturn::DeviceSecretKind kind, ClipboardGuard *guard,
        QWidget *parent = nullptr);
    ~SecretDialog() override;

    void setHideAfter(std::chrono::milliseconds delay) { m_hideAfter = delay; }
    /// Shows the values of a successful read (replacing earlier ones) and starts the hide timer.
    void showSecret(keyturn::DeviceSecretResult result);
    /// A "Show again" read failed: says why, values stay hidden.
    void showFailure(const QString &message);

    bool isShowingValues() const { return !m_values.empty(); }
    /// The value labels and copy buttons, in order (for tests and screen readers).
    QList<QLabel *> valueLabels() const { return m_valueLabels; }
    QList<QPushButton *> copyButtons() const { return m_copyButtons; }
    QPushButton *showAgainButton() const { return m_showAgain; }
    QLabel *statusLabel() const { return m_status; }

    /// The value as shown: passwords in groups of four characters, BitLocker keys on two lines of four
    /// groups, FileVault keys as they are.
    static QString readable(keyturn::DeviceSecretKind kind, const QString &value);

Q_SIGNALS:
    void showAgainRequested();

protected:
    void done(int result) override;

private:
    void hideValues();
    void clearRows();

    keyturn::DeviceSecretKind m_kind;
    ClipboardGuard *m_guard;
    std::chrono::milliseconds m_hideAfter{ 60000 };
    QTimer m_hideTimer;
    std::vector<keyturn::SecretText> m_values;
    QLabel *m_intro = nullptr;
    QVBoxLayout *m_rows = nullptr;
    QList<QWidget *> m_rowWidgets;
    QList<QLabel *> m_valueLabels;
    QList<QPushButton *> m_copyButtons;
    QLabel *m_status = nullptr;
    QPushButton *m_showAgain = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace keyturn::ui
