// DeviceListView: the "All devices" list. Search box and platform/ownership/encryption filters
// acting on the client (remembered across starts), the sortable table (layout and optional columns
// remembered, chosen from the header's menu), a row menu with Open and Copy, Ctrl+C for the
// device name, export of the rows on screen to CSV, an empty/error state in the list area itself
// with Retry and "Copy details", and a progress widget (bar + Cancel) for the status bar.
// It drives the DeviceListLoader it is given; the model and loader are owned by the caller. With a
// DeviceListCache, the account's last complete list shows at start ("48,210 devices · as of 10:42
// today · refreshing…") before any network answer, and the load that follows refreshes it.
#pragma once

#include "MessageBanner.h"

#include <QDateTime>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace keyturn {
class DeviceListCache;
class DeviceListLoader;
class DeviceTableModel;
class DeviceFilterProxy;
struct GraphError;
} // namespace keyturn

namespace keyturn::ui {

class DeviceListView final : public QWidget {
    Q_OBJECT
public:
    /// cache may be null (no list kept between starts).
    DeviceListView(keyturn::DeviceTableModel *model, keyturn::DeviceListLoader *loader,
        keyturn::DeviceListCache *cache = nullptr, QWidget *parent = nullptr);
    ~DeviceListView() override;

    /// Starts (or restarts) loading. A list on screen stays (selection, scroll, search and filters)
    /// until the new one has arrived completely and replaces it in one step; a cancelled or failed
    /// refresh keeps it. The selection stays when the device is still there.
    void reload();
    /// Not signed in: shows the empty state instead of the table.
    void showSignedOut();
    /// The account is known (its session still being restored): shows its cached list, if any,
    /// while the list is empty. Nothing is loaded from the network yet.
    void showCachedList(const QString &accountKey);
    /// Signed in: loads the list, as a refresh of the cached list when there is one (waiting for
    /// its first rows when it is still being read).
    void loadAfterSignIn(const QString &accountKey);
    /// True while the rows on screen are the cached list (until a load replaces them).
    bool isShowingCachedList() const { return m_cacheState == CacheState::Shown; }
    /// True while a cached list is being read or on screen.
    bool hasCachedList() const { return m_cacheState != CacheState::None; }

    /// The selected device (single selection), or empty.
    QString currentDeviceId() const;
    bool selectDevice(const QString &deviceId);

    /// Asks where to save (a save dialog, at suggestedPath or "Keyturn devices <date>.csv" in the
    /// folder used last) and exports the rows on screen there (see exportToCsv).
    void chooseCsvFileAndExport(const QString &suggestedPath = {});
    /// Writes the rows on screen as CSV (visible columns in their order, values as shown); the
    /// status bar says how many, a failure says why in the list's banner with "Try again".
    bool exportToCsv(const QString &path);

    /// For the status bar: "Loading devices… 12,000 of about 48,210" with a bar and Cancel; while
    /// Graph asks to wait, "Intune asked Keyturn to wait 2 min 10 s …" counting down.
    QWidget *progressWidget() const { return m_progressWidget; }
    QString statusText() const;

    QLineEdit *searchLineEdit() const { return m_searchLineEdit; }
    QComboBox *platformComboBox() const { return m_platformComboBox; }
    QComboBox *ownershipComboBox() const { return m_ownershipComboBox; }
    QComboBox *encryptionComboBox() const { return m_encryptionComboBox; }
    QTableView *tableView() const { return m_tableView; }
    QPushButton *refreshButton() const { return m_refreshButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *retryButton() const { return m_retryButton; }
    MessageBanner *banner() const { return m_banner; }
    keyturn::DeviceFilterProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    /// The selection changed, by any means (mouse, keys, accessibility); empty when none is selected.
    void selectedDeviceChanged(const QString &deviceId);
    /// Enter or double-click on a row.
    void deviceActivated(const QString &deviceId);
    void statusTextChanged(const QString &text);
    /// The first rows of the cached list are in the table.
    void cachedListShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildToolbar();
    void buildTable();
    void setDefaultColumnWidths();
    void buildEmptyState();
    void buildProgress();
    void connectLoader();
    void updateEmptyState();
    void setStatusText(const QString &text);
    void onProgress(int loaded, std::optional<int> total);
    void onFinished(int total);
    void onFailed(const keyturn::GraphError &error);
    void onCancelled(int loaded);
    void onEndedEarly(int loaded, int expected);
    void showWaiting();
    void stopWaiting();
    /// Shows the list's banner; its button runs action.
    void showBanner(MessageBanner::Kind kind, const QString &text, const QString &details,
        const QString &actionText, std::function<void()> action);
    void restoreSelection();
    void connectCache();
    void onCachedRowsShown();
    void onCacheEnded();
    /// Starts the refresh of the cached list once its rows have been painted (or now, evenUnpainted).
    void startRefreshOfCachedList(bool evenUnpainted = false);
    /// "48,210 devices · as of 10:42 today · <state>" for the cached list on screen.
    QString cachedListStatus(const QString &state) const;
    /// Around a model reset (a refresh's new list): keep the selected device and the scroll position.
    void rememberViewState();
    void restoreViewState();
    QString listTimeText() const;
    void saveHeaderState() const;
    void restoreHeaderState();
    void showHeaderMenu(const QPoint &pos);
    void showRowMenu(const QPoint &pos);
    /// Copies the selected device's name; false when none is selected.
    bool copySelectedName() const;
    /// Search text and filters as the user left them last time (QSettings).
    void restoreFilters();
    void saveFilters() const;

    keyturn::DeviceTableModel *m_model;
    keyturn::DeviceListLoader *m_loader;
    keyturn::DeviceListCache *m_cache;
    keyturn::DeviceFilterProxy *m_proxy = nullptr;
    QLineEdit *m_searchLineEdit = nullptr;
    QComboBox *m_platformComboBox = nullptr;
    QComboBox *m_ownershipComboBox = nullptr;
    QComboBox *m_encryptionComboBox = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_countLabel = nullptr;
    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_tableView = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_emptyCopyButton = nullptr;
    QWidget *m_progressWidget = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QString m_statusText;
    QString m_pendingSelection;
    QString m_lastErrorDetails;
    bool m_signedOut = false;
    bool m_failed = false;
    bool m_refreshing = false; // the list on screen stays while a new one loads
    bool m_cancelledEmpty = false; // a first load cancelled before any device arrived
    QDateTime m_listTime; // when the list on screen was complete
    // The cached list: being read (no rows yet), on screen (until a load replaces it), or none.
    enum class CacheState { None, Reading, Shown };
    CacheState m_cacheState = CacheState::None;
    bool m_loadWhenCacheShown = false; // signed in: the refresh starts once the cached rows are painted
    bool m_cachedListPainted = false;
    QTimer *m_startAfterPaintTimer = nullptr;
    int m_cachedCount = 0; // the cached list's device count (its header's, before all rows are read)
    QString m_keptId; // around a model reset: the selected device, its name, the top row
    QString m_keptName;
    QString m_keptTopId;
    int m_keptHorizontal = 0;
    std::function<void()> m_bannerAction;
    QTimer *m_waitTimer = nullptr;
    int m_waitRemainingSecs = 0;
    int m_lastLoaded = 0; // the latest progress, shown again when a wait ends
    std::optional<int> m_lastTotal;
};

} // namespace keyturn::ui
