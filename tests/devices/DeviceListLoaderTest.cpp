#include "devices/DeviceListLoader.h"
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using keyturn::DeviceListLoader;
using keyturn::DeviceTableModel;
using keyturn::GraphError;
using keyturn::test::FakeGraphServer;
using keyturn::test::FakeRequest;
using keyturn::test::FakeResponse;
using keyturn::test::waitUntil;

namespace {

// Serves `total` devices in pages of `pageSize` with opaque skip tokens and absolute next links,
// @odata.count the page's size as Intune sends it, and managedDeviceOverview with the total.
class PagedFake {
public:
    PagedFake(int total, int pageSize)
        : m_total(total)
        , m_pageSize(pageSize)
    { }

    FakeResponse answer(const FakeRequest &request, const QUrl &root)
    {
        if (request.path().endsWith(QLatin1String("/managedDeviceOverview"))) {
            if (overviewCount < 0)
                return FakeResponse::json(
                    403, keyturn::test::graphErrorBody("Forbidden", QStringLiteral("no overview")));
            return FakeResponse::json(200,
                QJsonDocument(QJsonObject{ { QStringLiteral("enrolledDeviceCount"), overviewCount } })
                    .toJson(QJsonDocument::Compact));
        }
        const QUrlQuery query(QUrl(QString::fromLatin1(request.target)));
        const int page = query.queryItemValue(QStringLiteral("$skiptoken")).mid(1).toInt();
        if (faults.contains(page) && faults[page].count > 0) {
            --faults[page].count;
            return faults[page].response;
        }
        QJsonArray value;
        for (int i = page * m_pageSize; i < std::min(m_total, (page + 1) * m_pageSize); ++i) {
            value.append(QJsonObject{ { QStringLiteral("id"), QStringLiteral("dev-%1").arg(i) },
                { QStringLiteral("deviceName"), QStringLiteral("DEV-%1").arg(i, 5, 10, QLatin1Char('0')) },
                { QStringLiteral("operatingSystem"), QStringLiteral("Windows") },
                { QStringLiteral("userPrincipalName"), QString() } });
        }
        QJsonObject body{ { QStringLiteral("@odata.count"), value.size() } };
        if ((page + 1) * m_pageSize < std::min(m_total, endAfter)) {
            QUrl next = root;
            next.setPath(QStringLiteral("/beta/deviceManagement/managedDevices"));
            next.setQuery(QStringLiteral("$top=1000&$skiptoken=p%1").arg(page + 1));
            body.insert(QStringLiteral("@odata.nextLink"), next.toString());
        }
        body.insert(QStringLiteral("value"), value);
        return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    struct Fault {
        FakeResponse response;
        int count = 1;
    };
    QHash<int, Fault> faults; // page index -> fault served `count` times
    int overviewCount = 25; ///< enrolledDeviceCount; negative: the overview answers 403
    int endAfter = 1 << 30; ///< no next link after the page that reaches this many devices

private:
    int m_total;
    int m_pageSize;
};

class LoaderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        keyturn::GraphClientConfig config;
        config.graphRoot = server.root();
        config.maxAttempts = 3;
        client.setConfig(config);
        client.setRandomSource([] { return 0.0; });
        QObject::connect(&loader, &DeviceListLoader::finished, &model, [this](int n) { finishedWith = n; });
        QObject::connect(&loader, &DeviceListLoader::failed, &model, [this](const GraphError &e) {
            failure = e;
            ++failures;
        });
        QObject::connect(&loader, &DeviceListLoader::cancelled, &model, [this](int n) { cancelledWith = n; });
        QObject::connect(
            &loader, &DeviceListLoader::progress, &model, [this](int loaded, std::optional<int> total) {
                progress.append({ loaded, total.value_or(-1) });
            });
    }

    QSet<QString> ids() const
    {
        QSet<QString> set;
        for (const auto &r : model.records())
            set.insert(r.id);
        return set;
    }

    int listRequests() const
    {
        int n = 0;
        for (const FakeRequest &request : server.requests())
            n += request.path().endsWith(QLatin1String("/managedDevices")) ? 1 : 0;
        return n;
    }

    PagedFake fake{ 25, 10 };
    FakeGraphServer server{ [this](const FakeRequest &r) { return fake.answer(r, server.root()); } };
    QNetworkAccessManager nam;
    keyturn::StaticAccessTokenProvider tokens{ QStringLiteral("t") };
    keyturn::ManualClock clock;
    keyturn::GraphClient client{ &nam, &tokens, clock };
    DeviceTableModel model;
    DeviceListLoader loader{ &client, &model };
    std::optional<int> finishedWith, cancelledWith;
    GraphError failure;
    int failures = 0;
    QList<std::pair<int, int>> progress;
};

} // namespace

