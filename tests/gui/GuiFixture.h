// GuiFixture: one simulated start of Keyturn for end-to-end GUI tests: an in-process demo tenant,
// a KeyturnApp with its own keychain service, settings and audit folder, signed in as a demo user
// with the device list loaded. restart() builds a new KeyturnApp over the same tenant and keychain.
#pragma once

#include "DemoRequests.h"
#include "core/CommandLine.h"
#include "demo/DemoTenant.h"

#include <gtest/gtest.h>

#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace keyturn {
class BrowserLauncher;
class TokenStore;
struct DeviceRecord;
} // namespace keyturn

class QTableView;

namespace keyturn::ui {
class ConfirmationDialog;
class DeviceListView;
class DevicePane;
class KeyturnApp;
struct KeyturnAppConfig;
class MainWindow;
} // namespace keyturn::ui

namespace keyturn::test {

class GuiFixture : public ::testing::Test {
protected:
    void TearDown() override;

    /// Starts the demo tenant (options adjusted by the test) and Keyturn signed in as user.
    /// Returns false (with a gtest failure) when sign-in or loading did not complete.
    bool launch(const keyturn::demo::DemoOptions &options, const QString &user = QStringLiteral("helpdesk"),
        bool waitForList = true);
    /// A new KeyturnApp over the same tenant, keychain service, settings and audit folder.
    bool restart(const QString &demoUser = {}, bool waitForList = true);
    /// Starts only the demo tenant, with fresh settings and a fresh keychain service (no Keyturn yet).
    bool startTenant(const keyturn::demo::DemoOptions &options);
    /// A new KeyturnApp started like `keyturn <options>`: no embedded demo tenant, the same keychain
    /// service, settings and audit folder. Does not wait for a sign-in. False if initialize refused.
    bool startWithOptions(const keyturn::LaunchOptions &options);
    /// The accounts (keychain keys) remembered under this fixture's keychain service (secret-tool).
    QStringList keychainItems() const;

    /// Used instead of the default browser by the next launch()/restart() (borrowed).
    void setBrowser(keyturn::BrowserLauncher *browser) { m_browser = browser; }
    /// Used instead of the real keychain by the next launch()/restart() (borrowed).
    void setTokenStore(keyturn::TokenStore *store) { m_tokenStore = store; }
    /// The next launch()/restart() starts like `keyturn --device name`.
    void setDeviceOption(const QString &name) { m_deviceOption = name; }
    /// The next launch()/restart() starts like `keyturn --cloud id` (e.g. "usgov").
    void setCloudOption(const QString &cloud) { m_cloudOption = cloud; }
    /// The next launch()/restart() starts like `keyturn --account upnOrKey`.
    void setAccountOption(const QString &account) { m_accountOption = account; }
    /// Shortens the Graph client's waits before retries in the next launch()/restart().
    void setGraphWaitScale(double scale) { m_graphWaitScale = scale; }

    keyturn::ui::KeyturnApp *app() const { return m_app.get(); }
    keyturn::ui::MainWindow *window() const;
    keyturn::ui::DeviceListView *list() const;
    QTableView *table() const;
    keyturn::ui::DevicePane *pane() const;
    QUrl demoUrl() const { return m_tenant->baseUrl(); }
    /// The running demo tenant (e.g. for the secrets it served).
    keyturn::demo::DemoTenant *tenant() const { return m_tenant.get(); }
    QString keychainService() const { return m_keychainService; }
    QString auditDirectory() const { return m_dir.path() + QStringLiteral("/audit"); }
    /// Where this fixture's Keyturn keeps its cached device lists.
    QString cacheDirectory() const { return m_dir.path() + QStringLiteral("/cache"); }

    /// The distinct ids of the loaded devices (a duplicate row makes this smaller than rowCount).
    QSet<QString> loadedDeviceIds() const;
    /// The first device in the loaded list matching predicate, or nullptr.
    const keyturn::DeviceRecord *findDevice(
        const std::function<bool(const keyturn::DeviceRecord &)> &predicate) const;
    /// Types the device name in the search box, selects its row and waits for the pane's details.
    bool openDeviceThroughSearch(const keyturn::DeviceRecord &device);
    bool waitForListLoaded(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    /// Waits for the confirmation the main window shows; nullptr (no failure added) when none came.
    keyturn::ui::ConfirmationDialog *waitForConfirmation(
        std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
    /// Clicks Yes or No on dialog like a person and waits until it has gone; false if it stays.
    bool answerConfirmation(keyturn::ui::ConfirmationDialog *dialog, bool yes) const;
    /// Proves what Keyturn has sent so far without waiting a fixed time: sends a marker GET (an
    /// unknown device id) through Keyturn's own Graph client (its token, queue and connections),
    /// behind anything Keyturn already asked it for; once Keyturn has its answer, a second marker
    /// the same way (so whatever went out before the first has reached the tenant by then); waits
    /// until the demo tenant's log shows the second and returns what the log holds before it, the
    /// first marker left out. Needs a signed-in Keyturn. Adds a failure and returns an empty list
    /// when a marker never arrives.
    QList<RecordedRequest> requestsBeforeGraphMarker() const;
    /// The same through Keyturn's own QNetworkAccessManager, to the demo tenant at server, for
    /// moments when Keyturn holds no token (a marker through the Graph client would sign in).
    QList<RecordedRequest> requestsBeforeMarker(const QUrl &server) const;

private:
    /// Sends a marker through send (which returns its path and sets the flag once Keyturn has the
    /// answer), then a second one; the log of server before the second, the first left out.
    static QList<RecordedRequest> requestsBeforeMarkers(
        const QUrl &server, const std::function<QString(std::shared_ptr<bool> answered)> &send);
    bool startApp(const QString &demoUser, bool waitForList);
    /// Makes and starts a KeyturnApp from config with this fixture's keychain, audit folder and test seams.
    bool startKeyturn(keyturn::ui::KeyturnAppConfig config);

    QTemporaryDir m_dir;
    QString m_keychainService;
    keyturn::BrowserLauncher *m_browser = nullptr;
    keyturn::TokenStore *m_tokenStore = nullptr;
    double m_graphWaitScale = 1.0;
    QString m_deviceOption;
    QString m_cloudOption;
    QString m_accountOption;
    std::unique_ptr<keyturn::demo::DemoTenant> m_tenant;
    std::unique_ptr<keyturn::ui::KeyturnApp> m_app;
};

} // namespace keyturn::test
