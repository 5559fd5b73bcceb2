#include "devices/DeviceSortOrder.h"

#include "devices/DeviceTableModel.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace keyturn {

namespace {

int sign(int c)
{
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <typename T> int threeWay(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    if (n > 0) {
        if (const int c = std::memcmp(a.data(), b.data(), static_cast<std::size_t>(n)); c != 0)
            return sign(c);
    }
    return threeWay(a.size(), b.size());
}

// Ranks rows by their (value, row) pairs with one sort: afterwards the keys of [first, ...]
// compare as integers. `compare` is the column's three-way order of two values.
template <typename Value, typename Compare>
void rankKeys(
    std::vector<std::pair<Value, int>> &values, std::vector<DeviceSortKey> &keys, int first, Compare compare)
{
    std::sort(values.begin(), values.end(),
        [&compare](const auto &a, const auto &b) { return compare(a.first, b.first) < 0; });
    quint64 rank = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0 && compare(values[i - 1].first, values[i].first) != 0)
            ++rank;
        DeviceSortKey &k = keys[static_cast<std::size_t>(values[i].second - first)];
        k.primary = rank;
        k.exact = true;
    }
}

// Order-preserving map of signed msecs onto unsigned.
quint64 unsignedMsecs(qint64 msecs)
{
    return static_cast<quint64>(msecs) ^ (quint64(1) << 63);
}

} // namespace

DeviceSortOrder::DeviceSortOrder(
    int column, Qt::SortOrder order, const std::vector<DeviceRecord> &records, const DeviceSearchKeys &keys)
    : m_column(column < 0 || column >= DeviceTableModel::ColumnCount ? -1 : column)
    , m_descending(order == Qt::DescendingOrder)
    , m_records(records)
    , m_keys(keys)
{ }

bool DeviceSortOrder::isTextColumn() const
{
    switch (m_column) {
    case DeviceTableModel::OS:
    case DeviceTableModel::PrimaryUser:
    case DeviceTableModel::SerialNumber:
    case DeviceTableModel::Model:
        return true;
    default:
        return false;
    }
}

QStringView DeviceSortOrder::text(const DeviceRecord &r) const
{
    switch (m_column) {
    case DeviceTableModel::SerialNumber:
        return r.serialNumber;
    case DeviceTableModel::Model:
        return r.model;
    default:
        return r.operatingSystem;
    }
}

DeviceSortKey DeviceSortOrder::key(int row) const
{
    DeviceSortKey k;
    k.row = row;
    packPrefix(m_keys.name(row), k.namePrefix);
    const DeviceRecord &r = m_records[static_cast<std::size_t>(row)];
    switch (static_cast<DeviceTableModel::Column>(m_column)) {
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
        k.primary = unsignedMsecs(r.lastSyncMsecs);
        break;
    case DeviceTableModel::Encrypted:
        k.primary = r.isEncrypted ? 1 : 0;
        break;
    case DeviceTableModel::Enrolled:
        k.primary = unsignedMsecs(r.enrolledMsecs);
        break;
    case DeviceTableModel::OS:
    case DeviceTableModel::PrimaryUser:
    case DeviceTableModel::SerialNumber:
    case DeviceTableModel::Model:
        k.exact = false; // compared as text, unless ranked by sortedKeys()
        break;
    case DeviceTableModel::Name:
    case DeviceTableModel::ColumnCount:
        break;
    }
    return k;
}

std::vector<DeviceSortKey> DeviceSortOrder::sortedKeys(int first, int last) const
{
    std::vector<DeviceSortKey> keys;
    if (last < first)
        return keys;
    keys.reserve(static_cast<std::size_t>(last - first + 1));
    if (isArrivalOrder()) {
        for (int row = first; row <= last; ++row)
            keys.push_back(DeviceSortKey{ 0, { 0, 0 }, row, true });
        return keys;
    }
    for (int row = first; row <= last; ++row)
        keys.push_back(key(row));
    if (isTextColumn()) {
        // Rank each row by its value with one sort of (value, row) pairs; then the keys compare
        // as integers. The user is compared folded (its search key); the others case-insensitively.
        if (m_column == DeviceTableModel::PrimaryUser) {
            std::vector<std::pair<QByteArrayView, int>> values;
            values.reserve(keys.size());
            for (int row = first; row <= last; ++row)
                values.emplace_back(m_keys.user(row), row);
            rankKeys(values, keys, first, compareBytes);
        } else {
            std::vector<std::pair<QStringView, int>> values;
            values.reserve(keys.size());
            for (int row = first; row <= last; ++row)
                values.emplace_back(text(m_records[static_cast<std::size_t>(row)]), row);
            rankKeys(values, keys, first,
                [](QStringView a, QStringView b) { return a.compare(b, Qt::CaseInsensitive); });
        }
    }
    std::sort(keys.begin(), keys.end(), [this](const auto &a, const auto &b) { return less(a, b); });
    return keys;
}

