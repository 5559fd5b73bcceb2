// ActionStatusTracker against a scripted server whose device changes state between polls.
#include "actions/ActionStatusTracker.h"
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "core/AccessTokenProvider.h"
#include "core/Clock.h"
#include "graph/GraphClient.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace keyturn;
using keyturn::test::FakeGraphServer;
using keyturn::test::FakeRequest;
using keyturn::test::FakeResponse;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

const QString kDeviceA = QStringLiteral("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e");
const QString kDeviceB = QStringLiteral("7f00aa11-2222-4333-8444-555566667777");

QByteArray deviceJson(const QString &id, const char *state)
{
    QByteArray results;
    if (state)
        results
            = QByteArray(
                  R"({"@odata.type":"#microsoft.graph.deviceActionResult","actionName":"rotateFileVaultKey",)")
            + R"("actionState":")" + state
            + R"(","startDateTime":"2026-11-21T10:00:00Z","lastUpdatedDateTime":"2026-11-21T10:00:01Z"})";
    return R"({"id":")" + id.toLatin1() + R"(","deviceName":"MAC-0042","operatingSystem":"macOS",)"
        + R"("managedDeviceOwnerType":"company","isEncrypted":true,"deviceActionResults":[)" + results + "]}";
}

class TrackerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        GraphClientConfig config;
        config.graphRoot = server.root();
        config.transferTimeout = 3s;
        config.maxAttempts = 1;
        config.maxThrottledAttempts = 1;
        client.setConfig(config);
        tracker.setConfig({ 100ms, 400ms, 3 });
        server.setFallback([this](const FakeRequest &request) {
            getTimes.append(clock.elapsed());
            const QString id = request.path().section(QLatin1Char('/'), -1);
            if (respond)
                return respond(id);
            return FakeResponse::json(200, deviceJson(id, state));
        });
        clock.start();
    }

    const char *state = "pending"; // what the device's rotateFileVaultKey result reads now
    std::function<FakeResponse(const QString &id)> respond;
    QList<qint64> getTimes;
    QElapsedTimer clock;
    FakeGraphServer server;
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens{ QStringLiteral("token") };
    ManualClock manualClock;
    GraphClient client{ &nam, &tokens, SystemClock::instance() };
    ActionStatusTracker tracker{ &client, manualClock };
};

} // namespace

TEST_F(TrackerTest, FetchesAtOnceThenBacksOffUpToTheCapWhileSomethingIsPending)
{
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    QList<qint64> intervals; // the wait chosen after each answer
    QObject::connect(&tracker, &ActionStatusTracker::detailsUpdated, &tracker,
        [&] { intervals.append(static_cast<qint64>(tracker.currentInterval().count())); });
    tracker.track(kDeviceA);
    EXPECT_TRUE(tracker.isPolling());
    ASSERT_TRUE(waitUntil([&] { return getTimes.size() >= 6; }, 10s));
    EXPECT_LT(getTimes.first(), 1000) << "the first fetch does not wait";
    ASSERT_GE(intervals.size(), 5);
    EXPECT_EQ(intervals.mid(0, 5), (QList<qint64>{ 100, 200, 400, 400, 400 }));
    // The server saw them no faster than that (timers may be up to 5% early, never much more).
    for (int i = 1; i < 6; ++i) {
        const qint64 gap = getTimes.at(i) - getTimes.at(i - 1);
        EXPECT_GE(gap, intervals.at(i - 1) * 9 / 10) << "gap " << i;
        EXPECT_LT(gap, intervals.at(i - 1) + 1500) << "gap " << i;
    }
    const auto details = updated.last().at(0).value<DeviceDetails>();
    EXPECT_EQ(details.id, kDeviceA);
    ASSERT_NE(details.actionResult(QStringLiteral("rotateFileVaultKey")), nullptr);
    EXPECT_EQ(
        details.actionResult(QStringLiteral("rotateFileVaultKey"))->actionState, QStringLiteral("pending"));
    EXPECT_EQ(tracker.lastUpdated(), manualClock.nowUtc());
    EXPECT_TRUE(tracker.isPolling());
    tracker.stop();
    EXPECT_FALSE(tracker.isPolling());
    const qsizetype gets = getTimes.size();
    EXPECT_FALSE(waitUntil([&] { return getTimes.size() > gets; }, 600ms)) << "stop() stops polling";
}

TEST_F(TrackerTest, PendingThenDoneThenPollingPausesAfterAFewIdleRounds)
{
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    QSignalSpy polling(&tracker, &ActionStatusTracker::pollingChanged);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return updated.count() >= 2; }, 5s));
    state = "done";
    ASSERT_TRUE(waitUntil([&] { return !tracker.isPolling(); }, 10s));
    const auto last = updated.last().at(0).value<DeviceDetails>();
    EXPECT_EQ(last.actionResult(QStringLiteral("rotateFileVaultKey"))->actionState, QStringLiteral("done"));
    int doneRounds = 0;
    for (const QList<QVariant> &args : std::as_const(updated))
        doneRounds += args.at(0).value<DeviceDetails>().hasActionInProgress() ? 0 : 1;
    EXPECT_EQ(doneRounds, 3);
    ASSERT_FALSE(polling.isEmpty());
    EXPECT_FALSE(polling.last().at(0).toBool());
    const qsizetype gets = getTimes.size();
    EXPECT_FALSE(waitUntil([&] { return getTimes.size() > gets; }, 800ms));
    EXPECT_EQ(tracker.deviceId(), kDeviceA) << "still tracking, just not polling";
}

