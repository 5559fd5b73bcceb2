// DeviceText: how Graph's enum texts and dates read in the device pane ("company" -> "Corporate").
#pragma once

#include <QDateTime>
#include <QString>

namespace keyturn::ui::text {

QString ownership(const QString &graphValue);
QString compliance(const QString &graphValue);
QString actionState(const QString &graphValue);
/// The catalog label for an actionName, or the raw name for actions Keyturn does not offer.
QString actionName(const QString &graphValue);
/// Local short date and time; "Never" for an invalid date.
QString dateTime(const QDateTime &utc);
QString yesNo(bool value);

} // namespace keyturn::ui::text
