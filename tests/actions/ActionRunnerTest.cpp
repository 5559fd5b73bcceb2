// ActionRunner against a scripted HTTP server: what goes on the wire (exactly one POST per
// confirmation), what the user reads, and what the audit log keeps.
#include "actions/ActionRunner.h"
#include "TestDevices.h"
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "core/AccessTokenProvider.h"
#include "core/Clock.h"
#include "graph/GraphClient.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace keyturn;
using keyturn::test::FakeGraphServer;
using keyturn::test::FakeResponse;
using keyturn::test::makeDevice;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

constexpr char kToken[] = "eyJhbGciOiJIUzI1NiJ9.test-secret-token-payload.sig";

const RemoteAction &catalogAction(const char *id)
{
    return *findRemoteAction(QString::fromLatin1(id));
}

class ActionRunnerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        ASSERT_TRUE(dir.isValid());
        GraphClientConfig config;
        config.graphRoot = server.root();
        config.transferTimeout = 1000ms;
        client.setConfig(config);
        runner.setAccountInfo(QStringLiteral("helpdesk@example.com"), QStringLiteral("tenant-guid-1"));
    }

    ActionOutcome runAndWait(const RemoteAction &action, const DeviceDetails &device)
    {
        QSignalSpy finished(&runner, &ActionRunner::finished);
        EXPECT_TRUE(runner.run(action, device));
        EXPECT_TRUE(waitUntil([&] { return finished.count() > 0; }, 10s));
        if (finished.isEmpty())
            return {};
        return finished.takeFirst().at(0).value<ActionOutcome>();
    }

    /// After an outcome, give a stray second request every chance to show up.
    bool anotherPostArrives(int expected)
    {
        return waitUntil([&] { return server.count("POST") > expected; }, 600ms);
    }

    FakeGraphServer server;
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens{ QString::fromLatin1(kToken) };
    GraphClient client{ &nam, &tokens, SystemClock::instance() };
    AuditLog audit{ dir.path() };
    ActionRunner runner{ &client, &audit };
    const DeviceDetails mac = makeDevice("macOS", "company", true, false, "MAC-0042");
};

} // namespace

TEST_F(ActionRunnerTest, EachActionSendsExactlyOnePostToItsGraphPath)
{
    int expected = 0;
    for (const RemoteAction &action : remoteActionCatalog()) {
        server.enqueue("POST", FakeResponse::noContent());
        const ActionOutcome outcome = runAndWait(action, mac);
        ++expected;
        ASSERT_EQ(server.count("POST"), expected) << action.id.toStdString();
        const auto &request = server.requests().last();
        EXPECT_EQ(request.method, QByteArray("POST"));
        EXPECT_EQ(request.path(),
            QStringLiteral("/beta/deviceManagement/managedDevices/%1/%2").arg(mac.id, action.id));
        EXPECT_TRUE(request.body.isEmpty());
        EXPECT_EQ(request.headers.value("authorization"), QByteArray("Bearer ") + kToken);
        EXPECT_EQ(outcome.result, ActionOutcome::Result::Sent);
        EXPECT_EQ(outcome.httpStatus, 204);
        EXPECT_EQ(outcome.message, action.sentBanner(QStringLiteral("MAC-0042")));
        EXPECT_FALSE(outcome.requestId.isEmpty());
        EXPECT_FALSE(outcome.date.isEmpty());
        EXPECT_EQ(outcome.clientRequestId, QString::fromLatin1(request.headers.value("client-request-id")));
        EXPECT_FALSE(runner.isRunning(action.id, mac.id));
    }
    EXPECT_FALSE(anotherPostArrives(expected));
    EXPECT_EQ(server.count("GET"), 0);
}

