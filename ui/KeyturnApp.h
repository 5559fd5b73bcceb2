// KeyturnApp: the object graph of one Keyturn run: network access, sign-in with its keychain
// store, the Graph client, the device list model, loader and on-disk cache, the action runner, status tracker
// and audit log, and the main window over them. main.cpp makes one; end-to-end tests make one per
// simulated start (a new KeyturnApp is what a restart looks like). Owns everything it creates.
#pragma once

#include "core/CommandLine.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace keyturn {
class ActionRunner;
class DeviceSecretReader;
class ActionStatusTracker;
class SentActionFollower;
class AuditLog;
class BrowserLauncher;
class DeviceListCache;
class DeviceListLoader;
class DeviceTableModel;
class GraphClient;
class SignInController;
class TokenStore;
struct Account;
} // namespace keyturn

namespace keyturn::ui {

class GraphRootConfirmation;
class MainWindow;

struct KeyturnAppConfig {
    LaunchOptions launch;
    /// Root of a demo tenant (embedded or standalone): authority and Graph both point at it.
    QUrl demoBaseUrl;
    QString keychainService = QStringLiteral("Keyturn");
    /// Empty: QStandardPaths::AppDataLocation.
    QString auditDirectory;
    /// Where each account's last complete device list is kept. Empty: QStandardPaths::CacheLocation.
    QString cacheDirectory;
    /// Replaces the browser (tests); borrowed. Null: the system browser, or with
    /// launch.demoUser the demo tenant's automatic approval.
    keyturn::BrowserLauncher *browser = nullptr;
    /// Replaces the OS keychain store (tests: a locked keychain); borrowed. Null: the real one.
    keyturn::TokenStore *tokenStore = nullptr;
    /// Multiplies the Graph client's waits before a retry (tests shorten a long Retry-After).
    double graphWaitScale = 1.0;
};

class KeyturnApp final : public QObject {
    Q_OBJECT
public:
    explicit KeyturnApp(KeyturnAppConfig config, QObject *parent = nullptr);
    ~KeyturnApp() override;

    /// Reads settings, applies the command line, validates URLs. False with a clear message when
    /// a setting is refused (e.g. a plain-http authority that is not loopback).
    bool initialize(QString *error);
    /// Shows the main window and signs in: silently from the keychain, or (with --demo-user) as
    /// that demo user when no matching sign-in is remembered.
    void start();

    MainWindow *mainWindow() const { return m_window.get(); }
    keyturn::SignInController *signIn() const { return m_signIn.get(); }
    keyturn::GraphClient *graph() const { return m_graph.get(); }
    keyturn::DeviceTableModel *devices() const { return m_devices.get(); }
    keyturn::DeviceListLoader *loader() const { return m_loader.get(); }
    keyturn::DeviceListCache *listCache() const { return m_listCache.get(); }
    keyturn::ActionRunner *runner() const { return m_runner.get(); }
    keyturn::ActionStatusTracker *tracker() const { return m_tracker.get(); }
    keyturn::AuditLog *auditLog() const { return m_auditLog.get(); }
    keyturn::SentActionFollower *follower() const { return m_follower.get(); }
    QNetworkAccessManager *network() const { return m_network.get(); }

private:
    void signInAsDemoUserIfNeeded(bool restored);
    /// The signed-in tenant's name from Graph, when the token carries User.Read (never asked for).
    void readTenantName(const keyturn::Account &account);
    /// The device's page in the signed-in cloud's Intune admin center, in the browser (the demo
    /// tenant only says in the status bar what a real tenant would open).
    void openInAdminCenter(const QString &intuneDeviceId);
    /// The status bar's tenant line and the sign-in screen's endpoint line, with the sign-in and
    /// Graph hosts whenever either is not the cloud's default.
    void describeEndpoints();
    /// Keeps each complete list on disk for the signed-in account; forgets it with the account.
    void connectListCache();

    KeyturnAppConfig m_config;
    // Declaration order is destruction order reversed: the window goes first, the network last.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<keyturn::TokenStore> m_tokenStore;
    std::unique_ptr<keyturn::BrowserLauncher> m_ownedBrowser;
    keyturn::BrowserLauncher *m_browser = nullptr; // m_ownedBrowser or the borrowed config.browser
    std::unique_ptr<keyturn::SignInController> m_signIn;
    std::unique_ptr<keyturn::GraphClient> m_graph;
    std::unique_ptr<keyturn::DeviceTableModel> m_devices;
    std::unique_ptr<keyturn::DeviceListLoader> m_loader;
    std::unique_ptr<keyturn::DeviceListCache> m_listCache;
    std::unique_ptr<keyturn::AuditLog> m_auditLog;
    std::unique_ptr<keyturn::ActionRunner> m_runner;
    std::unique_ptr<keyturn::DeviceSecretReader> m_secretReader;
    std::unique_ptr<keyturn::ActionStatusTracker> m_tracker;
    std::unique_ptr<keyturn::SentActionFollower> m_follower;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<GraphRootConfirmation> m_graphRootQuestion;
};

} // namespace keyturn::ui
