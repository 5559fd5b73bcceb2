// DeviceSecretViewer: the way from a "Show … key" button to the secret on screen. Asks Yes/No
// naming the device (the catalog entry's question; No is the default), makes sure the sign-in holds
// the entry's consent scope (asking the user to consent, in the browser or with a code, when Entra
// wants it), reads the secret once, writes one audit line without the value, and shows it in a
// SecretDialog whose "Show again" reads it anew. Failures go to failed() for the pane's banner. One
// viewing at a time.
#pragma once

#include "SecretDialog.h"
#include "actions/DeviceSecretReader.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace keyturn {
class AuditLog;
class ScopeGrants;
} // namespace keyturn

namespace keyturn::ui {

class ClipboardGuard;

class DeviceSecretViewer final : public QObject {
    Q_OBJECT
public:
    /// All borrowed; auditLog may be null. dialogParent: the window the questions and dialog belong to.
    DeviceSecretViewer(keyturn::DeviceSecretReader *reader, keyturn::ScopeGrants *grants,
        keyturn::AuditLog *auditLog, ClipboardGuard *clipboard, QWidget *dialogParent,
        QObject *parent = nullptr);

    /// Who is signed in, for the audit log.
    void setAccountInfo(const QString &upn, const QString &tenantId);
    /// The tenant the confirmation questions name ("Contoso (contoso.onmicrosoft.com)"); empty: none.
    void setTenantForQuestions(const QString &tenant) { m_tenantForQuestions = tenant; }
    /// Starts with the question; false (nothing asked) while another viewing runs.
    bool view(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device);
    bool isBusy() const { return m_busy; }
    /// The dialog showing a secret, if one is open.
    SecretDialog *dialog() const { return m_dialog; }

    /// The audit log's action id for a viewing ("viewFileVaultKey", ...).
    static QString auditActionId(keyturn::DeviceSecretKind kind);

Q_SIGNALS:
    /// The viewing ended without a secret on screen (declined consent, no key, no role ...).
    void failed(const QString &message, const QString &details);
    void busyChanged(bool busy);

private:
    void ensurePermission(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device);
    void askConsent(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device);
    void read(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device);
    void audit(const keyturn::DeviceSecretResult &result);
    void fail(const QString &message, const QString &details = {});
    void setBusy(bool busy);

    keyturn::DeviceSecretReader *m_reader;
    keyturn::ScopeGrants *m_grants;
    QPointer<keyturn::AuditLog> m_auditLog;
    ClipboardGuard *m_clipboard;
    QPointer<QWidget> m_dialogParent;
    QPointer<SecretDialog> m_dialog;
    QString m_upn, m_tenantId;
    QString m_tenantForQuestions;
    bool m_busy = false;
};

} // namespace keyturn::ui
