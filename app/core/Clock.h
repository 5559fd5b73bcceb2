// Clock: the time source for expiry and back-off. SystemClock reads the real time; tests use a
// ManualClock they advance by hand. Owners pass a Clock* down; nothing reads the time globally.
#pragma once

#include "core/Utc.h"

#include <QDateTime>

namespace keyturn {

class Clock {
public:
    virtual ~Clock() = default;
    /// The current time in UTC.
    virtual QDateTime nowUtc() const = 0;
    /// Milliseconds since the epoch; convenient for expiry arithmetic.
    qint64 nowMSecs() const { return nowUtc().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override;
    /// A process-wide system clock for owners that were not handed one.
    static const Clock &instance();
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1'800'000'000, utc()))
        : m_now(std::move(start))
    { }
    QDateTime nowUtc() const override { return m_now; }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }
    void set(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};

} // namespace keyturn
