// Contract tests of the demo tenant's Entra ID v2.0 endpoints, over real HTTP on 127.0.0.1.
#include "DemoHttp.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

const QString kToken = QStringLiteral("/organizations/oauth2/v2.0/token");
const QString kVerifier = QStringLiteral("a-very-long-code-verifier-with-enough-entropy-0123456789");

class IdentityContract : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.devices = 20;
        options.deviceCodeIntervalSecs = 1;
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
    }
    HttpResult redeem(const QString &code, const QString &verifier)
    {
        return http->postForm(kToken,
            { { QStringLiteral("client_id"), kClientId },
                { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                { QStringLiteral("code"), code }, { QStringLiteral("redirect_uri"), kRedirect },
                { QStringLiteral("code_verifier"), verifier } });
    }
    HttpResult refresh(const QString &refreshToken)
    {
        return http->postForm(kToken,
            { { QStringLiteral("client_id"), kClientId },
                { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                { QStringLiteral("refresh_token"), refreshToken } });
    }
    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
};

} // namespace

TEST_F(IdentityContract, AuthorizeShowsUsersAndRedirectsWithCodeAndState)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), kClientId);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http%3A%2F%2F127.0.0.1%3A4321%2Fcb"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("abc"));
    q.addQueryItem(QStringLiteral("code_challenge"), DemoHttp::challengeFor(kVerifier));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    const QString authorize
        = QStringLiteral("/common/oauth2/v2.0/authorize?") + q.toString(QUrl::FullyEncoded);

    const HttpResult pageResult = http->get(authorize);
    EXPECT_EQ(pageResult.status, 200);
    EXPECT_TRUE(pageResult.body.contains("helpdesk@example.com"));
    EXPECT_TRUE(pageResult.body.contains("readonly@example.com"));
    EXPECT_TRUE(pageResult.body.contains("norole@example.com"));
    EXPECT_TRUE(pageResult.body.contains("demo_cancel=1"));

    const HttpResult approved = http->get(authorize + QStringLiteral("&demo_user=helpdesk"));
    ASSERT_EQ(approved.status, 302);
    const QUrl location(QString::fromUtf8(approved.header("Location")));
    EXPECT_EQ(location.host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(location.port(), 4321);
    EXPECT_EQ(location.path(), QStringLiteral("/cb"));
    EXPECT_EQ(QUrlQuery(location).queryItemValue(QStringLiteral("state")), QStringLiteral("abc"));
    EXPECT_FALSE(QUrlQuery(location).queryItemValue(QStringLiteral("code")).isEmpty());

    const HttpResult cancelled = http->get(authorize + QStringLiteral("&demo_cancel=1"));
    ASSERT_EQ(cancelled.status, 302);
    const QUrlQuery cancelQuery(QUrl(QString::fromUtf8(cancelled.header("Location"))));
    EXPECT_EQ(cancelQuery.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    EXPECT_TRUE(cancelled.header("Location").contains("AADSTS65004"));
    EXPECT_FALSE(cancelQuery.hasQueryItem(QStringLiteral("code")));
}

TEST_F(IdentityContract, AuthorizeRefusesNonLoopbackRedirectWithHtmlError)
{
    const HttpResult r = http->get(QStringLiteral(
        "/organizations/oauth2/v2.0/authorize?client_id=x&response_type=code&redirect_uri=https%3A%2F%2Fevil."
        "example%2F&state=s&code_challenge=abc&code_challenge_method=S256&demo_user=helpdesk"));
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(r.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(r.header("Location").isEmpty());
}

TEST_F(IdentityContract, PkceExchangeSucceedsWithTheRightVerifier)
{
    const QString code = http->authorizeCode(QStringLiteral("helpdesk"), kVerifier, kRedirect);
    ASSERT_FALSE(code.isEmpty());
    const HttpResult r = redeem(code, kVerifier);
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QJsonObject body = r.json();
    EXPECT_EQ(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    EXPECT_EQ(body.value(QStringLiteral("expires_in")).toInt(), 3600);
    EXPECT_FALSE(body.value(QStringLiteral("refresh_token")).toString().isEmpty());
    EXPECT_FALSE(body.value(QStringLiteral("id_token")).toString().isEmpty());
    EXPECT_TRUE(
        body.value(QStringLiteral("scope"))
            .toString()
            .contains(QStringLiteral(
                "https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All")));

    const QJsonObject claims = DemoHttp::jwtPayload(body.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(claims.value(QStringLiteral("upn")).toString(), QStringLiteral("helpdesk@example.com"));
    EXPECT_EQ(claims.value(QStringLiteral("tid")).toString(), tenant->tenantId());
    EXPECT_EQ(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
    EXPECT_TRUE(
        claims.value(QStringLiteral("scp")).toString().contains(QStringLiteral("PrivilegedOperations")));
    EXPECT_FALSE(claims.value(QStringLiteral("oid")).toString().isEmpty());
}

TEST_F(IdentityContract, ReadOnlyUserGetsNoPrivilegedScope)
{
    const QJsonObject body = http->signIn(QStringLiteral("readonly"));
    const QJsonObject claims = DemoHttp::jwtPayload(body.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(claims.value(QStringLiteral("upn")).toString(), QStringLiteral("readonly@example.com"));
    EXPECT_TRUE(claims.value(QStringLiteral("scp")).toString().contains(QStringLiteral("Read.All")));
    EXPECT_FALSE(
        claims.value(QStringLiteral("scp")).toString().contains(QStringLiteral("PrivilegedOperations")));
}

TEST_F(IdentityContract, WrongVerifierIsRefusedWithEntraError)
{
    const QString code = http->authorizeCode(QStringLiteral("helpdesk"), kVerifier, kRedirect);
    const HttpResult r = redeem(code, kVerifier + QStringLiteral("x"));
    EXPECT_EQ(r.status, 400);
    const QJsonObject body = r.json();
    EXPECT_EQ(body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    EXPECT_EQ(body.value(QStringLiteral("error_codes")).toArray().first().toInt(), 501481);
    EXPECT_TRUE(body.value(QStringLiteral("error_description"))
                    .toString()
                    .startsWith(QStringLiteral("AADSTS501481:")));
    EXPECT_TRUE(body.value(QStringLiteral("error_description"))
                    .toString()
                    .contains(QStringLiteral("Correlation ID:")));
    EXPECT_FALSE(body.value(QStringLiteral("trace_id")).toString().isEmpty());
    EXPECT_FALSE(body.value(QStringLiteral("correlation_id")).toString().isEmpty());
    EXPECT_FALSE(body.value(QStringLiteral("timestamp")).toString().isEmpty());
    EXPECT_FALSE(body.contains(QStringLiteral("access_token")));
}

TEST_F(IdentityContract, ReusedCodeIsRejected)
{
    const QString code = http->authorizeCode(QStringLiteral("helpdesk"), kVerifier, kRedirect);
    ASSERT_EQ(redeem(code, kVerifier).status, 200);
    const HttpResult again = redeem(code, kVerifier);
    EXPECT_EQ(again.status, 400);
    EXPECT_EQ(again.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    EXPECT_EQ(again.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), 54005);
}

TEST_F(IdentityContract, MissingClientIdAndUnknownGrantType)
{
    const HttpResult noClient
        = http->postForm(kToken, { { QStringLiteral("grant_type"), QStringLiteral("refresh_token") } });
    EXPECT_EQ(noClient.status, 400);
    EXPECT_EQ(noClient.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    EXPECT_EQ(noClient.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), 900144);

    const HttpResult badGrant = http->postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("password") } });
    EXPECT_EQ(
        badGrant.json().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
}

TEST_F(IdentityContract, RefreshRotatesAndRefusesTheOldToken)
{
    const QString first
        = http->signIn(QStringLiteral("helpdesk")).value(QStringLiteral("refresh_token")).toString();
    const HttpResult rotated = refresh(first);
    ASSERT_EQ(rotated.status, 200) << rotated.body.constData();
    const QString second = rotated.json().value(QStringLiteral("refresh_token")).toString();
    EXPECT_NE(second, first);
    EXPECT_FALSE(rotated.json().value(QStringLiteral("access_token")).toString().isEmpty());

    const HttpResult reused = refresh(first);
    EXPECT_EQ(reused.status, 400);
    EXPECT_EQ(reused.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    EXPECT_EQ(refresh(second).status, 200);
}

TEST_F(IdentityContract, RefreshTokenSurvivesRestartOfTheSameTenantButNotRevocation)
{
    const QString token
        = http->signIn(QStringLiteral("helpdesk")).value(QStringLiteral("refresh_token")).toString();
    tenant->stop();
    ASSERT_TRUE(tenant->start());
    const HttpResult afterRestart = refresh(token);
    ASSERT_EQ(afterRestart.status, 200) << afterRestart.body.constData();
    const QString next = afterRestart.json().value(QStringLiteral("refresh_token")).toString();

    QThread::msleep(2); // revocation covers tokens issued before it, to the millisecond
    ASSERT_EQ(http->post(QStringLiteral("/_demo/revoke?user=helpdesk")).status, 204);
    const HttpResult revoked = refresh(next);
    EXPECT_EQ(revoked.status, 400);
    EXPECT_EQ(revoked.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), 50173);

    // Another tenant with the same seed has its own secret: the refresh token means nothing there.
    DemoTenant other{ DemoOptions() };
    ASSERT_TRUE(other.start());
    DemoHttp otherHttp(other);
    const HttpResult foreign = otherHttp.postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), next } });
    EXPECT_EQ(foreign.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

TEST_F(IdentityContract, DeviceCodeIsPendingThenApprovedThenSpent)
{
    const HttpResult start = http->postForm(QStringLiteral("/organizations/oauth2/v2.0/devicecode"),
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("scope"), QStringLiteral("openid offline_access") } });
    ASSERT_EQ(start.status, 200);
    const QJsonObject grant = start.json();
    EXPECT_EQ(grant.value(QStringLiteral("interval")).toInt(), 1);
    EXPECT_EQ(grant.value(QStringLiteral("expires_in")).toInt(), 900);
    EXPECT_EQ(grant.value(QStringLiteral("verification_uri")).toString(),
        tenant->baseUrl().toString() + QStringLiteral("/devicelogin"));
    const QString userCode = grant.value(QStringLiteral("user_code")).toString();
    EXPECT_TRUE(grant.value(QStringLiteral("message")).toString().contains(userCode));
    const QList<QPair<QString, QString>> poll{ { QStringLiteral("client_id"), kClientId },
        { QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
        { QStringLiteral("device_code"), grant.value(QStringLiteral("device_code")).toString() } };

    EXPECT_EQ(http->postForm(kToken, poll).json().value(QStringLiteral("error")).toString(),
        QStringLiteral("authorization_pending"));
    EXPECT_EQ(http->postForm(kToken, poll).json().value(QStringLiteral("error")).toString(),
        QStringLiteral("slow_down"));

    const HttpResult approve
        = http->get(QStringLiteral("/devicelogin/approve?user_code=%1&user=helpdesk").arg(userCode));
    EXPECT_EQ(approve.status, 200);
    EXPECT_TRUE(approve.body.contains("signed in"));

    QThread::msleep(1000);
    const HttpResult tokens = http->postForm(kToken, poll);
    ASSERT_EQ(tokens.status, 200) << tokens.body.constData();
    EXPECT_EQ(DemoHttp::jwtPayload(tokens.json().value(QStringLiteral("access_token")).toString())
                  .value(QStringLiteral("upn"))
                  .toString(),
        QStringLiteral("helpdesk@example.com"));
    QThread::msleep(1000);
    EXPECT_EQ(http->postForm(kToken, poll).json().value(QStringLiteral("error")).toString(),
        QStringLiteral("invalid_grant"));
}

TEST_F(IdentityContract, DeclinedDeviceCodeStops)
{
    const QJsonObject grant = http->postForm(QStringLiteral("/organizations/oauth2/v2.0/devicecode"),
                                      { { QStringLiteral("client_id"), kClientId } })
                                  .json();
    EXPECT_EQ(http->get(QStringLiteral("/devicelogin/decline?user_code=")
                      + grant.value(QStringLiteral("user_code")).toString())
                  .status,
        200);
    const HttpResult r = http->postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
            { QStringLiteral("device_code"), grant.value(QStringLiteral("device_code")).toString() } });
    EXPECT_EQ(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("authorization_declined"));
}

