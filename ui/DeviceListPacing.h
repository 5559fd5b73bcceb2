// DeviceListPacing: when rows arriving in a DeviceFilterProxy reach the view. They show at once
// while the list holds at most a page of rows, otherwise at most every 0.75 s (each append costs
// the view a relayout and a full repaint, also when a search shows only a few of them); they move
// into their sorted place in one coalesced relayout once arrivals pause for 0.4 s, and at least
// every 2 s while they go on. Paces the proxy from construction on; the proxy must outlive it.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace keyturn {
class DeviceFilterProxy;
} // namespace keyturn

namespace keyturn::ui {

class DeviceListPacing final : public QObject {
    Q_OBJECT
public:
    explicit DeviceListPacing(DeviceFilterProxy *proxy, QObject *parent = nullptr);

    /// True while arrived rows wait for the coalesced re-sort.
    bool isSortPending() const { return m_resortTimer.isActive(); }

private:
    void onRowsArrived();
    void showArrived();
    void settle();

    DeviceFilterProxy *m_proxy;
    QTimer m_resortTimer;
    QElapsedTimer m_pendingSince; // the first arrival waiting for the re-sort
    QTimer m_showTimer;
    QElapsedTimer m_sinceShown; // the last append the view saw
};

} // namespace keyturn::ui
