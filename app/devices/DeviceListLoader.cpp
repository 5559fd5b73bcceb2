#include "devices/DeviceListLoader.h"

#include "core/Logging.h"
#include "devices/DeviceTableModel.h"
#include "devices/PartitionProof.h"
#include "devices/PartitionedListing.h"
#include "graph/GraphClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace keyturn {

namespace {
// The overview's count sizes the model's storage up front, unless it is implausibly large.
constexpr int kReserveAtMost = 1000000;

} // namespace

struct DeviceListLoader::PageResult {
    int index = 0;
    QUrl url; // where this page came from (to resume after a failure)
    QUrl prefetchedNext; // what findNextLink said, already requested
    DevicePage page;
    GraphError error; // network/HTTP failure or Malformed
    qsizetype bodyBytes = 0;
    qint64 parseNsecs = 0; // how long it took to parse
};

DeviceListLoader::DeviceListLoader(GraphClient *client, DeviceTableModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    // One parser thread: pages parse in order, beside the UI thread (the machine may have two cores).
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(5000);
    m_disposal.setMaxThreadCount(1);
    m_disposal.setExpiryTimeout(5000);
}

DeviceListLoader::~DeviceListLoader()
{
    ++m_generation;
    abandon(m_reply);
    abandon(m_overviewReply);
    if (m_partitions) {
        m_partitions->disconnect(this);
        delete m_partitions;
    }
    m_pool.clear();
    m_pool.waitForDone();
    m_disposal.waitForDone();
}

void DeviceListLoader::start()
{
    stop();
    m_total.reset();
    m_overview.reset();
    m_overviewAsked = false;
    m_partitionsTried = false;
    m_startedAside = m_model && m_model->rowCount() > 0;
    startSequence();
}

void DeviceListLoader::startSequence()
{
    m_loading = true;
    m_loaded = 0;
    m_complete = false;
    m_nextToDeliver = 0;
    m_pagesParsedInline = 0;
    m_resumeUrl.clear();
    m_sequenceClock.start();
    m_firstPages = {};
    dispose(std::move(m_gathered));
    m_gathered = {};
    // A list on screen stays until the new one is complete; an empty one fills as pages come.
    m_aside = m_model && m_model->rowCount() > 0;
    requestPage(0, {}, true);
}

bool DeviceListLoader::canRetry() const
{
    return !m_loading && (m_partitions || !m_resumeUrl.isEmpty());
}

void DeviceListLoader::dispose(std::vector<DeviceRecord> &&records)
{
    // Freeing 100,000 records takes a while: not on the UI thread.
    if (!records.empty())
        m_disposal.start([old = std::move(records)]() mutable { std::vector<DeviceRecord>().swap(old); });
}

bool DeviceListLoader::isClearlyFewer(int loaded, int expected)
{
    // The overview lags the list by minutes: a few devices (about 1 %) either way is normal.
    return expected - loaded > std::max(5, expected / 100);
}

void DeviceListLoader::requestOverview()
{
    if (!m_client || m_overviewReply || m_overviewAsked)
        return;
    m_overviewAsked = true;
    GraphReply *reply = m_client->get(QStringLiteral("deviceManagement/managedDeviceOverview"));
    m_overviewReply = reply;
    connect(reply, &GraphReply::finished, this, [this, reply] { onOverviewFinished(reply); });
}

void DeviceListLoader::onOverviewFinished(GraphReply *reply)
{
    if (reply != m_overviewReply)
        return;
    m_overviewReply = nullptr;
    if (reply->error().isError()) {
        // Without the overview the list still loads; only the total and the completeness check go.
        qCInfo(lcDevices) << "device overview unavailable:" << reply->error().details();
        return;
    }
    m_overview = parseDeviceOverview(reply->body());
    if (!m_overview)
        return;
    m_total = m_overview->enrolledDeviceCount;
    qCInfo(lcDevices) << "the overview counts" << *m_total << "devices";
    if (m_aside && *m_total <= kReserveAtMost)
        m_gathered.reserve(static_cast<std::size_t>(*m_total));
    else if (m_model && *m_total > m_model->rowCount() && *m_total <= kReserveAtMost)
        m_model->reserveRows(*m_total);
    if (!m_loading) {
        checkCompleteness();
        return;
    }
    Q_EMIT progress(m_loaded, m_total);
    maybePartition();
}

