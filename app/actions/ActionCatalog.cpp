#include "actions/ActionCatalog.h"

#include "core/Version.h"

#include <QCoreApplication>

#include <algorithm>

namespace keyturn {

namespace {

// Spelled out in each translate() call too: lupdate reads only literal contexts.
constexpr char kContext[] = "keyturn::RemoteAction";
constexpr char kPrivileged[] = "DeviceManagementManagedDevices.PrivilegedOperations.All";

QString t(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}

Applicability yes()
{
    return {};
}

Applicability no(const QString &reason)
{
    return { false, reason };
}

Applicability fileVaultRule(const DeviceDetails &d)
{
    if (!d.isMac())
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
            "Rotate FileVault recovery key is available for corporate-owned macOS devices")));
    if (!d.isCompanyOwned())
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
            "Rotate FileVault recovery key is available for corporate-owned macOS "
            "devices; this Mac is not marked as corporate-owned")));
    if (!d.isEncrypted)
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction", "This device is not encrypted")));
    return yes();
}

Applicability syncRule(const DeviceDetails &d)
{
    if (d.isWindows() || d.isMac() || d.isIOS() || d.isAndroid())
        return yes();
    return no(t(QT_TRANSLATE_NOOP(
        "keyturn::RemoteAction", "Sync is available for Windows, macOS, iOS/iPadOS and Android devices")));
}

Applicability restartRule(const DeviceDetails &d)
{
    if (d.isWindows() || d.isMac())
        return yes();
    if (d.isIOS())
        return d.isSupervised ? yes()
                              : no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                                  "Restart is available for iOS/iPadOS devices only when "
                                  "they are supervised")));
    if (d.isAndroid())
        return d.isCompanyOwned() ? yes()
                                  : no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                                      "Restart is available for Android devices only when "
                                      "they are corporate-owned")));
    return no(t(QT_TRANSLATE_NOOP(
        "keyturn::RemoteAction", "Restart is available for Windows, macOS, iOS/iPadOS and Android devices")));
}

Applicability shutDownRule(const DeviceDetails &d)
{
    if (d.isMac())
        return yes();
    if (d.isIOS())
        return d.isSupervised ? yes()
                              : no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                                  "Shut down is available for iOS/iPadOS devices only when "
                                  "they are supervised")));
    return no(t(QT_TRANSLATE_NOOP(
        "keyturn::RemoteAction", "Shut down is available for macOS and supervised iOS/iPadOS devices")));
}

Applicability bitLockerRule(const DeviceDetails &d)
{
    return d.isWindows() ? yes()
                         : no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                             "Rotate BitLocker keys is available for Windows devices")));
}

Applicability localAdminRule(const DeviceDetails &d)
{
    return d.isWindows() ? yes()
                         : no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                             "Rotate local admin password is available for Windows devices")));
}

RemoteAction entry(const char *id, const char *labelSource, const char *icon, bool destructive,
    std::function<Applicability(const DeviceDetails &)> rule, const char *question, const char *detail,
    const char *roles, const char *customRole)
{
    RemoteAction a;
    a.id = QString::fromLatin1(id);
    a.pathTemplate = QStringLiteral("deviceManagement/managedDevices/{id}/") + a.id;
    a.labelSource = labelSource;
    a.iconName = QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(icon));
    a.requiredScope = QLatin1String(kPrivileged);
    a.destructive = destructive;
    a.applies = std::move(rule);
    a.questionSource = question;
    a.detailSource = detail;
    a.rolesSource = roles;
    a.customRoleSource = customRole;
    return a;
}

Applicability showFileVaultRule(const DeviceDetails &d)
{
    if (!d.isMac())
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
            "Show FileVault recovery key is available for corporate-owned macOS devices")));
    if (!d.isCompanyOwned())
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
            "Show FileVault recovery key is available for corporate-owned macOS devices; this Mac is not "
            "marked as corporate-owned")));
    if (!d.isEncrypted)
        return no(t(QT_TRANSLATE_NOOP("keyturn::RemoteAction",
            "Show FileVault recovery key: FileVault is off on this Mac, so Intune holds no key for it")));
    return yes();
}

