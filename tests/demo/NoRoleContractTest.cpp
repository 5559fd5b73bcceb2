// A user who signs in fine but holds no Intune role: Intune answers every deviceManagement call
// with WIRE.md's 401 UnknownError, its message nesting Intune's Forbidden error twice.
#include "DemoHttp.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

/// Checks one answer; returns the realm named in the nested HttpHeaders.
QString expectNoRoleAnswer(const HttpResult &r, const QString &fefPathPart)
{
    EXPECT_EQ(r.status, 401) << r.body.constData();
    const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("UnknownError"));
    const QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
    for (const char *key : { "date", "request-id", "client-request-id" })
        EXPECT_FALSE(inner.value(QLatin1String(key)).toString().isEmpty()) << key;

    const QString message = error.value(QStringLiteral("message")).toString();
    EXPECT_TRUE(
        message.startsWith(QStringLiteral(R"({"ErrorCode":"Forbidden","Message":"{\r\n  \"_version\": 3,)")))
        << qPrintable(message);
    EXPECT_TRUE(message.endsWith(
        QStringLiteral(R"(,"Target":null,"Details":null,"InnerError":null,"InstanceAnnotations":[]})")));
    const QJsonObject outer = QJsonDocument::fromJson(message.toUtf8()).object();
    EXPECT_EQ(outer.value(QStringLiteral("ErrorCode")).toString(), QStringLiteral("Forbidden"));
    const QJsonObject intune
        = QJsonDocument::fromJson(outer.value(QStringLiteral("Message")).toString().toUtf8()).object();
    EXPECT_EQ(intune.value(QStringLiteral("_version")).toInt(), 3);
    const QString url = intune.value(QStringLiteral("Message")).toString();
    EXPECT_TRUE(
        url.startsWith(QStringLiteral("An error has occurred - Operation ID (for customer support): ")));
    EXPECT_TRUE(url.contains(QStringLiteral("Url: https://fef."))) << qPrintable(url);
    EXPECT_TRUE(url.contains(fefPathPart)) << qPrintable(url);
    const QJsonObject headers
        = QJsonDocument::fromJson(intune.value(QStringLiteral("HttpHeaders")).toString().toUtf8()).object();
    const QString challenge = headers.value(QStringLiteral("WWW-Authenticate")).toString();
    const QRegularExpression realm(QStringLiteral(
        R"re(^Bearer realm="(urn:intune:service,[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12},[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})"$)re"));
    const auto match = realm.match(challenge);
    EXPECT_TRUE(match.hasMatch()) << qPrintable(challenge);
    EXPECT_EQ(QString::fromLatin1(r.header("WWW-Authenticate")), challenge);
    return match.captured(1);
}

} // namespace

TEST(NoRoleUser, SignsInWithScopesButIntuneRefusesEveryCall)
{
    DemoOptions options;
    options.devices = 60;
    DemoTenant tenant(options);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);

    const QJsonObject tokens = http.signIn(QStringLiteral("norole"));
    const QString accessToken = tokens.value(QStringLiteral("access_token")).toString();
    ASSERT_FALSE(accessToken.isEmpty());
    const QJsonObject claims = DemoHttp::jwtPayload(accessToken);
    EXPECT_EQ(claims.value(QStringLiteral("upn")).toString(), QStringLiteral("norole@example.com"));
    EXPECT_TRUE(claims.value(QStringLiteral("scp")).toString().contains(QStringLiteral("Read.All")));
    EXPECT_TRUE(
        claims.value(QStringLiteral("scp")).toString().contains(QStringLiteral("PrivilegedOperations.All")));
    const QByteArray norole = accessToken.toLatin1();

    // A device id, listed by someone who has the role.
    const QByteArray helpdesk = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    const QString id = http.get(kDevices + QStringLiteral("?$top=1&$select=id"), helpdesk)
                           .json()
                           .value(QStringLiteral("value"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    ASSERT_FALSE(id.isEmpty());

    const QString realm = expectNoRoleAnswer(http.get(kDevices + QStringLiteral("?$top=5"), norole),
        QStringLiteral("/deviceManagement/managedDevices?api-version="));
    EXPECT_TRUE(realm.endsWith(tenant.tenantId()));
    expectNoRoleAnswer(
        http.get(kOverview, norole), QStringLiteral("/deviceManagement/managedDeviceOverview?api-version="));
    expectNoRoleAnswer(
        http.get(kDevices + u'/' + id, norole), QStringLiteral("managedDevices('%1')?api-version=").arg(id));
    expectNoRoleAnswer(http.post(kDevices + u'/' + id + QStringLiteral("/syncDevice"), {}, norole),
        QStringLiteral("managedDevices('%1')/microsoft.management.services.api.syncDevice?").arg(id));
    expectNoRoleAnswer(http.get(kDevices + u'/' + id + QStringLiteral("/getFileVaultKey()"), norole),
        QStringLiteral("managedDevices('%1')/microsoft.management.services.api.getFileVaultKey?").arg(id));

    // Not a token problem: a fresh token gets the same answer.
    const QByteArray fresh = tenant.mintAccessTokenForTests(QStringLiteral("norole")).toLatin1();
    EXPECT_EQ(http.get(kDevices, fresh).status, 401);
    EXPECT_EQ(http.get(kDevices, helpdesk).status, 200);
}

TEST(NoRoleUser, AutoApproveSignsInAsNorole)
{
    DemoOptions options;
    options.devices = 5;
    options.autoApproveUser = QStringLiteral("norole");
    DemoTenant tenant(options);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);
    const QJsonObject tokens = http.signIn(QString()); // no demo_user: --auto-approve decides
    EXPECT_EQ(DemoHttp::jwtPayload(tokens.value(QStringLiteral("access_token")).toString())
                  .value(QStringLiteral("upn"))
                  .toString(),
        QStringLiteral("norole@example.com"));
}
