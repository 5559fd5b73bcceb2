// Continuous Access Evaluation on the demo tenant: a cp1 client's tokens carry xms_cc, and after
// POST /_demo/revoke-sessions they get WIRE.md's claims challenge; refreshes need interaction.
#include "DemoHttp.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

const QString kToken = QStringLiteral("/organizations/oauth2/v2.0/token");

bool hasCp1(const QJsonObject &tokenResponse)
{
    return DemoHttp::jwtPayload(tokenResponse.value(QStringLiteral("access_token")).toString())
        .value(QStringLiteral("xms_cc"))
        .toArray()
        .contains(QStringLiteral("cp1"));
}

class ContinuousAccess : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.devices = 30;
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
    }
    HttpResult refresh(const QString &refreshToken, const QString &claims = {})
    {
        QList<QPair<QString, QString>> form{ { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), refreshToken } };
        if (!claims.isEmpty())
            form.append({ QStringLiteral("claims"), claims });
        return http->postForm(kToken, form);
    }
    int listStatus(const QJsonObject &tokens)
    {
        return http
            ->get(kDevices + QStringLiteral("?$top=1"),
                tokens.value(QStringLiteral("access_token")).toString().toLatin1())
            .status;
    }
    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
};

} // namespace

TEST_F(ContinuousAccess, Cp1IsCarriedByAccessTokensAndKeptAcrossRefreshes)
{
    const QJsonObject plain = http->signIn(QStringLiteral("helpdesk"));
    EXPECT_FALSE(hasCp1(plain));
    const QJsonObject capable = http->signIn(QStringLiteral("helpdesk"), kCp1Claims);
    ASSERT_TRUE(capable.contains(QStringLiteral("access_token")))
        << QJsonDocument(capable).toJson().constData();
    EXPECT_TRUE(hasCp1(capable));
    const HttpResult refreshed = refresh(capable.value(QStringLiteral("refresh_token")).toString());
    ASSERT_EQ(refreshed.status, 200) << refreshed.body.constData();
    EXPECT_TRUE(hasCp1(refreshed.json()));

    // Device code with claims too.
    const QJsonObject grant
        = http->postForm(QStringLiteral("/organizations/oauth2/v2.0/devicecode"),
                  { { QStringLiteral("client_id"), kClientId }, { QStringLiteral("claims"), kCp1Claims } })
              .json();
    ASSERT_EQ(http->get(QStringLiteral("/devicelogin/approve?user_code=%1&user=helpdesk")
                            .arg(grant.value(QStringLiteral("user_code")).toString()))
                  .status,
        200);
    const HttpResult deviceTokens = http->postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
            { QStringLiteral("device_code"), grant.value(QStringLiteral("device_code")).toString() } });
    ASSERT_EQ(deviceTokens.status, 200) << deviceTokens.body.constData();
    EXPECT_TRUE(hasCp1(deviceTokens.json()));
}

