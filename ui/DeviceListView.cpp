#include "DeviceListView.h"

#include "DeviceListExport.h"
#include "DeviceListPacing.h"
#include "DeviceRowMenu.h"
#include "DeviceText.h"
#include "ListTimeText.h"

#include "MessageBanner.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceListCache.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphError.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMetaEnum>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace keyturn::ui {

namespace {
const QString kHeaderStateKey = QStringLiteral("deviceList/headerState");
// How many columns the list had when the header state was saved: columns added since then start
// hidden when optional, as for a new user.
const QString kHeaderColumnsKey = QStringLiteral("deviceList/headerColumns");
const QString kSearchTextKey = QStringLiteral("deviceList/searchText");
const QString kPlatformFilterKey = QStringLiteral("deviceList/platformFilter");
const QString kOwnershipFilterKey = QStringLiteral("deviceList/ownershipFilter");
const QString kEncryptionFilterKey = QStringLiteral("deviceList/encryptionFilter");
const QString kExportFolderKey = QStringLiteral("deviceList/exportFolder");

QString formatCount(int n)
{
    return QLocale().toString(n);
}

// Filters are remembered by their enum names, which stay stable when items are added or reordered.
template <typename Enum> QString filterName(const QComboBox *combo)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(combo->currentData().toInt()));
}

