// The cloud table of DESIGN 4.2, endpoint URLs built from it, and the endpoint URL policy.
#include "auth/CloudConfig.h"

#include <gtest/gtest.h>

using namespace keyturn;

TEST(CloudConfig, IdsRoundTripAndUnknownIsRejected)
{
    for (Cloud cloud : allClouds()) {
        const auto back = cloudFromId(cloudId(cloud));
        ASSERT_TRUE(back.has_value()) << cloudId(cloud).toStdString();
        EXPECT_EQ(*back, cloud);
        EXPECT_FALSE(cloudDisplayName(cloud).isEmpty());
    }
    EXPECT_EQ(cloudFromId(QStringLiteral("usgovdod")), Cloud::UsGovL5);
    EXPECT_EQ(cloudFromId(QStringLiteral(" China ")), Cloud::China);
    EXPECT_FALSE(cloudFromId(QStringLiteral("mars")).has_value());
    EXPECT_FALSE(cloudFromId(QString()).has_value());
}

TEST(CloudConfig, TableMatchesDesign)
{
    struct Row {
        Cloud cloud;
        const char *authority;
        const char *graph;
    };
    const Row rows[] = {
        { Cloud::Global, "https://login.microsoftonline.com", "https://graph.microsoft.com" },
        { Cloud::UsGovL4, "https://login.microsoftonline.us", "https://graph.microsoft.us" },
        { Cloud::UsGovL5, "https://login.microsoftonline.us", "https://dod-graph.microsoft.us" },
        { Cloud::China, "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn" },
    };
    for (const Row &row : rows) {
        const AuthConfig c = AuthConfig::forCloud(row.cloud);
        EXPECT_EQ(c.authorityRoot, QUrl(QLatin1String(row.authority)));
        EXPECT_EQ(c.graphRoot, QUrl(QLatin1String(row.graph)));
        EXPECT_EQ(c.graphResource, QLatin1String(row.graph));
        EXPECT_EQ(c.tenant, QStringLiteral("organizations"));
        EXPECT_EQ(c.clientId, QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e"));
    }
}

TEST(CloudConfig, EndpointUrlsAppendTenantAndPaths)
{
    AuthConfig c = AuthConfig::forCloud(Cloud::UsGovL4);
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    EXPECT_EQ(c.authorizeUrl().toString(),
        QStringLiteral("https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/authorize"));
    EXPECT_EQ(c.tokenUrl().toString(),
        QStringLiteral("https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    EXPECT_EQ(c.tokenUrl(QStringLiteral("tid-1")).toString(),
        QStringLiteral("https://login.microsoftonline.us/tid-1/oauth2/v2.0/token"));
    EXPECT_EQ(c.deviceCodeUrl().toString(),
        QStringLiteral("https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"));

    // A custom root with a trailing slash or a path prefix still yields single slashes.
    c.authorityRoot = QUrl(QStringLiteral("http://127.0.0.1:8080/prefix/"));
    c.graphRoot = QUrl(QStringLiteral("http://127.0.0.1:8080/"));
    EXPECT_EQ(c.tokenUrl().toString(),
        QStringLiteral("http://127.0.0.1:8080/prefix/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    EXPECT_EQ(c.graphBetaUrl().toString(), QStringLiteral("http://127.0.0.1:8080/beta"));
}

TEST(CloudConfig, ScopesUseTheCloudResourceEvenWithCustomGraphRoot)
{
    AuthConfig c = AuthConfig::forCloud(Cloud::China);
    c.graphRoot = QUrl(QStringLiteral("http://localhost:9000"));
    EXPECT_EQ(c.scopes(),
        (QStringList{
            QStringLiteral("https://microsoftgraph.chinacloudapi.cn/DeviceManagementManagedDevices.Read.All"),
            QStringLiteral("https://microsoftgraph.chinacloudapi.cn/"
                           "DeviceManagementManagedDevices.PrivilegedOperations.All"),
            QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("offline_access") }));
}

TEST(EndpointUrlValidation, AcceptsHttpsAndLoopbackHttpOnly)
{
    for (const char *ok : { "https://login.microsoftonline.com", "https://graph.microsoft.us/",
             "http://127.0.0.1:1234", "http://localhost", "http://LOCALHOST:80/x", "http://[::1]:5000" }) {
        EXPECT_TRUE(validateEndpointUrl(QUrl(QLatin1String(ok))).isEmpty()) << ok;
    }
    for (const char *bad :
        { "http://login.microsoftonline.com", "http://127.0.0.2", "http://localhost.evil.com",
            "ftp://localhost", "file:///etc/passwd", "login.microsoftonline.com",
            "https://user:pw@host.example", "https://host.example/?a=b", "", "http://10.0.0.1" }) {
        const QString message = validateEndpointUrl(QUrl(QLatin1String(bad)));
        EXPECT_FALSE(message.isEmpty()) << bad;
    }
    // The message names the refused URL so the user sees which setting is wrong.
    EXPECT_TRUE(validateEndpointUrl(QUrl(QStringLiteral("http://intranet.example")))
                    .contains(QStringLiteral("http://intranet.example")));
}

TEST(CloudConfig, EachCloudHasItsOwnIntuneAdminCenter)
{
    EXPECT_EQ(intuneAdminCenterRoot(Cloud::Global), QUrl(QStringLiteral("https://intune.microsoft.com")));
    EXPECT_EQ(intuneAdminCenterRoot(Cloud::UsGovL4), QUrl(QStringLiteral("https://intune.microsoft.us")));
    EXPECT_EQ(intuneAdminCenterRoot(Cloud::UsGovL5), QUrl(QStringLiteral("https://intune.microsoft.us")));
    EXPECT_EQ(intuneAdminCenterRoot(Cloud::China), QUrl(QStringLiteral("https://intune.microsoftonline.cn")));
}
