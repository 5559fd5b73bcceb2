// DeviceListLoader: fills a DeviceTableModel with every managed device, page by page. It asks for
// the next page as soon as a body arrives (before parsing it), parses it (which also prepares the
// records' text and search keys) and appends each page as it is delivered, in page order, so the UI
// thread's share is spread evenly over the load (DeviceFilterProxy coalesces what the view sees).
// A page parses on a worker thread unless earlier pages showed it takes at most a couple of
// milliseconds (ParsePlacement): then right away, faster than the trip to the worker and back.
// A refresh of a model that already holds a list gathers the pages aside and swaps them in at once
// when complete. Exactly one of finished / failed / cancelled ends each load; every parsed row is
// in the model by then; failed keeps the rows and retry() resumes from the page that failed.
// The tenant's total comes from managedDeviceOverview, asked once the first page is back (a page's
// @odata.count is only that page's size): it drives "n of about N" and tells a list that ended
// early (no next link, clearly fewer devices than the overview counts) from a complete one.
// A large tenant whose round trips dominate (its first pages came back in far longer than they took
// to parse, as against Graph) is then listed as partitions at once (PartitionPlan, PartitionedListing)
// instead of page after page; the rows come in any order (the proxy sorts). The list only finishes when
// PartitionProof shows it complete; otherwise (or when a partition returns a device outside its
// filter) the loader lists again one page after the other and remembers for the tenant that
// partitions did not hold (PartitionMemory). The user never gets a silently incomplete list.
#pragma once

#include "devices/DeviceListPage.h"
#include "devices/DeviceOverview.h"
#include "devices/ParsePlacement.h"
#include "devices/PartitionMemory.h"
#include "devices/PartitionPlan.h"
#include "graph/GraphError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace keyturn {

class DeviceTableModel;
class GraphClient;
class GraphReply;
class PartitionedListing;

class DeviceListLoader final : public QObject {
    Q_OBJECT
public:
    DeviceListLoader(GraphClient *client, DeviceTableModel *model, QObject *parent = nullptr);
    ~DeviceListLoader() override;

    /// Loads from the first page; cancels a load in progress (silently). An empty model fills as
    /// pages arrive. A model that holds a list keeps it while the new one is gathered aside; the
    /// new list replaces it in one model reset once complete (never after a cancel or failure).
    void start();
    /// True while the current (or failed, retryable) load gathers a new list aside.
    bool isRefreshing() const { return m_aside; }
    /// Stops; rows that arrived stay (a refresh's gathered rows are dropped, the old list stays).
    /// Emits cancelled(loaded) when a load was in progress.
    void cancel();
    /// After failed(): loads again from the page that failed, keeping the rows. No-op otherwise.
    void retry();

    bool isLoading() const { return m_loading; }
    bool canRetry() const;
    /// Rows appended (or gathered aside) by the current/last load.
    int loadedCount() const { return m_loaded; }
    /// Pages of the current/last page-after-page sequence delivered, and how many pages were parsed
    /// right where they arrived rather than on the worker thread.
    int pagesDelivered() const { return m_nextToDeliver; }
    int pagesParsedInline() const { return m_pagesParsedInline; }
    /// enrolledDeviceCount of the overview, once it has arrived (it may lag the list by minutes).
    std::optional<int> expectedTotal() const { return m_total; }
    /// True when `loaded` is clearly fewer than `expected` (more than the overview's usual lag).
    static bool isClearlyFewer(int loaded, int expected);
    /// Extra query items for the first page (e.g. $filter); $select and $top are always set.
    void setExtraQuery(const QList<std::pair<QString, QString>> &items) { m_extraQuery = items; }

    /// Off: always one page after the other. On by default.
    void setPartitionsEnabled(bool enabled) { m_partitionsEnabled = enabled; }
    void setPartitionPlanOptions(const PartitionPlanOptions &options) { m_planOptions = options; }
    /// Requests in flight at once while listing partitions (default 16: far below what Graph allows
    /// an app in a tenant, about 2,000 per 20 s; the client's network managers carry 6 each over
    /// HTTP/1.1, any number over HTTP/2). A 429/503 on any of them holds back every new one.
    void setPartitionRequests(int requests) { m_partitionRequests = requests; }
    int partitionRequests() const { return m_partitionRequests; }
    /// Where a tenant's failed partitions are remembered (default: the application's QSettings).
    void setPartitionSettings(QSettings *settings) { m_partitionMemory.setSettings(settings); }
    /// True while the current load lists partitions.
    bool isPartitioned() const { return m_partitions != nullptr; }
    /// True when a page's round trip is mostly waiting (network, service) rather than the work of
    /// the page, so listing partitions at once saves time: at least 4 times its parse, and 60 ms
    /// (Graph's pages take longer than that; a tenant that answers faster is close by and busy
    /// building pages, which partitions would only add to).
    static bool roundTripsDominate(qint64 roundTripNsecs, qint64 parseNsecs);
    static constexpr qint64 kRoundTripsDominateAtLeast = 60'000'000;
    static constexpr qint64 kRoundTripOverParse = 4;

Q_SIGNALS:
    /// total: the overview's count, once known (it may be below loaded when the overview lags).
    void progress(int loaded, std::optional<int> total);
    void finished(int total);
    /// After finished(): the list ended without a next link with clearly fewer devices than the
    /// overview counts (lists are known to end early). Also when the overview arrives after the list.
    void endedEarly(int loaded, int expected);
    /// Graph asked to wait (a long Retry-After) before the next page: the load resumes by itself
    /// after `seconds` unless cancelled.
    void waiting(int seconds);
    /// The request that waited has been answered (or the load stopped): the wait is over.
    void waitingEnded();
    void failed(const keyturn::GraphError &error);
    void cancelled(int loaded);
    /// The partitions did not prove complete (why): the list loads again one page after the other.
    void partitionsAbandoned(const QString &reason);

private:
    struct PageResult; // parsed page or an error, delivered in page order

