// keyturn-benchmark: the device list's speed and memory against a separate keyturn-demo-tenant
// process (not a ctest test: speed is measured here, never in a timed test). For each device
// count x added latency it starts a tenant, signs in over HTTP (authorization code + PKCE) and
// measures Keyturn's real client, model, proxy and view, the raw QNAM floor and, where Node.js
// is available, Microsoft's JavaScript Graph client; then it prints a Markdown table. A second table
// puts a large tenant at real-world latency (added latency plus server time per page): the
// sequential floor, Keyturn page after page, Keyturn with partitions, Keyturn with the partitions'
// fallback forced (a tenant that ignores date filters) and the JavaScript client.
#include "CacheStart.h"
#include "HttpSignIn.h"
#include "JsPeer.h"
#include "KeyturnList.h"
#include "ProcessMemory.h"
#include "RawFloor.h"
#include "TenantProcess.h"

#include "devices/DeviceListPage.h"
#include "devices/DeviceTableModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSysInfo>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifndef KEYTURN_DEMO_TENANT_PATH
#define KEYTURN_DEMO_TENANT_PATH "keyturn-demo-tenant"
#endif
#ifndef KEYTURN_BENCH_PEER_DIR
#define KEYTURN_BENCH_PEER_DIR "peer"
#endif

namespace {

using namespace keyturn::bench;

struct Options {
    std::vector<int> devices;
    std::vector<int> latencies;
    int repeats = 7;
    int latencyRepeats = 1;
    unsigned seed = 1;
    QString tenant;
    QString peerDir;
    bool peer = true;
    QString query;
    std::vector<int> partitionDevices;
    int partitionLatency = 100;
    std::vector<int> pageMs;
    int partitionRequests = 0; ///< <= 0: the app's
    int networkManagers = 0; ///< <= 0: the app's
    bool partitionedOnly = false; ///< the partition table: only Keyturn with partitions
};

/// One configuration of the partition table: every figure from the same tenant settings.
struct PartitionRow {
    int devices = 0;
    int latencyMs = 0;
    int pageMs = 0;
    FetchTiming floor; // sequential raw pages
    LoadTiming sequential; // Keyturn with partitions off
    LoadTiming partitioned; // Keyturn as shipped
    LoadTiming fallback; // Keyturn against a tenant that ignores date filters
    std::optional<PeerTiming> peer;
    QString peerNote;
    double peakRssMb = -1;
};

struct Row {
    int devices = 0;
    int latencyMs = 0;
    LoadTiming keyturn; // best complete; firstRowsMs is the best first rows
    FetchTiming raw; // best total
    std::vector<double> pairRatios; // each run's Keyturn / floor (the two loads ran back to back)
    std::optional<PeerTiming> peer;
    QString peerNote;
    double peakRssMb = -1;
};

struct Interaction {
    int rows = 0;
    std::vector<double> keystrokes;
    double sortVersionMs = -1, sortLastCheckInMs = -1, sortNameMs = -1;
    double copyRowsMs = -1, shareRowsMs = -1;
    double peakRssMb = -1;
};

std::vector<int> parseIntList(const QString &text)
{
    std::vector<int> values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (ok && v >= 0)
            values.push_back(v);
    }
    return values;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

QString ms(double value)
{
    if (value < 0)
        return QStringLiteral("n/a");
    if (value >= 1000)
        return QStringLiteral("%1 s").arg(value / 1000, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 1 : 0);
}

QString firstLineOf(const QString &path, const QByteArray &prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    }
    return {};
}

QString machineDescription()
{
    const QString cpu = firstLineOf(QStringLiteral("/proc/cpuinfo"), QByteArrayLiteral("model name"));
    const QString memKb = firstLineOf(QStringLiteral("/proc/meminfo"), QByteArrayLiteral("MemTotal"));
    const double memGb
        = static_cast<double>(memKb.split(QLatin1Char(' ')).value(0).toLongLong()) / 1024.0 / 1024.0;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    QString load;
    if (loadavg.open(QIODevice::ReadOnly))
        load = QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2);
    return QStringLiteral("%1 logical CPUs (%2), %3 GB RAM, %4; Qt %5; load average at start %6")
        .arg(QThread::idealThreadCount())
        .arg(cpu.isEmpty() ? QSysInfo::currentCpuArchitecture() : cpu)
        .arg(memGb, 0, 'f', 1)
        .arg(QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()),
            load.isEmpty() ? QStringLiteral("?") : load);
}