void DeviceListLoader::maybePartition()
{
    if (!shouldPartition())
        return;
    PartitionPlan plan = planPartitions(*m_overview, QDateTime::currentMSecsSinceEpoch(), m_planOptions);
    if (plan.partitions.empty())
        qCInfo(lcDevices) << "listing page after page:" << plan.whyNot;
    else
        startPartitions(std::move(plan.partitions));
}

bool DeviceListLoader::shouldPartition()
{
    // Only early in a sequential load (a list nearly done is not worth starting over), never for
    // a filtered list, and not for a tenant where partitions did not hold lately.
    if (!m_partitionsEnabled || m_partitionsTried || m_partitions || !m_loading || !m_overview
        || !m_extraQuery.isEmpty() || m_loaded * 2 > m_overview->enrolledDeviceCount)
        return false;
    if (m_partitionMemory.didNotHold(m_overview->id, QDateTime::currentMSecsSinceEpoch())) {
        qCInfo(lcDevices) << "partitions did not hold for this tenant lately: listing page after page";
        m_partitionsTried = true;
        return false;
    }
    // Partitions save waiting, not work: they pay where a page's round trip is mostly waiting for
    // the network and the service, as against Graph, and cost more than they save where pages come
    // about as fast as they can be parsed (a tenant on this machine). The first page decides when
    // it came back quickly; a slow one is checked against the second, since the first also carries
    // one-time costs (a new connection, the process's first request).
    const std::optional<qint64> &first = m_firstPages[0].roundTripNsecs;
    const std::optional<qint64> &second = m_firstPages[1].roundTripNsecs;
    const std::optional<qint64> &parse = m_firstPages[0].parseNsecs;
    if (!first || !parse)
        return false; // decided once both are known
    const bool hasSecondPage = m_firstPages[1].sentNsecs.has_value();
    if (roundTripsDominate(*first, *parse) && hasSecondPage && !second)
        return false; // decided when the second page is back
    m_partitionsTried = true;
    const qint64 roundTrip = second ? std::min(*first, *second) : *first;
    const double roundTripMs = static_cast<double>(roundTrip) / 1e6;
    const double parseMs = static_cast<double>(*parse) / 1e6;
    if (!roundTripsDominate(roundTrip, *parse)) {
        qCInfo(lcDevices) << "listing page after page: a page came back in" << roundTripMs
                          << "ms and parsed in" << parseMs << "ms, so round trips do not dominate";
        return false;
    }
    qCInfo(lcDevices) << "round trips dominate: a page came back in" << roundTripMs << "ms and parsed in"
                      << parseMs << "ms";
    return true;
}

DeviceListLoader::PageTiming *DeviceListLoader::firstPageTiming(int index)
{
    return index >= 0 && index < static_cast<int>(m_firstPages.size())
        ? &m_firstPages[static_cast<std::size_t>(index)]
        : nullptr;
}

bool DeviceListLoader::roundTripsDominate(qint64 roundTripNsecs, qint64 parseNsecs)
{
    return roundTripNsecs >= kRoundTripsDominateAtLeast && roundTripNsecs >= kRoundTripOverParse * parseNsecs;
}