/// BitLocker keys and LAPS passwords live in Entra ID, found by the device's Entra device id.
Applicability entraSecretRule(const DeviceDetails &d, const char *notWindows, const char *noEntraId)
{
    if (!d.isWindows())
        return no(t(notWindows));
    if (d.azureADDeviceId.trimmed().isEmpty() || d.azureADDeviceId.startsWith(QLatin1String("00000000")))
        return no(t(noEntraId));
    return yes();
}

/// A secret read's first Graph request.
struct SecretRequest {
    const char *apiVersion;
    const char *path;
    const char *queryKey = nullptr;
    const char *queryValue = nullptr;
    bool clientHeaders = false; ///< ocp-client-name / ocp-client-version, as Graph asks for BitLocker
};

/// A secret read's scopes: the one the sign-in must hold to offer it, and the one asked for by consent.
struct SecretScopes {
    const char *required = "";
    const char *consent = "";
};

RemoteAction secretEntry(const char *id, const char *labelSource, const char *icon, DeviceSecretKind secret,
    const SecretRequest &request, const SecretScopes &scopes,
    std::function<Applicability(const DeviceDetails &)> rule, const char *question, const char *detail,
    const char *roles)
{
    RemoteAction a;
    a.kind = RemoteAction::Kind::SecretRead;
    a.secret = secret;
    a.id = QString::fromLatin1(id);
    a.labelSource = labelSource;
    a.iconName = QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(icon));
    a.method = "GET";
    a.apiVersion = QLatin1String(request.apiVersion);
    a.pathTemplate = QLatin1String(request.path);
    if (request.queryKey)
        a.queryTemplate = { { QLatin1String(request.queryKey), QLatin1String(request.queryValue) } };
    if (request.clientHeaders)
        a.headers = { { "ocp-client-name", kApplicationName }, { "ocp-client-version", kVersion } };
    a.requiredScope = QLatin1String(scopes.required);
    a.consentScope = QLatin1String(scopes.consent);
    a.applies = std::move(rule);
    a.questionSource = question;
    a.detailSource = detail;
    a.rolesSource = roles;
    return a;
}

QList<RemoteAction> buildSecretCatalog()
{
    return {
        secretEntry("viewFileVaultKey",
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show FileVault recovery key"), "show-filevault-key",
            DeviceSecretKind::FileVaultRecoveryKey,
            { "beta", "deviceManagement/managedDevices/{id}/getFileVaultKey" }, { kPrivileged },
            showFileVaultRule,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show the FileVault recovery key of %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Viewing it is recorded in Intune's audit log."),
            QT_TRANSLATE_NOOP(
                "keyturn::RemoteAction", "the Help Desk Operator or Endpoint Security Manager role")),
        // Entra grants the scope by consent when first asked: only the device decides here.
        secretEntry(
            "viewBitLockerKeys", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show BitLocker recovery keys"),
            "show-bitlocker-keys", DeviceSecretKind::BitLockerRecoveryKeys,
            { "v1.0", "informationProtection/bitlocker/recoveryKeys", "$filter", "deviceId eq '{entraId}'",
                true },
            { "", "BitlockerKey.Read.All" },
            [](const DeviceDetails &d) {
                return entraSecretRule(d,
                    QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                        "Show BitLocker recovery keys is available for Windows devices"),
                    QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                        "Show BitLocker recovery keys: the device has no Entra device ID, and Entra ID keeps "
                        "the keys by it"));
            },
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show the BitLocker recovery keys of %1?"),
            QT_TRANSLATE_NOOP(
                "keyturn::RemoteAction", "Viewing them is recorded in Microsoft Entra ID's audit log."),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "the Entra role Cloud Device Administrator, Helpdesk Administrator, Intune Administrator, "
                "Security Administrator, Security Reader or Global Reader")),
        secretEntry(
            "viewLocalAdminPassword", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show local admin password"),
            "show-local-admin-password", DeviceSecretKind::LocalAdminPassword,
            { "v1.0", "directory/deviceLocalCredentials/{entraId}", "$select", "credentials" },
            { "", "DeviceLocalCredential.Read.All" },
            [](const DeviceDetails &d) {
                return entraSecretRule(d,
                    QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                        "Show local admin password is available for Windows devices"),
                    QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                        "Show local admin password: the device has no Entra device ID, and Windows LAPS "
                        "backs "
                        "passwords up by it"));
            },
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Show the local administrator password of %1?"),
            QT_TRANSLATE_NOOP(
                "keyturn::RemoteAction", "Viewing it is recorded in Microsoft Entra ID's audit log."),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "the Entra role Cloud Device Administrator, Helpdesk Administrator or Intune Administrator")),
    };
}