QUrl firstPageUrl(const QUrl &tenantRoot)
{
    QUrl url = tenantRoot;
    url.setPath(QStringLiteral("/beta/deviceManagement/managedDevices"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), keyturn::deviceListSelect());
    query.addQueryItem(QStringLiteral("$top"), QStringLiteral("1000"));
    url.setQuery(query);
    return url;
}

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0); // freed heap from the previous configuration must not count as this one's peak
#endif
}

bool runConfiguration(const Options &options, int devices, int latencyMs, bool interact, JsPeer *peer,
    Row *row, std::optional<Interaction> *interaction)
{
    row->devices = devices;
    row->latencyMs = latencyMs;
    std::fprintf(stderr, "== %d devices, %d ms added latency\n", devices, latencyMs);
    TenantProcess tenant;
    QString error;
    if (!tenant.start(options.tenant, devices, options.seed, latencyMs, 180000, &error)) {
        std::fprintf(stderr, "tenant: %s\n", qPrintable(error));
        return false;
    }
    std::fprintf(stderr, "   tenant ready in %lld ms at %s\n", tenant.startupMsecs(),
        qPrintable(tenant.baseUrl().toString()));
    QNetworkAccessManager rawNam;
    const QString token = signInOverHttp(rawNam, tenant.baseUrl(), QStringLiteral("helpdesk"), &error);
    if (token.isEmpty()) {
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
        return false;
    }
    const QUrl first = firstPageUrl(tenant.baseUrl());
    const int repeats = std::max(1, latencyMs > 0 ? options.latencyRepeats : options.repeats);
    if (latencyMs == 0)
        (void)fetchRaw(rawNam, first, token); // warm the tenant and the connection

    releaseFreedMemory();
    resetPeakResident();
    {
        KeyturnList list(tenant.baseUrl(), token);
        list.setConcurrency(options.partitionRequests, options.networkManagers);
        row->raw.totalMs = 1e300;
        row->keyturn.completeMs = 1e300;
        double bestFirstRows = 1e300;
        for (int i = 0; i < repeats; ++i) {
            // Alternate floor and Keyturn so background load on a shared machine hits both alike.
            const FetchTiming raw = fetchRaw(rawNam, first, token);
            if (!raw.ok) {
                std::fprintf(stderr, "raw fetch: %s\n", qPrintable(raw.error));
                return false;
            }
            const LoadTiming load = list.load();
            if (!load.ok) {
                std::fprintf(stderr, "Keyturn load: %s\n", qPrintable(load.error));
                return false;
            }
            std::fprintf(stderr,
                "   run %d: floor %s (%.0f ms CPU, %d pages, %.1f MB); Keyturn first rows %s, complete %s "
                "(%.0f ms CPU), %d rows\n",
                i + 1, qPrintable(ms(raw.totalMs)), raw.cpuMs, raw.pages,
                static_cast<double>(raw.bytes) / 1e6, qPrintable(ms(load.firstRowsMs)),
                qPrintable(ms(load.completeMs)), load.cpuMs, load.rows);
            row->pairRatios.push_back(load.completeMs / std::max(1e-3, raw.totalMs));
            if (raw.totalMs < row->raw.totalMs)
                row->raw = raw;
            if (load.completeMs < row->keyturn.completeMs)
                row->keyturn = load;
            bestFirstRows = std::min(bestFirstRows, load.firstRowsMs);
        }
        row->keyturn.firstRowsMs = bestFirstRows;
        row->peakRssMb = peakResidentMegabytes();

        if (interact) {
            Interaction result;
            result.rows = list.visibleRows();
            for (int round = 0; round < 3; ++round) {
                const std::vector<double> times = list.typeAndErase(options.query);
                result.keystrokes.insert(result.keystrokes.end(), times.begin(), times.end());
            }
            result.sortVersionMs = list.sortBy(keyturn::DeviceTableModel::OsVersion);
            result.sortLastCheckInMs = list.sortBy(keyturn::DeviceTableModel::LastCheckIn);
            result.sortNameMs = list.sortBy(keyturn::DeviceTableModel::Name);
            std::tie(result.copyRowsMs, result.shareRowsMs) = list.handOverRows();
            result.peakRssMb = peakResidentMegabytes();
            row->peakRssMb = result.peakRssMb;
            std::fprintf(stderr, "   search '%s': median %s over %zu keystrokes; sort by OS version %s\n",
                qPrintable(options.query), qPrintable(ms(median(result.keystrokes))),
                result.keystrokes.size(), qPrintable(ms(result.sortVersionMs)));
            *interaction = result;
        }
    }
    releaseFreedMemory();

    if (peer) {
        const PeerTiming timing = peer->run(tenant.baseUrl(), keyturn::deviceListSelect(), token, repeats);
        if (!timing.ok) {
            row->peerNote = timing.error;
            std::fprintf(stderr, "   JS peer failed: %s\n", qPrintable(timing.error));
        } else {
            row->peer = timing;
            std::fprintf(stderr, "   JS peer: first page %s, complete %s, %d devices\n",
                qPrintable(ms(timing.firstPageMs)), qPrintable(ms(timing.totalMs)), timing.devices);
            if (timing.devices != row->keyturn.rows)
                row->peerNote = QStringLiteral("peer listed %1 devices").arg(timing.devices);
        }
    }
    return true;
}

