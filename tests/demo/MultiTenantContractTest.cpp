// Contract tests of a demo serving several Entra tenants (DemoOptions::tenants): each tenant's own
// users and devices, Graph served from the token's tenant, tenant-specific authorities, the
// organization resource and the request log's tenant, over real HTTP on 127.0.0.1.
#include "DemoHttp.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

constexpr int kDevicesPerTenant = 60;
const QString kFabrikamHelpdesk = QStringLiteral("helpdesk@fabrikam.onmicrosoft.com");
const QString kOrganization = QStringLiteral("/v1.0/organization?$select=displayName,verifiedDomains");

struct TenantDevices {
    QSet<QString> ids;
    QSet<QString> serials;
    QSet<QString> names;
};

class MultiTenantContract : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.devices = kDevicesPerTenant;
        options.tenants = 3;
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
        ids = tenant->tenantIds();
        ASSERT_EQ(ids.size(), 3);
    }
    QByteArray tokenFor(const QString &user, const QString &extraScopes = {}) const
    {
        return tenant->mintAccessTokenForTests(user, 3600, extraScopes).toLatin1();
    }
    TenantDevices devicesSeenBy(const QString &user)
    {
        TenantDevices seen;
        const HttpResult r
            = http->get(kDevices + QStringLiteral("?$select=id,deviceName,serialNumber"), tokenFor(user));
        EXPECT_EQ(r.status, 200) << r.body.constData();
        for (const QJsonValue &device : r.json().value(QStringLiteral("value")).toArray()) {
            seen.ids.insert(device[QStringLiteral("id")].toString());
            seen.serials.insert(device[QStringLiteral("serialNumber")].toString());
            seen.names.insert(device[QStringLiteral("deviceName")].toString());
        }
        return seen;
    }
    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
    QStringList ids;
};

bool intersects(const QSet<QString> &a, const QSet<QString> &b)
{
    return QSet<QString>(a).intersect(b).size() > 0;
}

} // namespace

TEST_F(MultiTenantContract, EachTenantHasItsOwnIdNameDomainAndUsers)
{
    EXPECT_EQ(ids[0], tenant->tenantId());
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), 3);
    EXPECT_EQ(tenant->tenantDisplayName(ids[0]), QStringLiteral("Example Ltd"));
    EXPECT_EQ(tenant->tenantDisplayName(ids[1]), QStringLiteral("Fabrikam"));
    EXPECT_EQ(tenant->tenantDisplayName(ids[2]), QStringLiteral("Northwind Traders"));
    EXPECT_EQ(tenant->tenantDomain(ids[1]), QStringLiteral("fabrikam.onmicrosoft.com"));
    EXPECT_EQ(tenant->userPrincipalNames(ids[0]),
        QStringList({ QStringLiteral("helpdesk@example.com"), QStringLiteral("readonly@example.com"),
            QStringLiteral("norole@example.com") }));
    EXPECT_EQ(tenant->userPrincipalNames(ids[1]),
        QStringList({ kFabrikamHelpdesk, QStringLiteral("readonly@fabrikam.onmicrosoft.com"),
            QStringLiteral("norole@fabrikam.onmicrosoft.com") }));

    // /_demo/info lists them too, each user with its own object id.
    const QJsonObject info = http->get(QStringLiteral("/_demo/info")).json();
    const QJsonArray tenants = info.value(QStringLiteral("tenants")).toArray();
    ASSERT_EQ(tenants.size(), 3);
    QSet<QString> objectIds;
    for (int t = 0; t < 3; ++t) {
        EXPECT_EQ(tenants[t][QStringLiteral("id")].toString(), ids[t]);
        EXPECT_EQ(tenants[t][QStringLiteral("devices")].toInt(), kDevicesPerTenant);
        for (const QJsonValue &user : tenants[t][QStringLiteral("users")].toArray())
            objectIds.insert(user[QStringLiteral("oid")].toString());
    }
    EXPECT_EQ(
        tenants[2][QStringLiteral("domain")].toString(), QStringLiteral("northwindtraders.onmicrosoft.com"));
    EXPECT_EQ(objectIds.size(), 9);
    EXPECT_EQ(info.value(QStringLiteral("tenantId")).toString(), ids[0]);
}

