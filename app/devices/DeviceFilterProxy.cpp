#include "devices/DeviceFilterProxy.h"

#include <algorithm>
#include <numeric>

namespace keyturn {

namespace {
constexpr int kSortSettleMs = 400;
}

DeviceFilterProxy::DeviceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DeviceTableModel::RawValueRole);
    // Without dynamic sorting, arriving rows are appended in one interval instead of being
    // inserted one by one (O(n) each); the settle timer sorts them into place.
    setDynamicSortFilter(false);
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(kSortSettleMs);
    connect(&m_resortTimer, &QTimer::timeout, this, &DeviceFilterProxy::settleSort);
}

void DeviceFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_devices)
        m_devices->disconnect(this);
    m_devices = qobject_cast<DeviceTableModel *>(sourceModel);
    m_rank.clear();
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (m_devices) {
        connect(m_devices, &QAbstractItemModel::rowsInserted, this, &DeviceFilterProxy::onSourceRowsInserted);
        connect(m_devices, &QAbstractItemModel::modelReset, this, [this] { m_rank.clear(); });
    }
}

void DeviceFilterProxy::onSourceRowsInserted()
{
    if (sortColumn() >= 0 && !m_resortTimer.isActive())
        m_resortTimer.start();
}

void DeviceFilterProxy::settleSort()
{
    m_resortTimer.stop();
    if (sortColumn() >= 0)
        sort(sortColumn(), sortOrder());
}

void DeviceFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_resortTimer.stop();
    if (column >= 0 && m_devices) {
        // Rank every row once (O(n log n) record compares) so later sorts and re-filters compare
        // ints; rows that arrive afterwards compare directly until the next settle.
        m_rankColumn = -1;
        m_rank.clear();
        std::vector<int> rows(static_cast<std::size_t>(m_devices->rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
        std::sort(rows.begin(), rows.end(),
            [this, column](int a, int b) { return compareRecords(a, b, column) < 0; });
        m_rank.assign(rows.size(), 0);
        for (std::size_t i = 0; i < rows.size(); ++i)
            m_rank[static_cast<std::size_t>(rows[i])] = static_cast<int>(i);
        m_rankColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
}

void DeviceFilterProxy::setSearchText(const QString &text)
{
    QString needle = text.trimmed().toCaseFolded();
    needle.remove(QLatin1Char('\n')); // the separator inside searchKey
    m_searchText = text;
    if (needle == m_needle)
        return;
    m_needle = std::move(needle);
    refilter();
}

void DeviceFilterProxy::setPlatformFilter(PlatformFilter filter)
{
    if (filter == m_platform)
        return;
    m_platform = filter;
    refilter();
}

void DeviceFilterProxy::setOwnershipFilter(OwnershipFilter filter)
{
    if (filter == m_ownership)
        return;
    m_ownership = filter;
    refilter();
}

void DeviceFilterProxy::refilter()
{
    // One layout change and a rank-based sort of the survivors: far cheaper at 100,000 rows than
    // invalidateRowsFilter()'s per-interval row removals and sorted insertions.
    if (m_resortTimer.isActive() && sortColumn() >= 0) {
        settleSort(); // brings the ranks up to date, then re-filters below
    }
    invalidate();
    Q_EMIT filterStateChanged();
}

bool DeviceFilterProxy::accepts(const DeviceRecord &r) const
{
    using P = DeviceRecord::Platform;
    switch (m_platform) {
    case PlatformFilter::All:
        break;
    case PlatformFilter::MacOS:
        if (r.platform != P::MacOS)
            return false;
        break;
    case PlatformFilter::Windows:
        if (r.platform != P::Windows)
            return false;
        break;
    case PlatformFilter::IOS:
        if (r.platform != P::IOS && r.platform != P::IPadOS)
            return false;
        break;
    case PlatformFilter::Android:
        if (r.platform != P::Android)
            return false;
        break;
    case PlatformFilter::LinuxOther:
        if (r.platform != P::Linux && r.platform != P::Other)
            return false;
        break;
    }
    switch (m_ownership) {
    case OwnershipFilter::Any:
        break;
    case OwnershipFilter::Corporate:
        if (r.ownership != DeviceRecord::Ownership::Company)
            return false;
        break;
    case OwnershipFilter::Personal:
        if (r.ownership != DeviceRecord::Ownership::Personal)
            return false;
        break;
    }
    return m_needle.isEmpty() || r.searchKey.contains(m_needle);
}

const DeviceRecord &DeviceFilterProxy::recordAt(int proxyRow) const
{
    return m_devices->record(mapToSource(index(proxyRow, 0)).row());
}

bool DeviceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_devices || sourceParent.isValid())
        return false;
    return accepts(m_devices->record(sourceRow));
}