TEST_F(ActionRunnerTest, SentIsAuditedWithoutAnyToken)
{
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    ASSERT_EQ(outcome.result, ActionOutcome::Result::Sent);
    EXPECT_EQ(outcome.message, QStringLiteral("Rotate FileVault recovery key sent to MAC-0042"));

    const QList<AuditEntry> entries = audit.readNewestFirst();
    ASSERT_EQ(entries.size(), 1);
    const AuditEntry &e = entries.first();
    EXPECT_EQ(e.actionId, QStringLiteral("rotateFileVaultKey"));
    EXPECT_EQ(e.deviceId, mac.id);
    EXPECT_EQ(e.deviceName, QStringLiteral("MAC-0042"));
    EXPECT_EQ(e.accountUpn, QStringLiteral("helpdesk@example.com"));
    EXPECT_EQ(e.tenantId, QStringLiteral("tenant-guid-1"));
    EXPECT_EQ(e.httpStatus, 204);
    EXPECT_EQ(e.outcome, QStringLiteral("sent"));
    EXPECT_EQ(e.requestId, outcome.requestId);
    EXPECT_LE(qAbs(e.time.secsTo(QDateTime::currentDateTimeUtc())), 60);

    QFile file(audit.filePath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    EXPECT_FALSE(raw.contains("test-secret-token"));
    EXPECT_FALSE(raw.contains("Bearer"));
    EXPECT_FALSE(outcome.details.contains(QStringLiteral("test-secret-token")));
}

struct FailureCase {
    const char *name;
    int status;
    const char *code;
    QString message;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString expectedMessage;
};

TEST_F(ActionRunnerTest, EveryHttpFailureGetsItsMessageAndIsNeverResent)
{
    const QString intuneNested
        = QStringLiteral("{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred - Operation ID "
                         "(for customer support): "
                         "00000000-0000-0000-0000-000000000000 - Activity ID: 1b2c - Url: "
                         "https://fef.msua06.manage.microsoft.com/"
                         "DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices('x')/"
                         "microsoft.management.services.api."
                         "rotateFileVaultKey?api-version=2023-08-23\",\r\n  \"CustomApiErrorPhrase\": "
                         "\"\",\r\n  \"RetryAfter\": null,\r\n"
                         "  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}");
    const QString twiceNested
        = QStringLiteral("{\"ErrorCode\":\"Forbidden\",\"Message\":\"{\\\"_version\\\":3,"
                         "\\\"Message\\\":\\\"An error has occurred - Operation ID\\\"}\","
                         "\"Target\":null}");
    const QList<FailureCase> cases{
        { "400", 400, "BadRequest", intuneNested, {},
            QStringLiteral(
                "Intune did not accept Rotate FileVault recovery key for MAC-0042: the action does not apply "
                "to this device in its current state (for example its platform, ownership or encryption).") },
        { "403 scope", 403, "Forbidden",
            QStringLiteral(
                "Application is not authorized to perform this operation. Application must have one of the "
                "following scopes: DeviceManagementManagedDevices.PrivilegedOperations.All"),
            {},
            QStringLiteral(
                "You don't have permission to run Rotate FileVault recovery key on MAC-0042. Your sign-in "
                "lacks DeviceManagementManagedDevices.PrivilegedOperations.All. Ask for the Help Desk "
                "Operator or Endpoint Security Manager role, or a custom role with Remote tasks / Rotate "
                "FileVault key.") },
        { "403 role", 403, "UnknownError", twiceNested, {},
            QStringLiteral(
                "Intune refused Rotate FileVault recovery key on MAC-0042 for your account. It needs an "
                "Intune licence and the Help Desk Operator or Endpoint Security Manager role, or a custom "
                "role with Remote tasks / Rotate FileVault key.") },
        { "404", 404, "ResourceNotFound", intuneNested, {},
            QStringLiteral(
                "Rotate FileVault recovery key was not sent to MAC-0042: the device no longer exists in "
                "Intune (it may have been retired or deleted). Refresh the device list.") },
        { "429 with Retry-After", 429, "TooManyRequests", QStringLiteral("Too many requests"),
            { { "Retry-After", "7" } },
            QStringLiteral(
                "Intune is throttling requests, so Rotate FileVault recovery key was not carried out on "
                "MAC-0042. Try again in 7 s.") },
        { "429 without Retry-After", 429, "TooManyRequests", QStringLiteral("Too many requests"), {},
            QStringLiteral(
                "Intune is throttling requests, so Rotate FileVault recovery key was not carried out on "
                "MAC-0042. Try again in a minute.") },
        { "503", 503, "ServiceUnavailable", QStringLiteral("Service unavailable"),
            { { "Retry-After", "30" } },
            QStringLiteral(
                "Intune is temporarily unavailable, so Rotate FileVault recovery key was not carried out "
                "on MAC-0042. Try again in 30 s.") },
        { "503 without Retry-After", 503, "ServiceUnavailable", QStringLiteral("Service unavailable"), {},
            QStringLiteral(
                "Intune is temporarily unavailable, so Rotate FileVault recovery key was not carried out "
                "on MAC-0042. Try again in a few minutes.") },
        { "500", 500, "InternalServerError", QStringLiteral("Oops"), {},
            QStringLiteral(
                "Intune had a problem with Rotate FileVault recovery key on MAC-0042 (HTTP 500). Check the "
                "device's action status before trying again.") },
    };
    int posts = 0;
    for (const FailureCase &c : cases) {
        SCOPED_TRACE(c.name);
        server.enqueue("POST", FakeResponse::graphError(c.status, c.code, c.message, c.headers));
        const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
        ++posts;
        EXPECT_EQ(outcome.result, ActionOutcome::Result::Failed);
        EXPECT_EQ(outcome.httpStatus, c.status);
        EXPECT_EQ(outcome.errorCode, QString::fromLatin1(c.code));
        EXPECT_EQ(outcome.message, c.expectedMessage);
        EXPECT_FALSE(outcome.requestId.isEmpty());
        EXPECT_EQ(outcome.date, QStringLiteral("2026-11-21T10:00:00"));
        EXPECT_TRUE(outcome.details.contains(outcome.requestId));
        EXPECT_TRUE(outcome.details.contains(QStringLiteral("HTTP status: %1").arg(c.status)));
        EXPECT_EQ(server.count("POST"), posts);
        const QList<AuditEntry> entries = audit.readNewestFirst(1);
        ASSERT_EQ(entries.size(), 1);
        EXPECT_EQ(entries.first().outcome, QStringLiteral("failed"));
        EXPECT_EQ(entries.first().httpStatus, c.status);
        EXPECT_EQ(entries.first().errorCode, QString::fromLatin1(c.code));
    }
    EXPECT_FALSE(anotherPostArrives(posts));
}

TEST_F(ActionRunnerTest, ARejectedTokenIsNotSentAgainButRenewedForTheNextYes)
{
    // Graph refuses a 401 before doing anything; still, one Yes is one POST on the wire. The
    // token is renewed so that the user's next Yes carries a good one.
    server.enqueue("POST",
        FakeResponse::graphError(401, "InvalidAuthenticationToken",
            QStringLiteral("Lifetime validation failed, the token is expired.")));
    server.enqueue("POST", FakeResponse::noContent()); // what a silent resend would get
    const ActionOutcome outcome = runAndWait(catalogAction("syncDevice"), mac);
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_EQ(tokens.refreshCount(), 1);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Failed);
    EXPECT_EQ(outcome.httpStatus, 401);
    EXPECT_EQ(outcome.message,
        QStringLiteral("Intune did not accept your sign-in, so Sync was not carried out on MAC-0042. "
                       "Keyturn has renewed the sign-in: try again."));
    EXPECT_FALSE(anotherPostArrives(1));
}

