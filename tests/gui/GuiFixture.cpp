#include "GuiFixture.h"

#include "ConfirmationDialog.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"
#include "graph/GraphReply.h"

#include <QApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QUuid>

namespace keyturn::test {

void GuiFixture::TearDown()
{
    m_app.reset();
    m_tenant.reset();
    QSettings().clear();
}

keyturn::ui::MainWindow *GuiFixture::window() const
{
    return m_app ? m_app->mainWindow() : nullptr;
}

keyturn::ui::DeviceListView *GuiFixture::list() const
{
    return window()->deviceListView();
}

QTableView *GuiFixture::table() const
{
    return list()->tableView();
}

keyturn::ui::DevicePane *GuiFixture::pane() const
{
    return window()->devicePane();
}

bool GuiFixture::launch(const keyturn::demo::DemoOptions &options, const QString &user, bool waitForList)
{
    return startTenant(options) && startApp(user, waitForList);
}

bool GuiFixture::startTenant(const keyturn::demo::DemoOptions &options)
{
    QSettings().clear();
    m_keychainService
        = QStringLiteral("KeyturnGuiTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_tenant = std::make_unique<keyturn::demo::DemoTenant>(options);
    QString error;
    if (!m_tenant->start(&error)) {
        ADD_FAILURE() << "demo tenant did not start: " << error.toStdString();
        return false;
    }
    return true;
}

bool GuiFixture::startWithOptions(const keyturn::LaunchOptions &options)
{
    m_app.reset();
    keyturn::ui::KeyturnAppConfig config;
    config.launch = options;
    return startKeyturn(std::move(config));
}

bool GuiFixture::startKeyturn(keyturn::ui::KeyturnAppConfig config)
{
    config.keychainService = m_keychainService;
    config.auditDirectory = auditDirectory();
    config.cacheDirectory = cacheDirectory();
    config.graphWaitScale = m_graphWaitScale;
    config.browser = m_browser;
    config.tokenStore = m_tokenStore;
    m_app = std::make_unique<keyturn::ui::KeyturnApp>(config);
    QString error;
    if (!m_app->initialize(&error)) {
        ADD_FAILURE() << "initialize failed: " << error.toStdString();
        return false;
    }
    m_app->start();
    return true;
}

QStringList GuiFixture::keychainItems() const
{
    const auto result = runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), m_keychainService });
    QStringList users;
    for (const QString &line :
        result.standardError.split(QLatin1Char('\n')) + result.standardOutput.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("attribute.user = ")))
            users.append(line.mid(17).trimmed());
    }
    return users;
}

bool GuiFixture::restart(const QString &demoUser, bool waitForList)
{
    m_app.reset();
    return startApp(demoUser, waitForList);
}

bool GuiFixture::startApp(const QString &demoUser, bool waitForList)
{
    keyturn::ui::KeyturnAppConfig config;
    config.launch.demo = true;
    config.launch.demoUser = demoUser;
    config.launch.deviceName = m_deviceOption;
    config.launch.cloud = m_cloudOption;
    config.launch.account = m_accountOption;
    config.demoBaseUrl = m_tenant->baseUrl();
    if (!startKeyturn(std::move(config)))
        return false;
    if (demoUser.isEmpty())
        return true;
    if (!waitUntil([this] { return m_app->signIn()->state() == keyturn::SignInController::State::SignedIn; },
            std::chrono::seconds(30))) {
        ADD_FAILURE() << "not signed in";
        return false;
    }
    return !waitForList || waitForListLoaded();
}

bool GuiFixture::waitForListLoaded(std::chrono::milliseconds timeout)
{
    // Loading starts when the sign-in completes; wait until it has started and then finished.
    waitUntil([this] { return m_app->loader()->isLoading() || m_app->devices()->rowCount() > 0; },
        std::chrono::seconds(10));
    const bool loaded = waitUntil([this] { return !m_app->loader()->isLoading(); }, timeout);
    if (!loaded)
        ADD_FAILURE() << "device list did not finish loading";
    return loaded;
}

QSet<QString> GuiFixture::loadedDeviceIds() const
{
    QSet<QString> ids;
    for (const keyturn::DeviceRecord &record : m_app->devices()->records())
        ids.insert(record.id);
    return ids;
}