TEST_F(LoaderTest, LoadsEveryPageInOrderWithSelectAndTop)
{
    loader.start();
    EXPECT_TRUE(loader.isLoading());
    // The overview may come back before or after the last page.
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value() && loader.expectedTotal().has_value(); }));
    EXPECT_EQ(*finishedWith, 25);
    EXPECT_FALSE(loader.isLoading());
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(ids().size(), 25);
    for (int row = 0; row < 25; ++row)
        ASSERT_EQ(model.record(row).id, QStringLiteral("dev-%1").arg(row));
    // The total is the overview's, never a page's @odata.count (10).
    EXPECT_EQ(loader.expectedTotal(), 25);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().first, 25);
    for (const auto &[loaded, total] : progress)
        EXPECT_TRUE(total == -1 || total == 25) << loaded << " of " << total;

    ASSERT_EQ(listRequests(), 3);
    ASSERT_EQ(server.requests().size(), 4); // and one overview
    const FakeRequest firstList = server.requests().first().path().endsWith(QLatin1String("/managedDevices"))
        ? server.requests().first()
        : server.requests().at(1);
    const QUrlQuery first(QUrl(QString::fromLatin1(firstList.target)));
    EXPECT_EQ(first.queryItemValue(QStringLiteral("$top")), QStringLiteral("1000"));
    EXPECT_TRUE(first.queryItemValue(QStringLiteral("$select")).startsWith(QStringLiteral("id,deviceName,")));
}

TEST_F(LoaderTest, PagesThatParseQuicklyParseWhereTheyArriveAndStillComeInOrder)
{
    PagedFake longList{ 4000, 100 };
    FakeGraphServer longServer{ [&](const FakeRequest &r) { return longList.answer(r, longServer.root()); } };
    ASSERT_TRUE(longServer.listen());
    longList.overviewCount = 4000;
    keyturn::GraphClientConfig config = client.config();
    config.graphRoot = longServer.root();
    client.setConfig(config);

    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value() || failures > 0; }));
    ASSERT_EQ(finishedWith.value_or(-1), 4000) << failure.details().toStdString();
    for (int row = 0; row < 4000; ++row)
        ASSERT_EQ(model.record(row).id, QStringLiteral("dev-%1").arg(row));
    // The first page goes to the worker (nothing measured yet); pages of 100 devices parse in well
    // under the budget, so the later ones are parsed right away.
    EXPECT_EQ(loader.pagesDelivered(), 40);
    EXPECT_GT(loader.pagesParsedInline(), 20);
    EXPECT_LT(loader.pagesParsedInline(), 40);

    // A refresh parses right away from its first page: the rate is known.
    finishedWith.reset();
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value() || failures > 0; }));
    ASSERT_EQ(finishedWith.value_or(-1), 4000);
    EXPECT_EQ(ids().size(), 4000);
    EXPECT_GT(loader.pagesParsedInline(), 20);
}

TEST_F(LoaderTest, RefreshStartsOverWithoutDuplicates)
{
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    finishedWith.reset();
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(*finishedWith, 25);
}

TEST_F(LoaderTest, ThrottledAndDroppedPagesAreRetriedTransparently)
{
    fake.faults.insert(1,
        { FakeResponse::json(
            429, keyturn::test::graphErrorBody("TooManyRequests", QStringLiteral("slow down"))) });
    fake.faults.insert(2, { FakeResponse::dropMidBody() });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value() || failures > 0; }));
    EXPECT_EQ(failures, 0) << failure.details().toStdString();
    EXPECT_EQ(ids().size(), 25);
}

TEST_F(LoaderTest, MalformedPageFailsKeepsRowsAndRetryCompletes)
{
    fake.faults.insert(1, { FakeResponse::json(200, R"({"value":[{"id":"dev-10","deviceName":)") });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return failures > 0 || finishedWith.has_value(); }));
    ASSERT_EQ(failures, 1);
    EXPECT_EQ(failure.kind, GraphError::Kind::Malformed);
    EXPECT_FALSE(loader.isLoading());
    EXPECT_TRUE(loader.canRetry());
    EXPECT_EQ(model.rowCount(), 10); // page 0 kept

    loader.retry();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(*finishedWith, 25);
    EXPECT_EQ(ids().size(), 25);
    EXPECT_EQ(model.rowCount(), 25);
}

