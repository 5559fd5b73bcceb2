#include "devices/DeviceFilterProxy.h"

#include <algorithm>

namespace keyturn {

namespace {

// Ids are matched only for a search this long: shorter text (a serial fragment such as "c02")
// would match the hex digits of most ids and bury the devices actually meant.
constexpr qsizetype kIdSearchMinLength = 8;

} // namespace

DeviceFilterProxy::DeviceFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

DeviceFilterProxy::~DeviceFilterProxy()
{
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
}

void DeviceFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_devices = qobject_cast<DeviceTableModel *>(sourceModel);
    QAbstractProxyModel::setSourceModel(sourceModel);
    if (m_devices) {
        auto *m = m_devices.data();
        m_sourceConnections = {
            connect(m, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &, int first, int) { onSourceRowsAboutToBeInserted(first); }),
            connect(m, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onSourceRowsInserted(first, last); }),
            connect(
                m, &QAbstractItemModel::modelAboutToBeReset, this, &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::modelReset, this, &DeviceFilterProxy::onSourceResetFinished),
            // DeviceTableModel only appends and resets; anything else is handled as a reset.
            connect(
                m, &QAbstractItemModel::rowsAboutToBeRemoved, this, &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::rowsRemoved, this, &DeviceFilterProxy::onSourceResetFinished),
            connect(
                m, &QAbstractItemModel::rowsAboutToBeMoved, this, &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::rowsMoved, this, &DeviceFilterProxy::onSourceResetFinished),
            connect(m, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::layoutChanged, this, &DeviceFilterProxy::onSourceResetFinished),
            connect(m, &QAbstractItemModel::columnsAboutToBeInserted, this,
                &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::columnsInserted, this, &DeviceFilterProxy::onSourceResetFinished),
            connect(m, &QAbstractItemModel::columnsAboutToBeRemoved, this,
                &DeviceFilterProxy::onSourceResetStarted),
            connect(m, &QAbstractItemModel::columnsRemoved, this, &DeviceFilterProxy::onSourceResetFinished),
            connect(m, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                    // Values changed in place: repaint; the filter and order apply from the next change.
                    if (rowCount() > 0 && topLeft.isValid() && bottomRight.isValid())
                        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), roles);
                }),
        };
    }
    rebuildFromSource();
    endResetModel();
}

int DeviceFilterProxy::sourceRowCount() const
{
    return m_devices ? m_devices->rowCount() : 0;
}

DeviceSortOrder DeviceFilterProxy::sortOrderEngine() const
{
    static const std::vector<DeviceRecord> none;
    return DeviceSortOrder(m_sortColumn, m_sortOrder, m_devices ? m_devices->records() : none, m_keys);
}

void DeviceFilterProxy::rebuildFromSource()
{
    m_keys.clear();
    const int n = sourceRowCount();
    m_keys.reserve(n);
    for (int row = 0; row < n; ++row)
        m_keys.append(m_devices->record(row));
    rebuildOrder();
    m_unshown.clear();
    m_sourceToProxy.assign(static_cast<std::size_t>(n), -1);
    m_proxyToSource.clear();
    for (const int row : m_order) {
        if (acceptsRow(row)) {
            m_sourceToProxy[static_cast<std::size_t>(row)] = static_cast<int>(m_proxyToSource.size());
            m_proxyToSource.push_back(row);
        }
    }
}

void DeviceFilterProxy::onSourceResetStarted()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void DeviceFilterProxy::onSourceResetFinished()
{
    if (!m_resetting)
        return;
    rebuildFromSource();
    m_resetting = false;
    endResetModel();
}

void DeviceFilterProxy::onSourceRowsAboutToBeInserted(int first)
{
    if (first != static_cast<int>(m_sourceToProxy.size()))
        onSourceResetStarted(); // not an append: rebuild once the rows are in
}

void DeviceFilterProxy::onSourceRowsInserted(int first, int last)
{
    if (m_resetting) {
        onSourceResetFinished();
        return;
    }
    m_sourceToProxy.resize(static_cast<std::size_t>(last) + 1, -1);
    m_keys.truncate(first);
    m_keys.reserve(static_cast<int>(m_devices->records().capacity()));
    for (int row = first; row <= last; ++row)
        m_keys.append(m_devices->record(row));
    for (int row = first; row <= last; ++row) {
        if (acceptsRow(row))
            m_unshown.push_back(row);
    }
    if (m_sortColumn < 0) {
        // Arrival order is the display order: nothing waits for a re-sort.
        for (int row = first; row <= last; ++row)
            m_order.push_back(row);
        m_ordered = last + 1;
    } else if (static_cast<qint64>(last + 1 - m_ordered) * 2 >= m_ordered) {
        // Sorting the rows in as they come keeps the final settle short. Small arrivals wait
        // until they add up (half the list), so the merges stay linear overall.
        mergePendingIntoOrder();
    }
    if (!m_paced) {
        settleSort();
        return;
    }
    Q_EMIT rowsArrived();
}

