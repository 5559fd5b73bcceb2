#include "MainWindow.h"

#include "AboutDialog.h"
#include "AuditLogWindow.h"
#include "ClipboardGuard.h"
#include "ConsentDialog.h"
#include "DesktopNotifier.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "DeviceSecretViewer.h"
#include "KeychainNote.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "actions/ActionResultText.h"
#include "actions/ActionRunner.h"
#include "actions/SentActionFollower.h"
#include "auth/Account.h"
#include "auth/SignInController.h"
#include "devices/DeviceTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

#include <algorithm>

namespace keyturn::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kPaneWidthKey = QStringLiteral("mainWindow/devicePaneWidth");
constexpr int kDefaultPaneWidth = 420;
constexpr int kMinimumPaneWidth = 340;
} // namespace

QString MainWindow::windowTitleFor(const keyturn::Account &account)
{
    // No tenant display name is known without another Graph call: the sign-in domain names it
    // ("contoso.onmicrosoft.com"), the tenant id when the UPN has none. A loopback sign-in host
    // ("loopback", see Account) is only ever a demo tenant.
    const qsizetype at = account.upn.lastIndexOf(QLatin1Char('@'));
    const QString tenant = at >= 0 ? account.upn.mid(at + 1) : account.tenantId;
    if (account.authorityHost == QLatin1String("loopback"))
        return tenant.isEmpty() ? tr("Keyturn - Demo tenant") : tr("Keyturn - Demo tenant (%1)").arg(tenant);
    return tenant.isEmpty() ? tr("Keyturn") : tr("Keyturn - %1").arg(tenant);
}

QSize MainWindow::defaultSize(const QRect &available)
{
    // 90 % of the screen, but not a wall of empty space on a large monitor.
    return QSize(std::min(1400, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
}

MainWindow::MainWindow(const MainWindowParts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_parts(parts)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Keyturn"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/keyturn.svg")));
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        resize(defaultSize(screen->availableGeometry()));

    m_signInView = new SignInView(m_parts.signIn, this);
    m_deviceListView = new DeviceListView(m_parts.devices, m_parts.loader, m_parts.listCache, this);
    m_devicePane = new DevicePane(m_parts.runner, m_parts.tracker, this);
    m_devicePane->setMinimumWidth(kMinimumPaneWidth);
    m_devicePane->hide(); // the list takes the whole width until a device is opened
    if (m_parts.secretReader) {
        auto *clipboard = new ClipboardGuard(this);
        m_secretViewer = new DeviceSecretViewer(
            m_parts.secretReader, m_parts.signIn, m_parts.auditLog, clipboard, this, this);
        m_devicePane->setSecretViewer(m_secretViewer);
    }
    m_consentDialog = new ConsentDialog(m_parts.signIn, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("devicesSplitter"));
    m_splitter->addWidget(m_deviceListView);
    m_splitter->addWidget(m_devicePane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0); // a wider window widens the list, not the pane
    m_splitter->setChildrenCollapsible(false);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (m_devicePane->isVisible())
            m_paneWidth = m_devicePane->width();
    });
    // Escape in the pane closes it (the selection goes, the list gets the width back).
    connect(m_devicePane, &DevicePane::closeRequested, this, [this] {
        m_deviceListView->tableView()->clearSelection();
        m_deviceListView->tableView()->setFocus(Qt::OtherFocusReason);
    });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_signInView);
    m_pages->addWidget(m_splitter);
    setCentralWidget(m_pages);

    createMenus();
    createStatusBar();

    connect(m_deviceListView, &DeviceListView::selectedDeviceChanged, this, &MainWindow::openDevice);
    connect(m_deviceListView, &DeviceListView::deviceActivated, this, [this](const QString &id) {
        openDevice(id);
        m_devicePane->focusFirstAction();
    });
    m_notifier = new DesktopNotifier(this);
    if (m_parts.follower)
        connect(m_parts.follower, &SentActionFollower::completed, this, &MainWindow::onActionCompleted);
    connect(m_parts.signIn, &SignInController::stateChanged, this, [this] { onSignInStateChanged(); });
    connect(m_parts.signIn, &SignInController::signedIn, this,
        [this](const keyturn::Account &account) { onSignedIn(account); });
    connect(m_parts.signIn, &SignInController::signedOut, this, [this] { onSignedOut(); });
    connect(m_deviceListView, &DeviceListView::cachedListShown, this, [this] {
        if (m_parts.signIn->state() == SignInController::State::SignedOut || isShowingDevices())
            return;
        m_pages->setCurrentWidget(m_splitter);
        m_deviceListView->searchLineEdit()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_parts.signIn, &SignInController::accountRestored, this,
        [this](const keyturn::Account &account) { onAccountRestored(account); });
    connect(m_parts.signIn, &SignInController::restoreFinished, this, [this](bool signedIn) {
        if (!signedIn && m_deviceListView->hasCachedList())
            onSignedOut(); // the cached list goes with the session that could not be restored
    });
    connect(m_parts.signIn, &SignInController::reauthenticationRequired, this,
        [this](const QString &loginHint, const keyturn::AuthError &error) {
            onSignedOut();
            m_signInView->showReauthentication(loginHint, error);
        });
    connect(m_parts.signIn, &SignInController::rememberedSignInMissing, this,
        [this](const QString &loginHint) { m_signInView->showMissingKeychainItem(loginHint); });

    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    m_paneWidth = std::max(kMinimumPaneWidth, settings.value(kPaneWidthKey, kDefaultPaneWidth).toInt());
    onSignInStateChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kPaneWidthKey, m_paneWidth);
    QMainWindow::closeEvent(event);
}

