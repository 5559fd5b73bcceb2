// The last complete list at start, as a user sees it: restarted Keyturn shows the account's cached
// list before any list request has gone out ("… devices · as of … today · refreshing…"), the
// refresh replaces it keeping the selection, search and scroll position, and a device deleted
// since the list was cached says "no longer exists" and gets no action. The cache file is
// owner-only, holds no token, is ignored and replaced when damaged, and goes with the sign-out.
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "ListTimeText.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceListCache.h"
#include "devices/DeviceListCacheFile.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceListCacheFile;
using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::SignInController;
using keyturn::test::fetchDemoRequests;
using keyturn::test::postDemoControl;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;

namespace {

/// The path's permissions for its owner, group and others (QFileDevice's own "user" bits left out):
/// owner-only means no group or other bit.
QFileDevice::Permissions ownerModes(const QString &path)
{
    const QFileDevice::Permissions all = QFileInfo(path).permissions();
    return all & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

constexpr auto kListPath = "/deviceManagement/managedDevices";

/// Notes the first paint of the table while it shows rows, and at that moment (the UI thread held)
/// sends the demo tenant a marker request and waits for its answer: the tenant's request log then
/// says which requests came before the first paint and which after.
class FirstPaintMarker final : public QObject {
public:
    FirstPaintMarker(QTableView *table, QUrl tenant)
        : m_table(table)
        , m_tenant(std::move(tenant))
    {
        table->viewport()->installEventFilter(this);
    }

    bool painted() const { return m_rowsAtPaint > 0; }
    int rowsAtPaint() const { return m_rowsAtPaint; }
    static QString path() { return QStringLiteral("/first-paint-of-rows"); }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_rowsAtPaint == 0 && m_table->model()->rowCount() > 0) {
            m_rowsAtPaint = m_table->model()->rowCount();
            QTcpSocket socket;
            socket.connectToHost(m_tenant.host(), static_cast<quint16>(m_tenant.port()));
            if (socket.waitForConnected(3000)) {
                socket.write(QByteArrayLiteral("GET ") + path().toLatin1()
                    + QByteArrayLiteral(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
                socket.waitForBytesWritten(3000);
                socket.waitForReadyRead(3000); // answered: logged
            }
        }
        return false;
    }

private:
    QTableView *m_table;
    QUrl m_tenant;
    int m_rowsAtPaint = 0;
};

class CachedListFlow : public keyturn::test::GuiFixture {
protected:
    static keyturn::demo::DemoOptions options(int devices, int latencyMs)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 14;
        o.latencyMs = latencyMs;
        return o;
    }

    QString accountKey() const { return app()->signIn()->account()->keychainKey(); }
    QString cacheFile() const { return DeviceListCacheFile::pathFor(cacheDirectory(), m_accountKey); }

    /// Signs in, loads the list and waits until it is kept on disk.
    bool launchAndCache(int devices, int latencyMs)
    {
        if (!launch(options(devices, latencyMs)))
            return false;
        m_accountKey = accountKey();
        app()->listCache()->waitForDone();
        const bool kept = waitUntil([&] { return QFile::exists(cacheFile()); }, std::chrono::seconds(10));
        EXPECT_TRUE(kept) << "no cache file after a complete list";
        return kept;
    }

    /// How many devices the file gives when read through, or -1 when it is refused.
    int cachedCount() const
    {
        QString why;
        const auto file = DeviceListCacheFile::open(cacheDirectory(), m_accountKey, &why);
        if (!file)
            return -1;
        int count = 0;
        while (!file->atEnd()) {
            const auto chunk = file->nextChunk(&why);
            if (!chunk)
                return -1;
            count += static_cast<int>(chunk->size());
        }
        return count;
    }

    /// Restarts Keyturn with the remembered sign-in (no interactive sign-in) and a marker on the
    /// table's first paint of rows.
    std::unique_ptr<FirstPaintMarker> restartWatchingFirstPaint()
    {
        if (!restart())
            return nullptr;
        return std::make_unique<FirstPaintMarker>(table(), demoUrl());
    }

    /// Restarts with the remembered sign-in and notes when the first load ends (finished or failed).
    bool restartWatchingTheLoad()
    {
        m_loadEnded = false;
        if (!restart())
            return false;
        QObject::connect(app()->loader(), &keyturn::DeviceListLoader::finished, app()->loader(),
            [this] { m_loadEnded = true; });
        QObject::connect(app()->loader(), &keyturn::DeviceListLoader::failed, app()->loader(),
            [this] { m_loadEnded = true; });
        return true;
    }
    bool waitForLoadEnd() const
    {
        return waitUntil([this] { return m_loadEnded; }, std::chrono::seconds(60));
    }

    /// Selects the device's row with a click (in whatever list is on screen).
    bool clickRowOf(const QString &deviceId)
    {
        // Rows arriving in numbers are shown in batches: wait until the device's is.
        waitUntil([&] {
            const int source = app()->devices()->rowOfDevice(deviceId);
            return source >= 0
                && list()->proxy()->mapFromSource(app()->devices()->index(source, 0)).isValid();
        });
        for (int row = 0; row < table()->model()->rowCount(); ++row) {
            const QModelIndex index = table()->model()->index(row, 0);
            if (index.data(DeviceTableModel::DeviceIdRole).toString() == deviceId) {
                table()->scrollTo(index);
                QTest::mouseClick(
                    table()->viewport(), Qt::LeftButton, Qt::NoModifier, table()->visualRect(index).center());
                return list()->currentDeviceId() == deviceId;
            }
        }
        return false;
    }

    bool paneSays(const QString &text) const
    {
        for (const QLabel *label : pane()->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(text))
                return true;
        }
        return false;
    }