template <typename Enum> void selectFilter(QComboBox *combo, const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Enum>().keyToValue(name.toLatin1().constData(), &ok);
    const int index = ok ? combo->findData(value) : -1;
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

DeviceListView::DeviceListView(
    DeviceTableModel *model, DeviceListLoader *loader, DeviceListCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_loader(loader)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("deviceListView"));
    m_proxy = new DeviceFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    new DeviceListPacing(m_proxy, this);

    buildToolbar();
    buildTable();
    buildEmptyState();
    buildProgress();

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("deviceListBanner"));
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        const std::function<void()> action = std::exchange(m_bannerAction, {});
        m_banner->clear();
        if (action)
            action();
    });
    m_waitTimer = new QTimer(this);
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, [this] {
        m_waitRemainingSecs = std::max(0, m_waitRemainingSecs - 1);
        showWaiting();
    });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tableView);
    m_stack->addWidget(m_emptyPage);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchLineEdit, 3);
    toolbar->addWidget(m_platformComboBox);
    toolbar->addWidget(m_ownershipComboBox);
    toolbar->addWidget(m_encryptionComboBox);
    toolbar->addWidget(m_refreshButton);
    toolbar->addWidget(m_countLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connectLoader();
    connectCache();
    // Connected last: the view reacts to model changes only once every widget exists.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { updateEmptyState(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { updateEmptyState(); });
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { rememberViewState(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        restoreViewState();
        updateEmptyState();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { updateEmptyState(); });
    restoreHeaderState();
    restoreFilters();
    updateEmptyState();
}

DeviceListView::~DeviceListView()
{
    saveHeaderState();
}

void DeviceListView::buildToolbar()
{
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search by device name, user, serial number or device ID"));
    // Room for a device name or a pasted id also at the window's minimum size (the window's
    // minimum follows from the layout's).
    m_searchLineEdit->setMinimumWidth(200);
    m_searchLineEdit->setAccessibleName(tr("Search devices"));
    m_searchLineEdit->setClearButtonEnabled(true);
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateEmptyState();
        saveFilters();
    });

    m_platformComboBox = new QComboBox(this);
    m_platformComboBox->setObjectName(QStringLiteral("platformComboBox"));
    m_platformComboBox->setAccessibleName(tr("Platform"));
    using PF = DeviceFilterProxy::PlatformFilter;
    m_platformComboBox->addItem(tr("All platforms"), static_cast<int>(PF::All));
    m_platformComboBox->addItem(tr("macOS"), static_cast<int>(PF::MacOS));
    m_platformComboBox->addItem(tr("Windows"), static_cast<int>(PF::Windows));
    m_platformComboBox->addItem(tr("iOS/iPadOS"), static_cast<int>(PF::IOS));
    m_platformComboBox->addItem(tr("Android"), static_cast<int>(PF::Android));
    m_platformComboBox->addItem(tr("Linux/other"), static_cast<int>(PF::LinuxOther));
    connect(m_platformComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setPlatformFilter(static_cast<PF>(m_platformComboBox->currentData().toInt()));
        updateEmptyState();
        saveFilters();
    });

    m_ownershipComboBox = new QComboBox(this);
    m_ownershipComboBox->setObjectName(QStringLiteral("ownershipComboBox"));
    m_ownershipComboBox->setAccessibleName(tr("Ownership"));
    using OF = DeviceFilterProxy::OwnershipFilter;
    m_ownershipComboBox->addItem(tr("Any ownership"), static_cast<int>(OF::Any));
    m_ownershipComboBox->addItem(tr("Corporate"), static_cast<int>(OF::Corporate));
    m_ownershipComboBox->addItem(tr("Personal"), static_cast<int>(OF::Personal));
    connect(m_ownershipComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setOwnershipFilter(static_cast<OF>(m_ownershipComboBox->currentData().toInt()));
        updateEmptyState();
        saveFilters();
    });

    m_encryptionComboBox = new QComboBox(this);
    m_encryptionComboBox->setObjectName(QStringLiteral("encryptionComboBox"));
    m_encryptionComboBox->setAccessibleName(tr("Encryption"));
    using EF = DeviceFilterProxy::EncryptionFilter;
    m_encryptionComboBox->addItem(tr("Any encryption"), static_cast<int>(EF::Any));
    m_encryptionComboBox->addItem(tr("Encrypted"), static_cast<int>(EF::Encrypted));
    m_encryptionComboBox->addItem(tr("Not encrypted"), static_cast<int>(EF::NotEncrypted));
    connect(m_encryptionComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setEncryptionFilter(static_cast<EF>(m_encryptionComboBox->currentData().toInt()));
        updateEmptyState();
        saveFilters();
    });

    // The filters are as wide as their texts where the window has the room; in a narrow window
    // they give way rather than make the window wider than a small screen.
    for (QComboBox *combo : { m_platformComboBox, m_ownershipComboBox, m_encryptionComboBox })
        combo->setMinimumWidth(combo->fontMetrics().horizontalAdvance(QStringLiteral("Any enc")) + 40);

    m_refreshButton = new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setAccessibleName(tr("Refresh the device list"));
    m_refreshButton->setToolTip(tr("Reload the device list (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &DeviceListView::reload);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("deviceCountLabel"));
}

void DeviceListView::buildTable()
{
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("deviceTableView"));
    m_tableView->setAccessibleName(tr("Devices"));
    m_tableView->setModel(m_proxy);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(DeviceTableModel::Name, Qt::AscendingOrder);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Rows, not cells: the arrow keys move between devices and Tab leaves the list for the pane.
    m_tableView->setTabKeyNavigation(false);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    // A scroll bar that appears with the first page would narrow the viewport and make the table
    // lay out and paint everything twice just as the first rows show.
    m_tableView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    m_tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_tableView->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    setDefaultColumnWidths();
    for (int column = 0; column < DeviceTableModel::ColumnCount; ++column) {
        if (DeviceTableModel::isOptionalColumn(column))
            header->hideSection(column);
    }
    connect(header, &QHeaderView::customContextMenuRequested, this, &DeviceListView::showHeaderMenu);
    m_tableView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tableView, &QTableView::customContextMenuRequested, this, &DeviceListView::showRowMenu);
    m_tableView->installEventFilter(this);
    m_tableView->viewport()->installEventFilter(this); // the cached list's first paint

    // The selection, not the current index, is the device: a screen reader or a Ctrl+click can
    // change one without the other.
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { Q_EMIT selectedDeviceChanged(currentDeviceId()); });
    connect(m_tableView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT deviceActivated(index.data(DeviceTableModel::DeviceIdRole).toString());
    });
}