TEST_F(ContinuousAccess, RevokedSessionsChallengeCp1TokensAndNeedAnInteractiveSignIn)
{
    const QJsonObject capable = http->signIn(QStringLiteral("helpdesk"), kCp1Claims);
    const QJsonObject plain = http->signIn(QStringLiteral("helpdesk"));
    const QJsonObject otherUser = http->signIn(QStringLiteral("readonly"), kCp1Claims);
    ASSERT_EQ(listStatus(capable), 200);

    // Time passes, then the administrator revokes the user's sessions.
    ASSERT_EQ(http->post(QStringLiteral("/_demo/advance-clock?seconds=5")).status, 204);
    const HttpResult revoked = http->post(QStringLiteral("/_demo/revoke-sessions?user=helpdesk"));
    ASSERT_EQ(revoked.status, 200) << revoked.body.constData();
    const qint64 revokedAt = revoked.json().value(QStringLiteral("revokedAt")).toInteger();
    EXPECT_GT(revokedAt,
        DemoHttp::jwtPayload(capable.value(QStringLiteral("access_token")).toString())
            .value(QStringLiteral("iat"))
            .toInteger());

    const HttpResult challenged = http->get(kDevices + QStringLiteral("?$top=1"),
        capable.value(QStringLiteral("access_token")).toString().toLatin1());
    EXPECT_EQ(challenged.status, 401);
    const QJsonObject error = challenged.json().value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("InvalidAuthenticationToken"));
    EXPECT_EQ(error.value(QStringLiteral("message")).toString(),
        QStringLiteral(
            "Continuous access evaluation resulted in challenge with result: InteractionRequired and "
            "code: TokenIssuedBeforeRevocationTimestamp"));
    EXPECT_FALSE(error.value(QStringLiteral("innerError"))
                     .toObject()
                     .value(QStringLiteral("request-id"))
                     .toString()
                     .isEmpty());
    const QString header = QString::fromLatin1(challenged.header("WWW-Authenticate"));
    const QRegularExpression pattern(QStringLiteral(
        R"re(^Bearer realm="", authorization_uri="https://login\.microsoftonline\.com/common/oauth2/authorize", error="insufficient_claims", claims="([A-Za-z0-9+/=]+)"$)re"));
    const auto match = pattern.match(header);
    ASSERT_TRUE(match.hasMatch()) << qPrintable(header);
    const QByteArray claimsJson = QByteArray::fromBase64(match.captured(1).toLatin1());
    const QJsonObject nbf = QJsonDocument::fromJson(claimsJson)
                                .object()
                                .value(QStringLiteral("access_token"))
                                .toObject()
                                .value(QStringLiteral("nbf"))
                                .toObject();
    EXPECT_TRUE(nbf.value(QStringLiteral("essential")).toBool()) << claimsJson.constData();
    EXPECT_EQ(nbf.value(QStringLiteral("value")).toString(), QString::number(revokedAt));

    // Without cp1 the token keeps working until it expires; other users are not affected.
    EXPECT_EQ(listStatus(plain), 200);
    EXPECT_EQ(listStatus(otherUser), 200);

    // Refreshing does not help, with or without the challenge's claims merged in.
    const QString merged = QStringLiteral(
        R"({"access_token":{"xms_cc":{"values":["cp1"]},"nbf":{"essential":true,"value":"%1"}}})")
                               .arg(revokedAt);
    for (const HttpResult &r : { refresh(capable.value(QStringLiteral("refresh_token")).toString()),
             refresh(plain.value(QStringLiteral("refresh_token")).toString(), merged) }) {
        EXPECT_EQ(r.status, 400);
        EXPECT_EQ(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("interaction_required"));
        EXPECT_EQ(r.json().value(QStringLiteral("error_codes")).toArray(), QJsonArray{ 50173 });
        EXPECT_TRUE(r.json()
                        .value(QStringLiteral("error_description"))
                        .toString()
                        .startsWith(QStringLiteral("AADSTS50173: ")));
        EXPECT_FALSE(r.json().contains(QStringLiteral("access_token")));
    }
    EXPECT_EQ(refresh(otherUser.value(QStringLiteral("refresh_token")).toString()).status, 200);

    // An interactive sign-in with the challenge's claims gives tokens that work, and refresh.
    const QJsonObject again = http->signIn(QStringLiteral("helpdesk"), merged);
    ASSERT_TRUE(again.contains(QStringLiteral("access_token"))) << QJsonDocument(again).toJson().constData();
    EXPECT_TRUE(hasCp1(again));
    EXPECT_EQ(listStatus(again), 200);
    const HttpResult refreshed = refresh(again.value(QStringLiteral("refresh_token")).toString(), merged);
    ASSERT_EQ(refreshed.status, 200) << refreshed.body.constData();
    EXPECT_EQ(listStatus(refreshed.json()), 200);
}

TEST_F(ContinuousAccess, RevokingSessionsOfAnUnknownUserIs404)
{
    const HttpResult r = http->post(QStringLiteral("/_demo/revoke-sessions?user=mallory"));
    EXPECT_EQ(r.status, 404);
    EXPECT_FALSE(r.json().value(QStringLiteral("error")).toString().isEmpty());
}
