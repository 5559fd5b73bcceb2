#include "EventLoopProbe.h"

#include <algorithm>

namespace keyturn::test {

EventLoopProbe::EventLoopProbe(std::chrono::milliseconds interval)
    : m_intervalNs(static_cast<qint64>(interval.count()) * 1000000)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::onTick);
}

void EventLoopProbe::start()
{
    m_worstNs = 0;
    m_ticks = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
}

void EventLoopProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_worstNs = std::max(m_worstNs, now - m_lastNs - m_intervalNs);
    m_lastNs = now;
    ++m_ticks;
}

} // namespace keyturn::test