void DeviceListView::setDefaultColumnWidths()
{
    // Wide enough for the header and a typical value, so that every column fits a usual window.
    QHeaderView *header = m_tableView->horizontalHeader();
    const QFontMetrics cell = m_tableView->fontMetrics();
    const QFontMetrics head = header->fontMetrics();
    const QString sample[DeviceTableModel::ColumnCount] = {
        QStringLiteral("DESKTOP-ABC1234"),
        // The vocabulary in the language shown: German "Unternehmen" is wider than "Corporate".
        managedByText(DeviceRecord::ManagementAgent::ConfigurationManagerClientMdm),
        ownershipText(DeviceRecord::Ownership::Company),
        complianceText(DeviceRecord::Compliance::Noncompliant),
        QStringLiteral("Windows"),
        QStringLiteral("10.0.22631.3007"),
        QStringLiteral("first.lastname@example.com"),
        QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)), QLocale::ShortFormat),
        QString(),
        QStringLiteral("C02XK1ABCD12"),
        QStringLiteral("ThinkCentre M70q Gen 4"),
        QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)), QLocale::ShortFormat),
    };
    for (int column = 0; column < DeviceTableModel::ColumnCount; ++column) {
        const int text = head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 28;
        header->resizeSection(column, std::max(text, cell.horizontalAdvance(sample[column]) + 16));
    }
}

void DeviceListView::buildEmptyState()
{
    m_emptyPage = new QWidget(this);
    m_emptyPage->setObjectName(QStringLiteral("deviceListEmptyState"));
    m_emptyLabel = new QLabel(m_emptyPage);
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton(tr("&Retry"), m_emptyPage);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setAccessibleName(tr("Retry loading devices"));
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        m_failed = false;
        if (m_model->rowCount() > 0)
            m_loader->retry();
        else
            reload();
    });
    m_emptyCopyButton
        = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy details"), m_emptyPage);
    m_emptyCopyButton->setObjectName(QStringLiteral("emptyStateCopyDetailsButton"));
    m_emptyCopyButton->setAccessibleName(tr("Copy details"));
    connect(m_emptyCopyButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_lastErrorDetails); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_emptyCopyButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(m_emptyPage);
    layout->addStretch();
    layout->addWidget(m_emptyLabel);
    layout->addLayout(buttons);
    layout->addStretch();
}

void DeviceListView::buildProgress()
{
    m_progressWidget = new QWidget(this);
    m_progressWidget->setObjectName(QStringLiteral("loadProgress"));
    m_progressLabel = new QLabel(m_progressWidget);
    m_progressLabel->setObjectName(QStringLiteral("loadProgressLabel"));
    m_progressBar = new QProgressBar(m_progressWidget);
    m_progressBar->setObjectName(QStringLiteral("loadProgressBar"));
    m_progressBar->setMaximumWidth(200);
    m_progressBar->setTextVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressWidget);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelButton->setAccessibleName(tr("Cancel loading devices"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_loader->cancel(); });
    auto *layout = new QHBoxLayout(m_progressWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_cancelButton);
    m_progressWidget->hide();
}

void DeviceListView::connectLoader()
{
    connect(m_loader, &DeviceListLoader::progress, this,
        [this](int loaded, std::optional<int> total) { onProgress(loaded, total); });
    connect(m_loader, &DeviceListLoader::finished, this, [this](int total) { onFinished(total); });
    connect(m_loader, &DeviceListLoader::failed, this,
        [this](const keyturn::GraphError &error) { onFailed(error); });
    connect(m_loader, &DeviceListLoader::cancelled, this, [this](int loaded) { onCancelled(loaded); });
    connect(m_loader, &DeviceListLoader::endedEarly, this,
        [this](int loaded, int expected) { onEndedEarly(loaded, expected); });
    connect(m_loader, &DeviceListLoader::waitingEnded, this, [this] {
        stopWaiting();
        if (m_loader->isLoading())
            onProgress(m_lastLoaded, m_lastTotal);
    });
    connect(m_loader, &DeviceListLoader::waiting, this, [this](int seconds) {
        m_waitRemainingSecs = seconds;
        m_waitTimer->start();
        showWaiting();
    });
}

void DeviceListView::showBanner(MessageBanner::Kind kind, const QString &text, const QString &details,
    const QString &actionText, std::function<void()> action)
{
    m_bannerAction = std::move(action);
    m_banner->showMessage(kind, text, details, actionText);
}

void DeviceListView::stopWaiting()
{
    m_waitTimer->stop();
    m_waitRemainingSecs = 0;
}

void DeviceListView::showWaiting()
{
    const QString text = tr("Intune asked Keyturn to wait %1 before the next page.")
                             .arg(text::waitDuration(m_waitRemainingSecs));
    m_progressBar->setRange(0, 0);
    m_progressLabel->setText(text);
    m_progressWidget->show();
    setStatusText(text);
}

