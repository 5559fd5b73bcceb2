#include "DeviceListPacing.h"

#include "devices/DeviceFilterProxy.h"

#include <algorithm>

namespace keyturn::ui {

namespace {

// Arrived rows are merged into place once arrivals pause for kSortSettleMs, and at least every
// kSortMaxWaitMs during a long load: a fast load re-sorts once, a slow one every few seconds.
constexpr int kSortSettleMs = 400;
constexpr int kSortMaxWaitMs = 2000;
// Arrivals show at once while the list holds at most this many rows (the first page, small
// tenants), and otherwise at most every kShowIntervalMs.
constexpr int kShowAtOnceUpToRows = 1000;
constexpr int kShowIntervalMs = 750;

} // namespace

DeviceListPacing::DeviceListPacing(DeviceFilterProxy *proxy, QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
{
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(kSortSettleMs);
    connect(&m_resortTimer, &QTimer::timeout, this, &DeviceListPacing::settle);
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &DeviceListPacing::showArrived);
    connect(m_proxy, &DeviceFilterProxy::rowsArrived, this, &DeviceListPacing::onRowsArrived);
    // Rows shown for any reason (a filter, a sort, the end of a load) restart the interval.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { m_sinceShown.start(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_proxy->isSettled())
            m_resortTimer.stop();
        if (m_proxy->unshownRowCount() == 0)
            m_showTimer.stop();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_resortTimer.stop();
        m_showTimer.stop();
    });
    m_proxy->setArrivalsPaced(true);
}

void DeviceListPacing::onRowsArrived()
{
    if (m_proxy->sortColumn() >= 0) {
        // Arrived rows shown now or later land at the end until the re-sort.
        if (!m_resortTimer.isActive())
            m_pendingSince.start();
        m_resortTimer.start(static_cast<int>(
            std::clamp<qint64>(kSortMaxWaitMs - m_pendingSince.elapsed(), 0, kSortSettleMs)));
    }
    if (m_proxy->unshownRowCount() == 0)
        return;
    const qint64 sinceShown = m_sinceShown.isValid() ? m_sinceShown.elapsed() : kShowIntervalMs;
    const int rows = m_proxy->deviceModel() ? m_proxy->deviceModel()->rowCount() : 0;
    if (rows <= kShowAtOnceUpToRows || sinceShown >= kShowIntervalMs)
        showArrived();
    else if (!m_showTimer.isActive())
        m_showTimer.start(static_cast<int>(kShowIntervalMs - sinceShown));
}

void DeviceListPacing::showArrived()
{
    m_showTimer.stop();
    m_proxy->showArrived();
}

void DeviceListPacing::settle()
{
    m_resortTimer.stop();
    m_showTimer.stop();
    m_proxy->settleSort();
}

} // namespace keyturn::ui