QString pass(bool ok)
{
    return ok ? QStringLiteral("pass") : QStringLiteral("FAIL");
}

/// Best of `repeats` loads by completion time (first rows: the best seen), or the first failure.
LoadTiming bestLoad(KeyturnList &list, int repeats, const char *label, const TenantProcess *tenant = nullptr)
{
    LoadTiming best;
    best.completeMs = 1e300;
    double bestFirstRows = 1e300;
    for (int i = 0; i < std::max(1, repeats); ++i) {
        const double tenantCpuBefore = tenant ? tenant->cpuMilliseconds() : -1;
        const LoadTiming load = list.load();
        if (!load.ok) {
            std::fprintf(stderr, "   %s: %s\n", label, qPrintable(load.error));
            return load;
        }
        std::fprintf(stderr,
            "   %s: first rows %s, complete %s (CPU: %.0f ms Keyturn, %.0f ms tenant), %d rows, %s\n", label,
            qPrintable(ms(load.firstRowsMs)), qPrintable(ms(load.completeMs)), load.cpuMs,
            tenant ? tenant->cpuMilliseconds() - tenantCpuBefore : -1.0, load.rows,
            load.partitioned ? "listed as partitions" : "listed page after page");
        if (load.completeMs < best.completeMs)
            best = load;
        bestFirstRows = std::min(bestFirstRows, load.firstRowsMs);
    }
    best.firstRowsMs = bestFirstRows;
    return best;
}

bool startTenant(TenantProcess &tenant, QNetworkAccessManager &nam, const Options &options, int devices,
    int latencyMs, const QStringList &extra, QString *token)
{
    QString error;
    if (!tenant.start(options.tenant, devices, options.seed, latencyMs, 180000, &error, extra)) {
        std::fprintf(stderr, "tenant: %s\n", qPrintable(error));
        return false;
    }
    *token = signInOverHttp(nam, tenant.baseUrl(), QStringLiteral("helpdesk"), &error);
    if (token->isEmpty())
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
    return !token->isEmpty();
}