void DeviceListView::onEndedEarly(int loaded, int expected)
{
    showBanner(MessageBanner::Kind::Warning,
        tr("The device list ended with %Ln devices, but Intune's overview counts about %1. Microsoft Graph "
           "sometimes ends a list early: reload to get the rest.",
            nullptr, loaded)
            .arg(formatCount(expected)),
        QString(), tr("Reload"), [this] { reload(); });
}

void DeviceListView::reload()
{
    m_startAfterPaintTimer->stop();
    m_loadWhenCacheShown = false;
    if (m_cacheState == CacheState::Reading) {
        // Asked to load before the cached list showed a row: the network's list it is.
        m_cache->cancelLoad();
        m_cacheState = CacheState::None;
    }
    m_signedOut = false;
    m_failed = false;
    m_cancelledEmpty = false;
    m_banner->clear();
    m_refreshing = m_model->rowCount() > 0;
    const QString current = currentDeviceId();
    if (!current.isEmpty() && !m_refreshing)
        m_pendingSelection = current;
    const QString text = m_refreshing ? tr("Refreshing devices…") : tr("Loading devices…");
    m_progressBar->setRange(0, 0);
    m_progressLabel->setText(text);
    m_progressWidget->show();
    setStatusText(m_cacheState == CacheState::Shown ? cachedListStatus(tr("refreshing…")) : text);
    m_loader->start();
    updateEmptyState();
}

void DeviceListView::connectCache()
{
    m_startAfterPaintTimer = new QTimer(this);
    m_startAfterPaintTimer->setSingleShot(true);
    m_startAfterPaintTimer->setInterval(250); // a window that is not painted (minimized) loads anyway
    connect(m_startAfterPaintTimer, &QTimer::timeout, this, [this] { startRefreshOfCachedList(true); });
    if (!m_cache)
        return;
    connect(m_cache, &DeviceListCache::listFound, this, [this](int count, const QDateTime &listTime) {
        m_cachedCount = count;
        m_listTime = listTime;
    });
    connect(m_cache, &DeviceListCache::firstRowsShown, this, [this] { onCachedRowsShown(); });
    connect(m_cache, &DeviceListCache::loaded, this, [this](int rows) {
        if (rows == 0)
            onCacheEnded();
        else
            m_proxy->settleSort(); // every cached row at once, in order
    });
    connect(m_cache, &DeviceListCache::unusable, this, [this] { onCacheEnded(); });
}

void DeviceListView::showCachedList(const QString &accountKey)
{
    if (!m_cache || m_model->rowCount() > 0 || m_cacheState != CacheState::None)
        return;
    m_signedOut = false;
    m_cacheState = CacheState::Reading;
    m_loadWhenCacheShown = false;
    m_cache->load(accountKey, m_model);
}

void DeviceListView::loadAfterSignIn(const QString &accountKey)
{
    showCachedList(accountKey);
    if (m_cacheState == CacheState::None) {
        reload();
        return;
    }
    // The load refreshes the cached list once its first rows are on screen.
    m_loadWhenCacheShown = true;
    if (m_cacheState == CacheState::Shown)
        startRefreshOfCachedList();
}

void DeviceListView::onCachedRowsShown()
{
    m_cacheState = CacheState::Shown;
    m_cachedListPainted = false;
    m_proxy->settleSort();
    setStatusText(cachedListStatus(tr("refreshing…")));
    updateEmptyState();
    Q_EMIT cachedListShown();
    if (m_loadWhenCacheShown)
        startRefreshOfCachedList();
}

void DeviceListView::startRefreshOfCachedList(bool evenUnpainted)
{
    if (!m_loadWhenCacheShown || m_cacheState != CacheState::Shown)
        return;
    // The cached rows are painted before the first list request leaves (or a moment has passed).
    if (!m_cachedListPainted && !evenUnpainted) {
        if (!m_startAfterPaintTimer->isActive())
            m_startAfterPaintTimer->start();
        return;
    }
    m_startAfterPaintTimer->stop();
    m_loadWhenCacheShown = false;
    reload();
}

void DeviceListView::onCacheEnded()
{
    // No cached list, or one found damaged: its rows (if any) go, the load starts afresh.
    const bool load = std::exchange(m_loadWhenCacheShown, false) || m_cacheState == CacheState::Shown;
    if (m_cacheState == CacheState::Shown)
        m_model->clear();
    m_cacheState = CacheState::None;
    m_listTime = {};
    if (load)
        reload();
}

