// DeviceTableModel: the device list as a table of compact DeviceRecords (one row per device, in
// arrival order). It owns the records; rows are only appended, replaced wholesale or cleared.
// A device id already present is not added twice (pages can overlap when devices change meanwhile).
#pragma once

#include "devices/DeviceRecord.h"

#include <QAbstractTableModel>

#include <unordered_map>
#include <vector>

namespace keyturn {

class DeviceTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        ManagedBy,
        Ownership,
        Compliance,
        OS,
        OsVersion,
        PrimaryUser,
        LastCheckIn,
        Encrypted,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< sortable value: QString, int (enum), qint64 msecs, bool
        DeviceIdRole, ///< the Graph id (QString), same for every column
    };
    Q_ENUM(Column)

    explicit DeviceTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Appends at the end (one rowsInserted); duplicates of ids already present are dropped.
    void appendDevices(std::vector<DeviceRecord> &&records);
    /// Replaces every row (one model reset).
    void replaceAll(std::vector<DeviceRecord> &&records);
    void clear();
    /// Like clear(), but hands the old rows to the caller (to free 100,000 records off the UI thread).
    std::vector<DeviceRecord> takeAll();

    /// -1 when not present.
    int rowOfDevice(const QString &id) const;
    /// Precondition: 0 <= row < rowCount(). Direct access for the proxy's hot paths and the UI.
    const DeviceRecord &record(int row) const { return m_records[static_cast<std::size_t>(row)]; }
    const std::vector<DeviceRecord> &records() const { return m_records; }

    /// The text shown for a cell (also what the proxy compares for text columns).
    static QString displayText(const DeviceRecord &record, Column column);

private:
    // FNV-1a: ids are short and hashing them is on the path of every arriving page.
    struct IdHash {
        std::size_t operator()(const QString &id) const noexcept
        {
            std::size_t h = 1469598103934665603ull;
            for (const QChar c : id)
                h = (h ^ c.unicode()) * 1099511628211ull;
            return h;
        }
    };
    std::vector<DeviceRecord> m_records;
    std::unordered_map<QString, int, IdHash> m_rowById;
};

} // namespace keyturn