void DeviceListLoader::startPartitions(std::vector<DevicePartition> partitions)
{
    // The unfiltered pages that arrived stay; the one in flight (and any being parsed) go.
    ++m_generation;
    if (m_waitingReply) {
        m_waitingReply = nullptr;
        Q_EMIT waitingEnded();
    }
    abandon(m_reply);
    m_pool.clear();
    m_ready.clear();
    m_resumeUrl.clear();
    m_partitionsTried = true;

    QSet<QString> listed;
    if (m_aside) {
        for (const DeviceRecord &record : m_gathered)
            listed.insert(record.id);
    } else if (m_model) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            listed.insert(m_model->record(row).id);
    }
    qCInfo(lcDevices) << "listing" << partitions.size() << "partitions at once";
    m_partitions = new PartitionedListing(
        m_client, std::move(partitions), std::move(listed), [this](std::vector<DeviceRecord> &&records) {
            appendRows(std::move(records));
            Q_EMIT progress(m_loaded, m_total);
        });
    m_partitions->setMaxInFlight(m_partitionRequests);
    connect(m_partitions, &PartitionedListing::finished, this, &DeviceListLoader::onPartitionsFinished);
    connect(m_partitions, &PartitionedListing::disproved, this, &DeviceListLoader::fallBackToSequence);
    connect(m_partitions, &PartitionedListing::failed, this, [this](const GraphError &error) {
        m_loading = false;
        Q_EMIT failed(error);
    });
    connect(m_partitions, &PartitionedListing::waiting, this, &DeviceListLoader::waiting);
    connect(m_partitions, &PartitionedListing::waitingEnded, this, &DeviceListLoader::waitingEnded);
    m_partitions->start();
}

void DeviceListLoader::onPartitionsFinished()
{
    const PartitionVerdict verdict
        = provePartitions(*m_overview, m_partitions->partitions(), m_partitions->tally());
    if (!verdict.holds) {
        fallBackToSequence(verdict.reason);
        return;
    }
    dropPartitions();
    qCInfo(lcDevices) << "the partitions hold: every device the overview counts is listed";
    completeLoad();
}

void DeviceListLoader::fallBackToSequence(const QString &reason)
{
    qCWarning(lcDevices).noquote() << "the partitions did not hold (" << reason
                                   << "): listing again page after page";
    dropPartitions();
    if (m_overview)
        m_partitionMemory.rememberDidNotHold(m_overview->id, QDateTime::currentMSecsSinceEpoch());
    Q_EMIT partitionsAbandoned(reason);
    // A first load starts over in the model (holding the unproven rows beside a second list would
    // double the memory); a refresh keeps the old list on screen until the new one is complete.
    if (!m_startedAside && m_model)
        dispose(m_model->takeAll());
    startSequence();
}

void DeviceListLoader::dropPartitions()
{
    if (!m_partitions)
        return;
    PartitionedListing *partitions = std::exchange(m_partitions, nullptr);
    partitions->stop();
    partitions->disconnect(this);
    partitions->deleteLater();
}

void DeviceListLoader::checkCompleteness()
{
    if (m_loading || !m_complete || !m_total || !isClearlyFewer(m_loaded, *m_total))
        return;
    qCWarning(lcDevices) << "the list ended with" << m_loaded << "devices; the overview counts" << *m_total;
    Q_EMIT endedEarly(m_loaded, *m_total);
}

void DeviceListLoader::cancel()
{
    if (!m_loading)
        return;
    stop(); // the pages delivered so far stay
    if (m_aside) {
        // A cancelled refresh: the list on screen stays as it was.
        m_aside = false;
        dispose(std::move(m_gathered));
        m_gathered = {};
    }
    abandon(m_overviewReply);

    qCInfo(lcDevices) << "device list cancelled after" << m_loaded << "devices";
    Q_EMIT cancelled(m_loaded);
}

void DeviceListLoader::retry()
{
    if (!canRetry())
        return;
    if (m_partitions) {
        m_loading = true;
        m_partitions->resume();
        return;
    }
    const QUrl url = m_resumeUrl;
    const int index = m_resumeIndex;
    stop();
    m_loading = true;
    m_nextToDeliver = index;
    m_resumeUrl.clear();
    requestPage(index, url, false);
}

