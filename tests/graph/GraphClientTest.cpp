#include "graph/GraphClient.h"
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "core/Version.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using keyturn::GraphClient;
using keyturn::GraphError;
using keyturn::GraphReply;
using keyturn::test::FakeGraphServer;
using keyturn::test::FakeRequest;
using keyturn::test::FakeResponse;
using keyturn::test::waitUntil;

namespace {

const QByteArray kOk = R"({"value":[]})";

class GraphClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        keyturn::GraphClientConfig config;
        config.graphRoot = server.root();
        config.maxAttempts = 4;
        config.maxThrottledAttempts = 4;
        config.transferTimeout = 5000ms;
        client.setConfig(config);
        client.setRandomSource([] { return 0.0; }); // back-off without Retry-After: immediate
    }

    // Runs one request to completion and returns the reply (kept alive).
    GraphReply *run(GraphReply *reply, std::chrono::milliseconds timeout = 10s)
    {
        reply->setAutoDelete(false);
        reply->setParent(&owner);
        QObject::connect(reply, &GraphReply::finished, &owner, [this] { ++finishedCount; });
        EXPECT_TRUE(waitUntil([reply] { return reply->isFinished(); }, timeout));
        return reply;
    }

    QList<FakeResponse> script; // answered in order; the last one repeats
    FakeGraphServer server{ [this](const FakeRequest &) {
        if (script.isEmpty())
            return FakeResponse::json(200, kOk);
        return script.size() > 1 ? script.takeFirst() : script.first();
    } };
    QNetworkAccessManager nam;
    keyturn::StaticAccessTokenProvider tokens{ QStringLiteral("test-token") };
    keyturn::ManualClock clock;
    GraphClient client{ &nam, &tokens, clock };
    QObject owner;
    int finishedCount = 0;
};

FakeResponse throttled(const char *retryAfter = nullptr)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (retryAfter)
        headers.append(std::make_pair(QByteArray("Retry-After"), QByteArray(retryAfter)));
    return FakeResponse::json(
        429, keyturn::test::graphErrorBody("TooManyRequests", QStringLiteral("Too many requests")), headers);
}

} // namespace

TEST_F(GraphClientTest, EveryRequestCarriesTheRequiredHeaders)
{
    GraphReply *reply = run(
        client.get(QStringLiteral("deviceManagement/managedDevices"), QUrlQuery(QStringLiteral("$top=5"))));
    EXPECT_FALSE(reply->error().isError()) << reply->error().details().toStdString();
    EXPECT_EQ(reply->httpStatus(), 200);
    EXPECT_EQ(reply->body(), kOk);
    ASSERT_EQ(server.requests().size(), 1);
    const FakeRequest request = server.requests().first(); // a copy: more requests follow
    EXPECT_EQ(request.method, QByteArray("GET"));
    EXPECT_EQ(request.target, QByteArray("/beta/deviceManagement/managedDevices?$top=5"));
    EXPECT_EQ(request.header("authorization"), QByteArray("Bearer test-token"));
    EXPECT_EQ(request.header("accept"), QByteArray("application/json"));
    EXPECT_EQ(request.header("user-agent"), QByteArray("Keyturn/") + QByteArray(keyturn::kVersion));
    const QRegularExpression guid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    const QString clientRequestId = QString::fromLatin1(request.header("client-request-id"));
    EXPECT_TRUE(guid.match(clientRequestId).hasMatch()) << clientRequestId.toStdString();
    EXPECT_EQ(reply->clientRequestId(), clientRequestId);
    EXPECT_EQ(finishedCount, 1);

    run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    ASSERT_EQ(server.requests().size(), 2);
    EXPECT_NE(server.requests().at(1).header("client-request-id"), request.header("client-request-id"));
}

TEST_F(GraphClientTest, ThrottledGetIsRetriedAfterRetryAfter)
{
    script = { throttled("1"), FakeResponse::json(200, kOk) };
    QElapsedTimer elapsed;
    elapsed.start();
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_FALSE(reply->error().isError());
    EXPECT_EQ(reply->httpStatus(), 200);
    EXPECT_EQ(reply->attempts(), 2);
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_GE(elapsed.elapsed(), 950); // Retry-After: 1 honoured
}

TEST_F(GraphClientTest, ThrottlingIsWaitedOutLongerThanAFailingConnection)
{
    keyturn::GraphClientConfig config = client.config();
    config.maxThrottledAttempts = 8;
    client.setConfig(config);
    script = { throttled(), throttled(), throttled(), throttled(), throttled(), throttled(),
        FakeResponse::json(200, kOk) };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_FALSE(reply->error().isError()) << reply->error().details().toStdString();
    EXPECT_EQ(reply->attempts(), 7); // past maxAttempts (4), within maxThrottledAttempts (8)
    EXPECT_EQ(server.requests().size(), 7);

    script = { FakeResponse::drop() }; // every connection drops: maxAttempts still holds
    GraphReply *dropped = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_TRUE(dropped->error().isError());
    EXPECT_EQ(dropped->attempts(), 4);
}

