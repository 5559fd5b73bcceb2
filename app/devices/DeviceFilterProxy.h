// DeviceFilterProxy: sorts and filters a DeviceTableModel on the client. It owns all filter state
// (search text, platform, ownership); every change re-filters at once. Hot paths read the
// records directly (no QVariant) and compare precomputed sort ranks, so a keystroke stays fast at
// 100,000 rows. Arriving rows are filtered at once and appended; they are sorted into place by a
// coalesced re-sort (sortSettleMs later), because sorted insertion of scattered rows is quadratic.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>

#include <vector>

namespace keyturn {

class DeviceFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class PlatformFilter { All, MacOS, Windows, IOS /* iOS + iPadOS */, Android, LinuxOther };
    enum class OwnershipFilter { Any, Corporate, Personal };
    Q_ENUM(PlatformFilter)
    Q_ENUM(OwnershipFilter)

    explicit DeviceFilterProxy(QObject *parent = nullptr);

    /// Only a DeviceTableModel is accepted (anything else filters everything out).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    DeviceTableModel *deviceModel() const { return m_devices; }

    /// Case-insensitive substring of device name, primary user UPN or serial number; "" shows all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setPlatformFilter(PlatformFilter filter);
    PlatformFilter platformFilter() const { return m_platform; }
    void setOwnershipFilter(OwnershipFilter filter);
    OwnershipFilter ownershipFilter() const { return m_ownership; }

    /// Whether a record passes the current filters (what filterAcceptsRow uses).
    bool accepts(const DeviceRecord &record) const;
    /// The record behind a proxy row (precondition: valid row).
    const DeviceRecord &recordAt(int proxyRow) const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// True while arrived rows wait for the coalesced re-sort.
    bool isSortPending() const { return m_resortTimer.isActive(); }
    /// Applies a pending re-sort now (tests, benchmarks).
    void settleSort();

    /// Numeric, segment-wise version order: "10.0.9" < "10.0.22631"; non-numeric parts compare as text.
    static int compareVersions(QStringView a, QStringView b);

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void onSourceRowsInserted();
    int compareRecords(int leftRow, int rightRow, int column) const;

    QPointer<DeviceTableModel> m_devices;
    QString m_searchText;
    QString m_needle; // case-folded searchText
    PlatformFilter m_platform = PlatformFilter::All;
    OwnershipFilter m_ownership = OwnershipFilter::Any;
    QTimer m_resortTimer;
    // m_rank[sourceRow] = position in the m_rankColumn order, for rows that existed when built.
    mutable std::vector<int> m_rank;
    mutable int m_rankColumn = -1;
};

} // namespace keyturn
