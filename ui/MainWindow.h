// MainWindow: wires the views together. The sign-in page until signed in, then the device list
// beside the device pane; the window title and the tenant badge (the tenant acted in, in its colour
// tag); the account switcher (AccountMenu, Ctrl+Shift+A: every remembered account, Add another
// account…, Sign out of this account / of all accounts); File menu (Export to CSV, Sign out, Quit);
// View menu (Refresh F5, Audit log); the status bar (tenant, list progress, "sign-in not
// remembered" note). While a remembered sign-in is restored, the account's cached list already
// shows (the pane opens once signed in). A switch to another account closes the pane and empties
// the list before anything of the other tenant shows. It borrows the core objects (owned by
// KeyturnApp) and owns only its widgets.
#pragma once

#include <QMainWindow>

class QLabel;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QAction;

namespace keyturn {
class ActionRunner;
class DeviceSecretReader;
class ActionStatusTracker;
class AuditLog;
class DeviceListCache;
class DeviceListLoader;
class DeviceTableModel;
class SentActionFollower;
class SignInController;
struct Account;
struct DeviceActionResult;
struct FollowedAction;
} // namespace keyturn

namespace keyturn::ui {

class AccountMenu;
class AuditLogWindow;
class ConsentDialog;
class DesktopNotifier;
class DeviceSecretViewer;
class DeviceListView;
class DevicePane;
class KeychainNote;
class SignInView;
class TenantBadge;

struct MainWindowParts {
    keyturn::SignInController *signIn = nullptr;
    keyturn::DeviceTableModel *devices = nullptr;
    keyturn::DeviceListLoader *loader = nullptr;
    keyturn::ActionRunner *runner = nullptr;
    keyturn::DeviceSecretReader *secretReader = nullptr; ///< may be null (no keys and passwords)
    keyturn::ActionStatusTracker *tracker = nullptr;
    keyturn::AuditLog *auditLog = nullptr;
    keyturn::SentActionFollower *follower = nullptr; ///< may be null (no completion notices)
    keyturn::DeviceListCache *listCache = nullptr; ///< may be null (no list kept between starts)
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowParts &parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The first size on a screen with this available geometry (until the user resizes).
    static QSize defaultSize(const QRect &available);
    /// "Keyturn - Contoso (contoso.onmicrosoft.com)", "Keyturn - contoso.onmicrosoft.com" (no name
    /// known: the UPN's domain), "Keyturn - Demo tenant (example.com)".
    static QString windowTitleFor(
        const keyturn::Account &account, const QString &tenantName = {}, const QString &tenantDomain = {});

    /// Shows which tenant Keyturn talks to ("Demo tenant at http://127.0.0.1:PORT", a tenant id...).
    void setTenantDescription(const QString &description);
    QString tenantDescription() const;

    SignInView *signInView() const { return m_signInView; }
    DeviceListView *deviceListView() const { return m_deviceListView; }
    DevicePane *devicePane() const { return m_devicePane; }
    /// Shows keys and passwords on request (null without a secret reader).
    DeviceSecretViewer *secretViewer() const { return m_secretViewer; }
    /// Says how to give a further permission while the sign-in asks for one (browser or code).
    ConsentDialog *consentDialog() const { return m_consentDialog; }
    QToolButton *accountButton() const { return m_accountButton; }
    AccountMenu *accountMenu() const { return m_accountMenu; }
    TenantBadge *tenantBadge() const { return m_tenantBadge; }
    /// Ctrl+Shift+A: opens the account switcher.
    QAction *switchAccountAction() const { return m_switchAccountAction; }
    /// Shows the signed-in tenant's name and colour (title, badge, questions) as now remembered.
    void showTenantNames();
    QAction *signOutAction() const { return m_signOutAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *exportCsvAction() const { return m_exportCsvAction; }
    QAction *auditLogAction() const { return m_auditLogAction; }
    QLabel *rememberNoteLabel() const;
    KeychainNote *keychainNote() const { return m_keychainNote; }
    bool isShowingDevices() const;
    /// Selects the device with this name (case-insensitive) in the list and opens its pane.
    bool showDeviceNamed(const QString &deviceName);
    /// Opens (or raises) the audit log window and returns it.
    AuditLogWindow *openAuditLog();

Q_SIGNALS:
    /// The tenant's name or colour tag changed (renamed, read from Graph, another account).
    void tenantNamesChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createStatusBar();
    void onSignInStateChanged();
    void onSignedIn(const keyturn::Account &account);
    /// A restore knows the account (its session is still being refreshed): its cached list shows.
    void onAccountRestored(const keyturn::Account &account);
    void onSignedOut();
    /// What the screen shows of the account before goes: the pane, the list, followed actions.
    void leaveAccount();
    void switchAccount(const QString &keychainKey);
    void addAccount();
    void signOutOfThisAccount();
    void signOutOfAllAccounts();
    void renameTenant();
    void setColourTag(const QString &colour);
    void updateAccountButton();
    void openDevice(const QString &deviceId);
    /// A followed action ended: tells the user when they are not looking at that device.
    void onActionCompleted(const keyturn::FollowedAction &action, const keyturn::DeviceActionResult &result);
    /// Shows the pane at its remembered width beside the list, or hides it (the list takes all).
    void setPaneOpen(bool open);

    MainWindowParts m_parts;
    QStackedWidget *m_pages = nullptr;
    SignInView *m_signInView = nullptr;
    QSplitter *m_splitter = nullptr;
    DeviceListView *m_deviceListView = nullptr;
    DevicePane *m_devicePane = nullptr;
    DeviceSecretViewer *m_secretViewer = nullptr;
    ConsentDialog *m_consentDialog = nullptr;
    QToolButton *m_accountButton = nullptr;
    AccountMenu *m_accountMenu = nullptr;
    TenantBadge *m_tenantBadge = nullptr;
    QAction *m_switchAccountAction = nullptr;
    QString m_accountKey; // the account whose list and pane the window shows
    QAction *m_signOutAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_auditLogAction = nullptr;
    QLabel *m_tenantLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    KeychainNote *m_keychainNote = nullptr;
    AuditLogWindow *m_auditLogWindow = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    int m_paneWidth = 0; // the pane's width when open (the user's, once dragged)
};

} // namespace keyturn::ui