bool runPartitionConfiguration(
    const Options &options, int devices, int latencyMs, int pageMs, JsPeer *peer, PartitionRow *row)
{
    row->devices = devices;
    row->latencyMs = latencyMs;
    row->pageMs = pageMs;
    std::fprintf(stderr, "== %d devices, %d ms added latency, %d ms server time per page\n", devices,
        latencyMs, pageMs);
    const QStringList pageArgs{ QStringLiteral("--page-ms"), QString::number(pageMs) };
    const int repeats = options.latencyRepeats;
    QNetworkAccessManager nam;
    QString token;
    {
        TenantProcess tenant;
        if (!startTenant(tenant, nam, options, devices, latencyMs, pageArgs, &token))
            return false;
        if (options.partitionedOnly) {
            KeyturnList list(tenant.baseUrl(), token);
            list.setConcurrency(options.partitionRequests, options.networkManagers);
            row->partitioned = bestLoad(list, repeats, "Keyturn (partitions on)", &tenant);
            row->peakRssMb = peakResidentMegabytes();
            return row->partitioned.ok;
        }
        row->floor = fetchRaw(nam, firstPageUrl(tenant.baseUrl()), token);
        if (!row->floor.ok) {
            std::fprintf(stderr, "raw fetch: %s\n", qPrintable(row->floor.error));
            return false;
        }
        std::fprintf(stderr, "   sequential floor: %s, %d pages\n", qPrintable(ms(row->floor.totalMs)),
            row->floor.pages);
        releaseFreedMemory();
        resetPeakResident();
        KeyturnList list(tenant.baseUrl(), token);
        list.setConcurrency(options.partitionRequests, options.networkManagers);
        row->partitioned = bestLoad(list, repeats, "Keyturn (partitions on)", &tenant);
        row->peakRssMb = peakResidentMegabytes(); // the process holding the partitioned list
        list.setPartitions(false);
        row->sequential = bestLoad(list, repeats, "Keyturn (page after page)", &tenant);
        if (!row->partitioned.ok || !row->sequential.ok)
            return false;
        if (peer) {
            const PeerTiming timing
                = peer->run(tenant.baseUrl(), keyturn::deviceListSelect(), token, repeats);
            if (timing.ok) {
                row->peer = timing;
                std::fprintf(stderr, "   JS peer: complete %s, %d devices\n", qPrintable(ms(timing.totalMs)),
                    timing.devices);
            } else {
                row->peerNote = timing.error;
            }
        }
    }
    {
        TenantProcess tenant;
        if (!startTenant(tenant, nam, options, devices, latencyMs,
                pageArgs + QStringList{ QStringLiteral("--ignore-date-filters") }, &token))
            return false;
        KeyturnList list(tenant.baseUrl(), token);
        list.setConcurrency(options.partitionRequests, options.networkManagers);
        row->fallback = bestLoad(list, repeats, "Keyturn (fallback forced)", &tenant);
        if (!row->fallback.ok)
            return false;
    }
    releaseFreedMemory();
    return true;
}

void printPartitionTable(const std::vector<PartitionRow> &rows)
{
    if (rows.empty())
        return;
    std::printf(
        "\n| Devices | Added latency | Server time per page | Sequential floor (QNAM) | Keyturn page after "
        "page | Keyturn partitions: first rows | Keyturn partitions: complete | Fallback forced | "
        "Fallback / page after page | JS Graph client | Peak RSS, partitioned list loaded |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const PartitionRow &r : rows) {
        const QString peerCell = r.peer ? ms(r.peer->totalMs) : QStringLiteral("n/a: %1").arg(r.peerNote);
        std::printf("| %s | %d ms | %d ms | %s | %s | %s | %s | %s | %.2fx | %s | %.0f MB |\n",
            qPrintable(QLocale::c().toString(r.devices)), r.latencyMs, r.pageMs,
            qPrintable(ms(r.floor.totalMs)), qPrintable(ms(r.sequential.completeMs)),
            qPrintable(ms(r.partitioned.firstRowsMs)), qPrintable(ms(r.partitioned.completeMs)),
            qPrintable(ms(r.fallback.completeMs)),
            r.fallback.completeMs / std::max(1e-3, r.sequential.completeMs), qPrintable(peerCell),
            r.peakRssMb);
    }
    std::printf("\nBars for the partitions:\n");
    bool firstRow = true;
    for (const PartitionRow &r : rows) {
        // The memory bar holds for a process that listed nothing before; later rows run in a process
        // that still holds the heap of the rows before them (run one alone with --page-ms).
        const QString memory = firstRow
            ? QStringLiteral("%1 MB (<= 150 MB): %2")
                  .arg(r.peakRssMb, 0, 'f', 0)
                  .arg(pass(r.peakRssMb > 0 && r.peakRssMb <= 150))
            : QStringLiteral("%1 MB (after another row in this process: no verdict)")
                  .arg(r.peakRssMb, 0, 'f', 0);
        firstRow = false;
        if (!r.sequential.ok) {
            const double bar = r.pageMs == 0 ? 3000 : 12000;
            std::printf("- %d devices, %d ms + %d ms per page: complete %s (<= %s): %s; %d rows\n", r.devices,
                r.latencyMs, r.pageMs, qPrintable(ms(r.partitioned.completeMs)), qPrintable(ms(bar)),
                qPrintable(pass(r.partitioned.completeMs <= bar)), r.partitioned.rows);
            continue;
        }
        const double bar = r.pageMs == 0 ? 3000 : 12000;
        const bool exact = r.partitioned.rows == r.devices && r.sequential.rows == r.devices
            && r.fallback.rows == r.devices;
        std::printf(
            "- %d devices, %d ms + %d ms per page: complete %s (<= %s): %s; fallback forced %.2fx page after "
            "page (<= 1.10x): %s; exactly %d rows in every load: %s; peak RSS %s\n",
            r.devices, r.latencyMs, r.pageMs, qPrintable(ms(r.partitioned.completeMs)), qPrintable(ms(bar)),
            qPrintable(pass(r.partitioned.completeMs <= bar)),
            r.fallback.completeMs / std::max(1e-3, r.sequential.completeMs),
            qPrintable(pass(r.fallback.completeMs <= 1.1 * r.sequential.completeMs)), r.devices,
            qPrintable(pass(exact)), qPrintable(memory));
    }
}