void MainWindow::setTenantDescription(const QString &description)
{
    m_tenantLabel->setText(description);
}

QString MainWindow::tenantDescription() const
{
    return m_tenantLabel->text();
}

QLabel *MainWindow::rememberNoteLabel() const
{
    return m_keychainNote->label();
}

bool MainWindow::isShowingDevices() const
{
    return m_pages->currentWidget() == m_splitter;
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_exportCsvAction = fileMenu->addAction(tr("&Export to CSV…"));
    m_exportCsvAction->setObjectName(QStringLiteral("exportCsvAction"));
    // Not Ctrl+E: in the search box, where the focus usually is, that moves to the end of the line.
    m_exportCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportCsvAction, &QAction::triggered, this, [this] {
        if (isShowingDevices())
            m_deviceListView->chooseCsvFileAndExport();
    });
    fileMenu->addSeparator();
    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, [this] { m_parts.signIn->signOut(); });
    fileMenu->addAction(m_signOutAction);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setObjectName(QStringLiteral("quitAction"));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_refreshAction
        = viewMenu->addAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh devices"));
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    // F5 everywhere, plus the platform's own Refresh key where that differs (Ctrl+R on macOS).
    QList<QKeySequence> refreshKeys{ QKeySequence(Qt::Key_F5) };
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Refresh)) {
        if (!refreshKeys.contains(key))
            refreshKeys.append(key);
    }
    m_refreshAction->setShortcuts(refreshKeys);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (isShowingDevices())
            m_deviceListView->reload();
    });
    QAction *searchAction = viewMenu->addAction(tr("&Search devices"));
    searchAction->setShortcut(QKeySequence::Find);
    connect(searchAction, &QAction::triggered, this, [this] {
        m_deviceListView->searchLineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_deviceListView->searchLineEdit()->selectAll();
    });
    m_auditLogAction = viewMenu->addAction(tr("&Audit log"));
    m_auditLogAction->setObjectName(QStringLiteral("auditLogAction"));
    m_auditLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_auditLogAction, &QAction::triggered, this, [this] { openAuditLog(); });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Keyturn"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, this, [] { QApplication::aboutQt(); });

    m_accountButton = new QToolButton(this);
    m_accountButton->setObjectName(QStringLiteral("accountButton"));
    m_accountButton->setIcon(QIcon(QStringLiteral(":/icons/account.svg")));
    m_accountButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_accountButton->setPopupMode(QToolButton::InstantPopup);
    m_accountButton->setAutoRaise(true);
    m_accountButton->setAccessibleName(tr("Account"));
    auto *accountMenu = new QMenu(m_accountButton);
    accountMenu->setObjectName(QStringLiteral("accountMenu"));
    m_accountInfoAction = accountMenu->addAction(QString());
    m_accountInfoAction->setEnabled(false);
    accountMenu->addSeparator();
    accountMenu->addAction(m_signOutAction);
    m_accountButton->setMenu(accountMenu);
    menuBar()->setCornerWidget(m_accountButton, Qt::TopRightCorner);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addWidget(m_deviceListView->progressWidget());
    connect(m_deviceListView, &DeviceListView::statusTextChanged, m_statusLabel, &QLabel::setText);

    m_keychainNote = new KeychainNote(m_parts.signIn, this);
    statusBar()->addPermanentWidget(m_keychainNote);

    m_tenantLabel = new QLabel(this);
    m_tenantLabel->setObjectName(QStringLiteral("tenantLabel"));
    statusBar()->addPermanentWidget(m_tenantLabel);
}

void MainWindow::onSignInStateChanged()
{
    const bool signedIn = m_parts.signIn->state() == SignInController::State::SignedIn;
    m_signOutAction->setEnabled(signedIn);
    m_refreshAction->setEnabled(signedIn);
    m_exportCsvAction->setEnabled(signedIn);
    if (!signedIn)
        setWindowTitle(tr("Keyturn"));
    m_accountButton->setVisible(signedIn);
    const bool restoringWithList = m_parts.signIn->state() == SignInController::State::RestoringSession
        && m_deviceListView->isShowingCachedList();
    if (!signedIn && !restoringWithList && isShowingDevices())
        m_pages->setCurrentWidget(m_signInView);
}