void DeviceFilterProxy::setArrivalsPaced(bool paced)
{
    m_paced = paced;
    if (!paced)
        settleSort();
}

void DeviceFilterProxy::showArrived()
{
    if (m_unshown.empty())
        return;
    const int at = static_cast<int>(m_proxyToSource.size());
    beginInsertRows({}, at, at + static_cast<int>(m_unshown.size()) - 1);
    for (const int row : m_unshown) {
        m_sourceToProxy[static_cast<std::size_t>(row)] = static_cast<int>(m_proxyToSource.size());
        m_proxyToSource.push_back(row);
    }
    m_unshown.clear();
    if (m_sortColumn >= 0)
        m_unsettled = true;
    endInsertRows();
}

bool DeviceFilterProxy::isSettled() const
{
    return !m_unsettled && m_ordered >= sourceRowCount();
}

void DeviceFilterProxy::mergePendingIntoOrder()
{
    const int total = sourceRowCount();
    if (m_ordered >= total)
        return;
    if (m_sortColumn < 0) {
        for (int row = m_ordered; row < total; ++row)
            m_order.push_back(row);
        m_ordered = total;
        return;
    }
    const DeviceSortOrder order = sortOrderEngine();
    std::vector<DeviceSortKey> added;
    added.reserve(static_cast<std::size_t>(total - m_ordered));
    for (int row = m_ordered; row < total; ++row)
        added.push_back(order.key(row));
    m_orderKeys = order.merged(m_orderKeys, std::move(added));
    m_order.resize(m_orderKeys.size());
    for (std::size_t i = 0; i < m_orderKeys.size(); ++i)
        m_order[i] = m_orderKeys[i].row;
    m_ordered = total;
}

void DeviceFilterProxy::settleSort()
{
    showArrived();
    if (isSettled())
        return;
    mergePendingIntoOrder();
    m_unsettled = false;
    // The visible set is unchanged; only rows that arrived move into place.
    relayout(shownRowsInOrder(), VerticalSortHint);
}

void DeviceFilterProxy::sort(int column, Qt::SortOrder order)
{
    showArrived();
    m_sortColumn = column < 0 || column >= DeviceTableModel::ColumnCount ? -1 : column;
    m_sortOrder = order;
    rebuildOrder();
    relayout(shownRowsInOrder(), VerticalSortHint);
}

void DeviceFilterProxy::rebuildOrder()
{
    const int n = sourceRowCount();
    m_ordered = n;
    m_unsettled = false;
    m_orderKeys.clear();
    m_order.resize(static_cast<std::size_t>(n));
    if (m_sortColumn < 0 || n == 0) {
        for (int row = 0; row < n; ++row)
            m_order[static_cast<std::size_t>(row)] = row;
        return;
    }
    m_orderKeys = sortOrderEngine().sortedKeys(0, n - 1);
    for (std::size_t i = 0; i < m_orderKeys.size(); ++i)
        m_order[i] = m_orderKeys[i].row;
}

void DeviceFilterProxy::setSearchText(const QString &text)
{
    QByteArray needle = DeviceSearchKeys::foldQuery(text);
    m_searchText = text;
    if (needle == m_needle)
        return;
    QString idNeedle = QString::fromUtf8(needle);
    // Typing on: every row matching the longer text matched the shorter one, so only the rows
    // shown now need checking.
    // (Not across the length from which ids count: longer text may match ids that shorter did not.)
    const bool narrowing = needle.contains(m_needle)
        && (m_idNeedle.size() >= kIdSearchMinLength || idNeedle.size() < kIdSearchMinLength);
    m_needle = std::move(needle);
    m_idNeedle = std::move(idNeedle);
    refilter(narrowing);
}

void DeviceFilterProxy::setPlatformFilter(PlatformFilter filter)
{
    if (filter == m_platform)
        return;
    const bool narrowing = m_platform == PlatformFilter::All;
    m_platform = filter;
    refilter(narrowing);
}

void DeviceFilterProxy::setOwnershipFilter(OwnershipFilter filter)
{
    if (filter == m_ownership)
        return;
    const bool narrowing = m_ownership == OwnershipFilter::Any;
    m_ownership = filter;
    refilter(narrowing);
}

void DeviceFilterProxy::setEncryptionFilter(EncryptionFilter filter)
{
    if (filter == m_encryption)
        return;
    const bool narrowing = m_encryption == EncryptionFilter::Any;
    m_encryption = filter;
    refilter(narrowing);
}

