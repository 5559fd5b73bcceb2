#include "devices/DeviceTableModel.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QLocale>

namespace keyturn {

DeviceTableModel::DeviceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
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
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(r.lastSyncMsecs).toLocalTime(), QLocale::ShortFormat);
    case Encrypted:
        return r.isEncrypted ? tr("Yes") : tr("No");
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
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(r.lastSyncMsecs).toLocalTime(), QLocale::LongFormat);
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
    case ColumnCount:
        break;
    }
    return {};
}

void DeviceTableModel::appendDevices(std::vector<DeviceRecord> &&records)
{
    std::vector<DeviceRecord> fresh;
    fresh.reserve(records.size());
    for (DeviceRecord &r : records) {
        if (r.searchKey.isEmpty())
            r.updateSearchKey();
        const int row = static_cast<int>(m_records.size() + fresh.size());
        if (!m_rowById.try_emplace(r.id, row).second) {
            qCDebug(lcDevices) << "dropping a duplicate device id";
            continue;
        }
        fresh.push_back(std::move(r));
    }
    if (fresh.empty())
        return;
    const int first = static_cast<int>(m_records.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    m_records.insert(
        m_records.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    endInsertRows();
}

void DeviceTableModel::replaceAll(std::vector<DeviceRecord> &&records)
{
    beginResetModel();
    m_records.clear();
    m_rowById.clear();
    m_records.reserve(records.size());
    for (DeviceRecord &r : records) {
        if (!m_rowById.try_emplace(r.id, static_cast<int>(m_records.size())).second)
            continue;
        if (r.searchKey.isEmpty())
            r.updateSearchKey();
        m_records.push_back(std::move(r));
    }
    endResetModel();
}

void DeviceTableModel::clear()
{
    if (m_records.empty())
        return;
    beginResetModel();
    m_records.clear();
    m_records.shrink_to_fit();
    m_rowById.clear();
    endResetModel();
}

std::vector<DeviceRecord> DeviceTableModel::takeAll()
{
    std::vector<DeviceRecord> old;
    if (m_records.empty())
        return old;
    beginResetModel();
    old.swap(m_records);
    m_rowById.clear();
    endResetModel();
    return old;
}

int DeviceTableModel::rowOfDevice(const QString &id) const
{
    const auto it = m_rowById.find(id);
    return it == m_rowById.end() ? -1 : it->second;
}

} // namespace keyturn
