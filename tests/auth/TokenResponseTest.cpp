// Token and device code endpoint bodies as WIRE.md shows them, success and each error shape.
#include "auth/TokenResponse.h"

#include <gtest/gtest.h>

using namespace keyturn;

TEST(TokenResponse, ParsesSuccess)
{
    const QByteArray body
        = R"({"token_type": "Bearer", "scope": "https://graph.microsoft.com/X openid profile",
        "expires_in": 4199, "ext_expires_in": 4199, "access_token": "at.x.y", "refresh_token": "rt-1", "id_token": "id.x.y"})";
    const TokenResponse r = parseTokenResponse(200, body);
    ASSERT_TRUE(r.ok()) << r.error.details().toStdString();
    EXPECT_EQ(r.tokens.accessToken, QStringLiteral("at.x.y"));
    EXPECT_EQ(r.tokens.refreshToken, QStringLiteral("rt-1"));
    EXPECT_EQ(r.tokens.idToken, QStringLiteral("id.x.y"));
    EXPECT_EQ(r.tokens.expiresInSecs, 4199);
}

TEST(TokenResponse, AcceptsExpiresInAsString)
{
    const TokenResponse r = parseTokenResponse(
        200, R"({"token_type":"bearer","expires_in":"3599","access_token":"a","refresh_token":"r"})");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.tokens.expiresInSecs, 3599);
}

TEST(TokenResponse, RejectsUnusableSuccessBodies)
{
    EXPECT_EQ(parseTokenResponse(200, "not json").error.kind, AuthError::Kind::Protocol);
    EXPECT_EQ(parseTokenResponse(200, R"({"token_type":"Bearer","expires_in":1})").error.kind,
        AuthError::Kind::Protocol);
    EXPECT_EQ(parseTokenResponse(200, R"({"token_type":"MAC","access_token":"a","expires_in":1})").error.kind,
        AuthError::Kind::Protocol);
    EXPECT_EQ(parseTokenResponse(200, R"({"token_type":"Bearer","access_token":"a","expires_in":"soon"})")
                  .error.kind,
        AuthError::Kind::Protocol);
}

TEST(TokenResponse, KeepsEntraErrorFields)
{
    const QByteArray body
        = R"({"error": "invalid_grant", "error_description": "AADSTS700082: The refresh token has expired due to inactivity. Trace ID: t-1 Correlation ID: c-1 Timestamp: 2026-01-01 00:00:00Z",
        "error_codes": [700082], "timestamp": "2026-01-01 00:00:00Z", "trace_id": "t-1", "correlation_id": "c-1",
        "error_uri": "https://login.microsoftonline.com/error?code=700082", "suberror": "bad_token"})";
    const TokenResponse r = parseTokenResponse(400, body);
    ASSERT_FALSE(r.ok());
    const AuthError &e = r.error;
    EXPECT_EQ(e.kind, AuthError::Kind::InvalidGrant);
    EXPECT_EQ(e.error, QStringLiteral("invalid_grant"));
    EXPECT_TRUE(e.description.startsWith(QStringLiteral("AADSTS700082")));
    EXPECT_EQ(e.errorCodes, QList<int>{ 700082 });
    EXPECT_EQ(e.correlationId, QStringLiteral("c-1"));
    EXPECT_EQ(e.traceId, QStringLiteral("t-1"));
    EXPECT_EQ(e.timestamp, QStringLiteral("2026-01-01 00:00:00Z"));
    EXPECT_EQ(e.httpStatus, 400);
    const QString details = e.details();
    for (const char *part : { "invalid_grant", "700082", "c-1", "t-1", "400" })
        EXPECT_TRUE(details.contains(QLatin1String(part))) << part;
    EXPECT_FALSE(e.userMessage().isEmpty());
}

TEST(TokenResponse, MapsEachErrorFamily)
{
    struct Case {
        const char *error;
        AuthError::Kind kind;
    };
    const Case cases[] = {
        { "invalid_grant", AuthError::Kind::InvalidGrant },
        { "interaction_required", AuthError::Kind::InteractionRequired },
        { "consent_required", AuthError::Kind::InteractionRequired },
        { "access_denied", AuthError::Kind::Denied },
        { "authorization_declined", AuthError::Kind::Denied },
        { "expired_token", AuthError::Kind::Timeout },
        { "invalid_client", AuthError::Kind::Server },
        { "invalid_request", AuthError::Kind::Server },
        { "authorization_pending", AuthError::Kind::Server },
    };
    for (const Case &c : cases) {
        const QByteArray body = QByteArray(R"({"error":")") + c.error + R"(","error_codes":["50076"]})";
        const AuthError e = parseTokenResponse(400, body).error;
        EXPECT_EQ(e.kind, c.kind) << c.error;
        EXPECT_EQ(e.error, QLatin1String(c.error));
        EXPECT_EQ(e.errorCodes, QList<int>{ 50076 });
    }
    // 401 carries the same shape sometimes.
    EXPECT_EQ(parseTokenResponse(401, R"({"error":"invalid_client"})").error.error,
        QStringLiteral("invalid_client"));
}

TEST(TokenResponse, NonJsonErrorsAreServerOrProtocol)
{
    const AuthError gateway = parseTokenResponse(502, "<html>Bad gateway</html>").error;
    EXPECT_EQ(gateway.kind, AuthError::Kind::Server);
    EXPECT_EQ(gateway.httpStatus, 502);
    EXPECT_TRUE(gateway.isTransient());
    const AuthError odd = parseTokenResponse(404, "<html>nope</html>").error;
    EXPECT_EQ(odd.kind, AuthError::Kind::Protocol);
    EXPECT_FALSE(odd.isTransient());
}

TEST(DeviceCodeResponse, ParsesWireShape)
{
    const QByteArray body
        = R"({"user_code": "ABCD-EFGH", "device_code": "dc-1", "verification_uri": "https://microsoft.com/devicelogin",
        "expires_in": "900", "interval": 5, "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate."})";
    const DeviceCodeResponse r = parseDeviceCodeResponse(200, body);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.userCode, QStringLiteral("ABCD-EFGH"));
    EXPECT_EQ(r.deviceCode, QStringLiteral("dc-1"));
    EXPECT_EQ(r.verificationUri, QStringLiteral("https://microsoft.com/devicelogin"));
    EXPECT_EQ(r.expiresInSecs, 900);
    EXPECT_EQ(r.intervalSecs, 5);
    EXPECT_TRUE(r.message.contains(QStringLiteral("ABCD-EFGH")));

    EXPECT_EQ(parseDeviceCodeResponse(200, R"({"user_code":"A"})").error.kind, AuthError::Kind::Protocol);
    EXPECT_EQ(parseDeviceCodeResponse(400, R"({"error":"invalid_client"})").error.error,
        QStringLiteral("invalid_client"));
}
