// PartitionedListing: lists every partition of a plan at once, each as its own chain of pages (a
// chain's next page is asked as soon as its link is known), with at most maxInFlight requests out;
// a 429/503 on any chain holds back every new request for as long as Graph asked. Until a page of a
// partition with a date range has come back inside its filter, at most kFirstInFlight are out (a
// tenant that ignores the date filters costs no more than a few wasted pages). Pages parse on a
// worker thread; each device is checked against its partition's filter and merged by id, and new
// devices go to the sink as they come. Exactly one of finished / disproved / failed ends a run:
// disproved as soon as a device falls outside its partition or comes twice (the partitions cannot
// be trusted), failed on a request that failed for good; resume() then asks again for what was not
// answered, keeping what arrived. Destroying it (or stop()) abandons everything silently.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/PartitionPlan.h"
#include "devices/PartitionProof.h"
#include "graph/GraphError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace keyturn {

class GraphClient;
class GraphReply;
struct DevicePage;

class PartitionedListing final : public QObject {
    Q_OBJECT
public:
    using RowSink = std::function<void(std::vector<DeviceRecord> &&)>;

    /// `alreadyListed`: ids the caller holds already (from unfiltered pages): not handed over again,
    /// and each must turn up in some partition (PartitionTally::missedBySequence).
    PartitionedListing(GraphClient *client, std::vector<DevicePartition> partitions,
        QSet<QString> alreadyListed, RowSink sink, QObject *parent = nullptr);
    ~PartitionedListing() override;

    /// Requests out at once until the partitions' date filters are seen to hold.
    static constexpr int kFirstInFlight = 4;

    void setMaxInFlight(int requests) { m_maxInFlight = std::max(1, requests); }
    void start();
    /// After failed(): asks again from each chain's unanswered page. No-op otherwise.
    void resume();
    /// Abandons every request and parse; no signal follows.
    void stop();

    const std::vector<DevicePartition> &partitions() const { return m_partitions; }
    PartitionTally tally() const;

Q_SIGNALS:
    void finished();
    void disproved(const QString &reason);
    void failed(const keyturn::GraphError &error);
    void waiting(int seconds);
    void waitingEnded();

private:
    struct Chain {
        QUrl next; ///< the page to ask for next (empty before the first)
        bool started = false;
        bool done = false; ///< its last page has arrived
        QPointer<GraphReply> reply;
        int listed = 0;
        quint64 epoch = 0; ///< bumped when the chain goes back to an earlier page
    };
    struct ParsedPage;

    void pump();
    /// maxInFlight once a page showed the filters hold, kFirstInFlight (at most) before.
    int inFlightLimit() const;
    void request(std::size_t chain);
    void onReply(std::size_t chain, GraphReply *reply, QUrl url);
    void onParsed(quint64 generation, std::shared_ptr<ParsedPage> parsed);
    /// Takes one parsed page per event loop turn: pages of several chains parsed together must not
    /// be merged in one go (the UI thread would stall for all of them at once).
    void takeNextParsed();
    void merge(std::shared_ptr<ParsedPage> parsed);
    void mergeRecords(std::size_t chain, std::vector<DeviceRecord> &&records);
    void holdBack(std::chrono::milliseconds delay);
    void fail(const GraphError &error);
    void stopRequests();
    void finishIfDone();

    QPointer<GraphClient> m_client;
    std::vector<DevicePartition> m_partitions;
    std::vector<Chain> m_chains;
    QSet<QString> m_alreadyListed;
    RowSink m_sink;
    QThreadPool m_pool;
    std::deque<std::size_t> m_queue; ///< chains whose next page may be asked for
    QSet<GraphReply *> m_waitingReplies;
    QElapsedTimer m_clock;
    qint64 m_holdUntil = 0; ///< on m_clock: no new request before
    QTimer m_holdTimer;
    QSet<QString> m_ids;
    std::deque<std::shared_ptr<ParsedPage>> m_parsed;
    bool m_takeScheduled = false;
    int m_alreadyListedSeen = 0;
    int m_outside = 0;
    int m_duplicates = 0;
    int m_inFlight = 0;
    int m_parsing = 0;
    int m_maxInFlight = 16;
    bool m_filtersHeld = false; ///< a page of a dated partition (or of any, when none is) came back inside
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace keyturn
