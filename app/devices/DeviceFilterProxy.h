// DeviceFilterProxy: sorts and filters a DeviceTableModel on the client. It owns all filter state
// (search text, platform, ownership); every change re-filters at once. Hot paths read the
// records directly (no QVariant) so a keystroke stays fast at 100,000 rows.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

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

    /// Numeric, segment-wise version order: "10.0.9" < "10.0.22631"; non-numeric parts compare as text.
    static int compareVersions(QStringView a, QStringView b);

Q_SIGNALS:
    void filterStateChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QPointer<DeviceTableModel> m_devices;
    QString m_searchText;
    QString m_needle; // case-folded searchText
    PlatformFilter m_platform = PlatformFilter::All;
    OwnershipFilter m_ownership = OwnershipFilter::Any;
};

} // namespace keyturn
