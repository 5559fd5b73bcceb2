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
/// A wait Graph asked for: "45 s", "2 min 10 s", "10 min".
QString waitDuration(int seconds);

} // namespace keyturn::ui::text
