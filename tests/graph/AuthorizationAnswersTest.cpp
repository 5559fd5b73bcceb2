// How the Graph client reads Graph's 401s (a token to renew, Intune's missing-role Forbidden, a
// Continuous Access Evaluation claims challenge), that a POST is never sent twice because of one,
// and how a long Retry-After is waited out.
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "graph/GraphClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

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

// WIRE.md: Intune's answer to an account without a role, nested twice.
QString intuneForbiddenMessage()
{
    const QJsonObject headers{ { QStringLiteral("WWW-Authenticate"),
        QStringLiteral("Bearer realm=\"urn:intune:service,1d4b0c5e-8f55-4b4e-9a57-5d8f1f1a0c11,"
                       "f3a2b1c0-9d8e-4f7a-8b6c-5d4e3f2a1b0c\"") } };
    const QJsonObject innermost{ { QStringLiteral("_version"), 3 },
        { QStringLiteral("Message"),
            QStringLiteral(
                "An error has occurred - Operation ID (for customer support): "
                "00000000-0000-0000-0000-000000000000 - Activity ID: "
                "7b5c0a51-1c4e-4d2b-a6f3-2f0d6c1e9a10 - Url: https://fef.msua06.manage.microsoft.com/"
                "DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?api-version=2023-10-01") },
        { QStringLiteral("CustomApiErrorPhrase"), QString() }, { QStringLiteral("RetryAfter"), QJsonValue() },
        { QStringLiteral("ErrorSourceService"), QString() },
        { QStringLiteral("HttpHeaders"),
            QString::fromUtf8(QJsonDocument(headers).toJson(QJsonDocument::Compact)) } };
    const QJsonObject outer{ { QStringLiteral("ErrorCode"), QStringLiteral("Forbidden") },
        { QStringLiteral("Message"),
            QString::fromUtf8(QJsonDocument(innermost).toJson(QJsonDocument::Indented)) },
        { QStringLiteral("Target"), QJsonValue() }, { QStringLiteral("Details"), QJsonValue() },
        { QStringLiteral("InnerError"), QJsonValue() },
        { QStringLiteral("InstanceAnnotations"), QJsonArray() } };
    return QString::fromUtf8(QJsonDocument(outer).toJson(QJsonDocument::Compact));
}

FakeResponse intuneForbidden()
{
    return FakeResponse::json(401, keyturn::test::graphErrorBody("UnknownError", intuneForbiddenMessage()));
}

FakeResponse expiredToken()
{
    return FakeResponse::json(401,
        keyturn::test::graphErrorBody("InvalidAuthenticationToken",
            QStringLiteral("Lifetime validation failed, the token is expired.")),
        { { "WWW-Authenticate",
            R"(Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000")" } });
}

const QByteArray kChallengeClaims = R"({"access_token":{"nbf":{"essential":true,"value":"1700000000"}}})";

FakeResponse claimsChallenge()
{
    const QByteArray header
        = R"(Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims=")"
        + kChallengeClaims.toBase64() + '"';
    return FakeResponse::json(401,
        keyturn::test::graphErrorBody("InvalidAuthenticationToken",
            QStringLiteral("Continuous access evaluation resulted in challenge with result: "
                           "InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp")),
        { { "WWW-Authenticate", header } });
}

FakeResponse throttled(int retryAfterSecs)
{
    return FakeResponse::json(429,
        keyturn::test::graphErrorBody("TooManyRequests", QStringLiteral("Too many requests")),
        { { "Retry-After", QByteArray::number(retryAfterSecs) } });
}

class AuthorizationAnswersTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        keyturn::GraphClientConfig config;
        config.graphRoot = server.root();
        config.transferTimeout = 5000ms;
        config.waitScale = 0.01; // a two-minute Retry-After becomes 1.2 s
        client.setConfig(config);
        client.setRandomSource([] { return 0.0; });
    }

    GraphReply *run(GraphReply *reply, std::chrono::milliseconds timeout = 10s)
    {
        reply->setAutoDelete(false);
        reply->setParent(&owner);
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
};

} // namespace