void DeviceListLoader::abandon(QPointer<GraphReply> &reply)
{
    if (GraphReply *r = reply) {
        reply = nullptr;
        r->disconnect(this);
        r->abort();
    }
}

void DeviceListLoader::stop()
{
    ++m_generation; // parse results in flight are dropped on arrival
    m_waitingReply = nullptr;
    abandon(m_reply);
    dropPartitions();
    m_pool.clear();
    m_ready.clear();
    m_loading = false;
}

void DeviceListLoader::requestPage(int index, const QUrl &url, bool first)
{
    if (!m_client)
        return;
    GraphReply *reply = nullptr;
    QUrl pageUrl = url;
    if (first) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("$select"), deviceListSelect());
        query.addQueryItem(QStringLiteral("$top"), QStringLiteral("1000"));
        for (const auto &[key, value] : m_extraQuery)
            query.addQueryItem(key, value);
        reply = m_client->get(QStringLiteral("deviceManagement/managedDevices"), query);
        pageUrl = reply->url();
    } else {
        reply = m_client->getUrl(url);
    }
    if (PageTiming *timing = firstPageTiming(index); timing && !timing->sentNsecs)
        timing->sentNsecs = m_sequenceClock.nsecsElapsed();
    m_reply = reply;
    m_replyIndex = index;
    connect(reply, &GraphReply::waiting, this, [this, reply](int seconds) {
        if (reply != m_reply)
            return;
        m_waitingReply = reply;
        Q_EMIT waiting(seconds);
    });
    connect(reply, &GraphReply::finished, this,
        [this, reply, index, pageUrl] { onReplyFinished(reply, index, pageUrl); });
}

void DeviceListLoader::onReplyFinished(GraphReply *reply, int index, QUrl url)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    if (reply == m_waitingReply) {
        m_waitingReply = nullptr;
        Q_EMIT waitingEnded();
    }
    if (reply->error().isError()) {
        auto result = std::make_shared<PageResult>();
        result->index = index;
        result->url = url;
        result->error = reply->error();
        m_ready[index] = std::move(result);
        deliver();
        return;
    }
    if (PageTiming *timing = firstPageTiming(index); timing && timing->sentNsecs && !timing->roundTripNsecs)
        timing->roundTripNsecs = m_sequenceClock.nsecsElapsed() - *timing->sentNsecs;
    if (index == 1) {
        // The second page's round trip may be what the decision waited for: decide before asking
        // for the third page, which partitions would not need (they list this page's devices too).
        maybePartition();
        if (m_partitions)
            return;
    }
    QByteArray body = reply->takeBody();
    const QUrl next = findNextLink(body);
    if (!next.isEmpty())
        requestPage(index + 1, next, false); // overlap the next fetch with this page's parse
    // The total is asked once a page came back: an account that may not list devices (Intune's
    // 401) then sees one refused request, not two.
    if (!m_total)
        requestOverview();
    submitParse(index, std::move(url), std::move(body), next);
}

std::shared_ptr<DeviceListLoader::PageResult> DeviceListLoader::parsePage(
    int index, QUrl url, QByteArray body, QUrl prefetchedNext)
{
    auto result = std::make_shared<PageResult>();
    result->index = index;
    result->url = std::move(url);
    result->prefetchedNext = std::move(prefetchedNext);
    result->bodyBytes = body.size();
    QElapsedTimer parseTimer;
    parseTimer.start();
    result->page = parseDevicePage(body);
    result->parseNsecs = parseTimer.nsecsElapsed();
    return result;
}