TEST_F(LoaderTest, HttpErrorOnALaterPageFailsWithTheGraphError)
{
    fake.faults.insert(2,
        { FakeResponse::json(
              403, keyturn::test::graphErrorBody("Forbidden", QStringLiteral("no"), "rid-403")),
            1 });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return failures > 0 || finishedWith.has_value(); }));
    ASSERT_EQ(failures, 1);
    EXPECT_EQ(failure.httpStatus, 403);
    EXPECT_EQ(failure.requestId, QStringLiteral("rid-403"));
    EXPECT_EQ(model.rowCount(), 20);
    loader.retry();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(model.rowCount(), 25);
}

TEST_F(LoaderTest, CancelKeepsWhatArrived)
{
    fake.faults.insert(1, { FakeResponse::hang() });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return model.rowCount() == 10; }));
    ASSERT_TRUE(waitUntil([this] { return listRequests() == 2; }));
    loader.cancel();
    EXPECT_FALSE(loader.isLoading());
    ASSERT_TRUE(cancelledWith.has_value());
    EXPECT_EQ(*cancelledWith, 10);
    waitUntil([] { return false; }, 100ms);
    EXPECT_EQ(model.rowCount(), 10);
    EXPECT_FALSE(finishedWith.has_value());
    EXPECT_EQ(failures, 0);
}

TEST_F(LoaderTest, AListThatEndsEarlyIsToldWithBothNumbers)
{
    fake.endAfter = 10; // the list stops after the first page; the overview counts 25
    std::optional<std::pair<int, int>> early;
    QObject::connect(&loader, &DeviceListLoader::endedEarly, &model,
        [&early](int loaded, int expected) { early = std::make_pair(loaded, expected); });
    loader.start();
    ASSERT_TRUE(waitUntil([&] { return early.has_value(); }));
    EXPECT_EQ(*finishedWith, 10);
    EXPECT_EQ(*early, std::make_pair(10, 25));
    EXPECT_EQ(loader.expectedTotal(), 25);
}

TEST_F(LoaderTest, ASmallDifferenceFromTheOverviewIsNormal)
{
    fake.overviewCount = 27; // the overview lags by a couple of devices
    bool early = false;
    QObject::connect(&loader, &DeviceListLoader::endedEarly, &model, [&early] { early = true; });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value() && loader.expectedTotal().has_value(); }));
    QCoreApplication::processEvents();
    EXPECT_FALSE(early);
    EXPECT_FALSE(DeviceListLoader::isClearlyFewer(47'900, 48'210));
    EXPECT_TRUE(DeviceListLoader::isClearlyFewer(949, 1'200));
    EXPECT_TRUE(DeviceListLoader::isClearlyFewer(100, 250));
    EXPECT_FALSE(DeviceListLoader::isClearlyFewer(250, 248));
}

TEST_F(LoaderTest, WithoutTheOverviewTheListStillLoadsWithNoTotal)
{
    fake.overviewCount = -1;
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(*finishedWith, 25);
    EXPECT_EQ(failures, 0);
    EXPECT_FALSE(loader.expectedTotal().has_value());
    for (const auto &[loaded, total] : progress)
        EXPECT_EQ(total, -1) << loaded;
}

TEST_F(LoaderTest, ARefreshKeepsTheListUntilTheNewOneIsCompleteThenSwapsItInOneReset)
{
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    finishedWith.reset();
    int resets = 0;
    int removed = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&resets] { ++resets; });
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved, &model, [&removed] { ++removed; });

    fake.faults.insert(2, { FakeResponse::hang() });
    loader.start();
    EXPECT_TRUE(loader.isRefreshing());
    ASSERT_TRUE(waitUntil([this] { return listRequests() == 6; })); // pages 0, 1 and the hanging 2
    waitUntil([] { return false; }, 100ms);
    EXPECT_EQ(model.rowCount(), 25); // the old list, untouched while pages arrive
    EXPECT_EQ(resets, 0);

    // Cancelled: the old list stays, nothing of the new one shows.
    loader.cancel();
    ASSERT_TRUE(cancelledWith.has_value());
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(resets, 0);
    EXPECT_FALSE(loader.isRefreshing());

    // Complete: one reset swaps in the new list, without duplicates.
    fake.faults.clear();
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(*finishedWith, 25);
    EXPECT_EQ(resets, 1);
    EXPECT_EQ(removed, 0);
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(ids().size(), 25);
}

TEST_F(LoaderTest, AFailedRefreshKeepsTheListAndRetryCompletesIt)
{
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    finishedWith.reset();
    fake.faults.insert(1,
        { FakeResponse::json(403, keyturn::test::graphErrorBody("Forbidden", QStringLiteral("no"), "rid")),
            1 });
    loader.start();
    ASSERT_TRUE(waitUntil([this] { return failures > 0; }));
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_TRUE(loader.isRefreshing());
    loader.retry();
    ASSERT_TRUE(waitUntil([this] { return finishedWith.has_value(); }));
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(ids().size(), 25);
}