TEST_F(AuthorizationAnswersTest, IntuneForbiddenAfterOneRefreshIsAMissingRole)
{
    script = { intuneForbidden() };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::MissingRole);
    EXPECT_TRUE(reply->error().isIntuneForbidden());
    EXPECT_EQ(tokens.refreshCount(), 1); // one silent refresh, then no loop
    EXPECT_EQ(server.requests().size(), 2);
    const QString summary = reply->error().summary();
    EXPECT_TRUE(summary.contains(QStringLiteral("Help Desk Operator"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Read Only Operator")));
    EXPECT_FALSE(summary.contains(QStringLiteral("Sign in again")));
    EXPECT_FALSE(reply->error().requestId.isEmpty());
}

TEST_F(AuthorizationAnswersTest, IntuneForbiddenOnAPostIsAMissingRoleSentOnce)
{
    script = { intuneForbidden() };
    GraphReply *reply = run(client.post(QStringLiteral("deviceManagement/managedDevices/x/syncDevice")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::MissingRole);
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_TRUE(reply->error().summary().contains(QStringLiteral("Endpoint Security Manager")));
    EXPECT_TRUE(reply->error().summary().contains(QStringLiteral("nothing was carried out")));
}

TEST_F(AuthorizationAnswersTest, ExpiredTokenOnAPostIsNotSentAgainButRenewed)
{
    script = { expiredToken(), FakeResponse::noContent() };
    GraphReply *reply
        = run(client.post(QStringLiteral("deviceManagement/managedDevices/x/rotateFileVaultKey")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::NotSent);
    EXPECT_EQ(reply->httpStatus(), 401);
    QCoreApplication::processEvents();
    EXPECT_EQ(server.count("POST"), 1); // one Yes, one POST on the wire
    EXPECT_EQ(tokens.refreshCount(), 1); // the next try carries a fresh token
    EXPECT_TRUE(reply->error().summary().contains(QStringLiteral("try again")));

    // The user's next Yes is a new POST, which goes through.
    GraphReply *again
        = run(client.post(QStringLiteral("deviceManagement/managedDevices/x/rotateFileVaultKey")));
    EXPECT_FALSE(again->error().isError());
    EXPECT_EQ(server.count("POST"), 2);
}

TEST_F(AuthorizationAnswersTest, ClaimsChallengeOnAGetAsksForTheClaimsAndRepeatsOnce)
{
    script = { claimsChallenge(), FakeResponse::json(200, kOk) };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_FALSE(reply->error().isError()) << reply->error().details().toStdString();
    EXPECT_EQ(tokens.lastClaims().toUtf8(), kChallengeClaims);
    EXPECT_EQ(server.requests().size(), 2);

    // A second challenge for the same request is not answered again: no loop.
    script = { claimsChallenge() };
    GraphReply *twice = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(twice->error().httpStatus, 401);
    EXPECT_EQ(server.requests().size(), 4);
}

TEST_F(AuthorizationAnswersTest, ClaimsChallengeOnAPostIsNotSentAgain)
{
    script = { claimsChallenge(), FakeResponse::noContent() };
    GraphReply *reply = run(client.post(QStringLiteral("deviceManagement/managedDevices/x/syncDevice")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::NotSent);
    EXPECT_EQ(reply->error().claimsChallenge.toUtf8(), kChallengeClaims);
    QCoreApplication::processEvents();
    EXPECT_EQ(server.count("POST"), 1);
    EXPECT_EQ(tokens.lastClaims().toUtf8(), kChallengeClaims); // the sign-in is renewed with them
    EXPECT_TRUE(reply->error().summary().contains(QStringLiteral("sign-in")));
}

TEST_F(AuthorizationAnswersTest, LongRetryAfterIsWaitedOutWithNotice)
{
    script = { throttled(130), FakeResponse::json(200, kOk) };
    GraphReply *reply = client.get(QStringLiteral("deviceManagement/managedDevices"));
    QSignalSpy waiting(reply, &GraphReply::waiting);
    run(reply, 20s);
    EXPECT_FALSE(reply->error().isError()) << reply->error().details().toStdString();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting.first().first().toInt(), 130);
    EXPECT_EQ(server.requests().size(), 2);
}

TEST_F(AuthorizationAnswersTest, RetryAfterBeyondTenMinutesFails)
{
    script = { throttled(3600) };
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().httpStatus, 429);
    EXPECT_EQ(reply->error().retryAfterSecs, 3600);
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(AuthorizationAnswersTest, LongRetryAfterOnAPostIsNeverWaitedOut)
{
    script = { throttled(120), FakeResponse::noContent() };
    GraphReply *reply = run(client.post(QStringLiteral("deviceManagement/managedDevices/x/syncDevice")));
    EXPECT_EQ(reply->error().httpStatus, 429);
    EXPECT_EQ(server.count("POST"), 1);
}

TEST(WwwAuthenticate, ReadsQuotedAndBareParameters)
{
    const QByteArray header
        = R"(Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhIjoxfQ==", x=bare)";
    EXPECT_EQ(keyturn::wwwAuthenticateParam(header, "error"), QByteArray("insufficient_claims"));
    EXPECT_EQ(keyturn::wwwAuthenticateParam(header, "claims"), QByteArray("eyJhIjoxfQ=="));
    EXPECT_EQ(keyturn::wwwAuthenticateParam(header, "realm"), QByteArray());
    EXPECT_EQ(keyturn::wwwAuthenticateParam(header, "x"), QByteArray("bare"));
    EXPECT_EQ(keyturn::wwwAuthenticateParam(header, "missing"), QByteArray());
    EXPECT_EQ(keyturn::wwwAuthenticateParam(R"(Bearer error="a\"b")", "error"), QByteArray("a\"b"));
    EXPECT_EQ(keyturn::wwwAuthenticateParam("Bearer", "error"), QByteArray());
}

TEST(WwwAuthenticate, AChallengeWithoutReadableClaimsIsNoChallenge)
{
    const auto parse = [](const QByteArray &claims) {
        return keyturn::parseGraphError(401, keyturn::test::graphErrorBody("InvalidAuthenticationToken", {}),
            { { "WWW-Authenticate", R"(Bearer error="insufficient_claims", claims=")" + claims + '"' } })
            .claimsChallenge;
    };
    EXPECT_EQ(parse(kChallengeClaims.toBase64()).toUtf8(), kChallengeClaims);
    EXPECT_EQ(parse(kChallengeClaims.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                  .toUtf8(),
        kChallengeClaims);
    EXPECT_TRUE(parse("not base64 at all!").isEmpty());
    EXPECT_TRUE(parse(QByteArray("[1,2]").toBase64()).isEmpty());
}