    /// Empties the tenant's request log (DELETE /_demo/requests).
    bool clearDemoRequests() const
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.deleteResource(
            QNetworkRequest(QUrl(demoUrl().toString() + QStringLiteral("/_demo/requests"))));
        waitUntil([reply] { return reply->isFinished(); }, std::chrono::seconds(10));
        const bool ok = reply->error() == QNetworkReply::NoError;
        delete reply;
        return ok;
    }

    QString m_accountKey;
    bool m_loadEnded = false;
};

} // namespace

TEST_F(CachedListFlow, TheCachedListShowsBeforeAnyListRequestAndTheRefreshKeepsSelectionSearchAndScroll)
{
    // A slow tenant: every Graph answer takes 700 ms more (three pages: over two seconds).
    ASSERT_TRUE(launchAndCache(2600, 700));
    ASSERT_EQ(cachedCount(), 2600);
    // Since the list was cached, one device was deleted in the tenant.
    const DeviceRecord *gone
        = findDevice([](const DeviceRecord &r) { return r.platform == DeviceRecord::Platform::Windows; });
    ASSERT_NE(gone, nullptr);
    const QString goneId = gone->id;
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/devices/%1/delete").arg(goneId)));
    const DeviceRecord *kept = findDevice(
        [&](const DeviceRecord &r) { return r.platform == DeviceRecord::Platform::MacOS && r.id != goneId; });
    ASSERT_NE(kept, nullptr);
    const DeviceRecord device = *kept;
    QTest::keyClicks(list()->searchLineEdit(), device.deviceName.left(3)); // remembered across starts
    const QString search = list()->searchLineEdit()->text();

    ASSERT_TRUE(clearDemoRequests());
    const auto marker = restartWatchingFirstPaint();
    ASSERT_TRUE(marker);
    ASSERT_TRUE(waitUntil([&] { return marker->painted(); }, std::chrono::seconds(10)));
    EXPECT_EQ(app()->loader()->loadedCount(), 0) << "rows from the network before the cached list";
    EXPECT_TRUE(list()->isShowingCachedList());
    EXPECT_TRUE(window()->isShowingDevices());
    const QString status = list()->statusText();
    EXPECT_TRUE(status.startsWith(QStringLiteral("%1 devices · as of ").arg(QLocale().toString(2600))))
        << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral(" today · refreshing…"))) << status.toStdString();
    EXPECT_EQ(list()->searchLineEdit()->text(), search);

    // The tenant's log: the first list request came after the first paint of the cached rows.
    ASSERT_TRUE(waitUntil([&] { return app()->loader()->isLoading(); }, std::chrono::seconds(10)));
    QTest::qWait(200);
    const auto requests = fetchDemoRequests(demoUrl());
    qsizetype markerAt = -1, firstListAt = -1;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (markerAt < 0 && requests[i].path == FirstPaintMarker::path())
            markerAt = i;
        if (firstListAt < 0 && requests[i].method == u"GET"
            && requests[i].path.endsWith(QLatin1String(kListPath)))
            firstListAt = i;
    }
    ASSERT_GE(markerAt, 0) << "no marker in the log";
    ASSERT_GE(firstListAt, 0) << "no list request in the log";
    EXPECT_GT(firstListAt, markerAt) << "the first list request came before the cached rows were painted";

    // While the refresh runs, the user picks a device in the cached list and scrolls.
    list()->searchLineEdit()->clear();
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; }));
    ASSERT_TRUE(clickRowOf(device.id));
    ASSERT_TRUE(waitUntil([&] { return pane()->isVisible() && pane()->deviceId() == device.id; }));
    QTest::keyClicks(list()->searchLineEdit(), search);
    QTest::qWait(100);
    ASSERT_EQ(list()->currentDeviceId(), device.id);
    QScrollBar *scroll = table()->verticalScrollBar();
    ASSERT_GT(scroll->maximum(), 20);
    scroll->setValue(scroll->maximum() / 3);
    const QModelIndex top = table()->indexAt(QPoint(0, 0));
    const QString topId = top.data(DeviceTableModel::DeviceIdRole).toString();
    ASSERT_TRUE(app()->loader()->isLoading()) << "the refresh ended before the test could act";

    ASSERT_TRUE(waitForListLoaded());
    EXPECT_FALSE(list()->isShowingCachedList());
    EXPECT_EQ(app()->devices()->rowCount(), 2599);
    EXPECT_LT(app()->devices()->rowOfDevice(goneId), 0) << "a device deleted meanwhile stays in the list";
    EXPECT_EQ(list()->currentDeviceId(), device.id);
    EXPECT_EQ(list()->searchLineEdit()->text(), search);
    EXPECT_EQ(table()->indexAt(QPoint(0, 0)).data(DeviceTableModel::DeviceIdRole).toString(), topId);
    EXPECT_TRUE(pane()->isVisible());
    EXPECT_EQ(pane()->deviceId(), device.id);
    EXPECT_TRUE(list()->statusText().startsWith(QStringLiteral("Device list loaded at")))
        << list()->statusText().toStdString();
    // The new list is kept in place of the old one.
    app()->listCache()->waitForDone();
    EXPECT_TRUE(waitUntil([&] { return cachedCount() == 2599; }, std::chrono::seconds(10)));
}

