// utc(): the "in UTC" argument for QDateTime on every supported Qt. Qt 6.5 replaced Qt::UTC with
// QTimeZone::UTC (the same lightweight UTC, so text and comparisons do not change) and 6.8 warns on
// the old one; QTimeZone::utc() is not a substitute on 6.4 (it formats as +00:00, not Z).
#pragma once

#include <QDateTime>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

namespace keyturn {

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
inline QTimeZone utc()
{
    return QTimeZone(QTimeZone::UTC);
}
#else
constexpr Qt::TimeSpec utc()
{
    return Qt::UTC;
}
#endif

} // namespace keyturn