TEST_F(ActionRunnerTest, ADroppedConnectionIsUnknownAndNeverResent)
{
    server.enqueue("POST", FakeResponse::drop());
    server.enqueue("POST", FakeResponse::noContent()); // what a silent resend would get
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_TRUE(outcome.message.startsWith(
        QStringLiteral("The outcome is unknown: check the device's action status")))
        << outcome.message.toStdString();
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(anotherPostArrives(1));
    ASSERT_EQ(audit.readNewestFirst().size(), 1);
    EXPECT_EQ(audit.readNewestFirst().first().outcome, QStringLiteral("unknown"));
    EXPECT_EQ(audit.readNewestFirst().first().httpStatus, 0);
}

TEST_F(ActionRunnerTest, ADropOnAReusedConnectionIsNotResentEither)
{
    // Qt resends a request by itself when a kept-alive connection closes before any answer; a
    // warm connection is exactly where that would bite.
    server.enqueue("POST", FakeResponse::noContent());
    ASSERT_EQ(runAndWait(catalogAction("syncDevice"), mac).result, ActionOutcome::Result::Sent);
    server.enqueue("POST", FakeResponse::drop());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_EQ(server.count("POST"), 2);
    EXPECT_FALSE(anotherPostArrives(2));
}

TEST_F(ActionRunnerTest, ADroppedActionWithABodyIsNotResentEither)
{
    // Qt's HTTP layer re-sends a request whose connection closed before the answer when it can
    // replay the body; an action with a body must still leave exactly once.
    RemoteAction withBody = catalogAction("syncDevice");
    withBody.body = R"({"keepUserData":true})";
    server.enqueue("POST", FakeResponse::drop());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(withBody, mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(anotherPostArrives(1));
}

TEST_F(ActionRunnerTest, AHalfAnswerIsUnknownAndNeverResent)
{
    server.enqueue("POST", FakeResponse::dropMidBody());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rebootNow"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(anotherPostArrives(1));
}

TEST_F(ActionRunnerTest, ACloseAfterTheHeadIsUnknownAndNeverResent)
{
    server.enqueue("POST", FakeResponse::dropAfterHead());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown) << outcome.details.toStdString();
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(anotherPostArrives(1));
}

