#include "DeviceText.h"

#include "actions/ActionCatalog.h"
#include "devices/DeviceRecord.h"

#include <QCoreApplication>
#include <QLocale>

namespace keyturn::ui::text {

namespace {
// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *source)
{
    return QCoreApplication::translate("keyturn::ui::text", source);
}
} // namespace

QString ownership(const QString &graphValue)
{
    // One vocabulary with the device list: the same parse, the same words.
    return ownershipText(ownershipFromString(graphValue));
}

QString compliance(const QString &graphValue)
{
    return complianceText(complianceFromString(graphValue));
}

QString actionState(const QString &graphValue)
{
    if (graphValue == QLatin1String("pending"))
        return tr("Pending");
    if (graphValue == QLatin1String("active"))
        return tr("Active");
    if (graphValue == QLatin1String("done"))
        return tr("Complete");
    if (graphValue == QLatin1String("failed"))
        return tr("Failed");
    if (graphValue == QLatin1String("canceled"))
        return tr("Canceled");
    if (graphValue == QLatin1String("notSupported"))
        return tr("Not supported");
    if (graphValue == QLatin1String("none"))
        return tr("None");
    return graphValue;
}

QString actionName(const QString &graphValue)
{
    if (const RemoteAction *action = findRemoteAction(graphValue))
        return action->label();
    return graphValue;
}

QString dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return tr("Never");
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString waitDuration(int seconds)
{
    const int minutes = seconds / 60;
    const int rest = seconds % 60;
    if (minutes == 0)
        return QCoreApplication::translate("DeviceText", "%1 s").arg(rest);
    if (rest == 0)
        return QCoreApplication::translate("DeviceText", "%1 min").arg(minutes);
    return QCoreApplication::translate("DeviceText", "%1 min %2 s").arg(minutes).arg(rest);
}

} // namespace keyturn::ui::text
