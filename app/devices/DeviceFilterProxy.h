// DeviceFilterProxy: sorts and filters a DeviceTableModel on the client. It owns all filter state
// (search text, platform, ownership); every change re-filters at once, in one layoutChanged.
// It keeps its own row maps instead of QSortFilterProxyModel's so that a keystroke at 100,000
// rows is one linear pass over the already sorted rows (no re-sort), and sorts on precomputed
// keys. Arriving rows are filtered at once and appended; they are merged into place by a
// coalesced re-sort once arrivals pause (at least every 2 s while they go on), so a page of rows
// never re-sorts the whole list.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QAbstractProxyModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <vector>

namespace keyturn {

class DeviceFilterProxy final : public QAbstractProxyModel {
    Q_OBJECT
public:
    enum class PlatformFilter { All, MacOS, Windows, IOS /* iOS + iPadOS */, Android, LinuxOther };
    enum class OwnershipFilter { Any, Corporate, Personal };
    Q_ENUM(PlatformFilter)
    Q_ENUM(OwnershipFilter)

    explicit DeviceFilterProxy(QObject *parent = nullptr);
    ~DeviceFilterProxy() override;

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

    /// Whether a record passes the current filters.
    bool accepts(const DeviceRecord &record) const;
    /// The record behind a proxy row (precondition: valid row).
    const DeviceRecord &recordAt(int proxyRow) const;

    /// Sorts by the raw value of `column` (ties: device name, then arrival); -1 = arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// True while arrived rows wait for the coalesced re-sort.
    bool isSortPending() const { return m_resortTimer.isActive(); }
    /// Merges rows waiting for the re-sort into place now (tests, benchmarks).
    void settleSort();

    /// Numeric, segment-wise version order: "10.0.9" < "10.0.22631"; non-numeric parts compare as text.
    static int compareVersions(QStringView a, QStringView b);

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

private:
    void refilter(bool narrowing);
    void onSourceRowsAboutToBeInserted(int first);
    void onSourceRowsInserted(int first, int last);
    void onSourceResetStarted();
    void onSourceResetFinished();
    /// Appends rows that arrived since the last settle to m_order in sorted position (no signal).
    void mergePendingIntoOrder();
    /// Replaces the visible rows by `rows` (source rows, in display order) in one layout change.
    void relayout(std::vector<int> rows, LayoutChangeHint hint);
    /// Every source row, sorted by the current column (or in arrival order).
    std::vector<int> fullOrder() const;
    /// Three-way record order for `column` (ties: name, then row), as fullOrder() sorts.
    int compareRows(int leftRow, int rightRow) const;
    int sourceRowCount() const;
    /// Rebuilds every per-row structure from the source (after a reset or a new source).
    void rebuildFromSource();

    // The case-folded name and UPN of each source row: views into the record's searchKey, so
    // ordering compares them without re-folding (records never change after they are added).
    struct RowKeys {
        QStringView name;
        QStringView upn;
        quint64 namePrefix[2]; // the name's first 16 units packed so most compares are two integers
    };
    /// Three-way order of two rows' folded names (prefix first, then the full text).
    int compareNames(int leftRow, int rightRow) const;
    void appendRowKeys(int first, int last);

    QPointer<DeviceTableModel> m_devices;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_searchText;
    QString m_needle; // case-folded searchText
    PlatformFilter m_platform = PlatformFilter::All;
    OwnershipFilter m_ownership = OwnershipFilter::Any;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimer m_resortTimer;
    QElapsedTimer m_pendingSince; // first arrival waiting for the re-sort
    bool m_resetting = false; // a source change we turn into a reset (not an append)

    std::vector<RowKeys> m_keys; // per source row
    std::vector<int> m_order; // source rows [0, m_ordered) in sort order (all of them, filtered or not)
    int m_ordered = 0;
    std::vector<int> m_proxyToSource; // visible rows
    std::vector<int> m_sourceToProxy; // -1 = filtered out
};

} // namespace keyturn
