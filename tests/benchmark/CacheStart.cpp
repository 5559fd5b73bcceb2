#include "CacheStart.h"

#include "HttpSignIn.h"
#include "ProcessMemory.h"
#include "TenantProcess.h"

#include "core/AccessTokenProvider.h"
#include "core/Clock.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceListCache.h"
#include "devices/DeviceListCacheFile.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>

namespace keyturn::bench {

namespace {

const QString kAccount = QStringLiteral("global:benchmark-tenant:benchmark-user");

double msecs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/// The tenant's whole list, as the app's loader reads it; empty with error on failure.
std::vector<DeviceRecord> listTenant(const QUrl &root, const QString &token, QString *error)
{
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens(token);
    GraphClient client(&nam, &tokens, SystemClock::instance());
    GraphClientConfig config;
    config.graphRoot = root;
    client.setConfig(config);
    DeviceTableModel model;
    DeviceListLoader loader(&client, &model);
    QEventLoop loop;
    QObject::connect(&loader, &DeviceListLoader::finished, &loop, &QEventLoop::quit);
    QObject::connect(&loader, &DeviceListLoader::failed, &loop, [&](const GraphError &e) {
        *error = e.details();
        loop.quit();
    });
    loader.start();
    loop.exec();
    return error->isEmpty() ? model.takeAll() : std::vector<DeviceRecord>();
}

/// Paints of the table's viewport while it shows rows.
class PaintWatch final : public QObject {
public:
    explicit PaintWatch(QTableView *view)
        : m_view(view)
    {
        view->viewport()->installEventFilter(this);
    }
    bool paintedRows() const { return m_paintedRows; }
    void reset() { m_paintedRows = false; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_view->model()->rowCount() > 0)
            m_paintedRows = true;
        return false;
    }

private:
    QTableView *m_view;
    bool m_paintedRows = false;
};

bool processUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

bool writeCacheOfTenant(
    const QString &tenantPath, int devices, unsigned seed, const QString &folder, CacheStartTiming *timing)
{
    timing->devices = devices;
    std::fprintf(stderr, "== start from a warm cache, %d devices\n", devices);
    TenantProcess tenant;
    QNetworkAccessManager nam;
    QString error;
    if (!tenant.start(tenantPath, devices, seed, 0, 180000, &error)) {
        timing->error = error;
        return false;
    }
    const QString token = signInOverHttp(nam, tenant.baseUrl(), QStringLiteral("helpdesk"), &error);
    if (token.isEmpty()) {
        timing->error = error;
        return false;
    }
    const std::vector<DeviceRecord> records = listTenant(tenant.baseUrl(), token, &error);
    if (records.empty()) {
        timing->error = error.isEmpty() ? QStringLiteral("the tenant listed no devices") : error;
        return false;
    }
    QElapsedTimer writing;
    writing.start();
    if (!DeviceListCacheFile::write(folder, kAccount, QDateTime::currentDateTimeUtc(), records, &error)) {
        timing->error = error;
        return false;
    }
    timing->writeMs = msecs(writing);
    timing->fileMb
        = static_cast<double>(QFileInfo(DeviceListCacheFile::pathFor(folder, kAccount)).size()) / 1e6;
    return true;
}

CacheStartTiming measureCacheStart(const QString &folder, int devices)
{
    CacheStartTiming timing;
    timing.devices = devices;
    resetPeakResident();

    // A fresh start: the model, the proxy and a table as the list view shows it (sorted by name).
    DeviceTableModel model;
    DeviceListCache cache(folder);
    QTableView view;
    auto *proxy = new DeviceFilterProxy(&view);
    proxy->setSourceModel(&model);
    view.setModel(proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(DeviceTableModel::Name, Qt::AscendingOrder);
    view.verticalHeader()->hide();
    view.resize(1280, 800);
    view.show();
    PaintWatch paints(&view);
    processUntil([] { return false; }, 200); // the empty table settles first

    bool loaded = false;
    QObject::connect(&cache, &DeviceListCache::loaded, &cache, [&] { loaded = true; });
    QObject::connect(&cache, &DeviceListCache::unusable, &cache, [&](const QString &why) {
        timing.error = why;
        loaded = true;
    });
    QElapsedTimer clock;
    clock.start();
    cache.load(kAccount, &model);
    if (!processUntil([&] { return paints.paintedRows() || loaded; }, 30000) || !paints.paintedRows()) {
        timing.error = timing.error.isEmpty() ? QStringLiteral("no rows were painted") : timing.error;
        return timing;
    }
    timing.firstRowsMs = msecs(clock);
    processUntil([&] { return loaded; }, 60000);
    proxy->settleSort();
    paints.reset();
    view.viewport()->update();
    processUntil([&] { return paints.paintedRows(); }, 5000);
    timing.allRowsMs = msecs(clock);
    timing.peakRssMb = peakResidentMegabytes();
    timing.ok
        = loaded && timing.error.isEmpty() && model.rowCount() == devices && proxy->rowCount() == devices;
    if (!timing.ok && timing.error.isEmpty())
        timing.error = QStringLiteral("%1 of %2 rows shown").arg(proxy->rowCount()).arg(devices);
    std::fprintf(stderr, "   first rows %.0f ms, all rows %.0f ms, peak RSS %.0f MB\n", timing.firstRowsMs,
        timing.allRowsMs, timing.peakRssMb);
    return timing;
}

constexpr char kResultTag[] = "cache-start:";

} // namespace

int printCacheStart(const QString &folder, int devices)
{
    const CacheStartTiming t = measureCacheStart(folder, devices);
    if (!t.ok) {
        std::printf("%s failed %s\n", kResultTag, qPrintable(t.error));
        return 1;
    }
    std::printf("%s ok %.3f %.3f %.3f\n", kResultTag, t.firstRowsMs, t.allRowsMs, t.peakRssMb);
    return 0;
}

CacheStartTiming measureCacheStartInFreshProcess(const QString &tenantPath, int devices, unsigned seed)
{
    CacheStartTiming timing;
    QTemporaryDir folder;
    if (!writeCacheOfTenant(tenantPath, devices, seed, folder.path(), &timing))
        return timing;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        { QStringLiteral("--%1").arg(QLatin1String(kCacheStartOption)), QString::number(devices),
            QStringLiteral("--%1").arg(QLatin1String(kCacheFolderOption)), folder.path() });
    if (!child.waitForFinished(600000)) {
        child.kill();
        child.waitForFinished();
        timing.error = QStringLiteral("the measuring process did not finish");
        return timing;
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (!line.startsWith(kResultTag))
            continue;
        const QList<QByteArray> fields
            = line.mid(static_cast<qsizetype>(std::strlen(kResultTag))).trimmed().split(' ');
        if (fields.value(0) == "ok" && fields.size() == 4) {
            timing.ok = true;
            timing.firstRowsMs = fields[1].toDouble();
            timing.allRowsMs = fields[2].toDouble();
            timing.peakRssMb = fields[3].toDouble();
        } else {
            timing.error
                = QString::fromUtf8(line.mid(static_cast<qsizetype>(std::strlen(kResultTag)))).trimmed();
        }
        return timing;
    }
    timing.error
        = QStringLiteral("the measuring process printed no result (exit code %1)").arg(child.exitCode());
    return timing;
}

} // namespace keyturn::bench