// The app logs every Graph request at info level; the benchmark keeps that cost but not the noise.
void quietInfoHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtInfoMsg || type == QtDebugMsg)
        return;
    std::fprintf(stderr, "%s: %s\n", context.category ? context.category : "", qPrintable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qInstallMessageHandler(quietInfoHandler);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures Keyturn's device list against a separate keyturn-demo-tenant process and "
                       "prints a Markdown table."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("devices"), QStringLiteral("Comma-separated device counts."),
            QStringLiteral("N,..."), QStringLiteral("10000,100000") },
        { QStringLiteral("latency"), QStringLiteral("Comma-separated added latencies (ms)."),
            QStringLiteral("MS,..."), QStringLiteral("0,100") },
        { QStringLiteral("repeats"), QStringLiteral("Runs per configuration without latency (best is kept)."),
            QStringLiteral("R"), QStringLiteral("7") },
        { QStringLiteral("latency-repeats"), QStringLiteral("Runs per configuration with added latency."),
            QStringLiteral("R"), QStringLiteral("1") },
        { QStringLiteral("seed"), QStringLiteral("The tenant's data seed."), QStringLiteral("S"),
            QStringLiteral("1") },
        { QStringLiteral("tenant"), QStringLiteral("Path of keyturn-demo-tenant."), QStringLiteral("PATH"),
            QStringLiteral(KEYTURN_DEMO_TENANT_PATH) },
        { QStringLiteral("peer-dir"), QStringLiteral("Folder of the JavaScript peer (list-devices.js)."),
            QStringLiteral("DIR"), QStringLiteral(KEYTURN_BENCH_PEER_DIR) },
        { QStringLiteral("no-peer"), QStringLiteral("Skip the JavaScript peer.") },
        { QStringLiteral("query"), QStringLiteral("What the search keystroke test types."),
            QStringLiteral("TEXT"), QStringLiteral("mac-01") },
        { QStringLiteral("partition-devices"),
            QStringLiteral("Device counts of the partition table (empty: no partition table)."),
            QStringLiteral("N,..."), QStringLiteral("100000") },
        { QStringLiteral("partition-latency"), QStringLiteral("Added latency (ms) of the partition table."),
            QStringLiteral("MS"), QStringLiteral("100") },
        { QStringLiteral("page-ms"),
            QStringLiteral("Comma-separated server times per page (ms) of the partition table."),
            QStringLiteral("MS,..."), QStringLiteral("0,500") },
        { QStringLiteral("partitions-only"), QStringLiteral("Only the partition table.") },
        { QStringLiteral("partitioned-only"),
            QStringLiteral("In the partition table, measure only Keyturn with partitions.") },
        { QStringLiteral("partition-requests"),
            QStringLiteral("Partition requests out at once (default: the app's)."), QStringLiteral("N") },
        { QLatin1String(kCacheStartOption),
            QStringLiteral("Only the start from the warm cache of N devices in --cache-folder, one line "
                           "on stdout (the benchmark runs itself so for a fresh process)."),
            QStringLiteral("N") },
        { QLatin1String(kCacheFolderOption), QStringLiteral("The folder of --cache-start-only's cache."),
            QStringLiteral("DIR") },
        { QStringLiteral("network-managers"),
            QStringLiteral("Network managers the client may use at once (default: the app's)."),
            QStringLiteral("N") },
    });
    parser.process(app);
    if (parser.isSet(QLatin1String(kCacheStartOption)))
        return printCacheStart(parser.value(QLatin1String(kCacheFolderOption)),
            parser.value(QLatin1String(kCacheStartOption)).toInt());

    Options options;
    options.devices = parseIntList(parser.value(QStringLiteral("devices")));
    options.latencies = parseIntList(parser.value(QStringLiteral("latency")));
    options.repeats = parser.value(QStringLiteral("repeats")).toInt();
    options.latencyRepeats = parser.value(QStringLiteral("latency-repeats")).toInt();
    options.seed = parser.value(QStringLiteral("seed")).toUInt();
    options.tenant = parser.value(QStringLiteral("tenant"));
    options.peerDir = QDir(parser.value(QStringLiteral("peer-dir"))).absolutePath();
    options.peer = !parser.isSet(QStringLiteral("no-peer"));
    options.query = parser.value(QStringLiteral("query"));
    options.partitionDevices = parseIntList(parser.value(QStringLiteral("partition-devices")));
    options.partitionLatency = parser.value(QStringLiteral("partition-latency")).toInt();
    options.pageMs = parseIntList(parser.value(QStringLiteral("page-ms")));
    options.partitionRequests = parser.value(QStringLiteral("partition-requests")).toInt();
    options.networkManagers = parser.value(QStringLiteral("network-managers")).toInt();
    options.partitionedOnly = parser.isSet(QStringLiteral("partitioned-only"));
    if (parser.isSet(QStringLiteral("partitions-only")))
        options.devices.clear();
    if ((options.devices.empty() && options.partitionDevices.empty()) || options.latencies.empty()
        || options.query.isEmpty()) {
        std::fprintf(stderr, "nothing to measure\n");
        return 2;
    }
    std::sort(options.devices.begin(), options.devices.end());
    const QString machine = machineDescription();

    JsPeer peer(options.peerDir);
    bool peerReady = false;
    QString peerReason = QStringLiteral("skipped (--no-peer)");
    if (options.peer) {
        peerReady = peer.prepare();
        if (!peerReady)
            peerReason = peer.reason();
    }

    const int largest = options.devices.empty() ? 0 : options.devices.back();
    std::vector<Row> rows;
    std::optional<Interaction> interaction;
    for (const int devices : options.devices) {
        for (const int latency : options.latencies) {
            Row row;
            const bool interact = devices == largest && latency == options.latencies.front() && !interaction;
            if (!runConfiguration(
                    options, devices, latency, interact, peerReady ? &peer : nullptr, &row, &interaction))
                return 1;
            if (!peerReady)
                row.peerNote = peerReason;
            rows.push_back(row);
        }
    }

    std::vector<PartitionRow> partitionRows;
    for (const int devices : options.partitionDevices) {
        for (const int pageMs : options.pageMs) {
            PartitionRow row;
            if (!runPartitionConfiguration(
                    options, devices, options.partitionLatency, pageMs, peerReady ? &peer : nullptr, &row))
                return 1;
            if (!peerReady)
                row.peerNote = peerReason;
            partitionRows.push_back(row);
        }
    }

    std::printf("\nMachine: %s\n", qPrintable(machine));
    const auto setting
        = [](int value) { return value > 0 ? QString::number(value) : QStringLiteral("the app's"); };
    std::printf("Partition requests at once: %s; network managers: %s\n",
        qPrintable(setting(options.partitionRequests)), qPrintable(setting(options.networkManagers)));
    printPartitionTable(partitionRows);
    if (rows.empty())
        return 0;
    std::printf("\n");
    std::printf("| Devices | Added latency | Keyturn first rows | Keyturn complete list | Raw floor (QNAM, "
                "no parsing) "
                "| Keyturn / floor | JS Graph client (PageIterator) | Peak RSS, list loaded |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Row &r : rows) {
        const QString peerCell = r.peer
            ? QStringLiteral("%1 (first page %2)").arg(ms(r.peer->totalMs), ms(r.peer->firstPageMs))
            : QStringLiteral("n/a: %1").arg(r.peerNote);
        std::printf("| %s | %d ms | %s | %s | %s | %.2fx | %s | %.0f MB |\n",
            qPrintable(QLocale::c().toString(r.devices)), r.latencyMs, qPrintable(ms(r.keyturn.firstRowsMs)),
            qPrintable(ms(r.keyturn.completeMs)), qPrintable(ms(r.raw.totalMs)),
            r.keyturn.completeMs / std::max(1e-3, r.raw.totalMs), qPrintable(peerCell), r.peakRssMb);
    }
    if (interaction) {
        std::printf(
            "\nAt %s rows: search keystroke (typing \"%s\" and erasing it, x3, until the table repainted): "
            "median %s, worst %s over %zu keystrokes. Header click to sort: OS version %s, last check-in %s, "
            "device name %s.\n",
            qPrintable(QLocale::c().toString(interaction->rows)), qPrintable(options.query),
            qPrintable(ms(median(interaction->keystrokes))),
            qPrintable(ms(*std::max_element(interaction->keystrokes.begin(), interaction->keystrokes.end()))),
            interaction->keystrokes.size(), qPrintable(ms(interaction->sortVersionMs)),
            qPrintable(ms(interaction->sortLastCheckInMs)), qPrintable(ms(interaction->sortNameMs)));
        std::printf("Handing the loaded rows to the cache writer on the UI thread: a copy takes %s, sharing "
                    "them %.3f ms.\n",
            qPrintable(ms(interaction->copyRowsMs)), interaction->shareRowsMs);
    }

    const CacheStartTiming cacheStart
        = measureCacheStartInFreshProcess(options.tenant, largest, options.seed);
    if (cacheStart.ok)
        std::printf(
            "\nStart from a warm cache at %s devices (%.0f MB file, written in %s): first rows %s, every "
            "row %s, peak RSS %.0f MB.\n",
            qPrintable(QLocale::c().toString(largest)), cacheStart.fileMb, qPrintable(ms(cacheStart.writeMs)),
            qPrintable(ms(cacheStart.firstRowsMs)), qPrintable(ms(cacheStart.allRowsMs)),
            cacheStart.peakRssMb);
    else
        std::printf("\nStart from a warm cache: failed: %s\n", qPrintable(cacheStart.error));

    // The issue's bars, judged on the largest list.
    std::printf("\nBars (at %s devices):\n", qPrintable(QLocale::c().toString(largest)));
    for (const Row &r : rows) {
        if (r.devices != largest)
            continue;
        const double ratio = r.keyturn.completeMs / std::max(1e-3, r.raw.totalMs);
        const auto [lowest, highest] = std::minmax_element(r.pairRatios.begin(), r.pairRatios.end());
        std::printf("- %d ms latency: complete list %.2fx the floor (<= 1.1x, best of %zu each): %s (run by "
                    "run: median %.2fx, %.2fx-%.2fx); ",
            r.latencyMs, ratio, r.pairRatios.size(), qPrintable(pass(ratio <= 1.1)), median(r.pairRatios),
            r.pairRatios.empty() ? 0.0 : *lowest, r.pairRatios.empty() ? 0.0 : *highest);
        if (r.peer)
            std::printf("ahead of the JS peer (%s vs %s): %s; ", qPrintable(ms(r.keyturn.completeMs)),
                qPrintable(ms(r.peer->totalMs)), qPrintable(pass(r.keyturn.completeMs < r.peer->totalMs)));
        else
            std::printf("JS peer: n/a; ");
        std::printf("first rows %s (< 0.5 s): %s; peak RSS %.0f MB (< 300 MB): %s\n",
            qPrintable(ms(r.keyturn.firstRowsMs)),
            qPrintable(pass(r.keyturn.firstRowsMs >= 0 && r.keyturn.firstRowsMs < 500)), r.peakRssMb,
            qPrintable(pass(r.peakRssMb > 0 && r.peakRssMb < 300)));
    }
    std::printf(
        "- start from a warm cache: first rows %s (<= 300 ms): %s; peak RSS %.0f MB (<= 150 MB): %s\n",
        qPrintable(ms(cacheStart.firstRowsMs)),
        qPrintable(pass(cacheStart.ok && cacheStart.firstRowsMs <= 300)), cacheStart.peakRssMb,
        qPrintable(pass(cacheStart.ok && cacheStart.peakRssMb <= 150)));
    if (interaction) {
        const double m = median(interaction->keystrokes);
        std::printf("- search keystroke median %s (<= 16 ms, one frame): %s\n", qPrintable(ms(m)),
            qPrintable(pass(m >= 0 && m <= 16)));
    }
    return 0;
}
