// Regression tests for inputs found by fuzzing (tests/fuzz): numbers far outside any
// sensible range in Entra's JSON used to be cast from double to integer unchecked (undefined
// behaviour; garbage such as INT64_MIN on x86). They now count as absent or invalid.
#include "auth/JwtClaims.h"
#include "auth/TokenResponse.h"

#include <gtest/gtest.h>

using namespace keyturn;

TEST(OutOfRangeNumbers, HugeExpiresInIsAnInvalidTokenAnswer)
{
    for (const char *expires : { "1e300", "-1e300", "9.3e18" }) {
        SCOPED_TRACE(expires);
        const QByteArray body
            = QByteArray(R"({"token_type":"Bearer","access_token":"a.b.c","expires_in":)") + expires + '}';
        const TokenResponse r = parseTokenResponse(200, body);
        EXPECT_FALSE(r.ok());
        EXPECT_EQ(r.error.kind, AuthError::Kind::Protocol);
    }
}

TEST(OutOfRangeNumbers, HugeErrorCodesAreSkippedNotWrapped)
{
    const AuthError e
        = parseTokenError(400, R"({"error":"invalid_grant","error_codes":[1e300,700082,-1e300]})");
    EXPECT_EQ(e.kind, AuthError::Kind::InvalidGrant);
    EXPECT_EQ(e.errorCodes, QList<int>{ 700082 });
}

TEST(OutOfRangeNumbers, HugeDeviceCodeIntervalKeepsTheDefault)
{
    const DeviceCodeResponse r = parseDeviceCodeResponse(200,
        R"({"user_code":"ABCD-EFGH","device_code":"d","verification_uri":"https://microsoft.com/devicelogin",
            "expires_in":1e300,"interval":1e300})");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.intervalSecs, 5);
    EXPECT_EQ(r.expiresInSecs, 900);
}

TEST(OutOfRangeNumbers, HugeExpClaimCountsAsAbsent)
{
    for (const char *exp : { "1e300", "-1e300" }) {
        SCOPED_TRACE(exp);
        const QByteArray payload = QByteArray(R"({"tid":"t","oid":"o","exp":)") + exp + '}';
        const QString token = QStringLiteral("eyJhbGciOiJub25lIn0.%1.sig")
                                  .arg(QString::fromLatin1(payload.toBase64(
                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        const auto claims = decodeJwtClaims(token);
        ASSERT_TRUE(claims.has_value());
        EXPECT_EQ(claims->tenantId, QStringLiteral("t"));
        EXPECT_EQ(claims->expiresAt, 0);
    }
}
