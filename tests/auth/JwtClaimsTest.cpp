// Decoding the claims Keyturn shows and gates on, from JWT-shaped tokens.
#include "auth/JwtClaims.h"
#include "auth/Pkce.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace keyturn;

namespace {

QString makeJwt(const QJsonObject &payload)
{
    const QByteArray header = QJsonDocument(QJsonObject{ { QStringLiteral("alg"), QStringLiteral("none") } })
                                  .toJson(QJsonDocument::Compact);
    return base64UrlEncode(header) + QLatin1Char('.')
        + base64UrlEncode(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + QStringLiteral(".sig");
}

} // namespace

TEST(JwtClaims, ReadsTenantUserNameScopesAndExpiry)
{
    const QString jwt = makeJwt({ { QStringLiteral("tid"), QStringLiteral("tenant-guid") },
        { QStringLiteral("oid"), QStringLiteral("object-guid") },
        { QStringLiteral("upn"), QStringLiteral("hana@example.com") },
        { QStringLiteral("preferred_username"), QStringLiteral("other@example.com") },
        { QStringLiteral("name"), QStringLiteral("Hana Helpdesk ü") },
        { QStringLiteral("scp"), QStringLiteral("A.Read  B.Write openid") },
        { QStringLiteral("exp"), 1800003600 } });
    const auto claims = decodeJwtClaims(jwt);
    ASSERT_TRUE(claims.has_value());
    EXPECT_EQ(claims->tenantId, QStringLiteral("tenant-guid"));
    EXPECT_EQ(claims->objectId, QStringLiteral("object-guid"));
    EXPECT_EQ(claims->upn, QStringLiteral("hana@example.com"));
    EXPECT_EQ(claims->name, QStringLiteral("Hana Helpdesk ü"));
    EXPECT_EQ(claims->scopes,
        (QStringList{ QStringLiteral("A.Read"), QStringLiteral("B.Write"), QStringLiteral("openid") }));
    EXPECT_EQ(claims->expiresAt, 1800003600);
}

TEST(JwtClaims, FallsBackToPreferredUsername)
{
    const auto claims = decodeJwtClaims(
        makeJwt({ { QStringLiteral("preferred_username"), QStringLiteral("p@example.com") } }));
    ASSERT_TRUE(claims.has_value());
    EXPECT_EQ(claims->upn, QStringLiteral("p@example.com"));
    EXPECT_TRUE(claims->scopes.isEmpty());
    EXPECT_EQ(claims->expiresAt, 0);
}

TEST(JwtClaims, RejectsNonJwt)
{
    EXPECT_FALSE(decodeJwtClaims(QStringLiteral("opaque-token")).has_value());
    EXPECT_FALSE(decodeJwtClaims(QStringLiteral("a.b")).has_value());
    EXPECT_FALSE(decodeJwtClaims(QStringLiteral("a.!!!.c")).has_value());
    EXPECT_FALSE(
        decodeJwtClaims(QStringLiteral("a.") + base64UrlEncode("[1,2]") + QStringLiteral(".c")).has_value());
    EXPECT_FALSE(decodeJwtClaims(QString()).has_value());
}
