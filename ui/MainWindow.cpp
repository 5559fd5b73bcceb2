#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountMenu.h"
#include "AuditLogWindow.h"
#include "ClipboardGuard.h"
#include "Confirmations.h"
#include "ConsentDialog.h"
#include "DesktopNotifier.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "DeviceSecretViewer.h"
#include "KeychainNote.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "TenantBadge.h"
#include "actions/ActionResultText.h"
#include "actions/ActionRunner.h"
#include "actions/SentActionFollower.h"
#include "auth/Account.h"
#include "auth/SignInController.h"
#include "auth/TenantLabels.h"
#include "devices/DeviceTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
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

QString MainWindow::windowTitleFor(
    const keyturn::Account &account, const QString &tenantName, const QString &tenantDomain)
{
    // Without a name from Graph or the user, the sign-in domain names the tenant
    // ("contoso.onmicrosoft.com"), the tenant id when the UPN has none. A loopback sign-in host
    // ("loopback", see Account) is only ever a demo tenant.
    const qsizetype at = account.upn.lastIndexOf(QLatin1Char('@'));
    const QString domain
        = tenantDomain.isEmpty() ? (at >= 0 ? account.upn.mid(at + 1) : QString()) : tenantDomain;
    const QString name = tenantName.isEmpty() ? (domain.isEmpty() ? account.tenantId : domain) : tenantName;
    const bool named = !domain.isEmpty() && name.compare(domain, Qt::CaseInsensitive) != 0;
    //: %1 a tenant's name ("Contoso"), %2 its domain ("contoso.onmicrosoft.com")
    const QString tenant = named ? tr("%1 (%2)").arg(name, domain) : name;
    if (account.authorityHost == QLatin1String("loopback")) {
        if (tenant.isEmpty())
            return tr("Keyturn - Demo tenant");
        return named ? tr("Keyturn - Demo tenant: %1").arg(tenant)
                     : tr("Keyturn - Demo tenant (%1)").arg(tenant);
    }
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
    connect(m_parts.signIn, &SignInController::accountSwitching, this, [this] { leaveAccount(); });
    connect(m_parts.signIn, &SignInController::rememberedAccountsChanged, this, [this] {
        showTenantNames();
        onSignInStateChanged();
    });
    connect(m_signInView, &SignInView::backRequested, this, [this] {
        m_signInView->setAddingAccount(false);
        if (m_parts.signIn->state() == SignInController::State::SignedIn)
            m_pages->setCurrentWidget(m_splitter);
    });

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
    m_switchAccountAction = new QAction(tr("Switch &account…"), this);
    m_switchAccountAction->setObjectName(QStringLiteral("switchAccountAction"));
    m_switchAccountAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_switchAccountAction, &QAction::triggered, this, [this] {
        if (m_accountButton->isVisible())
            m_accountButton->showMenu();
    });
    fileMenu->addAction(m_switchAccountAction);
    m_signOutAction = new QAction(tr("Sign &out of this account"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, [this] { signOutOfThisAccount(); });
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
    m_accountButton->setAccessibleDescription(
        tr("Switch account, add another account or sign out (Ctrl+Shift+A)"));
    m_accountMenu = new AccountMenu(m_parts.signIn, m_signOutAction, m_accountButton);
    m_accountButton->setMenu(m_accountMenu);
    connect(m_accountMenu, &AccountMenu::switchRequested, this, &MainWindow::switchAccount);
    connect(m_accountMenu, &AccountMenu::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_accountMenu, &AccountMenu::renameTenantRequested, this, &MainWindow::renameTenant);
    connect(m_accountMenu, &AccountMenu::colourTagChosen, this, &MainWindow::setColourTag);
    connect(m_accountMenu, &AccountMenu::signOutOfAllRequested, this, &MainWindow::signOutOfAllAccounts);

    m_tenantBadge = new TenantBadge(this);
    auto *corner = new QWidget(this);
    corner->setObjectName(QStringLiteral("accountCorner"));
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->setSpacing(6);
    cornerLayout->addWidget(m_tenantBadge);
    cornerLayout->addWidget(m_accountButton);
    menuBar()->setCornerWidget(corner, Qt::TopRightCorner);
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
    const bool remembered = m_parts.signIn->lastUsedAccount().has_value();
    m_signOutAction->setEnabled(signedIn || remembered);
    m_refreshAction->setEnabled(signedIn);
    m_exportCsvAction->setEnabled(signedIn);
    if (!signedIn) {
        setWindowTitle(tr("Keyturn"));
        m_tenantBadge->showTenant(QString(), QString());
    }
    updateAccountButton();
    m_switchAccountAction->setEnabled(m_accountButton->isVisibleTo(this));
    const bool restoringWithList = m_parts.signIn->state() == SignInController::State::RestoringSession
        && m_deviceListView->isShowingCachedList();
    if (!signedIn && !restoringWithList && isShowingDevices())
        m_pages->setCurrentWidget(m_signInView);
}

void MainWindow::updateAccountButton()
{
    const std::optional<keyturn::Account> account = m_parts.signIn->account();
    // Signed out with accounts remembered (one must sign in again), the switcher still offers them.
    m_accountButton->setVisible(account || m_parts.signIn->lastUsedAccount());
    m_accountButton->setText(account ? account->upn : tr("Accounts"));
    m_accountButton->adjustSize();
    menuBar()->adjustSize();
}