TEST_F(CachedListFlow, ANewDeviceArrivesWithTheRefresh)
{
    ASSERT_TRUE(launchAndCache(1500, 0));
    // The cached list predates the newest devices: keep it without the last five.
    std::vector<DeviceRecord> older(
        app()->devices()->records().begin(), app()->devices()->records().end() - 5);
    const QString newest = app()->devices()->records().back().id;
    QString error;
    ASSERT_TRUE(DeviceListCacheFile::write(
        cacheDirectory(), m_accountKey, QDateTime::currentDateTimeUtc().addDays(-1), older, &error));
    ASSERT_TRUE(restartWatchingTheLoad());
    ASSERT_TRUE(waitUntil([&] { return list()->isShowingCachedList(); }, std::chrono::seconds(10)));
    EXPECT_TRUE(list()->statusText().contains(QStringLiteral("as of yesterday ")))
        << list()->statusText().toStdString();
    ASSERT_TRUE(waitForLoadEnd());
    EXPECT_EQ(app()->devices()->rowCount(), 1500);
    EXPECT_GE(app()->devices()->rowOfDevice(newest), 0);
}

TEST_F(CachedListFlow, ADeviceDeletedSinceTheListWasCachedSaysNoLongerExistsAndGetsNoAction)
{
    // Slow answers: the refresh takes three pages, the cached row is there while the pane reads.
    ASSERT_TRUE(launchAndCache(2500, 900));
    const DeviceRecord *found
        = findDevice([](const DeviceRecord &r) { return r.platform == DeviceRecord::Platform::MacOS; });
    ASSERT_NE(found, nullptr);
    const DeviceRecord device = *found;
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/devices/%1/delete").arg(device.id)));

    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return list()->isShowingCachedList(); }, std::chrono::seconds(10)));
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedIn; }));
    QTest::keyClicks(list()->searchLineEdit(), device.deviceName);
    ASSERT_TRUE(clickRowOf(device.id)) << "the deleted device is not in the cached list";
    ASSERT_TRUE(waitUntil([&] { return pane()->isVisible() && pane()->deviceId() == device.id; }));
    ASSERT_TRUE(waitUntil([&] { return paneSays(QStringLiteral("This device no longer exists in Intune.")); },
        std::chrono::seconds(10)));
    EXPECT_TRUE(list()->isShowingCachedList()) << "the refresh, not the pane's read, removed the row";
    QToolButton *sync = pane()->actionButton(QStringLiteral("syncDevice"));
    ASSERT_NE(sync, nullptr);
    EXPECT_FALSE(sync->isEnabled());
    QTest::mouseClick(sync, Qt::LeftButton);
    ASSERT_TRUE(waitForListLoaded());
    const auto posts = requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("POST"), QString());
    for (const auto &post : posts)
        EXPECT_FALSE(post.path.contains(device.id)) << post.path.toStdString();
    EXPECT_LT(app()->devices()->rowOfDevice(device.id), 0);
}

