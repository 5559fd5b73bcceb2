// ActionCatalog: what the device pane offers, as data: remote actions (a POST Intune answers 204,
// then followed in deviceActionResults) and secret reads (GETs that show a recovery key or password).
// Adding either is one entry in ActionCatalog.cpp plus its icon. evaluate() decides whether an entry
// may run on a device for a sign-in and, when not, gives the exact reason the UI shows.
#pragma once

#include "actions/DeviceDetails.h"
#include "actions/DeviceSecretKind.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace keyturn {

struct Applicability {
    bool applicable = true;
    QString reason; ///< translated; empty when applicable
};

struct RemoteAction {
    enum class Kind {
        TrackedAction, ///< POST of path(): 204, then deviceActionResults (ActionRunner)
        SecretRead ///< GETs of a secret shown on request (DeviceSecretReader); never POSTs anything
    };
    Kind kind = Kind::TrackedAction;
    std::optional<DeviceSecretKind> secret; ///< which secret, for SecretRead
    QString id; ///< "rotateFileVaultKey": the Graph path segment and deviceActionResults actionName
    const char *labelSource = nullptr; ///< untranslated, e.g. "Rotate FileVault recovery key"
    QString iconName; ///< resource path, e.g. ":/icons/actions/rotate-filevault.svg" (icons live in the UI)
    /// The Graph request, as data (for a secret read, its first request): the API version, the
    /// path under it and the query, where {id} stands for the Intune device id and {entraId} for the
    /// Entra device id, and extra headers.
    QString apiVersion = QStringLiteral("beta");
    QString pathTemplate;
    QList<QPair<QString, QString>> queryTemplate;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray method = "POST";
    QByteArray body; ///< empty: POST without a body
    QString requiredScope; ///< delegated scope the token's scp must hold before the entry is offered
    /// A further delegated scope Graph wants for the request, asked for when the user first runs the
    /// entry (incremental consent); empty when the sign-in's own scopes are enough.
    QString consentScope;
    bool destructive = false; ///< interrupts the user (restart, shut down): the UI may style it
    /// Platform/ownership/encryption rule only; the permission check is in evaluate().
    std::function<Applicability(const DeviceDetails &)> applies;

    // Untranslated source texts (context "keyturn::RemoteAction"), translated on use, so a
    // translator installed after the catalog was built still applies.
    const char *questionSource = nullptr; ///< "%1" = the device as deviceIdentification() names it
    const char *detailSource = nullptr; ///< one line on what happens
    const char *customRoleSource = nullptr; ///< e.g. "Remote tasks / Rotate FileVault key"
    const char *rolesSource = nullptr; ///< built-in roles that include the permission

    /// The label in the current language, e.g. "Rotate FileVault recovery key".
    QString label() const;
    /// pathTemplate for this device (empty when it names an id the device lacks).
    QString path(const DeviceDetails &device) const;
    /// queryTemplate for this device.
    QUrlQuery query(const DeviceDetails &device) const;

    /// "Are you sure you want to rotate the FileVault recovery key for MAC-0042 (serial C02XK1ABJG5H,
    /// user adele@contoso.com)?": device names are not unique in Intune, serial and user tell apart.
    QString confirmationQuestion(const DeviceDetails &device) const;
    /// "A new personal recovery key is generated and escrowed in Intune at the device's next check-in."
    QString confirmationDetail() const;
    /// "Rotate FileVault recovery key sent to MAC-0042"
    QString sentBanner(const QString &deviceName) const;
    /// "Your sign-in lacks <scope>. Ask for the <roles>, or a custom role with <permission>."
    QString permissionReason() const;
    /// "the Help Desk Operator or Endpoint Security Manager role, or a custom role with ..."
    QString rolesHint() const;
};

/// "MAC-0042 (serial C02XK1ABJG5H, user adele@contoso.com)"; "serial unknown" and "no primary
/// user" for empty fields, the id for a device without a name.
QString deviceIdentification(const DeviceDetails &device);
/// Every remote action (Kind::TrackedAction), in the order the device pane shows them.
const QList<RemoteAction> &remoteActionCatalog();
/// Every secret read (Kind::SecretRead), in the order the device pane shows them.
const QList<RemoteAction> &secretReadCatalog();
/// The secret read of this kind, or nullptr.
const RemoteAction *findSecretRead(DeviceSecretKind kind);
/// The entry of either catalog with this id, or nullptr.
const RemoteAction *findRemoteAction(const QString &id);
/// Full applicability incl. the permission check. grantedScopes are the token's scp values (short
/// names or full "https://graph.microsoft.com/..." URIs; compared case-insensitively). The device
/// rule is checked first: a reason about the device holds whoever signs in.
Applicability evaluate(
    const RemoteAction &action, const DeviceDetails &device, const QStringList &grantedScopes);
/// True when grantedScopes holds scope (short or resource-qualified, any case).
bool hasScope(const QStringList &grantedScopes, const QString &scope);

} // namespace keyturn