const keyturn::DeviceRecord *GuiFixture::findDevice(
    const std::function<bool(const keyturn::DeviceRecord &)> &predicate) const
{
    for (const keyturn::DeviceRecord &record : m_app->devices()->records()) {
        if (predicate(record))
            return &record;
    }
    return nullptr;
}

bool GuiFixture::openDeviceThroughSearch(const keyturn::DeviceRecord &device)
{
    keyturn::ui::DeviceListView *list = window()->deviceListView();
    QLineEdit *search = list->searchLineEdit();
    search->clear();
    QTest::keyClicks(search, device.deviceName);
    QTableView *table = list->tableView();
    if (!waitUntil([table] { return table->model()->rowCount() >= 1; }, std::chrono::seconds(5))) {
        ADD_FAILURE() << "search found nothing for " << device.deviceName.toStdString();
        return false;
    }
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(keyturn::DeviceTableModel::DeviceIdRole).toString() == device.id)
            row = r;
    }
    if (row < 0) {
        ADD_FAILURE() << "device not in the search result";
        return false;
    }
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    const QRect rect = table->visualRect(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTest::keyClick(table, Qt::Key_Return);
    keyturn::ui::DevicePane *pane = window()->devicePane();
    const bool ok = waitUntil(
        [pane, &device] { return pane->details().has_value() && pane->details()->id == device.id; },
        std::chrono::seconds(10));
    if (!ok)
        ADD_FAILURE() << "device pane did not load " << device.deviceName.toStdString();
    return ok;
}

keyturn::ui::ConfirmationDialog *GuiFixture::waitForConfirmation(std::chrono::milliseconds timeout) const
{
    keyturn::ui::ConfirmationDialog *dialog = nullptr;
    waitUntil(
        [&] { return (dialog = keyturn::ui::ConfirmationDialog::visibleIn(window())) != nullptr; }, timeout);
    return dialog;
}

bool GuiFixture::answerConfirmation(keyturn::ui::ConfirmationDialog *dialog, bool yes) const
{
    if (!dialog)
        return false;
    QPointer<keyturn::ui::ConfirmationDialog> guard(dialog);
    QTest::mouseClick(yes ? dialog->yesButton() : dialog->noButton(), Qt::LeftButton);
    return waitUntil([&] { return !guard || !guard->isVisible(); }, std::chrono::seconds(5));
}

QList<RecordedRequest> GuiFixture::requestsBeforeMarkers(
    const QUrl &server, const std::function<QString(std::shared_ptr<bool> answered)> &send)
{
    const auto firstAnswered = std::make_shared<bool>(false);
    const QString first = send(firstAnswered);
    if (!waitUntil([&] { return *firstAnswered; }, std::chrono::seconds(10))) {
        ADD_FAILURE() << "the first marker request was never answered";
        return {};
    }
    const QString second = send(std::make_shared<bool>(false));
    QList<RecordedRequest> before;
    const bool seen = waitUntil(
        [&] {
            const QList<RecordedRequest> all = fetchDemoRequests(server);
            for (qsizetype i = 0; i < all.size(); ++i) {
                if (all[i].path.endsWith(second)) {
                    before = all.mid(0, i);
                    return true;
                }
            }
            return false;
        },
        std::chrono::seconds(10));
    if (!seen)
        ADD_FAILURE() << "the marker request never reached the demo tenant";
    before.removeIf([&](const RecordedRequest &r) { return r.path.endsWith(first); });
    return before;
}

QList<RecordedRequest> GuiFixture::requestsBeforeGraphMarker() const
{
    return requestsBeforeMarkers(demoUrl(), [this](std::shared_ptr<bool> answered) {
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        GraphReply *reply = m_app->graph()->get(QStringLiteral("deviceManagement/managedDevices/") + marker);
        QObject::connect(reply, &GraphReply::finished, reply, [reply, answered] {
            *answered = true;
            reply->deleteLater();
        });
        return marker;
    });
}

QList<RecordedRequest> GuiFixture::requestsBeforeMarker(const QUrl &server) const
{
    return requestsBeforeMarkers(server, [this, server](std::shared_ptr<bool> answered) {
        const QString marker = kTestMarkerPath + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QUrl url = server;
        url.setPath(marker);
        QNetworkReply *reply = m_app->network()->get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, answered] {
            *answered = true;
            reply->deleteLater();
        });
        return marker;
    });
}

} // namespace keyturn::test
