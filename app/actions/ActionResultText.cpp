#include "actions/ActionResultText.h"

#include <QCoreApplication>

namespace keyturn {

namespace {
constexpr char kContext[] = "keyturn::ActionResultText";

QString t(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}
} // namespace

QString intuneReason(const DeviceActionResult &result)
{
    if (!result.errorCode)
        return {};
    const auto bits = static_cast<quint32>(*result.errorCode);
    //: %1 hexadecimal error code ("0x87D1FDE8"), %2 the same in decimal
    return t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "Intune reported error code %1 (%2)."))
        .arg(QStringLiteral("0x") + QString::number(bits, 16).toUpper().rightJustified(8, QLatin1Char('0')),
            QString::number(*result.errorCode));
}

QStringList likelyFailureCauses(const QString &actionId)
{
    if (actionId == u"rotateFileVaultKey")
        return {
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "No personal recovery key of this Mac is escrowed in Intune, so there is none to rotate.")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "The FileVault policy (payload) lacks its escrow settings: \"Escrow location\" and the "
                "personal recovery key escrow must be set for Intune to receive the key.")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "The Mac has not checked in with Intune since the request (asleep, off or offline).")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "No user has logged in on the Mac since FileVault was enabled, so the key was never "
                "created or escrowed.")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "FileVault was turned on by the user or another tool, not by the Intune policy."))
        };
    if (actionId == u"rotateBitLockerKeys")
        return {
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "BitLocker is not turned on, or the policy does not back recovery keys up to Entra ID.")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "The device is not Entra joined or hybrid joined, or its Windows version is too old.")),
            t(QT_TRANSLATE_NOOP(
                "keyturn::ActionResultText", "The device has not checked in with Intune since the request."))
        };
    if (actionId == u"rotateLocalAdminPassword")
        return {
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "No Windows LAPS policy is assigned to the device, or the managed account does not exist.")),
            t(QT_TRANSLATE_NOOP(
                "keyturn::ActionResultText", "The device has not checked in with Intune since the request."))
        };
    if (actionId == u"syncDevice" || actionId == u"rebootNow" || actionId == u"shutDown")
        return { t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                     "The device has not checked in with Intune since the request (off or offline).")),
            t(QT_TRANSLATE_NOOP("keyturn::ActionResultText",
                "The device's management profile was removed or its enrollment is no longer valid.")) };
    return {};
}

bool isFinalActionState(const QString &actionState)
{
    return actionState == u"done" || actionState == u"failed" || actionState == u"canceled"
        || actionState == u"notSupported";
}

QString completionMessage(
    const QString &actionLabel, const QString &deviceName, const DeviceActionResult &result)
{
    //: %1 action label, %2 device name
    if (result.actionState == u"done")
        return t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "%1 on %2 completed"))
            .arg(actionLabel, deviceName);
    if (result.actionState == u"canceled")
        return t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "%1 on %2 was canceled"))
            .arg(actionLabel, deviceName);
    if (result.actionState == u"notSupported")
        return t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "%1 on %2 is not supported by the device"))
            .arg(actionLabel, deviceName);
    QString reason = intuneReason(result);
    if (reason.isEmpty())
        reason = t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "Intune gave no reason."));
    //: %1 action label, %2 device name, %3 Intune's reason
    return t(QT_TRANSLATE_NOOP("keyturn::ActionResultText", "%1 on %2 failed: %3"))
        .arg(actionLabel, deviceName, reason);
}

} // namespace keyturn
