// ListTimeText: when a list was read, as a person says it: "10:42 today", "yesterday 16:03",
// "3 Dec 09:12", "3 Dec 2025 09:12" (another year), in local time and the locale's time format.
#pragma once

#include <QDateTime>
#include <QString>

namespace keyturn::ui {

QString listTimeText(const QDateTime &listTime, const QDateTime &now = QDateTime::currentDateTime());

} // namespace keyturn::ui