TEST_F(MultiTenantContract, TenantsHaveDisjointDevicesAndTheFirstIsUnchanged)
{
    const TenantDevices example = devicesSeenBy(QStringLiteral("helpdesk"));
    const TenantDevices fabrikam = devicesSeenBy(kFabrikamHelpdesk);
    const TenantDevices northwind
        = devicesSeenBy(QStringLiteral("readonly@northwindtraders.onmicrosoft.com"));
    for (const TenantDevices *devices : { &example, &fabrikam, &northwind })
        EXPECT_EQ(devices->ids.size(), kDevicesPerTenant);
    EXPECT_FALSE(intersects(example.ids, fabrikam.ids));
    EXPECT_FALSE(intersects(example.ids, northwind.ids));
    EXPECT_FALSE(intersects(fabrikam.ids, northwind.ids));
    EXPECT_FALSE(intersects(example.serials, fabrikam.serials));
    EXPECT_FALSE(intersects(fabrikam.serials, northwind.serials));
    EXPECT_FALSE(intersects(example.names, fabrikam.names));
    for (const QString &name : fabrikam.names)
        EXPECT_TRUE(name.startsWith(QLatin1String("FAB-"))) << qPrintable(name);
    for (const QString &name : northwind.names)
        EXPECT_TRUE(name.startsWith(QLatin1String("NWT-"))) << qPrintable(name);

    // The first tenant is exactly the tenant a one-tenant demo with the same seed serves.
    DemoOptions single;
    single.devices = kDevicesPerTenant;
    DemoTenant alone(single);
    ASSERT_TRUE(alone.start());
    EXPECT_EQ(alone.tenantId(), ids[0]);
    DemoHttp aloneHttp(alone);
    const HttpResult r = aloneHttp.get(kDevices + QStringLiteral("?$select=id,deviceName,serialNumber"),
        alone.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1());
    QSet<QString> aloneIds;
    QSet<QString> aloneNames;
    for (const QJsonValue &device : r.json().value(QStringLiteral("value")).toArray()) {
        aloneIds.insert(device[QStringLiteral("id")].toString());
        aloneNames.insert(device[QStringLiteral("deviceName")].toString());
    }
    EXPECT_EQ(aloneIds, example.ids);
    EXPECT_EQ(aloneNames, example.names);
}

TEST_F(MultiTenantContract, OrganizationsSignsAUserIntoTheirHomeTenant)
{
    const QJsonObject tokens = http->signIn(kFabrikamHelpdesk);
    const QString accessToken = tokens.value(QStringLiteral("access_token")).toString();
    ASSERT_FALSE(accessToken.isEmpty());
    const QJsonObject claims = DemoHttp::jwtPayload(accessToken);
    EXPECT_EQ(claims.value(QStringLiteral("tid")).toString(), ids[1]);
    EXPECT_EQ(claims.value(QStringLiteral("iss")).toString(),
        QStringLiteral("https://sts.windows.net/%1/").arg(ids[1]));
    EXPECT_EQ(claims.value(QStringLiteral("upn")).toString(), kFabrikamHelpdesk);
    EXPECT_EQ(DemoHttp::jwtPayload(tokens.value(QStringLiteral("id_token")).toString())
                  .value(QStringLiteral("tid"))
                  .toString(),
        ids[1]);

    // Graph answers from Fabrikam: its overview, its devices.
    const HttpResult overview = http->get(kOverview, accessToken.toLatin1());
    EXPECT_EQ(overview.json().value(QStringLiteral("id")).toString(), ids[1]);
    EXPECT_EQ(overview.json().value(QStringLiteral("enrolledDeviceCount")).toInt(), kDevicesPerTenant);
    const HttpResult list
        = http->get(kDevices + QStringLiteral("?$top=5&$select=deviceName"), accessToken.toLatin1());
    for (const QJsonValue &device : list.json().value(QStringLiteral("value")).toArray())
        EXPECT_TRUE(device[QStringLiteral("deviceName")].toString().startsWith(QLatin1String("FAB-")));

    // The refresh token stays with the user and the tenant.
    const HttpResult refreshed = http->postForm(QStringLiteral("/organizations/oauth2/v2.0/token"),
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), tokens.value(QStringLiteral("refresh_token")).toString() } });
    ASSERT_EQ(refreshed.status, 200) << refreshed.body.constData();
    EXPECT_EQ(DemoHttp::jwtPayload(refreshed.json().value(QStringLiteral("access_token")).toString())
                  .value(QStringLiteral("tid"))
                  .toString(),
        ids[1]);
}

