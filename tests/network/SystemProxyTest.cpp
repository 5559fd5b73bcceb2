// The system proxy configuration is honoured: with https_proxy set (what libproxy and Qt read on
// Linux), Graph and token requests go through the proxy as CONNECT tunnels, TLS end to end. The
// host names used (*.keyturn.test) never resolve, so only the proxy can reach them; with the
// system configuration off the same calls fail to find the host. no_proxy and loopback stay direct.
#include "ConnectProxy.h"
#include "HttpsTenant.h"
#include "common/TestSupport.h"

#include "auth/TokenClient.h"
#include "core/Clock.h"
#include "core/SystemProxy.h"
#include "core/TrustedCertificates.h"
#include "graph/GraphClient.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

#include <optional>

using namespace keyturn;
using namespace keyturn::test;
using namespace std::chrono_literals;

namespace {

class SystemProxy : public NetworkTest {
protected:
    void SetUp() override
    {
        NetworkTest::SetUp();
        tenant = startHttpsTenant(runCertificates().server());
        ASSERT_TRUE(tenant);
        QString error;
        ASSERT_TRUE(trustCaCertificatesFrom(runCertificates().caCertificate(), &error))
            << error.toStdString();
        proxy = std::make_unique<ConnectProxy>(tenant->port());
        ASSERT_TRUE(proxy->listen());
        qputenv("https_proxy", QByteArray("http://127.0.0.1:") + QByteArray::number(proxy->port()));
        qunsetenv("no_proxy");
        // Start from "no proxy" whatever this Qt build's default is, so useSystemProxy() is what
        // turns it on.
        QNetworkProxyFactory::setUseSystemConfiguration(false);
    }

    QUrl named(const char *host) const
    {
        QUrl url = tenant->baseUrl();
        url.setHost(QLatin1String(host));
        return url;
    }

    GraphReply *listDevices(QNetworkAccessManager *nam, StaticAccessTokenProvider *tokens, const QUrl &root)
    {
        auto *client = new GraphClient(nam, tokens, SystemClock::instance(), nam);
        GraphClientConfig config;
        config.graphRoot = root;
        config.transferTimeout = 5s;
        config.maxAttempts = 1;
        config.maxThrottledAttempts = 1;
        client->setConfig(config);
        GraphReply *reply = client->get(QStringLiteral("deviceManagement/managedDevices"));
        reply->setAutoDelete(false);
        EXPECT_TRUE(waitUntil([&] { return reply->isFinished(); }, 15s));
        return reply;
    }

    std::unique_ptr<demo::DemoTenant> tenant;
    std::unique_ptr<ConnectProxy> proxy;
};

} // namespace

TEST_F(SystemProxy, GraphAndTokenRequestsGoThroughTheConfiguredProxy)
{
    useSystemProxy();
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens(tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")));

    std::unique_ptr<GraphReply> list(listDevices(&nam, &tokens, named("graph.keyturn.test")));
    EXPECT_EQ(list->httpStatus(), 200) << list->error().summary().toStdString();

    TokenClient tokenClient(&nam);
    std::optional<TokenResponse> refreshed;
    QObject context;
    tokenClient.requestTokens(
        named("login.keyturn.test").resolved(QUrl(QStringLiteral("/organizations/oauth2/v2.0/token"))),
        { { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), QStringLiteral("not-a-real-token") },
            { QStringLiteral("client_id"), QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e") } },
        &context, [&](const TokenResponse &r) { refreshed = r; });
    ASSERT_TRUE(waitUntil([&] { return refreshed.has_value(); }, 10s));
    // The token endpoint itself answered (through the tunnel): Entra's invalid_grant, not a network error.
    EXPECT_EQ(refreshed->error.error, QStringLiteral("invalid_grant"))
        << refreshed->error.userMessage().toStdString();

    const QString port = QString::number(tenant->port());
    EXPECT_TRUE(proxy->tunnels().contains(QStringLiteral("graph.keyturn.test:") + port))
        << proxy->tunnels().join(u' ').toStdString();
    EXPECT_TRUE(proxy->tunnels().contains(QStringLiteral("login.keyturn.test:") + port))
        << proxy->tunnels().join(u' ').toStdString();
    EXPECT_TRUE(proxy->refused().isEmpty()) << "https must be tunnelled, never sent to the proxy in clear";
}

TEST_F(SystemProxy, WithTheSystemConfigurationOffTheNamesOnlyTheProxyKnowsDoNotResolve)
{
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens(tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")));
    std::unique_ptr<GraphReply> list(listDevices(&nam, &tokens, named("graph.keyturn.test")));
    EXPECT_EQ(list->httpStatus(), 0);
    EXPECT_TRUE(proxy->tunnels().isEmpty());
}

TEST_F(SystemProxy, NoProxyAndLoopbackStayDirect)
{
    useSystemProxy();
    qputenv("no_proxy", "graph.keyturn.test");
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens(tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")));
    std::unique_ptr<GraphReply> excluded(listDevices(&nam, &tokens, named("graph.keyturn.test")));
    EXPECT_EQ(excluded->httpStatus(), 0) << "no_proxy sends it direct, where the name does not resolve";

    // The loopback sign-in redirect and a local demo tenant are never proxied.
    std::unique_ptr<GraphReply> loopback(listDevices(&nam, &tokens, tenant->baseUrl()));
    EXPECT_EQ(loopback->httpStatus(), 200) << loopback->error().summary().toStdString();
    EXPECT_TRUE(proxy->tunnels().isEmpty()) << proxy->tunnels().join(u' ').toStdString();
}