TEST_F(GraphClientTest, ThrottlingStormIsBoundedByMaxThrottledAttempts)
{
    script = { throttled() }; // every answer is 429 without Retry-After
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Http);
    EXPECT_EQ(reply->error().httpStatus, 429);
    EXPECT_EQ(reply->error().code, QStringLiteral("TooManyRequests"));
    EXPECT_EQ(reply->attempts(), 4);
    EXPECT_EQ(server.requests().size(), 4);
    EXPECT_EQ(finishedCount, 1);
}

TEST_F(GraphClientTest, BackoffWithoutRetryAfterUsesTheRandomSource)
{
    client.setRandomSource([] { return 0.999; });
    auto config = client.config();
    config.baseBackoff = 200ms;
    client.setConfig(config);
    script = { throttled(), throttled(), FakeResponse::json(200, kOk) };
    QElapsedTimer elapsed;
    elapsed.start();
    GraphReply *reply = run(client.get(QStringLiteral("x")));
    EXPECT_EQ(reply->httpStatus(), 200);
    EXPECT_EQ(reply->attempts(), 3);
    // ~200 ms then ~400 ms of back-off.
    EXPECT_GE(elapsed.elapsed(), 550);
    EXPECT_LT(elapsed.elapsed(), 5000);
}

TEST_F(GraphClientTest, DroppedConnectionIsRetriedForGet)
{
    script = { FakeResponse::drop(), FakeResponse::dropMidBody(), FakeResponse::json(200, kOk) };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_FALSE(reply->error().isError()) << reply->error().details().toStdString();
    EXPECT_EQ(reply->body(), kOk);
    EXPECT_EQ(server.requests().size(), 3);
}

TEST_F(GraphClientTest, PostTimeoutIsOutcomeUnknownAndSentOnce)
{
    auto config = client.config();
    config.transferTimeout = 300ms;
    client.setConfig(config);
    script = { FakeResponse::hang() };
    GraphReply *reply
        = run(client.post(QStringLiteral("deviceManagement/managedDevices/abc/rotateFileVaultKey")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::OutcomeUnknown);
    EXPECT_FALSE(reply->error().summary().isEmpty());
    EXPECT_TRUE(waitUntil([] { return false; }, 500ms) == false); // give a stray re-send time to show
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().first().method, QByteArray("POST"));
    EXPECT_EQ(server.requests().first().header("content-type"), QByteArray("application/json"));
}

TEST_F(GraphClientTest, PostDropAndThrottleAreNeverResent)
{
    script = { FakeResponse::drop() };
    GraphReply *dropped = run(client.post(QStringLiteral("a/syncDevice")));
    EXPECT_EQ(dropped->error().kind, GraphError::Kind::OutcomeUnknown);
    EXPECT_EQ(server.requests().size(), 1);

    script = { throttled("0") };
    GraphReply *throttledPost = run(client.post(QStringLiteral("a/syncDevice")));
    EXPECT_EQ(throttledPost->error().httpStatus, 429);
    EXPECT_EQ(throttledPost->attempts(), 1);
    EXPECT_EQ(server.requests().size(), 2);

    // Qt's HTTP/1 channel re-sends on its own after an early close unless the body refuses to rewind.
    script = { FakeResponse::drop() };
    GraphReply *withBody = run(client.post(QStringLiteral("a/syncDevice"), R"({"keepUserData":true})"));
    EXPECT_EQ(withBody->error().kind, GraphError::Kind::OutcomeUnknown);
    EXPECT_EQ(server.requests().size(), 3);
    EXPECT_EQ(server.requests().last().body, QByteArray(R"({"keepUserData":true})"));
}

TEST_F(GraphClientTest, PostSuccessReturns204)
{
    script = { FakeResponse{ FakeResponse::Kind::Answer, 204, { { "request-id", "rid-1" } }, {} } };
    GraphReply *reply
        = run(client.post(QStringLiteral("deviceManagement/managedDevices/abc/rotateFileVaultKey")));
    EXPECT_FALSE(reply->error().isError());
    EXPECT_EQ(reply->httpStatus(), 204);
    EXPECT_EQ(reply->requestId(), QStringLiteral("rid-1"));
    EXPECT_EQ(server.requests().first().target,
        QByteArray("/beta/deviceManagement/managedDevices/abc/rotateFileVaultKey"));
}