TEST_F(MultiTenantContract, AnotherTenantsDeviceIsNotFound)
{
    const QString exampleDevice = *devicesSeenBy(QStringLiteral("helpdesk")).ids.begin();
    const QByteArray fabrikamToken = tokenFor(kFabrikamHelpdesk);
    http->deleteResource(QStringLiteral("/_demo/requests"));

    const HttpResult get = http->get(kDevices + u'/' + exampleDevice, fabrikamToken);
    EXPECT_EQ(get.status, 404) << get.body.constData();
    EXPECT_EQ(get.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
        QStringLiteral("ResourceNotFound"));
    const HttpResult sync
        = http->post(kDevices + u'/' + exampleDevice + QStringLiteral("/syncDevice"), {}, fabrikamToken);
    EXPECT_EQ(sync.status, 404) << sync.body.constData();

    // The same device in its own tenant: found, and the action lands there.
    const QByteArray exampleToken = tokenFor(QStringLiteral("helpdesk"));
    EXPECT_EQ(http->get(kDevices + u'/' + exampleDevice, exampleToken).status, 200);
    EXPECT_EQ(
        http->post(kDevices + u'/' + exampleDevice + QStringLiteral("/syncDevice"), {}, exampleToken).status,
        204);
    const QJsonObject device = http->get(kDevices + u'/' + exampleDevice, exampleToken).json();
    EXPECT_EQ(device[QStringLiteral("deviceActionResults")][0][QStringLiteral("actionName")].toString(),
        QStringLiteral("syncDevice"));
}

TEST_F(MultiTenantContract, RequestLogNamesTheTenantServed)
{
    const QString fabrikamDevice = *devicesSeenBy(kFabrikamHelpdesk).ids.begin();
    http->deleteResource(QStringLiteral("/_demo/requests"));

    http->post(
        kDevices + u'/' + fabrikamDevice + QStringLiteral("/syncDevice"), {}, tokenFor(kFabrikamHelpdesk));
    http->get(kOverview); // no token: no tenant
    http->postForm(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(ids[2]),
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("scope"), QStringLiteral("openid") } });

    const QJsonArray log = http->requests();
    ASSERT_EQ(log.size(), 3);
    EXPECT_EQ(log[0][QStringLiteral("path")].toString(),
        kDevices + u'/' + fabrikamDevice + QStringLiteral("/syncDevice"));
    EXPECT_EQ(log[0][QStringLiteral("status")].toInt(), 204);
    EXPECT_EQ(log[0][QStringLiteral("tenant")].toString(), ids[1]);
    EXPECT_EQ(log[1][QStringLiteral("tenant")].toString(), QString());
    EXPECT_EQ(log[2][QStringLiteral("tenant")].toString(), ids[2]);
    // The action is in Fabrikam's requests only.
    int inExample = 0;
    for (const QJsonValue &entry : log)
        inExample += entry[QStringLiteral("tenant")].toString() == ids[0] ? 1 : 0;
    EXPECT_EQ(inExample, 0);
}

