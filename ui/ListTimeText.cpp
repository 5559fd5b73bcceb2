#include "ListTimeText.h"

#include <QCoreApplication>
#include <QLocale>

namespace keyturn::ui {

QString listTimeText(const QDateTime &listTime, const QDateTime &now)
{
    const QDateTime local = listTime.toLocalTime();
    const QDate day = local.date();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (day == today)
        return QCoreApplication::translate("ListTimeText", "%1 today").arg(time);
    if (day == today.addDays(-1))
        return QCoreApplication::translate("ListTimeText", "yesterday %1").arg(time);
    const QString date = locale.toString(
        day, day.year() == today.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy"));
    return QStringLiteral("%1 %2").arg(date, time);
}

} // namespace keyturn::ui
