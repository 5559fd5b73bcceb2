#include "devices/DeviceFilterProxy.h"

#include <algorithm>
#include <numeric>

namespace keyturn {

namespace {

// Arrived rows are merged into place once arrivals pause for kSortSettleMs, and at least every
// kSortMaxWaitMs during a long load: a fast load re-sorts once, a slow one every few seconds.
constexpr int kSortSettleMs = 400;
constexpr int kSortMaxWaitMs = 2000;
// Arrivals show at once while the list holds at most this many rows (the first page, small
// tenants), and otherwise at most every kShowIntervalMs: each append costs the view a relayout
// and a full repaint, also when a search shows only a few of the rows.
constexpr int kShowAtOnceUpToRows = 1000;
constexpr int kShowIntervalMs = 750;

// The case-folded name and UPN inside searchKey ("name\nupn\nserial"): sorting compares these
// instead of case-insensitive compares of the raw strings (same order, several times cheaper).
struct FoldedFields {
    QStringView name;
    QStringView upn;
};

FoldedFields foldedFields(const DeviceRecord &r)
{
    const QStringView key(r.searchKey);
    const qsizetype a = key.indexOf(u'\n');
    if (a < 0)
        return { key, {} };
    const qsizetype b = key.indexOf(u'\n', a + 1);
    return { key.first(a), key.sliced(a + 1, (b < 0 ? key.size() : b) - a - 1) };
}

// Packs the first 16 UTF-16 units into two big-endian integers of 8-bit units, so integer order
// is text order: ASCII as is, the first non-ASCII unit as 0xFF and nothing after it (equal
// prefixes then fall back to the full compare; the mapping never reverses an order).
void packPrefix(QStringView text, quint64 out[2])
{
    out[0] = out[1] = 0;
    for (qsizetype i = 0; i < 16 && i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        const quint64 byte = u < 0x80 ? u : 0xFF;
        out[i / 8] |= byte << (56 - 8 * (i % 8));
        if (u >= 0x80)
            break;
    }
}

int sign(int c)
{
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <typename T> int threeWay(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// A version made only of dot-separated numbers (at most 4, each < 65535) packs into one integer
// whose order is compareVersions' order; anything else falls back to compareVersions.
bool packVersion(QStringView v, quint64 *packed)
{
    quint64 out = 0;
    int segments = 0;
    qsizetype i = 0;
    while (i < v.size()) {
        if (segments == 4)
            return false;
        quint64 value = 0;
        const qsizetype start = i;
        while (i < v.size() && v[i] >= u'0' && v[i] <= u'9') {
            value = value * 10 + (v[i].unicode() - u'0');
            if (value >= 65535)
                return false;
            ++i;
        }
        if (i == start)
            return false;
        out |= (value + 1) << (48 - 16 * segments); // +1: "14" (no 2nd segment) < "14.0"
        ++segments;
        if (i < v.size()) {
            if (v[i] != u'.' || i + 1 == v.size())
                return false;
            ++i;
        }
    }
    *packed = out;
    return segments > 0;
}

// Compliance sorts by how urgently a help desk should look at a device, not by Graph's schema
// order (which reads as random on screen): ascending puts the devices that fail or may fail their
// policies first, then those whose state is elsewhere or not known yet, compliant devices last.
quint64 complianceRank(DeviceRecord::Compliance compliance)
{
    using C = DeviceRecord::Compliance;
    switch (compliance) {
    case C::Noncompliant:
        return 0;
    case C::InGracePeriod:
        return 1;
    case C::Error:
        return 2;
    case C::Conflict:
        return 3;
    case C::ConfigManager:
        return 4;
    case C::Unknown:
        return 5;
    case C::Compliant:
        return 6;
    }
    return 5;
}

// Ids are matched only for a search this long: shorter text (a serial fragment such as "c02")
// would match the hex digits of most ids and bury the devices actually meant.
constexpr qsizetype kIdSearchMinLength = 8;

} // namespace

DeviceFilterProxy::DeviceFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(kSortSettleMs);
    connect(&m_resortTimer, &QTimer::timeout, this, &DeviceFilterProxy::settleSort);
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &DeviceFilterProxy::showArrived);
}

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
    m_resortTimer.stop();
    m_showTimer.stop();
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

void DeviceFilterProxy::appendRowKeys(int first, int last)
{
    m_keys.resize(static_cast<std::size_t>(first));
    m_keys.reserve(static_cast<std::size_t>(m_devices->records().capacity()));
    for (int row = first; row <= last; ++row) {
        RowKeys keys{ { 0, 0 } };
        packPrefix(foldedFields(m_devices->record(row)).name, keys.namePrefix);
        m_keys.push_back(keys);
    }
}

void DeviceFilterProxy::rebuildFromSource()
{
    m_keys.clear();
    if (sourceRowCount() > 0)
        appendRowKeys(0, sourceRowCount() - 1);
    rebuildOrder();
    m_unshown.clear();
    m_showTimer.stop();
    m_sourceToProxy.assign(static_cast<std::size_t>(sourceRowCount()), -1);
    m_proxyToSource.clear();
    for (const int row : m_order) {
        if (accepts(m_devices->record(row))) {
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
    m_resortTimer.stop();
    m_showTimer.stop();
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
    appendRowKeys(first, last);
    for (int row = first; row <= last; ++row) {
        if (accepts(m_devices->record(row)))
            m_unshown.push_back(row);
    }
    if (m_sortColumn < 0) {
        // Arrival order is the display order: nothing waits for a re-sort.
        for (int row = first; row <= last; ++row)
            m_order.push_back(row);
        m_ordered = last + 1;
    } else {
        // Sorting the rows in as they come keeps the final settle short. Small arrivals wait
        // until they add up (half the list), so the merges stay linear overall.
        if (static_cast<qint64>(last + 1 - m_ordered) * 2 >= m_ordered)
            mergePendingIntoOrder();
        if (!m_resortTimer.isActive())
            m_pendingSince.start();
        m_resortTimer.start(static_cast<int>(
            std::clamp<qint64>(kSortMaxWaitMs - m_pendingSince.elapsed(), 0, kSortSettleMs)));
    }
    if (m_unshown.empty())
        return;
    const qint64 sinceShown = m_sinceShown.isValid() ? m_sinceShown.elapsed() : kShowIntervalMs;
    if (sourceRowCount() <= kShowAtOnceUpToRows || sinceShown >= kShowIntervalMs)
        showArrived();
    else if (!m_showTimer.isActive())
        m_showTimer.start(static_cast<int>(kShowIntervalMs - sinceShown));
}

void DeviceFilterProxy::showArrived()
{
    m_showTimer.stop();
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
    m_sinceShown.start();
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
    std::vector<SortKey> pending;
    pending.reserve(static_cast<std::size_t>(total - m_ordered));
    for (int row = m_ordered; row < total; ++row)
        pending.push_back(sortKey(row));
    const auto less = [this](const SortKey &a, const SortKey &b) { return keyLess(a, b); };
    std::sort(pending.begin(), pending.end(), less);
    std::vector<SortKey> mergedKeys(m_orderKeys.size() + pending.size());
    std::merge(
        m_orderKeys.cbegin(), m_orderKeys.cend(), pending.cbegin(), pending.cend(), mergedKeys.begin(), less);
    m_orderKeys.swap(mergedKeys);
    std::vector<int> merged(m_orderKeys.size());
    for (std::size_t i = 0; i < m_orderKeys.size(); ++i)
        merged[i] = m_orderKeys[i].row;
    m_order.swap(merged);
    m_ordered = total;
}

void DeviceFilterProxy::settleSort()
{
    m_resortTimer.stop();
    showArrived();
    if (!m_unsettled && m_ordered >= sourceRowCount())
        return;
    mergePendingIntoOrder();
    m_unsettled = false;
    // The visible set is unchanged; only rows that arrived move into place.
    relayout(shownRowsInOrder(), VerticalSortHint);
}

void DeviceFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_resortTimer.stop();
    showArrived();
    m_sortColumn = column < 0 || column >= DeviceTableModel::ColumnCount ? -1 : column;
    m_sortOrder = order;
    rebuildOrder();
    relayout(shownRowsInOrder(), VerticalSortHint);
}

void DeviceFilterProxy::setSearchText(const QString &text)
{
    QString needle = text.trimmed().toCaseFolded();
    needle.remove(QLatin1Char('\n')); // the separator inside searchKey
    m_searchText = text;
    if (needle == m_needle)
        return;
    // Typing on: every row matching the longer text matched the shorter one, so only the rows
    // shown now need checking.
    // (Not across the length from which ids count: longer text may match ids that shorter did not.)
    const bool narrowing = needle.contains(m_needle)
        && (m_needle.size() >= kIdSearchMinLength || needle.size() < kIdSearchMinLength);
    m_needle = std::move(needle);
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
    m_resortTimer.stop();
    showArrived();
    const bool hadPending = m_unsettled || m_ordered < sourceRowCount();
    mergePendingIntoOrder();
    m_unsettled = false;
    // Shown rows are in m_order's order unless some were waiting for the re-sort.
    const std::vector<int> &candidates = narrowing && !hadPending ? m_proxyToSource : m_order;
    std::vector<int> rows;
    rows.reserve(candidates.size());
    for (const int row : candidates) {
        if (accepts(m_devices->record(row)))
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
    if ((m_encryption == EncryptionFilter::Encrypted && !r.isEncrypted)
        || (m_encryption == EncryptionFilter::NotEncrypted && r.isEncrypted))
        return false;
    if (m_needle.isEmpty() || r.searchKey.contains(m_needle))
        return true;
    return m_needle.size() >= kIdSearchMinLength
        && (r.id.contains(m_needle, Qt::CaseInsensitive)
            || r.azureADDeviceId.contains(m_needle, Qt::CaseInsensitive));
}

const DeviceRecord &DeviceFilterProxy::recordAt(int proxyRow) const
{
    return m_devices->record(m_proxyToSource[static_cast<std::size_t>(proxyRow)]);
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

int DeviceFilterProxy::comparePrimary(int leftRow, int rightRow) const
{
    const DeviceRecord &l = m_devices->record(leftRow);
    const DeviceRecord &r = m_devices->record(rightRow);
    switch (static_cast<DeviceTableModel::Column>(m_sortColumn)) {
    case DeviceTableModel::Name:
        return 0;
    case DeviceTableModel::ManagedBy:
        return threeWay(l.managementAgent, r.managementAgent);
    case DeviceTableModel::Ownership:
        return threeWay(l.ownership, r.ownership);
    case DeviceTableModel::Compliance:
        return threeWay(complianceRank(l.compliance), complianceRank(r.compliance));
    case DeviceTableModel::OS:
        return sign(l.operatingSystem.compare(r.operatingSystem, Qt::CaseInsensitive));
    case DeviceTableModel::OsVersion:
        return compareVersions(l.osVersion, r.osVersion);
    case DeviceTableModel::PrimaryUser:
        return sign(foldedFields(l).upn.compare(foldedFields(r).upn));
    case DeviceTableModel::LastCheckIn:
        return threeWay(l.lastSyncMsecs, r.lastSyncMsecs);
    case DeviceTableModel::Encrypted:
        return threeWay(l.isEncrypted, r.isEncrypted);
    case DeviceTableModel::SerialNumber:
        return sign(l.serialNumber.compare(r.serialNumber, Qt::CaseInsensitive));
    case DeviceTableModel::Model:
        return sign(l.model.compare(r.model, Qt::CaseInsensitive));
    case DeviceTableModel::Enrolled:
        return threeWay(l.enrolledMsecs, r.enrolledMsecs);
    case DeviceTableModel::ColumnCount:
        break;
    }
    return 0;
}

int DeviceFilterProxy::compareNames(int leftRow, int rightRow) const
{
    const RowKeys &l = m_keys[static_cast<std::size_t>(leftRow)];
    const RowKeys &r = m_keys[static_cast<std::size_t>(rightRow)];
    if (l.namePrefix[0] != r.namePrefix[0])
        return l.namePrefix[0] < r.namePrefix[0] ? -1 : 1;
    if (l.namePrefix[1] != r.namePrefix[1])
        return l.namePrefix[1] < r.namePrefix[1] ? -1 : 1;
    return sign(foldedFields(m_devices->record(leftRow))
                    .name.compare(foldedFields(m_devices->record(rightRow)).name));
}

int DeviceFilterProxy::compareNameKeys(const SortKey &a, const SortKey &b) const
{
    if (a.namePrefix[0] != b.namePrefix[0])
        return a.namePrefix[0] < b.namePrefix[0] ? -1 : 1;
    if (a.namePrefix[1] != b.namePrefix[1])
        return a.namePrefix[1] < b.namePrefix[1] ? -1 : 1;
    return sign(
        foldedFields(m_devices->record(a.row)).name.compare(foldedFields(m_devices->record(b.row)).name));
}

DeviceFilterProxy::SortKey DeviceFilterProxy::sortKey(int row) const
{
    const RowKeys &names = m_keys[static_cast<std::size_t>(row)];
    SortKey k{ 0, { names.namePrefix[0], names.namePrefix[1] }, row, true };
    const DeviceRecord &r = m_devices->record(row);
    switch (static_cast<DeviceTableModel::Column>(m_sortColumn)) {
    case DeviceTableModel::ManagedBy:
        k.primary = static_cast<quint64>(r.managementAgent);
        break;
    case DeviceTableModel::Ownership:
        k.primary = static_cast<quint64>(r.ownership);
        break;
    case DeviceTableModel::Compliance:
        k.primary = complianceRank(r.compliance);
        break;
    case DeviceTableModel::OsVersion:
        k.exact = packVersion(r.osVersion, &k.primary);
        break;
    case DeviceTableModel::LastCheckIn:
        // Order-preserving map of the signed msecs onto unsigned.
        k.primary = static_cast<quint64>(r.lastSyncMsecs) ^ (quint64(1) << 63);
        break;
    case DeviceTableModel::Encrypted:
        k.primary = r.isEncrypted ? 1 : 0;
        break;
    case DeviceTableModel::Enrolled:
        k.primary = static_cast<quint64>(r.enrolledMsecs) ^ (quint64(1) << 63);
        break;
    case DeviceTableModel::OS:
    case DeviceTableModel::PrimaryUser:
    case DeviceTableModel::SerialNumber:
    case DeviceTableModel::Model:
        k.exact = false; // text: compared as text (rebuildOrder ranks them instead)
        break;
    case DeviceTableModel::Name:
    case DeviceTableModel::ColumnCount:
        break;
    }
    return k;
}

bool DeviceFilterProxy::keyLess(const SortKey &a, const SortKey &b) const
{
    // Inline integer compares decide almost always; the rest goes through the records.
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (a.exact && b.exact) {
        if (a.primary != b.primary)
            return (a.primary < b.primary) != descending;
        if (a.namePrefix[0] != b.namePrefix[0])
            return (a.namePrefix[0] < b.namePrefix[0]) != descending;
        if (a.namePrefix[1] != b.namePrefix[1])
            return (a.namePrefix[1] < b.namePrefix[1]) != descending;
    }
    return keyLessSlow(a, b);
}

bool DeviceFilterProxy::keyLessSlow(const SortKey &a, const SortKey &b) const
{
    int c = a.exact && b.exact ? threeWay(a.primary, b.primary) : comparePrimary(a.row, b.row);
    if (c == 0)
        c = compareNameKeys(a, b);
    if (c == 0)
        c = threeWay(a.row, b.row);
    return m_sortOrder == Qt::DescendingOrder ? c > 0 : c < 0;
}

void DeviceFilterProxy::rebuildOrder()
{
    const int n = sourceRowCount();
    m_ordered = n;
    m_unsettled = false;
    m_orderKeys.clear();
    std::vector<int> &rows = m_order;
    rows.resize(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), 0);
    if (m_sortColumn < 0 || n == 0)
        return;

    // Decorate once, then sort the keys: most compares are integer compares on adjacent memory.
    std::vector<SortKey> keys;
    keys.reserve(rows.size());
    for (int row = 0; row < n; ++row)
        keys.push_back(sortKey(row));
    const auto column = static_cast<DeviceTableModel::Column>(m_sortColumn);
    if (column == DeviceTableModel::OS || column == DeviceTableModel::PrimaryUser
        || column == DeviceTableModel::SerialNumber || column == DeviceTableModel::Model) {
        // Text columns rank each row by its value: one sort of (value, row) pairs. The UPN is
        // compared already folded; the others as comparePrimary() compares them.
        const Qt::CaseSensitivity cs
            = column == DeviceTableModel::PrimaryUser ? Qt::CaseSensitive : Qt::CaseInsensitive;
        const auto text = [column](const DeviceRecord &r) -> QStringView {
            switch (column) {
            case DeviceTableModel::PrimaryUser:
                return foldedFields(r).upn;
            case DeviceTableModel::SerialNumber:
                return r.serialNumber;
            case DeviceTableModel::Model:
                return r.model;
            default:
                return r.operatingSystem;
            }
        };
        std::vector<std::pair<QStringView, int>> values(rows.size());
        for (int row = 0; row < n; ++row)
            values[static_cast<std::size_t>(row)] = { text(m_devices->record(row)), row };
        std::sort(values.begin(), values.end(),
            [cs](const auto &a, const auto &b) { return a.first.compare(b.first, cs) < 0; });
        quint64 rank = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0 && values[i - 1].first.compare(values[i].first, cs) != 0)
                ++rank;
            SortKey &k = keys[static_cast<std::size_t>(values[i].second)];
            k.primary = rank;
            k.exact = true;
        }
    }
    std::sort(keys.begin(), keys.end(), [this](const SortKey &a, const SortKey &b) { return keyLess(a, b); });
    for (std::size_t i = 0; i < keys.size(); ++i)
        rows[i] = keys[i].row;
    m_orderKeys = std::move(keys); // what later arrivals merge with
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