TEST_F(MultiTenantContract, OrganizationNeedsUserReadAndShowsOnlyTheTokensTenant)
{
    // User.Read consented at sign-in: the tenant's name and domains, as Graph shapes them.
    const QJsonObject tokens
        = http->signIn(kFabrikamHelpdesk, {}, QStringLiteral("organizations"), QStringLiteral("User.Read"));
    const QByteArray accessToken = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
    EXPECT_TRUE(tokens.value(QStringLiteral("scope")).toString().contains(QLatin1String("User.Read")));
    const HttpResult r = http->get(kOrganization, accessToken);
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QJsonObject body = r.json();
    EXPECT_TRUE(body.value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QLatin1String("/v1.0/$metadata#organization(displayName,verifiedDomains)")));
    const QJsonArray value = body.value(QStringLiteral("value")).toArray();
    ASSERT_EQ(value.size(), 1);
    const QJsonObject organization = value[0].toObject();
    EXPECT_EQ(organization.keys(),
        QStringList({ QStringLiteral("displayName"), QStringLiteral("verifiedDomains") }));
    EXPECT_EQ(organization.value(QStringLiteral("displayName")).toString(), QStringLiteral("Fabrikam"));
    const QJsonArray domains = organization.value(QStringLiteral("verifiedDomains")).toArray();
    ASSERT_EQ(domains.size(), 1);
    EXPECT_EQ(domains[0][QStringLiteral("name")].toString(), QStringLiteral("fabrikam.onmicrosoft.com"));
    EXPECT_TRUE(domains[0][QStringLiteral("isDefault")].toBool());
    EXPECT_TRUE(domains[0][QStringLiteral("isInitial")].toBool());
    EXPECT_EQ(domains[0][QStringLiteral("type")].toString(), QStringLiteral("Managed"));
    EXPECT_TRUE(domains[0][QStringLiteral("capabilities")].isString());

    // Example Ltd: a default custom domain and its initial onmicrosoft.com domain, on /beta as well.
    const HttpResult example
        = http->get(QStringLiteral("/beta/organization?$select=displayName,verifiedDomains"),
            tokenFor(QStringLiteral("readonly"), QStringLiteral("User.Read")));
    ASSERT_EQ(example.status, 200);
    const QJsonObject exampleOrganization = example.json()[QStringLiteral("value")][0].toObject();
    EXPECT_EQ(
        exampleOrganization.value(QStringLiteral("displayName")).toString(), QStringLiteral("Example Ltd"));
    const QJsonArray exampleDomains = exampleOrganization.value(QStringLiteral("verifiedDomains")).toArray();
    ASSERT_EQ(exampleDomains.size(), 2);
    EXPECT_EQ(exampleDomains[0][QStringLiteral("name")].toString(), QStringLiteral("example.com"));
    EXPECT_TRUE(exampleDomains[0][QStringLiteral("isDefault")].toBool());
    EXPECT_FALSE(exampleDomains[0][QStringLiteral("isInitial")].toBool());
    EXPECT_EQ(
        exampleDomains[1][QStringLiteral("name")].toString(), QStringLiteral("example.onmicrosoft.com"));
    EXPECT_TRUE(exampleDomains[1][QStringLiteral("isInitial")].toBool());

    // Without User.Read: Entra's 403.
    const HttpResult denied = http->get(kOrganization, tokenFor(kFabrikamHelpdesk));
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(denied.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
        QStringLiteral("Authorization_RequestDenied"));
    EXPECT_EQ(denied.json()[QStringLiteral("error")][QStringLiteral("message")].toString(),
        QStringLiteral("Insufficient privileges to complete the operation."));
}

TEST_F(MultiTenantContract, DeniedConsentLeavesUserReadOut)
{
    DemoOptions options;
    options.devices = 5;
    options.tenants = 2;
    options.denyConsent = true;
    DemoTenant denying(options);
    ASSERT_TRUE(denying.start());
    DemoHttp denyingHttp(denying);
    const QString verifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-abcdef");
    EXPECT_TRUE(denyingHttp
                    .authorizeCode(kFabrikamHelpdesk, verifier, kRedirect, QStringLiteral("s"), {},
                        QStringLiteral("organizations"), QStringLiteral("User.Read"))
                    .isEmpty());
}