void MainWindow::onSignedIn(const keyturn::Account &account)
{
    if (!m_accountKey.isEmpty() && m_accountKey != account.keychainKey())
        leaveAccount(); // another account: nothing of the one before stays on screen
    m_accountKey = account.keychainKey();
    if (m_parts.follower)
        m_parts.follower->enterAccount(m_accountKey);
    m_signInView->setAddingAccount(false);
    m_parts.runner->setAccountInfo(account.upn, account.tenantId);
    if (m_secretViewer)
        m_secretViewer->setAccountInfo(account.upn, account.tenantId);
    m_devicePane->setGrantedScopes(m_parts.signIn->grantedScopes());
    m_pages->setCurrentWidget(m_splitter);
    onSignInStateChanged();
    showTenantNames();
    m_deviceListView->loadAfterSignIn(account.keychainKey());
    m_deviceListView->searchLineEdit()->setFocus(Qt::OtherFocusReason);
    // A device selected in the cached list before the sign-in completed opens now.
    if (const QString selected = m_deviceListView->currentDeviceId(); !selected.isEmpty())
        openDevice(selected);
}

void MainWindow::showTenantNames()
{
    const std::optional<keyturn::Account> account = m_parts.signIn->account();
    if (!account)
        return;
    const TenantLabels labels;
    const QString name = labels.name(*account);
    const QString tenant = labels.displayText(*account);
    setWindowTitle(windowTitleFor(*account, name, labels.domain(*account)));
    m_tenantBadge->showTenant(name, labels.colour(*account));
    const QString who = account->displayName.isEmpty()
        ? account->upn
        : QStringLiteral("%1 (%2)").arg(account->displayName, account->upn);
    m_accountButton->setToolTip(tr("Signed in as %1\nTenant %2 (%3)").arg(who, tenant, account->tenantId));
    // With one account the tenant goes without saying; with several, every question names it.
    const QString forQuestions = m_parts.signIn->rememberedAccounts().size() > 1 ? tenant : QString();
    m_devicePane->setTenantForQuestions(forQuestions);
    if (m_secretViewer)
        m_secretViewer->setTenantForQuestions(forQuestions);
    Q_EMIT tenantNamesChanged();
}

void MainWindow::onAccountRestored(const keyturn::Account &account)
{
    if (!m_accountKey.isEmpty() && m_accountKey != account.keychainKey())
        leaveAccount();
    m_accountKey = account.keychainKey();
    m_deviceListView->showCachedList(account.keychainKey());
}

void MainWindow::onSignedOut()
{
    leaveAccount();
    m_pages->setCurrentWidget(m_signInView);
    onSignInStateChanged();
}

void MainWindow::leaveAccount()
{
    if (m_parts.follower)
        m_parts.follower->leaveAccount(); // its sent actions are followed again when it is back
    m_devicePane->clearDevice();
    m_devicePane->setTenantForQuestions(QString());
    if (m_secretViewer)
        m_secretViewer->setTenantForQuestions(QString());
    setPaneOpen(false);
    m_deviceListView->showSignedOut();
    m_accountKey.clear();
    setWindowTitle(tr("Keyturn"));
    m_tenantBadge->showTenant(QString(), QString());
}

void MainWindow::switchAccount(const QString &keychainKey)
{
    const std::optional<keyturn::Account> current = m_parts.signIn->account();
    if (current && current->keychainKey() == keychainKey)
        return;
    if (m_parts.runner->runningCount() > 0) {
        // Its outcome belongs to the account that sent it: wait for it.
        statusBar()->showMessage(
            tr("An action is still being sent. Switch accounts once it has an answer."), 10000);
        return;
    }
    m_signInView->setAddingAccount(false);
    m_parts.signIn->switchTo(keychainKey);
}

void MainWindow::addAccount()
{
    m_parts.signIn->prepareToAddAccount();
    m_signInView->setAddingAccount(true);
    m_pages->setCurrentWidget(m_signInView);
    m_signInView->browserButton()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::signOutOfThisAccount()
{
    m_parts.signIn->signOut();
    // The other accounts stay: the first one that can sign in silently takes over.
    for (const keyturn::Account &other : m_parts.signIn->rememberedAccounts()) {
        if (!m_parts.signIn->needsSignIn(other)) {
            m_parts.signIn->switchTo(other.keychainKey());
            return;
        }
    }
}

void MainWindow::signOutOfAllAccounts()
{
    const int count = static_cast<int>(m_parts.signIn->rememberedAccounts().size());
    ConfirmationRequest request;
    request.title = tr("Sign out of all accounts");
    request.question = tr("Sign out of all %n account(s)?", nullptr, count);
    request.detail
        = tr("Their sign-ins are deleted from the system keychain; each one has to sign in again.");
    request.yesText = tr("Sign &out");
    Confirmations::ask(this, request, this, [this](bool yes) {
        if (yes)
            m_parts.signIn->signOutOfAllAccounts();
    });
}

void MainWindow::renameTenant()
{
    const std::optional<keyturn::Account> account = m_parts.signIn->account();
    if (!account)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameTenantDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename tenant"));
    dialog->setLabelText(
        tr("Name for tenant %1 on this computer (empty: the name from Microsoft Graph or the domain):")
            .arg(account->tenantId));
    dialog->setTextValue(TenantLabels().name(*account));
    const QString tenantId = account->tenantId;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, tenantId](const QString &name) {
        TenantLabels().setLocalName(tenantId, name);
        showTenantNames();
    });
    dialog->open();
}

void MainWindow::setColourTag(const QString &colour)
{
    if (const std::optional<keyturn::Account> account = m_parts.signIn->account()) {
        TenantLabels().setColour(account->tenantId, colour);
        showTenantNames();
    }
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