QString DeviceListView::cachedListStatus(const QString &state) const
{
    const QString count = tr("%Ln devices", nullptr, m_cachedCount);
    return tr("%1 · as of %2 · %3").arg(count, ui::listTimeText(m_listTime), state);
}

void DeviceListView::showSignedOut()
{
    if (m_cache)
        m_cache->cancelLoad();
    m_cacheState = CacheState::None;
    m_loadWhenCacheShown = false;
    stopWaiting();
    m_signedOut = true;
    m_refreshing = false;
    m_loader->cancel();
    m_model->clear();
    m_progressWidget->hide();
    setStatusText(QString());
    updateEmptyState();
}

QString DeviceListView::currentDeviceId() const
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(DeviceTableModel::DeviceIdRole).toString();
}

bool DeviceListView::selectDevice(const QString &deviceId)
{
    const int sourceRow = m_model->rowOfDevice(deviceId);
    if (sourceRow < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid())
        return false;
    m_tableView->setCurrentIndex(proxyIndex);
    m_tableView->scrollTo(proxyIndex);
    m_tableView->horizontalScrollBar()->setValue(0); // the name stays in view
    return true;
}

QString DeviceListView::statusText() const
{
    return m_statusText;
}

void DeviceListView::setStatusText(const QString &text)
{
    if (text == m_statusText)
        return;
    m_statusText = text;
    Q_EMIT statusTextChanged(text);
}

void DeviceListView::onProgress(int loaded, std::optional<int> total)
{
    m_lastLoaded = loaded;
    m_lastTotal = total;
    // Pages already on their way and the overview's total may arrive while Graph has asked to
    // wait: the countdown stays until the request that waits is answered.
    if (m_waitTimer->isActive())
        return;
    // The overview may lag the list: a total below what is already loaded is not shown.
    if (total && *total > 0 && *total >= loaded) {
        m_progressBar->setRange(0, *total);
        m_progressBar->setValue(loaded);
        m_progressLabel->setText(
            (m_refreshing ? tr("Refreshing devices… %1 of about %2") : tr("Loading devices… %1 of about %2"))
                .arg(formatCount(loaded), formatCount(*total)));
    } else {
        m_progressBar->setRange(0, 0);
        m_progressLabel->setText((m_refreshing ? tr("Refreshing devices… %1") : tr("Loading devices… %1"))
                                     .arg(formatCount(loaded)));
    }
    // A cached list on screen keeps saying how old it is; the progress widget shows the refresh.
    if (m_cacheState != CacheState::Shown)
        setStatusText(m_progressLabel->text());
    restoreSelection();
}