    void requestPage(int index, const QUrl &url, bool first);
    void onReplyFinished(GraphReply *reply, int index, QUrl url);
    /// Parses a page where it arrived or on the worker (ParsePlacement); onParsed() either way.
    void submitParse(int index, QUrl url, QByteArray body, QUrl prefetchedNext);
    static std::shared_ptr<PageResult> parsePage(int index, QUrl url, QByteArray body, QUrl prefetchedNext);
    void onParsed(quint64 generation, std::shared_ptr<PageResult> result);
    void deliver();
    void stop();
    /// Stops listening to reply, aborts it and clears the pointer (no-op when already null).
    void abandon(QPointer<GraphReply> &reply);
    void dispose(std::vector<DeviceRecord> &&records);
    void requestOverview();
    void onOverviewFinished(GraphReply *reply);
    void checkCompleteness();
    /// Adds a parsed page's (or partition's) devices to the model or to the list gathered aside.
    void appendRows(std::vector<DeviceRecord> &&records);
    /// The list is whole: a refresh swaps in, finished() is emitted.
    void completeLoad();
    /// Starts partitions when shouldPartition() says so (called as the overview, the first page's
    /// parse and the second page arrive, in any order).
    void maybePartition();
    /// True once, when partitions should start now; false until the overview and the first page's
    /// timings (and, when the first was slow, the second page's) are in, and for good once decided.
    bool shouldPartition();
    void startPartitions(std::vector<DevicePartition> partitions);
    void onPartitionsFinished();
    void fallBackToSequence(const QString &reason);
    /// Stops and lets go of the partitioned listing (safe from within its signals).
    void dropPartitions();
    void startSequence();

    QPointer<GraphClient> m_client;
    QPointer<DeviceTableModel> m_model;
    QThreadPool m_pool;
    ParsePlacement m_placement; // where pages parse, from how long they took
    int m_pagesParsedInline = 0;
    QThreadPool m_disposal; // frees the previous list without holding up the parser
    QPointer<GraphReply> m_reply; // the one page request in flight
    QPointer<GraphReply> m_overviewReply;
    QPointer<GraphReply> m_waitingReply; // the page request that Graph asked to wait
    bool m_complete = false; // the last load reached a page without a next link
    int m_replyIndex = -1;
    quint64 m_generation = 0;
    bool m_loading = false;
    int m_nextToDeliver = 0;
    int m_loaded = 0;
    std::optional<int> m_total;
    std::map<int, std::shared_ptr<PageResult>> m_ready;
    QUrl m_resumeUrl;
    int m_resumeIndex = 0;
    QList<std::pair<QString, QString>> m_extraQuery;
    std::optional<DeviceOverview> m_overview;
    bool m_overviewAsked = false;
    bool m_partitionsEnabled = true;
    bool m_partitionsTried = false; // this load: partitions were decided on (never twice)
    /// One of the sequence's first two pages, timed for the partition decision.
    struct PageTiming {
        std::optional<qint64> sentNsecs; // on m_sequenceClock
        std::optional<qint64> roundTripNsecs;
        std::optional<qint64> parseNsecs; // the first page's only
    };
    /// The timing of page `index` when it is one of the first two, else null.
    PageTiming *firstPageTiming(int index);
    QElapsedTimer m_sequenceClock; // since the sequence started
    std::array<PageTiming, 2> m_firstPages;
    bool m_startedAside = false; // this load began as a refresh of a list on screen
    PartitionPlanOptions m_planOptions;
    int m_partitionRequests = 16;
    PartitionMemory m_partitionMemory;
    PartitionedListing *m_partitions = nullptr; // owned; deleted later when dropped
    bool m_aside = false; // a refresh: pages go to m_gathered, the model keeps the old list
    std::vector<DeviceRecord> m_gathered;
};

} // namespace keyturn