TEST_F(ActionRunnerTest, ACloseAfterTheHeadOnAWarmConnectionIsUnknownAndNeverResent)
{
    server.enqueue("POST", FakeResponse::noContent());
    ASSERT_EQ(runAndWait(catalogAction("syncDevice"), mac).result, ActionOutcome::Result::Sent);
    server.enqueue("POST", FakeResponse::dropAfterHead());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_EQ(server.count("POST"), 2);
    EXPECT_EQ(server.connectionCount(), 1);
    EXPECT_FALSE(anotherPostArrives(2));
}

TEST_F(ActionRunnerTest, AHungRequestTimesOutAsUnknownAndIsNeverResent)
{
    server.enqueue("POST", FakeResponse::hang());
    server.enqueue("POST", FakeResponse::noContent());
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Unknown);
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(anotherPostArrives(1));
}

TEST_F(ActionRunnerTest, ASecondRunWhileInFlightSendsNothing)
{
    server.enqueue("POST", FakeResponse::hang());
    QSignalSpy started(&runner, &ActionRunner::started);
    QSignalSpy finished(&runner, &ActionRunner::finished);
    const RemoteAction &rotate = catalogAction("rotateFileVaultKey");
    ASSERT_TRUE(runner.run(rotate, mac));
    EXPECT_TRUE(runner.isRunning(rotate.id, mac.id));
    // Double click, repeated Enter, a second confirmation racing the first.
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(runner.run(rotate, mac));
    EXPECT_TRUE(waitUntil([&] { return server.count("POST") >= 1; }, 5s));
    EXPECT_FALSE(runner.run(rotate, mac));
    EXPECT_EQ(started.count(), 1);
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 10s));
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_FALSE(runner.isRunning(rotate.id, mac.id));
    EXPECT_EQ(runner.runningCount(), 0);

    // A new confirmation after the outcome is a new request.
    server.enqueue("POST", FakeResponse::noContent());
    EXPECT_EQ(runAndWait(rotate, mac).result, ActionOutcome::Result::Sent);
    EXPECT_EQ(server.count("POST"), 2);
    EXPECT_FALSE(anotherPostArrives(2));
}

TEST_F(ActionRunnerTest, DifferentActionsOrDevicesRunSideBySide)
{
    server.setFallback([](const test::FakeRequest &) { return FakeResponse::noContent(); });
    const DeviceDetails other = makeDevice("macOS", "company", true, false, "MAC-0043");
    QSignalSpy finished(&runner, &ActionRunner::finished);
    EXPECT_TRUE(runner.run(catalogAction("rotateFileVaultKey"), mac));
    EXPECT_TRUE(runner.run(catalogAction("syncDevice"), mac));
    EXPECT_TRUE(runner.run(catalogAction("rotateFileVaultKey"), other));
    EXPECT_EQ(runner.runningCount(), 3);
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 3; }, 10s));
    EXPECT_EQ(server.count("POST"), 3);
    EXPECT_EQ(audit.readNewestFirst().size(), 3);
}

TEST_F(ActionRunnerTest, AnUnusableDeviceIdSendsNothing)
{
    QSignalSpy started(&runner, &ActionRunner::started);
    for (const char *id : { "", "abc/../../users", "abc?x=1", "a b", "abc%2F", "..", "../../me",
             "x?$filter=", "%2e%2e", "me", "...", "0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e/..",
             "{0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e}", "0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e\n" }) {
        DeviceDetails d = mac;
        d.id = QString::fromLatin1(id);
        EXPECT_FALSE(runner.run(catalogAction("syncDevice"), d)) << id;
    }
    RemoteAction get = catalogAction("syncDevice");
    get.method = "GET";
    EXPECT_FALSE(runner.run(get, mac));
    EXPECT_EQ(started.count(), 0);
    EXPECT_FALSE(waitUntil([&] { return !server.requests().isEmpty(); }, 300ms));
}

TEST_F(ActionRunnerTest, WithoutATokenNothingIsSentAndTheRunnerIsNotStuck)
{
    tokens.setToken({});
    QSignalSpy started(&runner, &ActionRunner::started);
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Failed);
    EXPECT_EQ(outcome.message,
        QStringLiteral("Rotate FileVault recovery key was not sent to MAC-0042: Keyturn could "
                       "not get a valid sign-in. Sign in again, then retry."));
    EXPECT_TRUE(server.requests().isEmpty());
    EXPECT_FALSE(runner.isRunning(QStringLiteral("rotateFileVaultKey"), mac.id));
    ASSERT_EQ(audit.readNewestFirst().size(), 1);
    EXPECT_EQ(audit.readNewestFirst().first().outcome, QStringLiteral("failed"));
}

