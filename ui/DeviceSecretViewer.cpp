#include "DeviceSecretViewer.h"

#include "ClipboardGuard.h"
#include "Confirmations.h"
#include "SecretDialog.h"
#include "TenantQuestion.h"
#include "actions/ActionCatalog.h"
#include "actions/AuditLog.h"
#include "core/ScopeGrants.h"

#include <QUuid>
#include <QWidget>

namespace keyturn::ui {

DeviceSecretViewer::DeviceSecretViewer(keyturn::DeviceSecretReader *reader, keyturn::ScopeGrants *grants,
    keyturn::AuditLog *auditLog, ClipboardGuard *clipboard, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_grants(grants)
    , m_auditLog(auditLog)
    , m_clipboard(clipboard)
    , m_dialogParent(dialogParent)
{ }

void DeviceSecretViewer::setAccountInfo(const QString &upn, const QString &tenantId)
{
    m_upn = upn;
    m_tenantId = tenantId;
}

QString DeviceSecretViewer::auditActionId(keyturn::DeviceSecretKind kind)
{
    switch (kind) {
    case keyturn::DeviceSecretKind::FileVaultRecoveryKey:
        return QStringLiteral("viewFileVaultKey");
    case keyturn::DeviceSecretKind::BitLockerRecoveryKeys:
        return QStringLiteral("viewBitLockerKeys");
    case keyturn::DeviceSecretKind::LocalAdminPassword:
        return QStringLiteral("viewLocalAdminPassword");
    }
    return {};
}

bool DeviceSecretViewer::view(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device)
{
    if (m_busy)
        return false;
    setBusy(true);
    const keyturn::RemoteAction *entry = keyturn::findSecretRead(kind);
    if (!entry) {
        setBusy(false);
        return false;
    }
    ConfirmationRequest request;
    request.title
        = kind == keyturn::DeviceSecretKind::LocalAdminPassword ? tr("Show password") : tr("Show key");
    request.question = questionInTenant(entry->confirmationQuestion(device), m_tenantForQuestions);
    request.detail = entry->confirmationDetail();
    request.yesText = request.title;
    Confirmations::ask(m_dialogParent, request, this, [this, kind, device](bool yes) {
        if (!yes) {
            setBusy(false);
            return;
        }
        ensurePermission(kind, device);
    });
    return true;
}

void DeviceSecretViewer::ensurePermission(
    keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device)
{
    const QString scope = keyturn::findSecretRead(kind)->consentScope;
    if (scope.isEmpty()) {
        read(kind, device); // the sign-in's own scopes are enough (the pane offered it by them)
        return;
    }
    m_grants->requestScope(
        scope, this, [this, kind, device](keyturn::ScopeGrants::ScopeAnswer answer, const QString &message) {
            switch (answer) {
            case keyturn::ScopeGrants::ScopeAnswer::Granted:
                read(kind, device);
                break;
            case keyturn::ScopeGrants::ScopeAnswer::NeedsConsent:
                askConsent(kind, device);
                break;
            case keyturn::ScopeGrants::ScopeAnswer::Refused:
                fail(message);
                break;
            }
        });
}

void DeviceSecretViewer::askConsent(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device)
{
    const QString scope = keyturn::findSecretRead(kind)->consentScope;
    const QString secret = keyturn::DeviceSecretReader::secretName(kind);
    const bool browser = m_grants->consentWay() == keyturn::ScopeGrants::ConsentWay::Browser;
    ConfirmationRequest request;
    request.title = tr("Permission needed");
    request.question = browser
        ? tr("Keyturn needs your permission to read %1 (%2). Continue in the browser as %3?")
              .arg(secret, scope, m_grants->signedInAs())
        : tr("Keyturn needs your permission to read %1 (%2). Get a code to approve it as %3?")
              .arg(secret, scope, m_grants->signedInAs());
    request.detail = tr("This is asked once; Microsoft Entra ID remembers your answer.");
    request.yesText = browser ? tr("Continue in browser") : tr("Get a code");
    Confirmations::ask(m_dialogParent, request, this, [this, kind, device, scope](bool yes) {
        if (!yes) {
            setBusy(false);
            return;
        }
        m_grants->consentToScope(scope, this,
            [this, kind, device](keyturn::ScopeGrants::ScopeAnswer answer, const QString &message) {
                if (answer == keyturn::ScopeGrants::ScopeAnswer::Granted)
                    read(kind, device);
                else
                    fail(message);
            });
    });
}

void DeviceSecretViewer::read(keyturn::DeviceSecretKind kind, const keyturn::DeviceDetails &device)
{
    const bool started
        = m_reader->read(kind, device, this, [this, kind, device](keyturn::DeviceSecretResult result) {
              audit(result);
              if (!result.ok()) {
                  const QString details = result.error.isError() ? result.error.details() : QString();
                  if (m_dialog && m_dialog->isVisible()) {
                      m_dialog->showFailure(result.message);
                      setBusy(false);
                      return;
                  }
                  fail(result.message, details);
                  return;
              }
              if (!m_dialog) {
                  m_dialog = new SecretDialog(device.deviceName, kind, m_clipboard, m_dialogParent);
                  connect(m_dialog, &SecretDialog::showAgainRequested, this, [this, kind, device] {
                      if (!m_busy) {
                          setBusy(true);
                          read(kind, device);
                      }
                  });
              }
              m_dialog->showSecret(std::move(result));
              m_dialog->show();
              m_dialog->raise();
              setBusy(false);
          });
    if (!started)
        fail(tr("Keyturn cannot read it for this device: the device has no usable id."));
}

void DeviceSecretViewer::audit(const keyturn::DeviceSecretResult &result)
{
    if (!m_auditLog)
        return;
    keyturn::AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.accountUpn = m_upn;
    entry.tenantId = m_tenantId;
    entry.deviceId = result.deviceId;
    entry.deviceName = result.deviceName;
    entry.actionId = auditActionId(result.kind);
    entry.httpStatus = result.error.isError() ? result.error.httpStatus : 200;
    entry.requestId = result.requestId;
    entry.clientRequestId = result.clientRequestId;
    entry.outcome = result.ok() ? QStringLiteral("viewed") : keyturn::AuditEntry::outcomeFailed();
    entry.errorCode = result.error.code;
    m_auditLog->append(entry);
}

void DeviceSecretViewer::fail(const QString &message, const QString &details)
{
    setBusy(false);
    Q_EMIT failed(message, details);
}

void DeviceSecretViewer::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace keyturn::ui