void DeviceListView::onFinished(int /*total: the toolbar counts the rows*/)
{
    stopWaiting();
    m_refreshing = false;
    if (m_cache)
        m_cache->cancelLoad(); // the new list replaced the cached one: no more cached rows
    m_cacheState = CacheState::None;
    m_listTime = QDateTime::currentDateTime();
    m_proxy->settleSort(); // the final order at once, not after the proxy's re-sort pause
    m_progressWidget->hide();
    // The count is in the toolbar; the status bar says when the list was read.
    setStatusText(
        tr("Device list loaded at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    restoreSelection();
    m_pendingSelection.clear();
    updateEmptyState();
}

void DeviceListView::onFailed(const keyturn::GraphError &error)
{
    m_proxy->settleSort(); // the rows that arrived, in order, at once
    stopWaiting();
    m_progressWidget->hide();
    m_lastErrorDetails = error.details();
    if (m_refreshing) {
        // The list on screen stays; Retry goes on with the refresh from the page that failed.
        showBanner(MessageBanner::Kind::Error,
            tr("Refresh failed: %1 Showing the list from %2.").arg(error.summary(), listTimeText()),
            m_lastErrorDetails, tr("Retry"), [this] { m_loader->retry(); });
        setStatusText(m_cacheState == CacheState::Shown
                ? cachedListStatus(tr("could not refresh: %1").arg(error.summary()))
                : tr("%Ln devices (refresh failed)", nullptr, m_model->rowCount()));
        updateEmptyState();
        return;
    }
    m_failed = true;
    const int loaded = m_model->rowCount();
    QString text = error.summary();
    if (loaded > 0) {
        text = tr("Loading stopped after %Ln devices: %1", nullptr, loaded).arg(text);
        showBanner(MessageBanner::Kind::Error, text, m_lastErrorDetails, tr("Retry"), [this] {
            m_failed = false;
            m_loader->retry();
        });
    }
    m_emptyLabel->setText(tr("The device list could not be loaded.\n%1").arg(error.summary()));
    setStatusText(
        loaded > 0 ? tr("%Ln devices (incomplete)", nullptr, loaded) : tr("Device list not loaded"));
    updateEmptyState();
}

void DeviceListView::onCancelled(int loaded)
{
    m_proxy->settleSort(); // the rows that arrived, in order, at once
    stopWaiting();
    m_progressWidget->hide();
    if (m_refreshing) {
        m_refreshing = false;
        const int shown = m_model->rowCount();
        setStatusText(m_cacheState == CacheState::Shown ? cachedListStatus(tr("not refreshed"))
                                                        : tr("%Ln devices", nullptr, shown));
        showBanner(MessageBanner::Kind::Information,
            tr("Refresh cancelled; showing the list from %1.").arg(listTimeText()), QString(), tr("Refresh"),
            [this] { reload(); });
        updateEmptyState();
        return;
    }
    if (loaded == 0) {
        // Nothing arrived: the list area says so and offers to load, no banner to contradict it.
        m_cancelledEmpty = true;
        setStatusText(tr("Loading cancelled"));
        updateEmptyState();
        return;
    }
    setStatusText(tr("%Ln devices (loading cancelled)", nullptr, loaded));
    showBanner(MessageBanner::Kind::Information,
        tr("Loading was cancelled after %Ln devices.", nullptr, loaded), QString(), tr("Load the rest"),
        [this] {
            m_failed = false;
            if (m_model->rowCount() > 0)
                m_loader->retry();
            else
                reload();
        });
    m_failed = true; // the banner's action resumes like a retry
    updateEmptyState();
}

QString DeviceListView::listTimeText() const
{
    // A list read in this run says its time; a cached one may be days old and says which day.
    if (m_cacheState == CacheState::Shown)
        return ui::listTimeText(m_listTime);
    return QLocale().toString(
        m_listTime.isValid() ? m_listTime.time() : QTime::currentTime(), QLocale::ShortFormat);
}

void DeviceListView::rememberViewState()
{
    m_keptId = currentDeviceId();
    m_keptName.clear();
    if (!m_keptId.isEmpty()) {
        const int row = m_model->rowOfDevice(m_keptId);
        if (row >= 0)
            m_keptName = m_model->record(row).deviceName;
    }
    const QModelIndex top = m_tableView->indexAt(QPoint(0, 0));
    m_keptTopId = top.isValid() ? top.data(DeviceTableModel::DeviceIdRole).toString() : QString();
    m_keptHorizontal = m_tableView->horizontalScrollBar()->value();
}

void DeviceListView::restoreViewState()
{
    const QString id = std::exchange(m_keptId, {});
    const QString topId = std::exchange(m_keptTopId, {});
    const auto proxyRowOf = [this](const QString &deviceId) {
        const int sourceRow = deviceId.isEmpty() ? -1 : m_model->rowOfDevice(deviceId);
        return sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    };
    const QModelIndex selected = id.isEmpty() || m_signedOut ? QModelIndex() : proxyRowOf(id);
    // The selection first: making a row current scrolls it into view, and the rows on screen are
    // to stay where the user left them (the top row), whether the selected one is among them or not.
    if (selected.isValid()) {
        m_tableView->selectionModel()->setCurrentIndex(
            selected, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (const QModelIndex top = proxyRowOf(topId); top.isValid()) {
        m_tableView->doItemsLayout(); // the scroll range of the new rows, before scrolling in it
        m_tableView->scrollTo(top, QAbstractItemView::PositionAtTop);
    }
    m_tableView->horizontalScrollBar()->setValue(m_keptHorizontal);
    if (id.isEmpty() || m_signedOut || selected.isValid())
        return;
    // The model's reset dropped the selection without a signal: say so to whoever shows the device.
    Q_EMIT selectedDeviceChanged(QString());
    if (m_model->rowOfDevice(id) < 0) {
        showBanner(MessageBanner::Kind::Information,
            tr("%1 is no longer in Intune's device list (deleted or retired); its pane was closed.")
                .arg(m_keptName.isEmpty() ? tr("The device") : m_keptName),
            QString(), QString(), {});
    }
}

void DeviceListView::restoreSelection()
{
    if (m_pendingSelection.isEmpty() || !currentDeviceId().isEmpty())
        return;
    if (selectDevice(m_pendingSelection))
        m_pendingSelection.clear();
}

void DeviceListView::updateEmptyState()
{
    // Rows that arrived a moment ago may not be shown yet (the proxy shows arrivals in batches):
    // they count as visible, so the label does not read as filtered while loading.
    const int visible = m_proxy->rowCount() + m_proxy->unshownRowCount();
    const int total = m_model->rowCount();
    const bool loading = m_loader->isLoading() || m_cacheState == CacheState::Reading;
    m_countLabel->setText(total == 0
            ? QString()
            : (visible == total ? tr("%Ln devices", nullptr, total)
                                //: %1 is the number of devices shown, %Ln the number loaded
                                : tr("%1 of %Ln devices", nullptr, total).arg(formatCount(visible))));
    QString emptyText;
    bool showRetry = false;
    if (m_signedOut) {
        emptyText = tr("Sign in to see your tenant's devices.");
    } else if (total == 0 && m_cancelledEmpty && !loading) {
        emptyText = tr("Loading was cancelled before any devices arrived.");
        showRetry = true;
    } else if (total == 0 && m_failed) {
        emptyText = m_emptyLabel->text();
        showRetry = true;
    } else if (total == 0 && loading) {
        emptyText = tr("Loading devices…");
    } else if (total == 0) {
        emptyText = tr("No devices are enrolled in this tenant.");
    } else if (visible == 0) {
        emptyText = tr("No devices match the search and filters.");
    }
    if (emptyText.isEmpty()) {
        m_stack->setCurrentWidget(m_tableView);
        return;
    }
    m_emptyLabel->setText(emptyText);
    m_retryButton->setText(m_cancelledEmpty ? tr("&Load devices") : tr("&Retry"));
    m_retryButton->setAccessibleName(m_cancelledEmpty ? tr("Load devices") : tr("Retry loading devices"));
    m_retryButton->setVisible(showRetry);
    m_emptyCopyButton->setVisible(showRetry && !m_cancelledEmpty && !m_lastErrorDetails.isEmpty());
    m_stack->setCurrentWidget(m_emptyPage);
}

bool DeviceListView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tableView->viewport() && event->type() == QEvent::Paint
        && m_cacheState == CacheState::Shown && !m_cachedListPainted && m_proxy->rowCount() > 0) {
        m_cachedListPainted = true;
        if (m_loadWhenCacheShown) {
            // Once this paint is done.
            m_startAfterPaintTimer->stop();
            QTimer::singleShot(0, this, [this] { startRefreshOfCachedList(); });
        }
    }
    if (watched == m_tableView && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Left || key->key() == Qt::Key_Right)
            && key->modifiers() == Qt::NoModifier) {
            // Left/Right scroll the columns; they never move the current cell (the row is the device).
            QScrollBar *bar = m_tableView->horizontalScrollBar();
            bar->setValue(bar->value() + (key->key() == Qt::Key_Left ? -1 : 1) * bar->singleStep() * 4);
            return true;
        }
        if (key->matches(QKeySequence::Copy) && copySelectedName())
            return true;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const QString id = currentDeviceId();
            if (!id.isEmpty()) {
                Q_EMIT deviceActivated(id);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DeviceListView::saveHeaderState() const
{
    QSettings settings;
    settings.setValue(kHeaderStateKey, m_tableView->horizontalHeader()->saveState());
    settings.setValue(kHeaderColumnsKey, static_cast<int>(DeviceTableModel::ColumnCount));
}

void DeviceListView::restoreHeaderState()
{
    const QSettings settings;
    const QByteArray state = settings.value(kHeaderStateKey).toByteArray();
    if (state.isEmpty())
        return;
    QHeaderView *header = m_tableView->horizontalHeader();
    header->restoreState(state);
    const int known
        = settings.value(kHeaderColumnsKey, static_cast<int>(DeviceTableModel::SerialNumber)).toInt();
    for (int column = std::max(known, 0); column < DeviceTableModel::ColumnCount; ++column) {
        if (DeviceTableModel::isOptionalColumn(column))
            header->hideSection(column);
    }
    header->showSection(DeviceTableModel::Name);
}

void DeviceListView::showHeaderMenu(const QPoint &pos)
{
    // A checkable list of the columns, as file managers have it; it stays open while the user
    // picks, and each choice is saved at once.
    QHeaderView *header = m_tableView->horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("columnMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        QAction *action = menu->addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The device name always stays: a list without names is useless.
        action->setEnabled(column != DeviceTableModel::Name);
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            saveHeaderState();
        });
    }
    menu->popup(header->mapToGlobal(pos));
}

void DeviceListView::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = m_tableView->indexAt(pos);
    if (!index.isValid())
        return;
    // The menu is about the row under the mouse, which becomes the selected device (as in a file
    // manager), so the pane and the menu never speak of different devices.
    m_tableView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString id = index.data(DeviceTableModel::DeviceIdRole).toString();
    QMenu *menu = createDeviceRowMenu(
        m_proxy->recordAt(index.row()), [this, id] { Q_EMIT deviceActivated(id); }, this);
    menu->popup(m_tableView->viewport()->mapToGlobal(pos));
}