TEST_F(IdentityContract, RequestLogNeverContainsATokenOrCode)
{
    const QJsonObject tokens = http->signIn(QStringLiteral("helpdesk"));
    const QByteArray access = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
    http->get(kDevices, access, { { "client-request-id", "11111111-2222-3333-4444-555555555555" } });
    const HttpResult log = http->get(QStringLiteral("/_demo/requests"));
    ASSERT_EQ(log.status, 200);
    EXPECT_FALSE(log.body.contains(access));
    EXPECT_FALSE(log.body.contains(access.left(access.indexOf('.'))));
    EXPECT_FALSE(log.body.contains(tokens.value(QStringLiteral("refresh_token")).toString().toLatin1()));
    EXPECT_FALSE(log.body.contains("1.demo-code."));
    EXPECT_FALSE(log.body.contains("verifier-0123456789"));
    const QJsonArray entries = QJsonDocument::fromJson(log.body).array();
    ASSERT_EQ(entries.size(), 3); // authorize, token, Graph
    const QJsonObject graph = entries.last().toObject();
    EXPECT_EQ(graph.value(QStringLiteral("authorization")).toString(), QStringLiteral("Bearer"));
    EXPECT_EQ(graph.value(QStringLiteral("clientRequestId")).toString(),
        QStringLiteral("11111111-2222-3333-4444-555555555555"));
    EXPECT_EQ(graph.value(QStringLiteral("status")).toInt(), 200);

    EXPECT_EQ(http->deleteResource(QStringLiteral("/_demo/requests")).status, 204);
    EXPECT_TRUE(http->requests().isEmpty());
}
