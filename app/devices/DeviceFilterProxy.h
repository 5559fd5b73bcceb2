// DeviceFilterProxy: sorts and filters a DeviceTableModel on the client. It owns all filter state
// (search text, platform, ownership, encryption); every change re-filters at once, in one
// layoutChanged. It keeps its own row maps instead of QSortFilterProxyModel's, so a keystroke at
// 100,000 rows is one byte scan of the search keys (DeviceSearchKeys) over the already sorted rows,
// and text typed on filters only the rows that matched before; the order comes from DeviceSortOrder.
// Arriving rows are filtered and sorted into the full order as they come (a sort of the new rows
// and a linear merge). By default they show in place at once; with arrivals paced (a view's
// policy, see DeviceListPacing) they wait until showArrived() appends them at the end and
// settleSort() moves them into place.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceSearchKeys.h"
#include "devices/DeviceSortOrder.h"
#include "devices/DeviceTableModel.h"

#include <QAbstractProxyModel>
#include <QPointer>

#include <cstdint>
#include <vector>

namespace keyturn {

class DeviceFilterProxy final : public QAbstractProxyModel {
    Q_OBJECT
public:
    enum class PlatformFilter { All, MacOS, Windows, IOS /* iOS + iPadOS */, Android, LinuxOther };
    enum class OwnershipFilter { Any, Corporate, Personal };
    enum class EncryptionFilter { Any, Encrypted, NotEncrypted };
    Q_ENUM(PlatformFilter)
    Q_ENUM(OwnershipFilter)
    Q_ENUM(EncryptionFilter)

    explicit DeviceFilterProxy(QObject *parent = nullptr);
    ~DeviceFilterProxy() override;

    /// Only a DeviceTableModel is accepted (anything else filters everything out).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    DeviceTableModel *deviceModel() const { return m_devices; }

    /// Case-insensitive substring of device name, primary user UPN or serial number, and from 8
    /// characters on also of the Intune device id or Entra device id; "" shows all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setPlatformFilter(PlatformFilter filter);
    PlatformFilter platformFilter() const { return m_platform; }
    void setOwnershipFilter(OwnershipFilter filter);
    OwnershipFilter ownershipFilter() const { return m_ownership; }
    void setEncryptionFilter(EncryptionFilter filter);
    EncryptionFilter encryptionFilter() const { return m_encryption; }

    /// Whether a source row passes the current filters.
    bool acceptsRow(int sourceRow) const;
    /// The record behind a proxy row (precondition: valid row).
    const DeviceRecord &recordAt(int proxyRow) const;

    /// Sorts by the raw value of `column` (see DeviceSortOrder; compliance by severity; ties: device
    /// name, then arrival); -1 = arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Paced: arrived rows wait for showArrived() and settleSort() (rowsArrived() tells when there
    /// are some). Not paced (the default): they show in their sorted place at once.
    void setArrivalsPaced(bool paced);
    /// Appends the arrived rows waiting to be shown at the end of the shown rows (one rowsInserted).
    void showArrived();
    /// Shows arrived rows and moves every shown row into its sorted place, now.
    void settleSort();
    /// False while shown rows wait for settleSort() to move into place.
    bool isSettled() const;
    /// Arrived rows that pass the filters but are not shown yet.
    int unshownRowCount() const { return static_cast<int>(m_unshown.size()); }

    // QAbstractItemModel / QAbstractProxyModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    void filterStateChanged();
    /// Paced only: source rows arrived; some may wait to be shown or settled.
    void rowsArrived();

private:
    /// Re-filters; `narrowing`: every row the new filters accept is shown now.
    void refilter(bool narrowing);
    bool acceptsAttributes(const DeviceRecord &record) const;
    bool matchesIds(const DeviceRecord &record) const;
    bool attributesFilterNothing() const;
    void onSourceRowsAboutToBeInserted(int first);
    void onSourceRowsInserted(int first, int last);
    void onSourceResetStarted();
    void onSourceResetFinished();
    /// Merges rows not yet in m_order into it in sorted position (no signal).
    void mergePendingIntoOrder();
    /// The shown source rows, in m_order's order (the visible set unchanged, re-sorted).
    std::vector<int> shownRowsInOrder() const;
    /// Replaces the visible rows by `rows` (source rows, in display order) in one layout change.
    void relayout(std::vector<int> rows, LayoutChangeHint hint);
    /// Sorts every source row by the current column (or arrival order) into m_order.
    void rebuildOrder();
    DeviceSortOrder sortOrderEngine() const;
    int sourceRowCount() const;
    /// Rebuilds every per-row structure from the source (after a reset or a new source).
    void rebuildFromSource();

    QPointer<DeviceTableModel> m_devices;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_searchText;
    QByteArray m_needle; // DeviceSearchKeys::foldQuery(searchText)
    QString m_idNeedle; // the same as text, for ids
    PlatformFilter m_platform = PlatformFilter::All;
    OwnershipFilter m_ownership = OwnershipFilter::Any;
    EncryptionFilter m_encryption = EncryptionFilter::Any;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_paced = false;
    bool m_resetting = false; // a source change we turn into a reset (not an append)

    DeviceSearchKeys m_keys; // per source row
    std::vector<int> m_order; // source rows [0, m_ordered) in sort order (all of them, filtered or not)
    int m_ordered = 0;
    std::vector<DeviceSortKey> m_orderKeys; // m_order's keys while sorted by a column (merges reuse them)
    bool m_unsettled = false; // arrived rows are shown at the end, not yet in their sorted place
    std::vector<int> m_unshown; // accepted source rows that arrived, in arrival order, not shown yet
    std::vector<int> m_proxyToSource; // visible rows
    std::vector<int> m_sourceToProxy; // -1 = filtered out
};

} // namespace keyturn