TEST_F(ActionRunnerTest, AnUnreachableServerIsAFailureThatWasNotSent)
{
    GraphClientConfig config = client.config();
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    config.graphRoot.setPort(closed.serverPort());
    closed.close(); // nothing listens on that port any more
    client.setConfig(config);
    const ActionOutcome outcome = runAndWait(catalogAction("syncDevice"), mac);
    EXPECT_EQ(outcome.result, ActionOutcome::Result::Failed);
    EXPECT_TRUE(
        outcome.message.startsWith(QStringLiteral("Sync was not sent to MAC-0042: Keyturn could not reach "
                                                  "Microsoft Graph")))
        << outcome.message.toStdString();
}

TEST_F(ActionRunnerTest, DestroyingTheRunnerMidFlightIsSafe)
{
    server.enqueue("POST", FakeResponse::hang());
    auto *shortLived = new ActionRunner(&client, &audit);
    ASSERT_TRUE(shortLived->run(catalogAction("syncDevice"), mac));
    ASSERT_TRUE(waitUntil([&] { return server.count("POST") == 1; }, 5s));
    delete shortLived;
    const QList<AuditEntry> entries = audit.readNewestFirst();
    ASSERT_EQ(entries.size(), 1) << "what may have reached Intune stays in the audit";
    EXPECT_EQ(entries.first().outcome, QStringLiteral("unknown"));
    EXPECT_EQ(entries.first().actionId, QStringLiteral("syncDevice"));
    // The request ends on its own (transfer timeout) without anyone to tell, and is not resent.
    EXPECT_FALSE(waitUntil([&] { return server.count("POST") > 1; }, 1500ms));
    EXPECT_EQ(audit.readNewestFirst().size(), 1);
}

namespace {

/// The audit file's lines as JSON objects, in file order.
QList<QJsonObject> auditLines(const AuditLog &log)
{
    QList<QJsonObject> lines;
    QFile file(log.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

} // namespace

TEST_F(ActionRunnerTest, TheSendingLineIsWrittenBeforeThePostReachesTheServer)
{
    QList<QJsonObject> seenByServer;
    server.setFallback([&](const test::FakeRequest &request) {
        if (request.method == "POST")
            seenByServer = auditLines(audit); // the moment the request arrives
        return FakeResponse::noContent();
    });
    const ActionOutcome outcome = runAndWait(catalogAction("rotateFileVaultKey"), mac);
    ASSERT_EQ(outcome.result, ActionOutcome::Result::Sent);

    ASSERT_EQ(seenByServer.size(), 1);
    const QJsonObject sending = seenByServer.first();
    EXPECT_EQ(sending.value(QLatin1String("outcome")).toString(), QStringLiteral("sending"));
    EXPECT_EQ(sending.value(QLatin1String("action")).toString(), QStringLiteral("rotateFileVaultKey"));
    EXPECT_EQ(sending.value(QLatin1String("deviceId")).toString(), mac.id);
    EXPECT_EQ(sending.value(QLatin1String("account")).toString(), QStringLiteral("helpdesk@example.com"));
    const QString entryId = sending.value(QLatin1String("entry")).toString();
    EXPECT_FALSE(entryId.isEmpty());

    const QList<QJsonObject> after = auditLines(audit);
    ASSERT_EQ(after.size(), 2);
    EXPECT_EQ(after.at(0), sending);
    EXPECT_EQ(after.at(1).value(QLatin1String("entry")).toString(), entryId);
    EXPECT_EQ(after.at(1).value(QLatin1String("outcome")).toString(), QStringLiteral("sent"));
    EXPECT_EQ(after.at(1).value(QLatin1String("httpStatus")).toInt(), 204);
    EXPECT_EQ(after.at(1).value(QLatin1String("clientRequestId")).toString(), outcome.clientRequestId);

    const QList<AuditEntry> entries = audit.readNewestFirst();
    ASSERT_EQ(entries.size(), 1) << "one row per action";
    EXPECT_EQ(entries.first().outcome, QStringLiteral("sent"));
}

TEST_F(ActionRunnerTest, ARequestThatNeverReturnsStillLeavesItsSendingLine)
{
    server.enqueue("POST", FakeResponse::hang());
    ASSERT_TRUE(runner.run(catalogAction("syncDevice"), mac));
    ASSERT_TRUE(waitUntil([&] { return server.count("POST") == 1; }, 5s));
    // As if Keyturn crashed now: what is on disk already names the action.
    const QList<AuditEntry> entries = audit.readNewestFirst();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries.first().outcome, QStringLiteral("sending"));
    EXPECT_EQ(entries.first().actionId, QStringLiteral("syncDevice"));
    EXPECT_EQ(entries.first().deviceName, QStringLiteral("MAC-0042"));
}