void DeviceFilterProxy::refilter(bool narrowing)
{
    if (!m_devices) {
        Q_EMIT filterStateChanged();
        return;
    }
    // Rows waiting to be shown or settled are filtered with the rest, in their sorted place.
    const bool hadPending = !m_unshown.empty() || !isSettled();
    m_unshown.clear();
    mergePendingIntoOrder();
    m_unsettled = false;
    const std::vector<int> &candidates = narrowing && !hadPending ? m_proxyToSource : m_order;
    // Many candidates: one scan of every key beats a search in each (the keys are contiguous).
    std::vector<std::uint8_t> hits;
    const bool scanAll
        = !m_needle.isEmpty() && candidates.size() * 4 > static_cast<std::size_t>(m_keys.size());
    if (scanAll)
        hits = m_keys.rowsContaining(m_needle);
    const bool checkIds = m_idNeedle.size() >= kIdSearchMinLength;
    const bool anyAttributes = !attributesFilterNothing();
    std::vector<int> rows;
    rows.reserve(candidates.size());
    for (const int row : candidates) {
        if (!m_needle.isEmpty()) {
            const bool text
                = scanAll ? hits[static_cast<std::size_t>(row)] != 0 : m_keys.contains(row, m_needle);
            if (!text && !(checkIds && matchesIds(m_devices->record(row))))
                continue;
        }
        if (anyAttributes && !acceptsAttributes(m_devices->record(row)))
            continue;
        rows.push_back(row);
    }
    relayout(std::move(rows), NoLayoutChangeHint);
    Q_EMIT filterStateChanged();
}

std::vector<int> DeviceFilterProxy::shownRowsInOrder() const
{
    std::vector<int> rows;
    rows.reserve(m_proxyToSource.size());
    for (const int row : m_order) {
        if (m_sourceToProxy[static_cast<std::size_t>(row)] >= 0)
            rows.push_back(row);
    }
    return rows;
}

void DeviceFilterProxy::relayout(std::vector<int> rows, LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(static_cast<std::size_t>(before.size()));
    for (const QModelIndex &index : before)
        sourceRows.push_back(index.isValid() ? m_proxyToSource[static_cast<std::size_t>(index.row())] : -1);

    for (const int row : m_proxyToSource)
        m_sourceToProxy[static_cast<std::size_t>(row)] = -1;
    m_proxyToSource = std::move(rows);
    for (std::size_t i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[static_cast<std::size_t>(m_proxyToSource[i])] = static_cast<int>(i);

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int sourceRow = sourceRows[static_cast<std::size_t>(i)];
        const int proxyRow = sourceRow < 0 ? -1 : m_sourceToProxy[static_cast<std::size_t>(sourceRow)];
        after.append(proxyRow < 0 ? QModelIndex() : createIndex(proxyRow, before[i].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

bool DeviceFilterProxy::attributesFilterNothing() const
{
    return m_platform == PlatformFilter::All && m_ownership == OwnershipFilter::Any
        && m_encryption == EncryptionFilter::Any;
}

bool DeviceFilterProxy::acceptsRow(int sourceRow) const
{
    if (!m_devices || sourceRow < 0 || sourceRow >= m_keys.size())
        return false;
    const DeviceRecord &r = m_devices->record(sourceRow);
    if (!acceptsAttributes(r))
        return false;
    return m_keys.contains(sourceRow, m_needle) || (m_idNeedle.size() >= kIdSearchMinLength && matchesIds(r));
}

bool DeviceFilterProxy::matchesIds(const DeviceRecord &r) const
{
    return r.id.contains(m_idNeedle, Qt::CaseInsensitive)
        || r.azureADDeviceId.contains(m_idNeedle, Qt::CaseInsensitive);
}

bool DeviceFilterProxy::acceptsAttributes(const DeviceRecord &r) const
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
    return !((m_encryption == EncryptionFilter::Encrypted && !r.isEncrypted)
        || (m_encryption == EncryptionFilter::NotEncrypted && r.isEncrypted));
}

const DeviceRecord &DeviceFilterProxy::recordAt(int proxyRow) const
{
    return m_devices->record(m_proxyToSource[static_cast<std::size_t>(proxyRow)]);
}

QModelIndex DeviceFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex DeviceFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex DeviceFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int DeviceFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proxyToSource.size());
}

int DeviceFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_devices ? 0 : m_devices->columnCount();
}

bool DeviceFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QVariant DeviceFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_devices)
        return {};
    if (orientation == Qt::Horizontal)
        return m_devices->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return m_devices->headerData(m_proxyToSource[static_cast<std::size_t>(section)], orientation, role);
}

QModelIndex DeviceFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_devices || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return m_devices->index(m_proxyToSource[static_cast<std::size_t>(proxyIndex.row())], proxyIndex.column());
}

QModelIndex DeviceFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_devices || !sourceIndex.isValid() || sourceIndex.model() != m_devices)
        return {};
    const auto row = static_cast<std::size_t>(sourceIndex.row());
    if (row >= m_sourceToProxy.size() || m_sourceToProxy[row] < 0)
        return {};
    return createIndex(m_sourceToProxy[row], sourceIndex.column());
}

} // namespace keyturn
