// EventLoopProbe: measures how responsive the calling thread's event loop is. A precise timer asks
// to fire every interval; how late each tick arrives is how long the thread was busy elsewhere.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace keyturn::test {

class EventLoopProbe final : public QObject {
    Q_OBJECT
public:
    explicit EventLoopProbe(std::chrono::milliseconds interval = std::chrono::milliseconds(10));

    void start();
    void stop();

    /// The longest a tick came after it was due.
    std::chrono::milliseconds worstLateness() const { return std::chrono::milliseconds(m_worstNs / 1000000); }
    int ticks() const { return m_ticks; }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_intervalNs;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
    int m_ticks = 0;
};

} // namespace keyturn::test
