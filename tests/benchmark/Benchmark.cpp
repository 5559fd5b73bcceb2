// keyturn-benchmark: measures the device list against the in-process demo tenant (not a ctest
// test; speed is measured here, never in a timed test). Prints the raw fetch floor, the full
// load time through GraphClient + DeviceListLoader + DeviceFilterProxy, search keystroke times
// and resident memory. Usage: keyturn-benchmark [--devices N] [--seed S]
#include "demo/DemoTenant.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceListPage.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>

namespace {

double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return static_cast<double>(line.mid(6).trimmed().split(' ').value(0).toLongLong()) / 1024.0;
    }
    return -1;
}

// The floor: plain QNAM GETs following nextLinks, no parsing beyond finding the link.
qint64 rawFetchMsecs(
    QNetworkAccessManager &nam, const QUrl &first, const QString &token, int *pages, qint64 *bytes)
{
    QElapsedTimer timer;
    timer.start();
    QUrl url = first;
    *pages = 0;
    *bytes = 0;
    while (!url.isEmpty()) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", QByteArray("Bearer ") + token.toUtf8());
        QNetworkReply *reply = nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            std::fprintf(stderr, "raw fetch failed: %s\n", qPrintable(reply->errorString()));
            return -1;
        }
        *bytes += body.size();
        ++*pages;
        url = keyturn::findNextLink(body);
    }
    return timer.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("devices"), QStringLiteral("Number of devices."), QStringLiteral("N"),
        QStringLiteral("100000") });
    parser.addOption(
        { QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"), QStringLiteral("1") });
    parser.process(app);

    keyturn::demo::DemoOptions options;
    options.devices = parser.value(QStringLiteral("devices")).toInt();
    options.seed = parser.value(QStringLiteral("seed")).toUInt();
    QElapsedTimer timer;
    timer.start();
    keyturn::demo::DemoTenant tenant(options);
    QString error;
    if (!tenant.start(&error)) {
        std::fprintf(stderr, "demo tenant: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("demo tenant: %d devices ready in %lld ms\n", options.devices, timer.elapsed());
    const QString token = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk"));
    const double rssBefore = residentMegabytes();

    QNetworkAccessManager nam;
    keyturn::StaticAccessTokenProvider tokens(token);
    keyturn::GraphClient client(&nam, &tokens, keyturn::SystemClock::instance());
    keyturn::GraphClientConfig config;
    config.graphRoot = tenant.baseUrl();
    client.setConfig(config);

    QUrl first = client.baseUrl();
    first.setPath(first.path() + QStringLiteral("/deviceManagement/managedDevices"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), keyturn::deviceListSelect());
    query.addQueryItem(QStringLiteral("$top"), QStringLiteral("1000"));
    first.setQuery(query);

    // Warm up the server's caches and the connection once, then take the best of three.
    int pages = 0;
    qint64 bytes = 0;
    rawFetchMsecs(nam, first, token, &pages, &bytes);
    qint64 floorMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i)
        floorMs = std::min(floorMs, rawFetchMsecs(nam, first, token, &pages, &bytes));
    std::printf(
        "raw fetch floor: %lld ms for %d pages, %.1f MB\n", floorMs, pages, static_cast<double>(bytes) / 1e6);

    keyturn::DeviceTableModel model;
    keyturn::DeviceFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(keyturn::DeviceTableModel::Name);
    keyturn::DeviceListLoader loader(&client, &model);
    qint64 bestLoad = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&loader, &keyturn::DeviceListLoader::finished, &loop, [&] {
            ok = true;
            loop.quit();
        });
        QObject::connect(
            &loader, &keyturn::DeviceListLoader::failed, &loop, [&](const keyturn::GraphError &e) {
                std::fprintf(stderr, "load failed: %s\n", qPrintable(e.details()));
                loop.quit();
            });
        timer.restart();
        loader.start();
        loop.exec();
        proxy.settleSort(); // rows in final order: part of the load as the user sees it
        const qint64 ms = timer.elapsed();
        loader.disconnect(&loop);
        if (!ok)
            return 1;
        bestLoad = std::min(bestLoad, ms);
        std::printf(
            "full load #%d: %lld ms, %d rows (proxy %d)\n", i + 1, ms, model.rowCount(), proxy.rowCount());
    }
    std::printf("full load best: %lld ms = %.2fx the raw floor (bar: 1.3x)\n", bestLoad,
        static_cast<double>(bestLoad) / static_cast<double>(std::max<qint64>(1, floorMs)));

    qint64 worstKeystroke = 0;
    const QStringList typing{ QStringLiteral("m"), QStringLiteral("ma"), QStringLiteral("mac"),
        QStringLiteral("mac-"), QStringLiteral("mac-0"), QStringLiteral("mac-00"), QStringLiteral("mac-0"),
        QStringLiteral("mac"), QStringLiteral(""), QStringLiteral("example"), QStringLiteral("alice"),
        QStringLiteral("") };
    for (const QString &text : typing) {
        timer.restart();
        proxy.setSearchText(text);
        const int shown = proxy.rowCount(); // the proxy maps lazily: count the rebuild a view triggers
        const qint64 ms = timer.elapsed();
        worstKeystroke = std::max(worstKeystroke, ms);
        std::printf("search '%s': %lld ms, %d rows\n", qPrintable(text), ms, shown);
    }
    for (auto filter : { keyturn::DeviceFilterProxy::PlatformFilter::MacOS,
             keyturn::DeviceFilterProxy::PlatformFilter::All }) {
        timer.restart();
        proxy.setPlatformFilter(filter);
        const int shown = proxy.rowCount();
        std::printf("platform filter: %lld ms, %d rows\n", timer.elapsed(), shown);
    }
    timer.restart();
    proxy.sort(keyturn::DeviceTableModel::OsVersion);
    (void)proxy.rowCount();
    std::printf("sort by OS version: %lld ms\n", timer.elapsed());
    std::printf("worst search keystroke: %lld ms (bar: 50 ms)\n", worstKeystroke);
    const double rssAfter = residentMegabytes();
    std::printf(
        "resident memory: %.0f MB (tenant alone %.0f MB; bar: 300 MB for the app)\n", rssAfter, rssBefore);
    return 0;
}