QList<RemoteAction> buildCatalog()
{
    const char *helpDeskOrSecurity = QT_TRANSLATE_NOOP(
        "keyturn::RemoteAction", "the Help Desk Operator or Endpoint Security Manager role");
    const char *helpDesk = QT_TRANSLATE_NOOP("keyturn::RemoteAction", "the Help Desk Operator role");
    return {
        entry("rotateFileVaultKey",
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Rotate FileVault recovery key"), "rotate-filevault",
            false, fileVaultRule,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "Are you sure you want to rotate the FileVault recovery key for %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "A new personal recovery key is generated and escrowed "
                "in Intune at the device's next check-in."),
            helpDeskOrSecurity,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Rotate FileVault key")),
        entry("syncDevice", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Sync"), "sync", false, syncRule,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Are you sure you want to sync %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "The device is asked to check in with Intune now to "
                "receive its policies and report its state."),
            helpDesk, QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Sync devices")),
        entry("rebootNow", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Restart"), "restart", true,
            restartRule, QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Are you sure you want to restart %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "The device restarts when it receives the request; "
                "unsaved work on it may be lost."),
            helpDesk, QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Reboot now")),
        entry("shutDown", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Shut down"), "shut-down", true,
            shutDownRule,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Are you sure you want to shut down %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "The device shuts down when it receives the request and "
                "stays off until someone turns it on."),
            helpDesk, QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Shut down")),
        entry("rotateBitLockerKeys", QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Rotate BitLocker keys"),
            "rotate-bitlocker", false, bitLockerRule,
            QT_TRANSLATE_NOOP(
                "keyturn::RemoteAction", "Are you sure you want to rotate the BitLocker keys for %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "New BitLocker recovery keys are generated and escrowed "
                "at the device's next check-in."),
            helpDeskOrSecurity,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Rotate BitLocker keys")),
        entry("rotateLocalAdminPassword",
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Rotate local admin password"),
            "rotate-local-admin-password", false, localAdminRule,
            QT_TRANSLATE_NOOP(
                "keyturn::RemoteAction", "Are you sure you want to rotate the local admin password for %1?"),
            QT_TRANSLATE_NOOP("keyturn::RemoteAction",
                "A new local administrator password is generated and "
                "backed up at the device's next check-in."),
            helpDesk,
            QT_TRANSLATE_NOOP("keyturn::RemoteAction", "Remote tasks / Rotate local admin password")),
    };
}

QString shortScope(const QString &scope)
{
    // "https://graph.microsoft.com/X" and "X" name the same delegated scope.
    const qsizetype slash = scope.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? scope : scope.mid(slash + 1);
}

} // namespace

QString deviceIdentification(const DeviceDetails &device)
{
    const QString name = device.deviceName.isEmpty() ? device.id : device.deviceName;
    const QString serial = device.serialNumber.trimmed().isEmpty()
        //: Part of a device's identification in a confirmation, e.g. "MAC-0042 (serial unknown, ...)"
        ? QCoreApplication::translate("keyturn::RemoteAction", "serial unknown")
        : QCoreApplication::translate("keyturn::RemoteAction", "serial %1")
              .arg(device.serialNumber.trimmed());
    const QString user = device.userPrincipalName.trimmed().isEmpty()
        ? QCoreApplication::translate("keyturn::RemoteAction", "no primary user")
        : QCoreApplication::translate("keyturn::RemoteAction", "user %1")
              .arg(device.userPrincipalName.trimmed());
    //: %1 device name, %2 "serial C02XK1ABJG5H" or "serial unknown", %3 "user adele@contoso.com" or "no
    //: primary user"
    return QCoreApplication::translate("keyturn::RemoteAction", "%1 (%2, %3)").arg(name, serial, user);
}

QString RemoteAction::label() const
{
    return labelSource ? t(labelSource) : id;
}