std::vector<DeviceSortKey> DeviceSortOrder::merged(
    const std::vector<DeviceSortKey> &sorted, std::vector<DeviceSortKey> added) const
{
    // Ranks from different sorts do not compare: the added keys go unranked (compared as text).
    const auto less = [this](const auto &a, const auto &b) { return this->less(a, b); };
    std::sort(added.begin(), added.end(), less);
    std::vector<DeviceSortKey> out(sorted.size() + added.size());
    std::merge(sorted.cbegin(), sorted.cend(), added.cbegin(), added.cend(), out.begin(), less);
    return out;
}

bool DeviceSortOrder::lessSlow(const DeviceSortKey &a, const DeviceSortKey &b) const
{
    int c = a.exact && b.exact ? threeWay(a.primary, b.primary) : comparePrimary(a.row, b.row);
    if (c == 0)
        c = compareNames(a, b);
    if (c == 0)
        c = threeWay(a.row, b.row);
    return m_descending ? c > 0 : c < 0;
}

int DeviceSortOrder::compareNames(const DeviceSortKey &a, const DeviceSortKey &b) const
{
    if (a.namePrefix[0] != b.namePrefix[0])
        return a.namePrefix[0] < b.namePrefix[0] ? -1 : 1;
    if (a.namePrefix[1] != b.namePrefix[1])
        return a.namePrefix[1] < b.namePrefix[1] ? -1 : 1;
    return compareBytes(m_keys.name(a.row), m_keys.name(b.row));
}

int DeviceSortOrder::comparePrimary(int leftRow, int rightRow) const
{
    const DeviceRecord &l = m_records[static_cast<std::size_t>(leftRow)];
    const DeviceRecord &r = m_records[static_cast<std::size_t>(rightRow)];
    switch (static_cast<DeviceTableModel::Column>(m_column)) {
    case DeviceTableModel::Name:
        return 0;
    case DeviceTableModel::ManagedBy:
        return threeWay(l.managementAgent, r.managementAgent);
    case DeviceTableModel::Ownership:
        return threeWay(l.ownership, r.ownership);
    case DeviceTableModel::Compliance:
        return threeWay(complianceRank(l.compliance), complianceRank(r.compliance));
    case DeviceTableModel::OS:
    case DeviceTableModel::SerialNumber:
    case DeviceTableModel::Model:
        return sign(text(l).compare(text(r), Qt::CaseInsensitive));
    case DeviceTableModel::OsVersion:
        return compareVersions(l.osVersion, r.osVersion);
    case DeviceTableModel::PrimaryUser:
        return compareBytes(m_keys.user(leftRow), m_keys.user(rightRow));
    case DeviceTableModel::LastCheckIn:
        return threeWay(l.lastSyncMsecs, r.lastSyncMsecs);
    case DeviceTableModel::Encrypted:
        return threeWay(l.isEncrypted, r.isEncrypted);
    case DeviceTableModel::Enrolled:
        return threeWay(l.enrolledMsecs, r.enrolledMsecs);
    case DeviceTableModel::ColumnCount:
        break;
    }
    return 0;
}

int DeviceSortOrder::compareVersions(QStringView a, QStringView b)
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
            return da ? 1 : -1; // digits after text; any consistent order will do
        const char16_t ca = a[i].toCaseFolded().unicode();
        const char16_t cb = b[j].toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    return 0;
}

bool DeviceSortOrder::packVersion(QStringView v, quint64 *packed)
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

void DeviceSortOrder::packPrefix(QByteArrayView folded, quint64 out[2])
{
    // Shorter text pads with zero bytes: a prefix never sorts after its extensions.
    out[0] = out[1] = 0;
    for (qsizetype i = 0; i < 16 && i < folded.size(); ++i)
        out[i / 8] |= quint64(static_cast<unsigned char>(folded[i])) << (56 - 8 * (i % 8));
}

quint64 DeviceSortOrder::complianceRank(DeviceRecord::Compliance compliance)
{
    // Graph's schema order reads as random on screen: ascending puts the devices that fail or may
    // fail their policies first, then those whose state is elsewhere or not known yet, compliant last.
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

} // namespace keyturn