TEST_F(CachedListFlow, AFailedRefreshKeepsTheCachedListAndSaysWhy)
{
    ASSERT_TRUE(launchAndCache(1200, 0));
    ASSERT_TRUE(postDemoControl(
        demoUrl(), QStringLiteral("/_demo/inject?fault=malformed&match=managedDevices&count=1")));
    ASSERT_TRUE(restartWatchingTheLoad());
    ASSERT_TRUE(waitForLoadEnd());
    EXPECT_EQ(app()->devices()->rowCount(), 1200);
    EXPECT_TRUE(list()->isShowingCachedList());
    const QString status = list()->statusText();
    EXPECT_TRUE(status.startsWith(QStringLiteral("%1 devices · as of ").arg(QLocale().toString(1200))))
        << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("could not refresh: "))) << status.toStdString();
    keyturn::ui::MessageBanner *banner = list()->banner();
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral(" today."))) << banner->text().toStdString();
    EXPECT_EQ(banner->actionButton()->text(), QStringLiteral("Retry"));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_FALSE(list()->isShowingCachedList());
    EXPECT_TRUE(list()->statusText().startsWith(QStringLiteral("Device list loaded at")));
}

TEST_F(CachedListFlow, ADamagedCacheFileIsIgnoredAndReplaced)
{
    ASSERT_TRUE(launchAndCache(1300, 0));
    QFile file(cacheFile());
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write("garbage");
    file.close();
    ASSERT_EQ(cachedCount(), -1);

    ASSERT_TRUE(restartWatchingTheLoad());
    QSignalSpy shown(list(), &keyturn::ui::DeviceListView::cachedListShown);
    ASSERT_TRUE(waitForLoadEnd());
    EXPECT_EQ(app()->devices()->rowCount(), 1300);
    EXPECT_EQ(shown.count(), 0) << "rows of a damaged file were shown";
    EXPECT_FALSE(list()->banner()->isVisible());
    app()->listCache()->waitForDone();
    EXPECT_TRUE(waitUntil([&] { return cachedCount() == 1300; }, std::chrono::seconds(10)));
}

