#include "devices/DeviceVocabulary.h"

#include "core/Utc.h"

namespace keyturn {

namespace {

// Howard Hinnant's days_from_civil: days since 1970-01-01 for a proleptic Gregorian date.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

bool digits(QStringView s, qsizetype pos, qsizetype n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (qsizetype i = pos; i < pos + n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    out = v;
    return true;
}

} // namespace

DeviceRecord::Platform platformFromOperatingSystem(QStringView os)
{
    using P = DeviceRecord::Platform;
    if (os.startsWith(QLatin1String("Windows"), Qt::CaseInsensitive))
        return P::Windows;
    if (os.compare(QLatin1String("macOS"), Qt::CaseInsensitive) == 0
        || os.startsWith(QLatin1String("Mac OS"), Qt::CaseInsensitive))
        return P::MacOS;
    if (os.compare(QLatin1String("iOS"), Qt::CaseInsensitive) == 0)
        return P::IOS;
    if (os.compare(QLatin1String("iPadOS"), Qt::CaseInsensitive) == 0)
        return P::IPadOS;
    if (os.startsWith(QLatin1String("Android"), Qt::CaseInsensitive))
        return P::Android;
    if (os.startsWith(QLatin1String("Linux"), Qt::CaseInsensitive)
        || os.compare(QLatin1String("Ubuntu"), Qt::CaseInsensitive) == 0)
        return P::Linux;
    return P::Other;
}

qint64 parseGraphDateTimeMsecs(QStringView s)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != u'-' || !digits(s, 5, 2, month) || s[7] != u'-'
        || !digits(s, 8, 2, day) || (s[10] != u'T' && s[10] != u' ') || !digits(s, 11, 2, hour)
        || s[13] != u':' || !digits(s, 14, 2, minute) || s[16] != u':' || !digits(s, 17, 2, second))
        return 0;
    if (year <= 1 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 60)
        return 0;
    qsizetype pos = 19;
    int msecs = 0;
    if (pos < s.size() && s[pos] == u'.') {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            msecs += (s[pos].unicode() - u'0') * scale;
            scale /= 10;
            ++pos;
        }
    }
    qint64 offsetSecs = 0;
    if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || !digits(s, pos + 4, 2, om))
            return 0;
        offsetSecs = (oh * 3600 + om * 60) * (s[pos] == u'+' ? 1 : -1);
    }
    const qint64 days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const qint64 secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetSecs;
    return secs * 1000 + msecs;
}

QDateTime parseGraphDateTime(QStringView text)
{
    const qint64 msecs = parseGraphDateTimeMsecs(text);
    return msecs == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(msecs, keyturn::utc());
}

} // namespace keyturn