int DeviceFilterProxy::compareVersions(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        // Compare one segment: a run of digits numerically, anything else character by character.
        const bool da = i < a.size() && a[i].isDigit();
        const bool db = j < b.size() && b[j].isDigit();
        if (da && db) {
            while (i < a.size() && a[i] == u'0' && i + 1 < a.size() && a[i + 1].isDigit())
                ++i;
            while (j < b.size() && b[j] == u'0' && j + 1 < b.size() && b[j + 1].isDigit())
                ++j;
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            if (ei - i != ej - j)
                return ei - i < ej - j ? -1 : 1;
            const int c = a.sliced(i, ei - i).compare(b.sliced(j, ej - j));
            if (c != 0)
                return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        if (i >= a.size())
            return -1;
        if (j >= b.size())
            return 1;
        if (da != db)
            return da ? 1 : -1; // "10.0" > "10.x"? digits after text; any consistent order will do
        const char16_t ca = a[i].toCaseFolded().unicode();
        const char16_t cb = b[j].toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    return 0;
}

bool DeviceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = left.row();
    const int r = right.row();
    const auto ranked = static_cast<int>(m_rank.size());
    if (m_rankColumn == left.column() && l < ranked && r < ranked)
        return m_rank[static_cast<std::size_t>(l)] < m_rank[static_cast<std::size_t>(r)];
    return compareRecords(l, r, left.column()) < 0;
}

int DeviceFilterProxy::compareRecords(int leftRow, int rightRow, int column) const
{
    if (!m_devices)
        return 0;
    const DeviceRecord &l = m_devices->record(leftRow);
    const DeviceRecord &r = m_devices->record(rightRow);
    int c = 0;
    switch (static_cast<DeviceTableModel::Column>(column)) {
    case DeviceTableModel::Name:
        c = l.deviceName.compare(r.deviceName, Qt::CaseInsensitive);
        break;
    case DeviceTableModel::ManagedBy:
        c = static_cast<int>(l.managementAgent) - static_cast<int>(r.managementAgent);
        break;
    case DeviceTableModel::Ownership:
        c = static_cast<int>(l.ownership) - static_cast<int>(r.ownership);
        break;
    case DeviceTableModel::Compliance:
        c = static_cast<int>(l.compliance) - static_cast<int>(r.compliance);
        break;
    case DeviceTableModel::OS:
        c = l.operatingSystem.compare(r.operatingSystem, Qt::CaseInsensitive);
        break;
    case DeviceTableModel::OsVersion:
        c = compareVersions(l.osVersion, r.osVersion);
        break;
    case DeviceTableModel::PrimaryUser:
        c = l.userPrincipalName.compare(r.userPrincipalName, Qt::CaseInsensitive);
        break;
    case DeviceTableModel::LastCheckIn:
        c = l.lastSyncMsecs < r.lastSyncMsecs ? -1 : (l.lastSyncMsecs > r.lastSyncMsecs ? 1 : 0);
        break;
    case DeviceTableModel::Encrypted:
        c = static_cast<int>(l.isEncrypted) - static_cast<int>(r.isEncrypted);
        break;
    case DeviceTableModel::ColumnCount:
        break;
    }
    if (c == 0 && column != DeviceTableModel::Name)
        c = l.deviceName.compare(r.deviceName, Qt::CaseInsensitive);
    if (c == 0)
        c = leftRow - rightRow; // a total order keeps sorting stable across refreshes
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace keyturn
