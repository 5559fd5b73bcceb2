#include "devices/PartitionedListing.h"

#include "core/Logging.h"
#include "devices/DeviceListPage.h"
#include "graph/GraphClient.h"

#include <QUrlQuery>

#include <algorithm>

namespace keyturn {

struct PartitionedListing::ParsedPage {
    std::size_t chain = 0;
    quint64 epoch = 0;
    QUrl url; ///< where the page came from (asked again after a failure)
    QUrl scannedNext; ///< what findNextLink said, already queued
    DevicePage page;
};

PartitionedListing::PartitionedListing(GraphClient *client, std::vector<DevicePartition> partitions,
    QSet<QString> alreadyListed, RowSink sink, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_partitions(std::move(partitions))
    , m_chains(m_partitions.size())
    , m_alreadyListed(std::move(alreadyListed))
    , m_sink(std::move(sink))
{
    // One parser thread, as for a sequential list: the UI thread keeps the other core.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(5000);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &PartitionedListing::pump);
    m_clock.start();
}

PartitionedListing::~PartitionedListing()
{
    stop();
    m_pool.waitForDone();
}

void PartitionedListing::start()
{
    m_running = true;
    for (std::size_t c = 0; c < m_chains.size(); ++c)
        m_queue.push_back(c);
    pump();
}

void PartitionedListing::resume()
{
    if (m_running)
        return;
    m_running = true;
    m_queue.clear();
    for (std::size_t c = 0; c < m_chains.size(); ++c) {
        if (!m_chains[c].done && !m_chains[c].reply)
            m_queue.push_back(c);
    }
    pump();
    finishIfDone();
}

void PartitionedListing::stop()
{
    ++m_generation; // parses in flight are dropped on arrival
    m_pool.clear();
    m_parsed.clear();
    m_parsing = 0;
    stopRequests();
    m_running = false;
}

void PartitionedListing::stopRequests()
{
    m_holdTimer.stop();
    m_queue.clear();
    for (Chain &chain : m_chains) {
        if (GraphReply *reply = chain.reply) {
            chain.reply = nullptr;
            reply->disconnect(this);
            reply->abort();
        }
    }
    m_inFlight = 0;
    if (!m_waitingReplies.isEmpty()) {
        m_waitingReplies.clear();
        Q_EMIT waitingEnded();
    }
}

PartitionTally PartitionedListing::tally() const
{
    PartitionTally tally;
    for (const Chain &chain : m_chains)
        tally.listed.push_back(chain.listed);
    tally.outside = m_outside;
    tally.duplicates = m_duplicates;
    tally.distinct = static_cast<int>(m_ids.size());
    tally.missedBySequence = static_cast<int>(m_alreadyListed.size()) - m_alreadyListedSeen;
    return tally;
}

void PartitionedListing::holdBack(std::chrono::milliseconds delay)
{
    // One back-off for every chain: Graph throttles the app and tenant, not one list.
    m_holdUntil = std::max(m_holdUntil, m_clock.elapsed() + static_cast<qint64>(delay.count()));
}

void PartitionedListing::pump()
{
    if (!m_running || !m_client)
        return;
    const qint64 now = m_clock.elapsed();
    if (now < m_holdUntil) {
        m_holdTimer.start(static_cast<int>(m_holdUntil - now));
        return;
    }
    while (m_inFlight < inFlightLimit() && !m_queue.empty()) {
        const std::size_t chain = m_queue.front();
        m_queue.pop_front();
        request(chain);
    }
}

int PartitionedListing::inFlightLimit() const
{
    return m_filtersHeld ? m_maxInFlight : std::min(m_maxInFlight, kFirstInFlight);
}

void PartitionedListing::request(std::size_t c)
{
    Chain &chain = m_chains[c];
    GraphReply *reply = nullptr;
    if (!chain.started) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("$select"), deviceListSelect());
        query.addQueryItem(QStringLiteral("$top"), QStringLiteral("1000"));
        query.addQueryItem(QStringLiteral("$filter"), m_partitions[c].filter());
        reply = m_client->get(QStringLiteral("deviceManagement/managedDevices"), query);
    } else {
        reply = m_client->getUrl(chain.next);
    }
    chain.reply = reply;
    ++m_inFlight;
    const QUrl url = reply->url();
    connect(reply, &GraphReply::throttled, this, &PartitionedListing::holdBack);
    connect(reply, &GraphReply::waiting, this, [this, reply](int seconds) {
        m_waitingReplies.insert(reply);
        Q_EMIT waiting(seconds);
    });
    connect(reply, &GraphReply::finished, this, [this, c, reply, url] { onReply(c, reply, url); });
}