void MainWindow::onSignedIn(const keyturn::Account &account)
{
    const QString who = account.displayName.isEmpty()
        ? account.upn
        : QStringLiteral("%1 (%2)").arg(account.displayName, account.upn);
    m_accountButton->setText(account.upn);
    m_accountButton->adjustSize();
    menuBar()->adjustSize();
    m_accountButton->setToolTip(tr("Signed in as %1\nTenant %2").arg(who, account.tenantId));
    m_accountInfoAction->setText(tr("Signed in as %1 — tenant %2").arg(account.upn, account.tenantId));
    m_parts.runner->setAccountInfo(account.upn, account.tenantId);
    if (m_secretViewer)
        m_secretViewer->setAccountInfo(account.upn, account.tenantId);
    setWindowTitle(windowTitleFor(account));
    m_devicePane->setGrantedScopes(m_parts.signIn->grantedScopes());
    m_pages->setCurrentWidget(m_splitter);
    onSignInStateChanged();
    m_deviceListView->loadAfterSignIn(account.keychainKey());
    m_deviceListView->searchLineEdit()->setFocus(Qt::OtherFocusReason);
    // A device selected in the cached list before the sign-in completed opens now.
    if (const QString selected = m_deviceListView->currentDeviceId(); !selected.isEmpty())
        openDevice(selected);
}

void MainWindow::onAccountRestored(const keyturn::Account &account)
{
    m_deviceListView->showCachedList(account.keychainKey());
}

void MainWindow::onSignedOut()
{
    if (m_parts.follower)
        m_parts.follower->stopAll();
    m_devicePane->clearDevice();
    setPaneOpen(false);
    m_deviceListView->showSignedOut();
    m_pages->setCurrentWidget(m_signInView);
    onSignInStateChanged();
}

bool MainWindow::showDeviceNamed(const QString &deviceName)
{
    for (const DeviceRecord &record : m_parts.devices->records()) {
        if (record.deviceName.compare(deviceName, Qt::CaseInsensitive) == 0)
            return m_deviceListView->selectDevice(record.id);
    }
    return false;
}

void MainWindow::openDevice(const QString &deviceId)
{
    // Before the sign-in completes (a cached list on screen), the pane waits: it reads the device
    // from Graph as the signed-in account.
    if (!deviceId.isEmpty() && m_parts.signIn->state() != SignInController::State::SignedIn)
        return;
    if (deviceId.isEmpty()) {
        m_devicePane->clearDevice();
        setPaneOpen(false);
        return;
    }
    setPaneOpen(true);
    if (deviceId == m_devicePane->deviceId())
        return; // already shown (e.g. the selection restored after a reload)
    QString name;
    const int row = m_parts.devices->rowOfDevice(deviceId);
    if (row >= 0)
        name = m_parts.devices->index(row, DeviceTableModel::Name).data().toString();
    m_devicePane->showDevice(deviceId, name);
}

void MainWindow::onActionCompleted(const FollowedAction &action, const DeviceActionResult &result)
{
    const bool watching = isActiveWindow() && m_devicePane->isVisible()
        && m_devicePane->deviceId().compare(action.deviceId, Qt::CaseInsensitive) == 0;
    if (watching)
        return; // the pane's status list shows it
    const RemoteAction *remote = findRemoteAction(action.actionId);
    const QString summary
        = completionMessage(remote ? remote->label() : action.actionId, action.deviceName, result);
    const bool failed = result.actionState != u"done";
    const QString body = failed ? likelyFailureCauses(action.actionId).join(QLatin1Char('\n')) : QString();
    m_notifier->notify(summary, body);
    m_deviceListView->banner()->showMessage(
        failed ? MessageBanner::Kind::Warning : MessageBanner::Kind::Success, summary, body);
}

void MainWindow::setPaneOpen(bool open)
{
    if (open == m_devicePane->isVisibleTo(m_splitter))
        return;
    if (!open) {
        m_devicePane->hide();
        return;
    }
    const int narrowest = std::max(kMinimumPaneWidth, m_devicePane->minimumContentWidth());
    m_devicePane->setMinimumWidth(narrowest);
    const int total = m_splitter->width() - m_splitter->handleWidth();
    const int pane = std::clamp(m_paneWidth, narrowest, std::max(narrowest, total - kMinimumPaneWidth));
    m_devicePane->show();
    m_splitter->setSizes({ total - pane, pane });
}

AuditLogWindow *MainWindow::openAuditLog()
{
    if (!m_auditLogWindow)
        m_auditLogWindow = new AuditLogWindow(m_parts.auditLog, this);
    m_auditLogWindow->reload();
    m_auditLogWindow->show();
    m_auditLogWindow->raise();
    m_auditLogWindow->activateWindow();
    return m_auditLogWindow;
}

} // namespace keyturn::ui