bool DeviceListView::copySelectedName() const
{
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows(DeviceTableModel::Name);
    if (rows.isEmpty())
        return false;
    QApplication::clipboard()->setText(rows.first().data().toString());
    return true;
}

void DeviceListView::restoreFilters()
{
    // Read everything first: applying one value saves them all.
    const QSettings settings;
    const QString search = settings.value(kSearchTextKey).toString();
    const QString platform = settings.value(kPlatformFilterKey).toString();
    const QString ownership = settings.value(kOwnershipFilterKey).toString();
    const QString encryption = settings.value(kEncryptionFilterKey).toString();
    selectFilter<DeviceFilterProxy::PlatformFilter>(m_platformComboBox, platform);
    selectFilter<DeviceFilterProxy::OwnershipFilter>(m_ownershipComboBox, ownership);
    selectFilter<DeviceFilterProxy::EncryptionFilter>(m_encryptionComboBox, encryption);
    m_searchLineEdit->setText(search);
}

void DeviceListView::saveFilters() const
{
    QSettings settings;
    settings.setValue(kSearchTextKey, m_searchLineEdit->text());
    settings.setValue(kPlatformFilterKey, filterName<DeviceFilterProxy::PlatformFilter>(m_platformComboBox));
    settings.setValue(
        kOwnershipFilterKey, filterName<DeviceFilterProxy::OwnershipFilter>(m_ownershipComboBox));
    settings.setValue(
        kEncryptionFilterKey, filterName<DeviceFilterProxy::EncryptionFilter>(m_encryptionComboBox));
}