TEST_F(CachedListFlow, TheFileIsOwnerOnlyAndHoldsNoTokenOrSecret)
{
    ASSERT_TRUE(launchAndCache(300, 0));
    EXPECT_EQ(ownerModes(cacheFile()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_EQ(ownerModes(cacheDirectory()),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString accessToken;
    app()->signIn()->getAccessToken(
        false, window(), [&](const QString &token, const QString &) { accessToken = token; });
    ASSERT_TRUE(waitUntil([&] { return !accessToken.isEmpty(); }));
    const auto lookup = keyturn::test::runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("lookup"), QStringLiteral("server"), keychainService(), QStringLiteral("user"),
            m_accountKey });
    const QString refreshToken = lookup.standardOutput.trimmed();
    ASSERT_FALSE(refreshToken.isEmpty()) << lookup.standardError.toStdString();
    QFile file(cacheFile());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_FALSE(bytes.contains(accessToken.toUtf8()));
    EXPECT_FALSE(bytes.contains(refreshToken.toUtf8()));
    EXPECT_FALSE(bytes.contains(accessToken.left(40).toUtf8()));
    EXPECT_FALSE(bytes.contains("eyJ")) << "something like a token is in the file";
    EXPECT_FALSE(bytes.contains("Bearer"));
    // What it does hold: the list's devices.
    EXPECT_TRUE(bytes.contains(app()->devices()->records().front().id.toUtf8()));
}

TEST_F(CachedListFlow, SignOutDeletesTheAccountsList)
{
    ASSERT_TRUE(launchAndCache(200, 0));
    QAction *signOut = window()->findChild<QAction *>(QStringLiteral("signOutAction"));
    ASSERT_NE(signOut, nullptr);
    signOut->trigger();
    app()->listCache()->waitForDone();
    EXPECT_TRUE(waitUntil([&] { return !QFile::exists(cacheFile()); }, std::chrono::seconds(5)));
    EXPECT_EQ(app()->devices()->rowCount(), 0);
}

TEST_F(CachedListFlow, AKeychainItemDeletedBehindKeyturnsBackTakesTheListWithIt)
{
    ASSERT_TRUE(launchAndCache(200, 0));
    const auto cleared = keyturn::test::runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("clear"), QStringLiteral("server"), keychainService() });
    ASSERT_EQ(cleared.exitCode, 0) << cleared.standardError.toStdString();
    ASSERT_TRUE(restart());
    ASSERT_TRUE(waitUntil([&] { return app()->signIn()->state() == SignInController::State::SignedOut; },
        std::chrono::seconds(5)));
    app()->listCache()->waitForDone();
    EXPECT_TRUE(waitUntil([&] { return !QFile::exists(cacheFile()); }, std::chrono::seconds(5)));
    EXPECT_EQ(app()->devices()->rowCount(), 0);
    EXPECT_FALSE(window()->isShowingDevices());
}

TEST(ListTimeText, SaysTheDayAsAPersonWould)
{
    const QDateTime now(QDate(2026, 12, 7), QTime(15, 30));
    const auto at
        = [](int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min)); };
    const auto time = [](int h, int min) { return QLocale().toString(QTime(h, min), QLocale::ShortFormat); };
    EXPECT_EQ(keyturn::ui::listTimeText(at(2026, 12, 7, 10, 42), now),
        QStringLiteral("%1 today").arg(time(10, 42)));
    EXPECT_EQ(keyturn::ui::listTimeText(at(2026, 12, 6, 16, 3), now),
        QStringLiteral("yesterday %1").arg(time(16, 3)));
    EXPECT_EQ(keyturn::ui::listTimeText(at(2026, 12, 3, 9, 12), now),
        QStringLiteral("%1 %2").arg(
            QLocale().toString(QDate(2026, 12, 3), QStringLiteral("d MMM")), time(9, 12)));
    EXPECT_EQ(keyturn::ui::listTimeText(at(2025, 12, 3, 9, 12), now),
        QStringLiteral("%1 %2").arg(
            QLocale().toString(QDate(2025, 12, 3), QStringLiteral("d MMM yyyy")), time(9, 12)));
    // Across midnight, "yesterday" is the calendar day before, not 24 hours.
    EXPECT_EQ(keyturn::ui::listTimeText(at(2026, 12, 6, 23, 59), QDateTime(QDate(2026, 12, 7), QTime(0, 1))),
        QStringLiteral("yesterday %1").arg(time(23, 59)));
}