void DeviceListLoader::submitParse(int index, QUrl url, QByteArray body, QUrl prefetchedNext)
{
    const quint64 generation = m_generation;
    if (m_placement.parseInline(body.size())) {
        // A page that parses in a millisecond or two costs less here than the trip to the worker
        // and back (the next page is already asked for).
        ++m_pagesParsedInline;
        onParsed(generation, parsePage(index, std::move(url), std::move(body), std::move(prefetchedNext)));
        return;
    }
    m_pool.start([this, generation, index, url = std::move(url), body = std::move(body),
                     prefetchedNext = std::move(prefetchedNext)]() mutable {
        std::shared_ptr<PageResult> result
            = parsePage(index, std::move(url), std::exchange(body, {}), std::move(prefetchedNext));
        // The destructor waits for the pool, so `this` outlives this task; the queued call is
        // dropped if the loader is deleted before it runs.
        QMetaObject::invokeMethod(
            this, [this, generation, result] { onParsed(generation, result); }, Qt::QueuedConnection);
    });
}

void DeviceListLoader::onParsed(quint64 generation, std::shared_ptr<PageResult> result)
{
    if (generation != m_generation)
        return;
    m_placement.record(result->bodyBytes, result->parseNsecs);
    if (!result->page.ok()) {
        result->error.kind = GraphError::Kind::Malformed;
        result->error.httpStatus = 200;
        result->error.message = result->page.error;
    }
    const bool firstPage = result->index == 0 && result->page.ok();
    if (firstPage && !m_firstPages[0].parseNsecs)
        m_firstPages[0].parseNsecs = result->parseNsecs;
    m_ready[result->index] = std::move(result);
    deliver();
    if (firstPage)
        maybePartition();
}

void DeviceListLoader::deliver()
{
    while (m_loading) {
        const auto it = m_ready.find(m_nextToDeliver);
        if (it == m_ready.end())
            return;
        const std::shared_ptr<PageResult> result = it->second;
        m_ready.erase(it);

        if (result->error.isError()) {
            // The pages before the failure stay.
            const GraphError error = result->error;
            const int index = result->index;
            const QUrl url = result->url;
            stop();
            m_resumeIndex = index;
            m_resumeUrl = url;
            qCWarning(lcDevices) << "device list page" << index << "failed:" << error.details();
            Q_EMIT failed(error);
            return;
        }

        DevicePage &page = result->page;
        if (page.nextLink != result->prefetchedNext) {
            // The quick scan disagreed with the real parse: follow the parsed link instead.
            qCWarning(lcDevices) << "nextLink scan mismatch on page" << result->index;
            abandon(m_reply);
            m_ready.erase(result->index + 1);
            if (!page.nextLink.isEmpty())
                requestPage(result->index + 1, page.nextLink, false);
        }
        // page.count is this page's size (never the tenant's total): nothing to learn from it.
        appendRows(std::move(page.records));
        ++m_nextToDeliver;
        Q_EMIT progress(m_loaded, m_total);

        if (page.nextLink.isEmpty()) {
            m_ready.clear();
            qCInfo(lcDevices) << m_pagesParsedInline << "of" << m_nextToDeliver
                              << "pages parsed where they arrived, the rest on the worker thread";
            completeLoad();
            return;
        }
    }
}

void DeviceListLoader::appendRows(std::vector<DeviceRecord> &&records)
{
    if (m_aside) {
        m_loaded += static_cast<int>(records.size());
        m_gathered.insert(m_gathered.end(), std::make_move_iterator(records.begin()),
            std::make_move_iterator(records.end()));
    } else if (m_model) {
        const int before = m_model->rowCount();
        m_model->appendDevices(std::move(records));
        m_loaded += m_model->rowCount() - before;
    }
}

void DeviceListLoader::completeLoad()
{
    if (m_aside && m_model) {
        // The new list replaces the old one in one step (duplicates dropped there).
        dispose(m_model->exchangeAll(std::move(m_gathered)));
        m_gathered = {};
        m_loaded = m_model->rowCount();
    }
    m_aside = false;
    m_loading = false;
    m_complete = true;
    qCInfo(lcDevices) << "device list complete:" << m_loaded << "devices";
    Q_EMIT finished(m_loaded);
    checkCompleteness();
}

} // namespace keyturn