TEST_F(GraphClientTest, UnauthorizedRefreshesTheTokenOnceThenRetries)
{
    const auto unauthorized = FakeResponse::json(401,
        keyturn::test::graphErrorBody("InvalidAuthenticationToken",
            QStringLiteral("Lifetime validation failed, the token is expired.")));
    script = { unauthorized, FakeResponse::json(200, kOk) };
    GraphReply *reply = run(client.get(QStringLiteral("x")));
    EXPECT_EQ(reply->httpStatus(), 200);
    EXPECT_EQ(tokens.refreshCount(), 1);
    EXPECT_EQ(server.requests().size(), 2);

    script = { unauthorized };
    GraphReply *twice = run(client.get(QStringLiteral("y")));
    EXPECT_EQ(twice->error().httpStatus, 401);
    EXPECT_EQ(twice->error().code, QStringLiteral("InvalidAuthenticationToken"));
    EXPECT_EQ(tokens.refreshCount(), 2);
    EXPECT_EQ(server.requests().size(), 4); // one refresh per request, no loop
}

TEST_F(GraphClientTest, NoTokenIsAnAuthErrorAndNothingIsSent)
{
    tokens.setToken(QString());
    GraphReply *reply = run(client.get(QStringLiteral("x")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Auth);
    EXPECT_TRUE(server.requests().isEmpty());
}

TEST_F(GraphClientTest, NextLinkToAnotherHostIsRefused)
{
    GraphReply *other = run(
        client.getUrl(QUrl(QStringLiteral("https://evil.example.com/beta/deviceManagement/managedDevices"))));
    EXPECT_EQ(other->error().kind, GraphError::Kind::UntrustedHost);
    QUrl otherPort = server.root();
    otherPort.setPort(server.root().port() == 1 ? 2 : 1);
    GraphReply *port = run(client.getUrl(otherPort));
    EXPECT_EQ(port->error().kind, GraphError::Kind::UntrustedHost);
    // The message names host and port: the same host on another port is another server.
    EXPECT_TRUE(port->error().summary().contains(QStringLiteral("127.0.0.1:%1").arg(otherPort.port())))
        << port->error().summary().toStdString();
    EXPECT_TRUE(other->error().summary().contains(QStringLiteral("evil.example.com:443")));
    EXPECT_TRUE(server.requests().isEmpty());
    EXPECT_EQ(finishedCount, 2);

    QUrl same = server.root();
    same.setPath(QStringLiteral("/beta/deviceManagement/managedDevices"));
    same.setQuery(QStringLiteral("$skiptoken=abc"));
    GraphReply *ok = run(client.getUrl(same));
    EXPECT_FALSE(ok->error().isError());
    EXPECT_EQ(
        server.requests().first().target, QByteArray("/beta/deviceManagement/managedDevices?$skiptoken=abc"));
}

TEST_F(GraphClientTest, AbortFinishesOnceAsCancelled)
{
    script = { FakeResponse::hang() };
    GraphReply *reply = client.get(QStringLiteral("x"));
    reply->setAutoDelete(false);
    reply->setParent(&owner);
    int count = 0;
    QObject::connect(reply, &GraphReply::finished, &owner, [&count] { ++count; });
    ASSERT_TRUE(waitUntil([this] { return server.requests().size() == 1; }));
    reply->abort();
    reply->abort();
    waitUntil([] { return false; }, 100ms);
    EXPECT_EQ(count, 1);
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Cancelled);
}

TEST_F(GraphClientTest, HttpErrorsCarryTheParsedEnvelope)
{
    script = { FakeResponse::json(
        404, keyturn::test::graphErrorBody("ResourceNotFound", QStringLiteral("not found"), "rid-404")) };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices/nope")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Http);
    EXPECT_EQ(reply->error().code, QStringLiteral("ResourceNotFound"));
    EXPECT_EQ(reply->error().requestId, QStringLiteral("rid-404"));
    EXPECT_EQ(reply->attempts(), 1);
}

TEST_F(GraphClientTest, WritesBeyondTheLimitAreDelayed)
{
    auto config = client.config();
    config.writeLimit = 2;
    config.writeWindow = 400ms;
    client.setConfig(config);
    keyturn::test::waitUntil([] { return false; }, 1ms);
    QElapsedTimer elapsed;
    elapsed.start();
    QList<GraphReply *> replies;
    for (int i = 0; i < 3; ++i) {
        GraphReply *r = client.post(QStringLiteral("a/syncDevice"));
        r->setAutoDelete(false);
        r->setParent(&owner);
        replies.append(r);
    }
    ASSERT_TRUE(waitUntil([this] { return server.requests().size() == 2; }));
    EXPECT_LT(elapsed.elapsed(), 350);
    // ManualClock does not move: the limiter still delays by the window on the real timer.
    ASSERT_TRUE(waitUntil([&replies] { return replies.at(2)->isFinished(); }, 3s));
    EXPECT_GE(elapsed.elapsed(), 380);
    EXPECT_EQ(server.requests().size(), 3);
}