void PartitionedListing::onReply(std::size_t c, GraphReply *reply, QUrl url)
{
    Chain &chain = m_chains[c];
    if (reply != chain.reply)
        return;
    chain.reply = nullptr;
    --m_inFlight;
    if (m_waitingReplies.remove(reply) && m_waitingReplies.isEmpty())
        Q_EMIT waitingEnded();
    if (reply->error().isError()) {
        chain.started = true;
        chain.next = url; // asked again on resume()
        fail(reply->error());
        return;
    }
    QByteArray body = reply->takeBody();
    const QUrl next = findNextLink(body);
    chain.started = true;
    if (next.isEmpty()) {
        chain.done = true;
    } else {
        chain.next = next;
        m_queue.push_back(c);
    }
    ++m_parsing;
    const quint64 generation = m_generation;
    const quint64 epoch = chain.epoch;
    m_pool.start([this, generation, c, epoch, url = std::move(url), next, body = std::move(body)]() mutable {
        auto parsed = std::make_shared<ParsedPage>();
        parsed->chain = c;
        parsed->epoch = epoch;
        parsed->url = std::move(url);
        parsed->scannedNext = next;
        parsed->page = parseDevicePage(body);
        body.clear();
        // The destructor waits for the pool; the queued call is dropped if this is deleted first.
        QMetaObject::invokeMethod(
            this, [this, generation, parsed] { onParsed(generation, parsed); }, Qt::QueuedConnection);
    });
    pump();
}

void PartitionedListing::onParsed(quint64 generation, std::shared_ptr<ParsedPage> parsed)
{
    if (generation != m_generation)
        return;
    m_parsed.push_back(std::move(parsed));
    if (!m_takeScheduled) {
        m_takeScheduled = true;
        QTimer::singleShot(0, this, &PartitionedListing::takeNextParsed);
    }
}

void PartitionedListing::takeNextParsed()
{
    m_takeScheduled = false;
    if (m_parsed.empty())
        return;
    std::shared_ptr<ParsedPage> parsed = std::move(m_parsed.front());
    m_parsed.pop_front();
    if (!m_parsed.empty()) {
        m_takeScheduled = true;
        QTimer::singleShot(0, this, &PartitionedListing::takeNextParsed);
    }
    merge(std::move(parsed));
}

void PartitionedListing::merge(std::shared_ptr<ParsedPage> parsed)
{
    --m_parsing;
    Chain &chain = m_chains[parsed->chain];
    if (parsed->epoch != chain.epoch) {
        finishIfDone(); // a page after one that is asked for again: it comes again too
        return;
    }
    if (!parsed->page.ok() || parsed->page.nextLink != parsed->scannedNext) {
        // Ask for this page again: what followed it (already asked for) is dropped.
        if (GraphReply *reply = chain.reply) {
            chain.reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            --m_inFlight;
        }
        m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), parsed->chain), m_queue.end());
        chain.next = parsed->url;
        chain.done = false;
        ++chain.epoch;
        GraphError error;
        error.kind = GraphError::Kind::Malformed;
        error.httpStatus = 200;
        error.message = parsed->page.ok() ? QStringLiteral("the page's next link could not be read")
                                          : parsed->page.error;
        fail(error);
        return;
    }
    const bool anyRecords = !parsed->page.records.empty();
    mergeRecords(parsed->chain, std::move(parsed->page.records));
    if (m_outside > 0 || m_duplicates > 0) {
        const QString reason = m_outside > 0 ? QStringLiteral("%1 returned a device outside its filter")
                                                   .arg(m_partitions[parsed->chain].filter())
                                             : QStringLiteral("a device came back in two partitions");
        stop();
        Q_EMIT disproved(reason);
        return;
    }
    if (!m_filtersHeld && anyRecords) {
        // Intune ignores filters it does not support: the date filter is the one to see hold.
        const auto dated = [](const DevicePartition &p) {
            return p.enrolledFromMsecs.has_value() || p.enrolledBeforeMsecs.has_value();
        };
        if (dated(m_partitions[parsed->chain])
            || std::none_of(m_partitions.begin(), m_partitions.end(), dated)) {
            m_filtersHeld = true;
            pump();
        }
    }
    finishIfDone();
}

void PartitionedListing::mergeRecords(std::size_t c, std::vector<DeviceRecord> &&records)
{
    const DevicePartition &partition = m_partitions[c];
    std::vector<DeviceRecord> fresh;
    fresh.reserve(records.size());
    for (DeviceRecord &record : records) {
        if (!partition.contains(record)) {
            ++m_outside;
            continue;
        }
        if (m_ids.contains(record.id)) {
            ++m_duplicates;
            continue;
        }
        m_ids.insert(record.id);
        ++m_chains[c].listed;
        if (m_alreadyListed.contains(record.id)) {
            ++m_alreadyListedSeen;
            continue;
        }
        fresh.push_back(std::move(record));
    }
    if (m_outside == 0 && m_duplicates == 0 && !fresh.empty())
        m_sink(std::move(fresh));
}

void PartitionedListing::fail(const GraphError &error)
{
    const bool wasRunning = m_running;
    stopRequests(); // parses in flight still arrive and merge
    m_running = false;
    if (wasRunning) {
        qCWarning(lcDevices) << "a device list partition failed:" << error.details();
        Q_EMIT failed(error);
    }
}

void PartitionedListing::finishIfDone()
{
    if (!m_running || m_parsing > 0 || m_inFlight > 0)
        return;
    for (const Chain &chain : m_chains) {
        if (!chain.done)
            return;
    }
    m_running = false;
    Q_EMIT finished();
}

} // namespace keyturn
