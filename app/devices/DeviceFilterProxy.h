// DeviceFilterProxy: sorts and filters a DeviceTableModel on the client. It owns all filter state
// (search text, platform, ownership, encryption); every change re-filters at once, in one layoutChanged.
// It keeps its own row maps instead of QSortFilterProxyModel's so that a keystroke at 100,000
// rows is one linear pass over the already sorted rows (no re-sort), and sorts on precomputed
// keys. Arriving rows are filtered and sorted into the full order as they come (a sort of the new
// rows and a linear merge). The view sees them appended at the end, at once while the list holds
// at most a page of rows and otherwise at most every 0.75 s (each append costs the view a relayout
// and a repaint); they move into place in one coalesced relayout once arrivals pause (at least
// every 2 s while they go on).
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

    /// Whether a record passes the current filters.
    bool accepts(const DeviceRecord &record) const;
    /// The record behind a proxy row (precondition: valid row).
    const DeviceRecord &recordAt(int proxyRow) const;

    /// Sorts by the raw value of `column` (compliance: by severity, see complianceRank; ties: device
    /// name, then arrival); -1 = arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// True while arrived rows wait for the coalesced re-sort.
    bool isSortPending() const { return m_resortTimer.isActive(); }
    /// Shows rows waiting to be shown and merges rows waiting for the re-sort into place, now
    /// (when loading ends; tests, benchmarks).
    void settleSort();
    /// Arrived rows that pass the filters but are not shown yet (see the class comment).
    int unshownRowCount() const { return static_cast<int>(m_unshown.size()); }

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
    /// Appends the arrived rows waiting to be shown to the shown rows (one rowsInserted).
    void showArrived();
    /// Merges rows not yet in m_order into it in sorted position (no signal).
    void mergePendingIntoOrder();
    /// The shown source rows, in m_order's order (the visible set unchanged, re-sorted).
    std::vector<int> shownRowsInOrder() const;
    /// Replaces the visible rows by `rows` (source rows, in display order) in one layout change.
    void relayout(std::vector<int> rows, LayoutChangeHint hint);
    /// Sorts every source row by the current column (or arrival order) into m_order.
    void rebuildOrder();
    int sourceRowCount() const;
    /// Rebuilds every per-row structure from the source (after a reset or a new source).
    void rebuildFromSource();

    // The first 16 units of each source row's case-folded name, packed so that most name
    // compares are two integer compares (the folded text itself is in the record's searchKey).
    struct RowKeys {
        quint64 namePrefix[2];
    };
    // A row's order for the current column, decorated so that sorting touches no record for the
    // common columns: `primary` decides when both keys are exact, then the name, then the row.
    struct SortKey {
        quint64 primary;
        quint64 namePrefix[2];
        int row;
        bool exact;
    };
    SortKey sortKey(int row) const;
    /// The current order (sort column, direction; ties: name, then row) on decorated keys.
    inline bool keyLess(const SortKey &a, const SortKey &b) const;
    bool keyLessSlow(const SortKey &a, const SortKey &b) const;
    /// Three-way order of two rows' folded names (prefix first, then the full text).
    int compareNames(int leftRow, int rightRow) const;
    int compareNameKeys(const SortKey &a, const SortKey &b) const;
    /// The sort column's own three-way order of two rows (no tie-break).
    int comparePrimary(int leftRow, int rightRow) const;
    void appendRowKeys(int first, int last);

    QPointer<DeviceTableModel> m_devices;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_searchText;
    QString m_needle; // case-folded searchText
    PlatformFilter m_platform = PlatformFilter::All;
    OwnershipFilter m_ownership = OwnershipFilter::Any;
    EncryptionFilter m_encryption = EncryptionFilter::Any;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimer m_resortTimer;
    QElapsedTimer m_pendingSince; // first arrival waiting for the re-sort
    bool m_resetting = false; // a source change we turn into a reset (not an append)

    std::vector<RowKeys> m_keys; // per source row
    std::vector<int> m_order; // source rows [0, m_ordered) in sort order (all of them, filtered or not)
    int m_ordered = 0;
    std::vector<SortKey> m_orderKeys; // m_order's keys while sorted by a column (merges reuse them)
    bool m_unsettled = false; // arrived rows are shown at the end, not yet in their sorted place
    std::vector<int> m_unshown; // accepted source rows that arrived, in arrival order, not shown yet
    QTimer m_showTimer;
    QElapsedTimer m_sinceShown; // the last append the view saw
    std::vector<int> m_proxyToSource; // visible rows
    std::vector<int> m_sourceToProxy; // -1 = filtered out
};

} // namespace keyturn
