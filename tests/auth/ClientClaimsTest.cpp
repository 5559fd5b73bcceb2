// The claims request every authorize and token request carries: the "cp1" capability, merged with
// a Continuous Access Evaluation challenge's claims.
#include "auth/ClientClaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace {

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

TEST(ClientClaims, DeclaresTheCp1Capability)
{
    EXPECT_EQ(keyturn::claimsRequest(), QStringLiteral(R"({"access_token":{"xms_cc":{"values":["cp1"]}}})"));
}

TEST(ClientClaims, MergesAChallengeKeepingTheCapability)
{
    const QJsonObject merged = parse(keyturn::claimsRequest(
        QStringLiteral(R"({"access_token":{"nbf":{"essential":true,"value":"1700000000"}}})")));
    const QJsonObject accessToken = merged.value(QLatin1String("access_token")).toObject();
    EXPECT_EQ(accessToken.value(QLatin1String("nbf")).toObject().value(QLatin1String("value")).toString(),
        QStringLiteral("1700000000"));
    EXPECT_TRUE(
        accessToken.value(QLatin1String("nbf")).toObject().value(QLatin1String("essential")).toBool());
    EXPECT_EQ(accessToken.value(QLatin1String("xms_cc"))
                  .toObject()
                  .value(QLatin1String("values"))
                  .toArray()
                  .first(),
        QStringLiteral("cp1"));
}

TEST(ClientClaims, AnUnreadableChallengeLeavesTheCapabilityAlone)
{
    EXPECT_EQ(keyturn::claimsRequest(QStringLiteral("{not json")), keyturn::claimsRequest());
    EXPECT_EQ(keyturn::claimsRequest(QStringLiteral("[1]")), keyturn::claimsRequest());
}