TEST_F(TrackerTest, ActionSentResumesFastPolling)
{
    state = nullptr; // nothing ever ran on this device
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return !tracker.isPolling(); }, 10s));
    EXPECT_EQ(getTimes.size(), 3);

    tracker.actionSent(kDeviceB); // another device: ignored
    EXPECT_FALSE(tracker.isPolling());
    EXPECT_FALSE(waitUntil([&] { return getTimes.size() > 3; }, 300ms));

    state = "pending";
    const qint64 sentAt = clock.elapsed();
    tracker.actionSent(kDeviceA);
    EXPECT_TRUE(tracker.isPolling());
    ASSERT_TRUE(waitUntil([&] { return getTimes.size() >= 5; }, 5s));
    EXPECT_LT(getTimes.at(3) - sentAt, 300) << "fetched at once";
    EXPECT_LT(getTimes.at(4) - getTimes.at(3), 100 + 300) << "then at the initial interval again";
    EXPECT_TRUE(tracker.isPolling());
}

TEST_F(TrackerTest, ALateAnswerForThePreviousDeviceIsIgnored)
{
    respond = [](const QString &id) {
        return id == kDeviceA ? FakeResponse::hang() : FakeResponse::json(200, deviceJson(id, "done"));
    };
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    QSignalSpy failed(&tracker, &ActionStatusTracker::failed);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return getTimes.size() == 1; }, 5s));
    tracker.track(kDeviceB);
    ASSERT_TRUE(waitUntil([&] { return updated.count() >= 1; }, 5s));
    for (const QList<QVariant> &args : std::as_const(updated))
        EXPECT_EQ(args.at(0).value<DeviceDetails>().id, kDeviceB);
    EXPECT_TRUE(failed.isEmpty()) << "the abandoned request is not reported as a failure";
}

TEST_F(TrackerTest, ADeletedDeviceStopsPollingWithTheError)
{
    respond = [](const QString &) {
        return FakeResponse::graphError(
            404, "ResourceNotFound", QStringLiteral("{\"_version\":3,\"Message\":\"x\"}"));
    };
    QSignalSpy failed(&tracker, &ActionStatusTracker::failed);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }, 5s));
    EXPECT_EQ(failed.first().at(0).value<GraphError>().httpStatus, 404);
    EXPECT_FALSE(tracker.isPolling());
    EXPECT_FALSE(waitUntil([&] { return getTimes.size() > 1; }, 500ms));
}

TEST_F(TrackerTest, AMalformedAnswerIsReportedAndPollingGoesOn)
{
    int calls = 0;
    respond = [&calls](const QString &id) {
        return ++calls == 1 ? FakeResponse::json(200, "{\"id\": \"trunc")
                            : FakeResponse::json(200, deviceJson(id, "pending"));
    };
    QSignalSpy failed(&tracker, &ActionStatusTracker::failed);
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return updated.count() >= 1; }, 5s));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.first().at(0).value<GraphError>().kind, GraphError::Kind::Malformed);
}

TEST_F(TrackerTest, TransientErrorsKeepPollingWithBackOff)
{
    int calls = 0;
    respond = [&calls](const QString &id) {
        return ++calls <= 2 ? FakeResponse::graphError(503, "ServiceUnavailable", QStringLiteral("busy"))
                            : FakeResponse::json(200, deviceJson(id, "pending"));
    };
    QSignalSpy failed(&tracker, &ActionStatusTracker::failed);
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return updated.count() >= 1; }, 5s));
    EXPECT_EQ(failed.count(), 2);
    EXPECT_TRUE(tracker.isPolling());
}

TEST_F(TrackerTest, AHostileDeviceIdIsRefusedAndNothingReachesTheServer)
{
    for (const char *id :
        { "../../me", "x?$filter=", "%2e%2e", "me", "", "0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e/.." }) {
        const QString deviceId = QString::fromLatin1(id);
        if (deviceId.isEmpty())
            continue; // empty means "track nothing"
        QSignalSpy failed(&tracker, &ActionStatusTracker::failed);
        tracker.track(deviceId);
        ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }, 2s)) << id;
        const auto error = failed.at(0).at(0).value<GraphError>();
        EXPECT_EQ(error.code, QStringLiteral("InvalidDeviceId")) << id;
        EXPECT_TRUE(error.message.contains(QStringLiteral("not an Intune device id"))) << id;
        EXPECT_FALSE(tracker.isPolling()) << id;
        tracker.refresh();
        tracker.actionSent(deviceId);
    }
    EXPECT_FALSE(waitUntil([&] { return !server.requests().isEmpty(); }, 500ms));

    // A real id right after is fetched as usual.
    QSignalSpy updated(&tracker, &ActionStatusTracker::detailsUpdated);
    tracker.track(kDeviceA);
    ASSERT_TRUE(waitUntil([&] { return updated.count() == 1; }, 5s));
    EXPECT_EQ(server.requests().size(), 1);
}