void DeviceListView::chooseCsvFileAndExport(const QString &suggestedPath)
{
    QString path = suggestedPath;
    if (path.isEmpty()) {
        QString folder = QSettings().value(kExportFolderKey).toString();
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QDir(folder).filePath(defaultCsvFileName(QDate::currentDate()));
    }
    auto *dialog = new QFileDialog(this, tr("Export Devices to CSV"));
    dialog->setObjectName(QStringLiteral("exportCsvDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({ tr("CSV files (*.csv)"), tr("All files (*)") });
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setDirectory(QFileInfo(path).absolutePath());
    dialog->selectFile(QFileInfo(path).fileName());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { exportToCsv(file); });
    dialog->open();
}

bool DeviceListView::exportToCsv(const QString &path)
{
    const CsvExportResult result = exportTableToCsv(*m_tableView, path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!result.ok) {
        setStatusText(tr("Export failed"));
        showBanner(MessageBanner::Kind::Error,
            tr("The device list could not be exported to %1: %2").arg(shown, result.error), QString(),
            tr("Try again"), [this, path] { chooseCsvFileAndExport(path); });
        return false;
    }
    QSettings().setValue(kExportFolderKey, QFileInfo(path).absolutePath());
    setStatusText(tr("Exported %Ln devices to %1", nullptr, result.rows).arg(shown));
    return true;
}

} // namespace keyturn::ui
