// ActionResultText: what Keyturn says about an action result Intune reported: its own reason
// (the result's errorCode, when it carries one), the likely causes of a failure per action, and
// the one-line completion message ("Rotate FileVault recovery key on MAC-0042 completed").
#pragma once

#include "actions/DeviceDetails.h"

#include <QString>
#include <QStringList>

namespace keyturn {

/// "Intune reported error code 0x87D1FDE8 (-2016281112)."; empty when the result carries no code.
QString intuneReason(const DeviceActionResult &result);
/// Why this action usually fails, most likely first (empty for an unknown action).
QStringList likelyFailureCauses(const QString &actionId);
/// True for states Intune does not change any more (done, failed, canceled, notSupported).
bool isFinalActionState(const QString &actionState);
/// "<label> on <device> completed", "... failed: <reason>", "... was canceled", "... is not supported".
QString completionMessage(
    const QString &actionLabel, const QString &deviceName, const DeviceActionResult &result);

} // namespace keyturn
