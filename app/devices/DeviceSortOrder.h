// DeviceSortOrder: the device list's order for one column and direction, as pure functions of the
// records and their search keys (no model, no signals). Ties go by name, then by row, so the order
// is total and stable. Rows are sorted on decorated keys: for most columns two rows compare with a
// few integer compares; text columns are ranked once per full sort.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceSearchKeys.h"

#include <QStringView>
#include <QtGlobal>

#include <vector>

namespace keyturn {

/// One row decorated for sorting: `primary` decides when both keys are exact, then the name's
/// first 16 folded bytes, then the records.
struct DeviceSortKey {
    quint64 primary = 0;
    quint64 namePrefix[2] = { 0, 0 };
    int row = 0;
    bool exact = true;
};

class DeviceSortOrder {
public:
    /// `column` is a DeviceTableModel::Column, or -1 for arrival order. The records and keys are
    /// read, not copied: they must outlive this object and hold every row it is given.
    DeviceSortOrder(int column, Qt::SortOrder order, const std::vector<DeviceRecord> &records,
        const DeviceSearchKeys &keys);

    bool isArrivalOrder() const { return m_column < 0; }
    /// The keys of rows [first, last], sorted; text columns ranked among them.
    std::vector<DeviceSortKey> sortedKeys(int first, int last) const;
    /// Keys already sorted and keys of new rows (any order) as one sorted sequence.
    std::vector<DeviceSortKey> merged(
        const std::vector<DeviceSortKey> &sorted, std::vector<DeviceSortKey> added) const;
    /// The key of one row, unranked.
    DeviceSortKey key(int row) const;
    /// Strict weak order of the current column and direction (inline: sorting calls it a few
    /// million times; integer compares decide almost always, the rest goes through the records).
    bool less(const DeviceSortKey &a, const DeviceSortKey &b) const
    {
        if (m_column < 0)
            return a.row < b.row;
        if (a.exact && b.exact) {
            if (a.primary != b.primary)
                return (a.primary < b.primary) != m_descending;
            if (a.namePrefix[0] != b.namePrefix[0])
                return (a.namePrefix[0] < b.namePrefix[0]) != m_descending;
            if (a.namePrefix[1] != b.namePrefix[1])
                return (a.namePrefix[1] < b.namePrefix[1]) != m_descending;
        }
        return lessSlow(a, b);
    }

    /// Numeric, segment-wise version order: "10.0.9" < "10.0.22631"; non-numeric parts compare as text.
    static int compareVersions(QStringView a, QStringView b);
    /// A version of at most 4 numeric segments (each < 65535) as one integer in compareVersions'
    /// order; false for anything else.
    static bool packVersion(QStringView version, quint64 *packed);
    /// The first 16 bytes of folded text as two big-endian integers: integer order is byte order
    /// whenever the integers differ.
    static void packPrefix(QByteArrayView folded, quint64 out[2]);
    /// Compliance by how urgently a help desk should look: not compliant first, compliant last.
    static quint64 complianceRank(DeviceRecord::Compliance compliance);

private:
    bool isTextColumn() const;
    QStringView text(const DeviceRecord &record) const;
    bool lessSlow(const DeviceSortKey &a, const DeviceSortKey &b) const;
    int comparePrimary(int leftRow, int rightRow) const;
    int compareNames(const DeviceSortKey &a, const DeviceSortKey &b) const;

    int m_column;
    bool m_descending;
    const std::vector<DeviceRecord> &m_records;
    const DeviceSearchKeys &m_keys;
};

} // namespace keyturn
