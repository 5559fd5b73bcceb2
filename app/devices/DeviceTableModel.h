// DeviceTableModel: the device list as a table of compact DeviceRecords (one row per device, in
// arrival order). It owns the records; rows are only appended, replaced wholesale or cleared.
// A device id already present is not added twice (pages can overlap when devices change meanwhile).
// Appending is linear in the rows added: each record is moved once and the id index is a flat table.
// snapshot() shares the rows (e.g. with a thread writing them to disk) without copying them: the
// model copies them only if it must change them in place while a snapshot is still held.
#pragma once

#include "devices/DeviceRecord.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <memory>
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
        // Optional columns, hidden until shown from the header's menu (appended, so that a layout
        // saved before they existed still restores the columns above in place).
        SerialNumber,
        Model,
        Enrolled,
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
    /// The same for several batches (pages) at once, in order: still one rowsInserted.
    void appendDevices(std::vector<std::vector<DeviceRecord>> &&batches);
    /// A hint that about `rows` rows will be held (e.g. @odata.count): saves regrowing storage.
    void reserveRows(int rows);
    /// Replaces every row (one model reset).
    void replaceAll(std::vector<DeviceRecord> &&records);
    /// Like replaceAll(), but hands the old rows to the caller (to free them off the UI thread).
    std::vector<DeviceRecord> exchangeAll(std::vector<DeviceRecord> &&records);
    void clear();
    /// Like clear(), but hands the old rows to the caller (to free 100,000 records off the UI thread).
    std::vector<DeviceRecord> takeAll();

    /// -1 when not present.
    int rowOfDevice(const QString &id) const;
    /// Precondition: 0 <= row < rowCount(). Direct access for the proxy's hot paths and the UI.
    const DeviceRecord &record(int row) const { return (*m_records)[static_cast<std::size_t>(row)]; }
    const std::vector<DeviceRecord> &records() const { return *m_records; }
    /// The rows as they are now, shared: they stay as they are while the snapshot is held (safe to
    /// read on another thread), whatever the model does meanwhile.
    std::shared_ptr<const std::vector<DeviceRecord>> snapshot() const { return m_records; }

    /// The text shown for a cell (also what the proxy compares for text columns).
    static QString displayText(const DeviceRecord &record, Column column);
    /// Columns not shown until the user asks for them.
    static bool isOptionalColumn(int column) { return column >= SerialNumber && column < ColumnCount; }

private:
    // The id index: open addressing with linear probing over a power-of-two table. A slot holds
    // part of the id's hash (to skip most id compares) and the row; row -1 marks an empty slot.
    struct IdSlot {
        std::uint32_t tag = 0;
        int row = -1;
    };
    /// Makes room in the index for `rows` ids in all (rehashing what is there).
    void reserveIndex(std::size_t rows);
    /// Drops records whose id is already present (or earlier in the batches) and indexes the rest
    /// as the rows that follow the current ones; returns how many remain.
    std::size_t indexBatches(std::vector<DeviceRecord> *batches, std::size_t batchCount);
    void moveIn(std::vector<DeviceRecord> *batches, std::size_t batchCount, std::size_t count);
    void appendBatches(std::vector<DeviceRecord> *batches, std::size_t batchCount);
    /// Before changing the rows in place: copies them first while a snapshot shares them.
    void detach();
    /// The rows handed out (moved when no snapshot shares them, else copied); the model is left empty.
    std::vector<DeviceRecord> takeRecords();

    std::shared_ptr<std::vector<DeviceRecord>> m_records = std::make_shared<std::vector<DeviceRecord>>();
    std::vector<IdSlot> m_index; // empty or a power of two, at most half full
};

} // namespace keyturn