TEST_F(MultiTenantContract, TenantSpecificAuthorityRefusesAForeignUser)
{
    const QString verifier = QStringLiteral("verifier-0123456789-0123456789-0123456789-abcdef");
    // By id and by domain, Fabrikam's authority signs in Fabrikam's users only.
    EXPECT_FALSE(http->authorizeCode(kFabrikamHelpdesk, verifier, kRedirect, QStringLiteral("s"), {}, ids[1])
                     .isEmpty());
    EXPECT_FALSE(http->authorizeCode(kFabrikamHelpdesk, verifier, kRedirect, QStringLiteral("s"), {},
                         QStringLiteral("fabrikam.onmicrosoft.com"))
                     .isEmpty());
    EXPECT_TRUE(
        http->authorizeCode(QStringLiteral("helpdesk"), verifier, kRedirect, QStringLiteral("s"), {}, ids[1])
            .isEmpty());
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), kClientId);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http%3A%2F%2Flocalhost%3A5555"));
    q.addQueryItem(QStringLiteral("code_challenge"), DemoHttp::challengeFor(verifier));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("demo_user"), QStringLiteral("helpdesk@example.com"));
    const HttpResult page = http->get(
        QStringLiteral("/fabrikam.onmicrosoft.com/oauth2/v2.0/authorize?") + q.toString(QUrl::FullyEncoded));
    EXPECT_EQ(page.status, 400);
    EXPECT_TRUE(page.body.contains("AADSTS50020")) << page.body.constData();
    EXPECT_TRUE(page.body.contains("does not exist in tenant 'Fabrikam'")) << page.body.constData();

    // The picker of a tenant-specific authority lists that tenant's users only.
    q.removeQueryItem(QStringLiteral("demo_user"));
    const HttpResult picker = http->get(
        QStringLiteral("/%1/oauth2/v2.0/authorize?").arg(ids[1]) + q.toString(QUrl::FullyEncoded));
    EXPECT_EQ(picker.status, 200);
    EXPECT_TRUE(picker.body.contains(kFabrikamHelpdesk.toUtf8()));
    EXPECT_FALSE(picker.body.contains("helpdesk@example.com"));

    // A refresh token of Example Ltd on Fabrikam's token endpoint: Entra's AADSTS50020 as JSON; on
    // its own tenant's endpoint it works.
    const QString refreshToken
        = http->signIn(QStringLiteral("helpdesk")).value(QStringLiteral("refresh_token")).toString();
    const auto refreshAt = [&](const QString &authority) {
        return http->postForm(u'/' + authority + QStringLiteral("/oauth2/v2.0/token"),
            { { QStringLiteral("client_id"), kClientId },
                { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                { QStringLiteral("refresh_token"), refreshToken } });
    };
    const HttpResult foreign = refreshAt(ids[1]);
    EXPECT_EQ(foreign.status, 400);
    EXPECT_EQ(foreign.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    EXPECT_EQ(foreign.json().value(QStringLiteral("error_codes")).toArray().first().toInt(), 50020);
    EXPECT_TRUE(foreign.json()
                    .value(QStringLiteral("error_description"))
                    .toString()
                    .startsWith(QLatin1String("AADSTS50020: ")));
    EXPECT_FALSE(foreign.body.contains("helpdesk@example.com"));
    EXPECT_EQ(refreshAt(QStringLiteral("example.com")).status, 200);
}

TEST_F(MultiTenantContract, RevokingIsPerUser)
{
    const QString fabrikam
        = http->signIn(kFabrikamHelpdesk).value(QStringLiteral("refresh_token")).toString();
    const QString example
        = http->signIn(QStringLiteral("helpdesk")).value(QStringLiteral("refresh_token")).toString();
    EXPECT_EQ(http->post(QStringLiteral("/_demo/revoke?user=") + kFabrikamHelpdesk).status, 204);
    const auto refresh = [&](const QString &token) {
        return http->postForm(QStringLiteral("/organizations/oauth2/v2.0/token"),
            { { QStringLiteral("client_id"), kClientId },
                { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                { QStringLiteral("refresh_token"), token } });
    };
    EXPECT_EQ(refresh(fabrikam).status, 400);
    EXPECT_EQ(refresh(example).status, 200);
}