QString RemoteAction::confirmationQuestion(const DeviceDetails &device) const
{
    return questionSource ? t(questionSource).arg(deviceIdentification(device)) : label();
}

QString RemoteAction::confirmationDetail() const
{
    return detailSource ? t(detailSource) : QString();
}

QString RemoteAction::sentBanner(const QString &deviceName) const
{
    //: %1 is an action label ("Rotate FileVault recovery key"), %2 a device name
    return QCoreApplication::translate("keyturn::RemoteAction", "%1 sent to %2").arg(label(), deviceName);
}

QString RemoteAction::rolesHint() const
{
    if (!rolesSource)
        return {};
    if (!customRoleSource)
        return t(rolesSource);
    //: %1 names built-in roles ("the Help Desk Operator role"), %2 an Intune permission
    return QCoreApplication::translate("keyturn::RemoteAction", "%1, or a custom role with %2")
        .arg(t(rolesSource), t(customRoleSource));
}

QString RemoteAction::permissionReason() const
{
    const QString roles = rolesHint();
    if (roles.isEmpty())
        return QCoreApplication::translate("keyturn::RemoteAction", "Your sign-in lacks %1.")
            .arg(requiredScope);
    return QCoreApplication::translate("keyturn::RemoteAction", "Your sign-in lacks %1. Ask for %2.")
        .arg(requiredScope, roles);
}

const QList<RemoteAction> &remoteActionCatalog()
{
    static const QList<RemoteAction> catalog = buildCatalog();
    return catalog;
}

const QList<RemoteAction> &secretReadCatalog()
{
    static const QList<RemoteAction> catalog = buildSecretCatalog();
    return catalog;
}

QString RemoteAction::path(const DeviceDetails &device) const
{
    if ((pathTemplate.contains(QLatin1String("{id}")) && device.id.isEmpty())
        || ((pathTemplate.contains(QLatin1String("{entraId}"))
                || std::any_of(queryTemplate.cbegin(), queryTemplate.cend(),
                    [](const auto &item) { return item.second.contains(QLatin1String("{entraId}")); }))
            && device.azureADDeviceId.isEmpty()))
        return {};
    QString path = pathTemplate;
    return path.replace(QLatin1String("{id}"), device.id)
        .replace(QLatin1String("{entraId}"), device.azureADDeviceId.toLower());
}

QUrlQuery RemoteAction::query(const DeviceDetails &device) const
{
    QUrlQuery query;
    for (const auto &[key, value] : queryTemplate) {
        QString filled = value;
        query.addQueryItem(key,
            filled.replace(QLatin1String("{id}"), device.id)
                .replace(QLatin1String("{entraId}"), device.azureADDeviceId.toLower()));
    }
    return query;
}

const RemoteAction *findSecretRead(DeviceSecretKind kind)
{
    const QList<RemoteAction> &catalog = secretReadCatalog();
    const auto it = std::find_if(
        catalog.cbegin(), catalog.cend(), [kind](const RemoteAction &a) { return a.secret == kind; });
    return it == catalog.cend() ? nullptr : &*it;
}

const RemoteAction *findRemoteAction(const QString &id)
{
    for (const QList<RemoteAction> *catalog : { &remoteActionCatalog(), &secretReadCatalog() }) {
        const auto it = std::find_if(
            catalog->cbegin(), catalog->cend(), [&id](const RemoteAction &a) { return a.id == id; });
        if (it != catalog->cend())
            return &*it;
    }
    return nullptr;
}

bool hasScope(const QStringList &grantedScopes, const QString &scope)
{
    const QString wanted = shortScope(scope);
    return std::any_of(grantedScopes.cbegin(), grantedScopes.cend(), [&wanted](const QString &granted) {
        return shortScope(granted.trimmed()).compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

Applicability evaluate(
    const RemoteAction &action, const DeviceDetails &device, const QStringList &grantedScopes)
{
    if (action.applies) {
        Applicability a = action.applies(device);
        if (!a.applicable)
            return a;
    }
    if (!action.requiredScope.isEmpty() && !hasScope(grantedScopes, action.requiredScope))
        return { false, action.permissionReason() };
    return {};
}

} // namespace keyturn
