#include "devices/DeviceTableModel.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace keyturn {

namespace {

QString shortDateTime(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime(), QLocale::ShortFormat);
}

QString longDateTime(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime(), QLocale::LongFormat);
}

} // namespace

DeviceTableModel::DeviceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records->size());
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeviceTableModel::displayText(const DeviceRecord &r, Column column)
{
    switch (column) {
    case Name:
        return r.deviceName;
    case ManagedBy:
        return managedByText(r.managementAgent);
    case Ownership:
        return ownershipText(r.ownership);
    case Compliance:
        return complianceText(r.compliance);
    case OS:
        return r.operatingSystem;
    case OsVersion:
        return r.osVersion;
    case PrimaryUser:
        return r.userPrincipalName;
    case LastCheckIn:
        if (r.lastSyncMsecs == 0)
            return tr("Never");
        return shortDateTime(r.lastSyncMsecs);
    case Encrypted:
        return r.isEncrypted ? tr("Yes") : tr("No");
    case SerialNumber:
        return r.serialNumber;
    case Model:
        return r.model;
    case Enrolled:
        return r.enrolledMsecs == 0 ? QString() : shortDateTime(r.enrolledMsecs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeviceRecord &r = record(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, column);
    case Qt::ToolTipRole:
        if (column == LastCheckIn && r.lastSyncMsecs != 0)
            return longDateTime(r.lastSyncMsecs);
        if (column == Enrolled && r.enrolledMsecs != 0)
            return longDateTime(r.enrolledMsecs);
        return {};
    case DeviceIdRole:
        return r.id;
    case RawValueRole:
        switch (column) {
        case Name:
            return r.deviceName;
        case ManagedBy:
            return static_cast<int>(r.managementAgent);
        case Ownership:
            return static_cast<int>(r.ownership);
        case Compliance:
            return static_cast<int>(r.compliance);
        case OS:
            return r.operatingSystem;
        case OsVersion:
            return r.osVersion;
        case PrimaryUser:
            return r.userPrincipalName;
        case LastCheckIn:
            return r.lastSyncMsecs;
        case Encrypted:
            return r.isEncrypted;
        case SerialNumber:
            return r.serialNumber;
        case Model:
            return r.model;
        case Enrolled:
            return r.enrolledMsecs;
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Name:
        return tr("Device name");
    case ManagedBy:
        return tr("Managed by");
    case Ownership:
        return tr("Ownership");
    case Compliance:
        return tr("Compliance");
    case OS:
        return tr("OS");
    case OsVersion:
        return tr("OS version");
    case PrimaryUser:
        return tr("Primary user UPN");
    case LastCheckIn:
        return tr("Last check-in");
    case Encrypted:
        return tr("Encrypted");
    case SerialNumber:
        return tr("Serial number");
    case Model:
        return tr("Model");
    case Enrolled:
        return tr("Enrolled");
    case ColumnCount:
        break;
    }
    return {};
}

namespace {

// A seed makes Qt hash with AES instructions where the CPU has them (several times faster).
constexpr std::size_t kIdHashSeed = 0x2545F4914F6CDD1Dull;

std::uint32_t idHash(const QString &id)
{
    const auto h = static_cast<quint64>(qHash(QStringView(id), kIdHashSeed));
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

} // namespace

void DeviceTableModel::reserveIndex(std::size_t rows)
{
    std::size_t capacity = m_index.empty() ? 64 : m_index.size();
    while (capacity < rows * 2)
        capacity *= 2;
    if (capacity == m_index.size())
        return;
    std::vector<IdSlot> bigger(capacity);
    const std::size_t mask = capacity - 1;
    for (const IdSlot &slot : m_index) {
        if (slot.row < 0)
            continue;
        std::size_t pos = slot.tag & mask;
        while (bigger[pos].row >= 0)
            pos = (pos + 1) & mask;
        bigger[pos] = slot;
    }
    m_index.swap(bigger);
}

std::size_t DeviceTableModel::indexBatches(std::vector<DeviceRecord> *batches, std::size_t batchCount)
{
    std::size_t incoming = 0;
    for (std::size_t b = 0; b < batchCount; ++b)
        incoming += batches[b].size();
    if (incoming == 0)
        return 0;
    const std::size_t base = m_records->size();
    reserveIndex(base + incoming);
    const std::size_t mask = m_index.size() - 1;
    std::vector<const DeviceRecord *> kept; // the new rows, to compare ids within the batches
    kept.reserve(incoming);
    std::vector<std::uint32_t> hashes;
    for (std::size_t b = 0; b < batchCount; ++b) {
        std::vector<DeviceRecord> &batch = batches[b];
        // Hash the batch first and ask for the slots early: the table is larger than the caches.
        hashes.resize(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            hashes[i] = idHash(batch[i].id);
#if defined(__GNUC__)
            __builtin_prefetch(&m_index[hashes[i] & mask], 1);
#endif
        }
        std::size_t out = 0;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const QString &id = batch[i].id;
            const std::uint32_t h = hashes[i];
            std::size_t pos = h & mask;
            bool duplicate = false;
            for (;; pos = (pos + 1) & mask) {
                IdSlot &slot = m_index[pos];
                if (slot.row < 0) {
                    slot.tag = h;
                    slot.row = static_cast<int>(base + kept.size());
                    break;
                }
                if (slot.tag == h) {
                    const auto row = static_cast<std::size_t>(slot.row);
                    if ((row < base ? (*m_records)[row].id : kept[row - base]->id) == id) {
                        duplicate = true;
                        break;
                    }
                }
            }
            if (duplicate) {
                qCDebug(lcDevices) << "dropping a duplicate device id";
                continue;
            }
            // Compacting in place never overwrites a record already kept (out <= i).
            if (out != i)
                batch[out] = std::move(batch[i]);
            kept.push_back(&batch[out]);
            ++out;
        }
        batch.resize(out);
    }
    return kept.size();
}

void DeviceTableModel::detach()
{
    if (m_records.use_count() > 1)
        m_records = std::make_shared<std::vector<DeviceRecord>>(*m_records);
}

std::vector<DeviceRecord> DeviceTableModel::takeRecords()
{
    std::vector<DeviceRecord> old;
    if (m_records.use_count() > 1)
        old = *m_records;
    else
        old.swap(*m_records);
    m_records = std::make_shared<std::vector<DeviceRecord>>();
    return old;
}

void DeviceTableModel::moveIn(std::vector<DeviceRecord> *batches, std::size_t batchCount, std::size_t count)
{
    detach();
    std::vector<DeviceRecord> &records = *m_records;
    const std::size_t needed = records.size() + count;
    if (records.capacity() < needed)
        records.reserve(std::max(needed, records.capacity() * 2));
    for (std::size_t b = 0; b < batchCount; ++b) {
        records.insert(records.end(), std::make_move_iterator(batches[b].begin()),
            std::make_move_iterator(batches[b].end()));
        batches[b].clear();
    }
}

void DeviceTableModel::appendBatches(std::vector<DeviceRecord> *batches, std::size_t batchCount)
{
    const std::size_t count = indexBatches(batches, batchCount);
    if (count == 0)
        return;
    const int first = static_cast<int>(m_records->size());
    beginInsertRows({}, first, first + static_cast<int>(count) - 1);
    moveIn(batches, batchCount, count);
    endInsertRows();
}

void DeviceTableModel::appendDevices(std::vector<DeviceRecord> &&records)
{
    appendBatches(&records, 1);
}

void DeviceTableModel::appendDevices(std::vector<std::vector<DeviceRecord>> &&batches)
{
    appendBatches(batches.data(), batches.size());
}

void DeviceTableModel::reserveRows(int rows)
{
    if (rows <= 0)
        return;
    const auto n = static_cast<std::size_t>(rows);
    if (m_records->capacity() < n) {
        detach();
        m_records->reserve(n);
    }
    reserveIndex(n);
}

void DeviceTableModel::replaceAll(std::vector<DeviceRecord> &&records)
{
    beginResetModel();
    m_records = std::make_shared<std::vector<DeviceRecord>>();
    m_index.clear();
    moveIn(&records, 1, indexBatches(&records, 1));
    endResetModel();
}

std::vector<DeviceRecord> DeviceTableModel::exchangeAll(std::vector<DeviceRecord> &&records)
{
    beginResetModel();
    std::vector<DeviceRecord> old = takeRecords();
    m_index.clear();
    moveIn(&records, 1, indexBatches(&records, 1));
    endResetModel();
    return old;
}

void DeviceTableModel::clear()
{
    if (m_records->empty())
        return;
    beginResetModel();
    m_records = std::make_shared<std::vector<DeviceRecord>>();
    m_index.clear();
    m_index.shrink_to_fit();
    endResetModel();
}

std::vector<DeviceRecord> DeviceTableModel::takeAll()
{
    if (m_records->empty())
        return {};
    beginResetModel();
    std::vector<DeviceRecord> old = takeRecords();
    m_index.clear();
    endResetModel();
    return old;
}

int DeviceTableModel::rowOfDevice(const QString &id) const
{
    if (m_index.empty())
        return -1;
    const std::uint32_t h = idHash(id);
    const std::size_t mask = m_index.size() - 1;
    for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
        const IdSlot &slot = m_index[pos];
        if (slot.row < 0)
            return -1;
        const auto row = static_cast<std::size_t>(slot.row);
        // Rows past the end are being inserted right now (rowsAboutToBeInserted): not there yet.
        if (slot.tag == h && row < m_records->size() && (*m_records)[row].id == id)
            return slot.row;
    }
}

} // namespace keyturn
