#include "devices/ParsePlacement.h"

namespace keyturn {

namespace {
// Each new page counts for a quarter: one slow parse (a busy moment) does not decide alone.
constexpr double kNewWeight = 0.25;

} // namespace

bool ParsePlacement::parseInline(qsizetype bytes) const
{
    if (!m_nsecsPerByte || bytes <= 0)
        return false;
    return *m_nsecsPerByte * static_cast<double>(bytes) <= static_cast<double>(kInlineBudgetNsecs);
}

void ParsePlacement::record(qsizetype bytes, qint64 nsecs)
{
    if (bytes <= 0 || nsecs < 0)
        return;
    const double rate = static_cast<double>(nsecs) / static_cast<double>(bytes);
    m_nsecsPerByte = m_nsecsPerByte ? (1 - kNewWeight) * *m_nsecsPerByte + kNewWeight * rate : rate;
}

} // namespace keyturn
