#include "KeyturnApp.h"

#include "DesktopBrowserLauncher.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "EndpointText.h"
#include "GraphRootConfirmation.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "actions/ActionRunner.h"
#include "actions/ActionStatusTracker.h"
#include "actions/AuditLog.h"
#include "actions/DeviceSecretReader.h"
#include "actions/SentActionFollower.h"
#include "auth/AccountStore.h"
#include "auth/AdminCenterLink.h"
#include "auth/AuthSettings.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/RememberedAccountConfig.h"
#include "auth/SignInController.h"
#include "auth/TenantLabels.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "core/Logging.h"
#include "devices/DeviceListCache.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"
#include "graph/OrganizationReader.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace keyturn::ui {

KeyturnApp::KeyturnApp(KeyturnAppConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{ }

KeyturnApp::~KeyturnApp()
{
    // The window and the views go before the core objects they watch.
    if (m_signIn)
        m_signIn->setGraphRootQuestion(nullptr);
    m_window.reset();
}

bool KeyturnApp::initialize(QString *error)
{
    QSettings settings;
    AuthConfig authConfig = loadAuthConfig(settings);
    AccountStore accounts(&settings);
    if (!m_config.launch.account.isEmpty()) {
        // --account: that remembered account starts (and becomes the last used).
        const auto chosen = accounts.find(m_config.launch.account);
        if (!chosen) {
            QStringList known;
            for (const Account &account : accounts.all())
                known << account.upn;
            if (error)
                *error = known.isEmpty()
                    ? tr("--account %1: no account is remembered yet. Start without --account and sign in.")
                          .arg(m_config.launch.account)
                    : tr("--account %1: no remembered account has that name. Remembered: %2.")
                          .arg(m_config.launch.account, known.join(QStringLiteral(", ")));
            return false;
        }
        accounts.setCurrent(chosen->keychainKey());
    }
    // Settings < the remembered account's own cloud, client id and sign-in host < the command line.
    if (const auto account = accounts.load())
        applyRememberedAccount(authConfig, *account);
    const QString refused = applyLaunchOptions(authConfig, m_config.launch);
    if (!refused.isEmpty()) {
        if (error)
            *error = refused;
        return false;
    }
    if (m_config.demoBaseUrl.isValid()) {
        authConfig.authorityRoot = m_config.demoBaseUrl;
        authConfig.graphRoot = m_config.demoBaseUrl;
    }

    const Clock &clock = SystemClock::instance();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setAutoDeleteReplies(false);
    m_tokenStore = std::make_unique<TokenStore>(m_config.keychainService);

    BrowserLauncher *browser = m_config.browser;
    if (!browser) {
        if (!m_config.launch.demoUser.isEmpty())
            m_ownedBrowser = std::make_unique<DemoBrowserLauncher>(m_network.get(), m_config.launch.demoUser);
        else
            m_ownedBrowser = std::make_unique<DesktopBrowserLauncher>();
        browser = m_ownedBrowser.get();
    }
    m_browser = browser;

    TokenStore *store = m_config.tokenStore ? m_config.tokenStore : m_tokenStore.get();
    m_signIn = std::make_unique<SignInController>(m_network.get(), store, browser, clock);
    m_signIn->setConfig(authConfig);

    m_graph = std::make_unique<GraphClient>(m_network.get(), m_signIn.get(), clock);
    GraphClientConfig graphConfig;
    graphConfig.graphRoot = authConfig.graphRoot;
    graphConfig.waitScale = m_config.graphWaitScale;
    m_graph->setConfig(graphConfig);
    // Tokens go only to the signed-in account's Graph root. Connected before the window is made, so
    // the root is set before the window's own signedIn handler starts loading the list.
    connect(m_signIn.get(), &SignInController::signedIn, this, [this](const keyturn::Account &account) {
        GraphClientConfig config = m_graph->config();
        config.graphRoot = account.graphRootUrl(m_signIn->config().authorityRoot);
        m_graph->setConfig(config);
        describeEndpoints();
        readTenantName(account);
    });

    m_devices = std::make_unique<DeviceTableModel>();
    m_loader = std::make_unique<DeviceListLoader>(m_graph.get(), m_devices.get());
    m_listCache = std::make_unique<DeviceListCache>(m_config.cacheDirectory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
            : m_config.cacheDirectory);
    connectListCache();
    m_auditLog = std::make_unique<AuditLog>(m_config.auditDirectory);
    m_runner = std::make_unique<ActionRunner>(m_graph.get(), m_auditLog.get());
    m_secretReader = std::make_unique<DeviceSecretReader>(m_graph.get());
    m_tracker = std::make_unique<ActionStatusTracker>(m_graph.get(), clock);
    m_follower = std::make_unique<SentActionFollower>(m_graph.get(), clock, m_auditLog.get());
    connect(m_runner.get(), &ActionRunner::finished, m_follower.get(), &SentActionFollower::follow);
    connect(m_tracker.get(), &ActionStatusTracker::detailsUpdated, m_follower.get(),
        &SentActionFollower::observe);
    connect(m_signIn.get(), &SignInController::accountForgotten, m_follower.get(),
        [this](const keyturn::Account &account) { m_follower->forgetAccount(account.keychainKey()); });

    MainWindowParts parts;
    parts.signIn = m_signIn.get();
    parts.devices = m_devices.get();
    parts.loader = m_loader.get();
    parts.runner = m_runner.get();
    parts.secretReader = m_secretReader.get();
    parts.tracker = m_tracker.get();
    parts.auditLog = m_auditLog.get();
    parts.follower = m_follower.get();
    parts.listCache = m_listCache.get();
    m_window = std::make_unique<MainWindow>(parts);
    m_graphRootQuestion = std::make_unique<GraphRootConfirmation>(m_window.get());
    m_signIn->setGraphRootQuestion(m_graphRootQuestion.get());
    connect(m_window.get(), &MainWindow::tenantNamesChanged, this, [this] { describeEndpoints(); });
    connect(m_signIn.get(), &SignInController::signedOut, this, [this] { describeEndpoints(); });
    connect(m_window->devicePane(), &DevicePane::openInAdminCenterRequested, this,
        [this](const QString &deviceId) { openInAdminCenter(deviceId); });
    describeEndpoints();
    return true;
}

void KeyturnApp::connectListCache()
{
    // Only a complete list is kept: not after a cancel or failure, and not one that ended early.
    connect(m_loader.get(), &DeviceListLoader::finished, this, [this] {
        const auto account = m_signIn->account();
        if (account && m_signIn->state() == SignInController::State::SignedIn)
            m_listCache->save(account->keychainKey(), QDateTime::currentDateTimeUtc(), m_devices->snapshot());
    });
    connect(m_loader.get(), &DeviceListLoader::endedEarly, this, [this] {
        if (const auto account = m_signIn->account())
            m_listCache->remove(account->keychainKey());
    });
    connect(m_signIn.get(), &SignInController::accountForgotten, this,
        [this](const keyturn::Account &account) { m_listCache->remove(account.keychainKey()); });
}

void KeyturnApp::openInAdminCenter(const QString &intuneDeviceId)
{
    const auto account = m_signIn->account();
    const QUrl url = intuneDeviceOverviewUrl(
        m_signIn->config().cloud, intuneDeviceId, account ? account->tenantId : QString());
    if (!url.isValid())
        return;
    const QString shown = url.toString();
    // The demo tenant's devices exist nowhere else: say what would open instead of opening it.
    if (m_config.demoBaseUrl.isValid() && !m_config.browser) {
        m_window->statusBar()->showMessage(tr("Demo tenant: a real tenant would open %1").arg(shown), 15000);
        return;
    }
    if (m_browser->openUrl(url))
        m_window->statusBar()->showMessage(tr("Opened %1 in the browser").arg(shown), 8000);
    else
        m_window->statusBar()->showMessage(
            tr("No browser could be started. The device's page: %1").arg(shown));
}

void KeyturnApp::readTenantName(const keyturn::Account &account)
{
    // The organization's name needs User.Read. It is never asked for: Entra would show a consent
    // page (or refuse the sign-in where users may not consent). Without it the domain names the tenant.
    if (!m_signIn->hasScope(QStringLiteral("User.Read"))) {
        qCInfo(lcApp) << "no User.Read in the token; the tenant is named by its domain";
        return;
    }
    const QString key = account.keychainKey();
    const QString tenantId = account.tenantId;
    OrganizationReader::read(m_graph.get(), this,
        [this, key, tenantId](const std::optional<OrganizationNames> &names, const QString &error) {
            const auto current = m_signIn->account();
            if (!current || current->keychainKey() != key)
                return; // another account by now: the answer is not about its tenant
            if (!names || (!names->tenantId.isEmpty() && names->tenantId != tenantId)) {
                qCInfo(lcApp) << "the organization's name could not be read:" << error;
                return;
            }
            TenantLabels().setGraphNames(tenantId, names->displayName, names->defaultDomain);
            m_window->showTenantNames();
        });
}

void KeyturnApp::describeEndpoints()
{
    // The status bar always names the tenant acted in, before where it is.
    QString tenant;
    if (const auto account = m_signIn->account())
        tenant = TenantLabels().displayText(*account) + QStringLiteral(" · ");
    if (m_config.demoBaseUrl.isValid()) {
        m_window->setTenantDescription(tenant + tr("Demo tenant at %1").arg(m_config.demoBaseUrl.toString()));
        m_window->signInView()->setFixedEndpointDescription(
            tr("Demo tenant (%1)").arg(m_config.demoBaseUrl.toString()));
        return;
    }
    const AuthConfig &config = m_signIn->config();
    QString text = tenant.isEmpty() ? tr("%1 · tenant %2").arg(cloudDisplayName(config.cloud), config.tenant)
                                    : tenant + cloudDisplayName(config.cloud);
    const QString custom = customEndpointText(config);
    if (!custom.isEmpty())
        text += QStringLiteral(" · ") + custom;
    m_window->setTenantDescription(text);
    m_window->signInView()->setFixedEndpointDescription(custom);
}

void KeyturnApp::start()
{
    m_window->show();
    if (!m_config.launch.demoUser.isEmpty()) {
        connect(
            m_signIn.get(), &SignInController::restoreFinished, this,
            [this](bool restored) { signInAsDemoUserIfNeeded(restored); }, Qt::SingleShotConnection);
    }
    const QString deviceName = m_config.launch.deviceName;
    if (!deviceName.isEmpty() && m_config.launch.screenshotFile.isEmpty()) {
        connect(
            m_loader.get(), &DeviceListLoader::finished, this,
            [this, deviceName] {
                if (!m_window->showDeviceNamed(deviceName)) {
                    qCWarning(lcApp) << "No device named" << deviceName;
                    m_window->deviceListView()->banner()->showMessage(MessageBanner::Kind::Warning,
                        tr("No device named %1 in this tenant").arg(deviceName));
                }
            },
            Qt::SingleShotConnection);
    }
    m_signIn->restoreSession();
}

void KeyturnApp::signInAsDemoUserIfNeeded(bool restored)
{
    const QString prefix = m_config.launch.demoUser + QLatin1Char('@');
    if (restored) {
        const auto account = m_signIn->account();
        if (account && account->upn.startsWith(prefix, Qt::CaseInsensitive))
            return;
    }
    // Another remembered account of that demo user is switched to; else it signs in beside the others.
    for (const Account &account : m_signIn->rememberedAccounts()) {
        if (account.upn.startsWith(prefix, Qt::CaseInsensitive)
            && account.authorityHost == QLatin1String("loopback") && !m_signIn->needsSignIn(account)) {
            qCInfo(lcApp) << "Switching to the remembered account of --demo-user";
            m_signIn->switchTo(account.keychainKey());
            return;
        }
    }
    qCInfo(lcApp) << "Signing in as --demo-user";
    m_signIn->prepareToAddAccount();
    m_signIn->signInWithBrowser();
}

} // namespace keyturn::ui
