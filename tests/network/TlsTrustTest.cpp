// Keyturn over real https to the demo tenant: a certificate it cannot trust is refused before a
// single request reaches the server, with a message naming the host and the problem; once the
// issuing CA is trusted (--ca-file), sign-in and the device list work.
#include "HttpsTenant.h"
#include "common/TestSupport.h"

#include "auth/AuthError.h"
#include "auth/AuthSettings.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "auth/TokenClient.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "core/TrustedCertificates.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <gtest/gtest.h>

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>
#include <optional>

using namespace keyturn;
using namespace keyturn::test;
using namespace std::chrono_literals;

namespace {

struct GraphCall {
    int status = 0;
    GraphError error;
    int attempts = 0;
};

GraphCall graphCall(const demo::DemoTenant &tenant, const QUrl &graphRoot, bool post = false)
{
    QNetworkAccessManager nam;
    StaticAccessTokenProvider tokens(tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")));
    GraphClient client(&nam, &tokens, SystemClock::instance());
    GraphClientConfig config;
    config.graphRoot = graphRoot;
    config.transferTimeout = 5s;
    config.baseBackoff = 10ms;
    client.setConfig(config);
    GraphReply *reply = post ? client.post(QStringLiteral("deviceManagement/managedDevices/x/syncDevice"))
                             : client.get(QStringLiteral("deviceManagement/managedDevices"));
    reply->setAutoDelete(false);
    EXPECT_TRUE(waitUntil([&] { return reply->isFinished(); }, 15s));
    GraphCall call{ reply->httpStatus(), reply->error(), reply->attempts() };
    delete reply;
    return call;
}

TokenResponse refreshAt(const QUrl &authorityRoot)
{
    QNetworkAccessManager nam;
    TokenClient client(&nam);
    std::optional<TokenResponse> result;
    QObject context;
    client.requestTokens(authorityRoot.resolved(QUrl(QStringLiteral("/organizations/oauth2/v2.0/token"))),
        { { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), QStringLiteral("not-a-real-token") },
            { QStringLiteral("client_id"), QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e") } },
        &context, [&](const TokenResponse &response) { result = response; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 10s));
    return result.value_or(TokenResponse());
}

class TlsTrust : public NetworkTest { };

} // namespace

TEST_F(TlsTrust, UnrelatedSelfSignedCertificateIsRefusedNamingHostAndProblem)
{
    auto tenant = startHttpsTenant(runCertificates().selfSigned());
    ASSERT_TRUE(tenant);

    const GraphCall call = graphCall(*tenant, tenant->baseUrl());
    EXPECT_EQ(call.status, 0);
    EXPECT_EQ(call.error.kind, GraphError::Kind::Network);
    EXPECT_EQ(call.attempts, 1) << "a refused certificate is not retried like a dropped connection";
    const QString summary = call.error.summary();
    EXPECT_TRUE(summary.contains(QStringLiteral("The certificate of 127.0.0.1 is not trusted")))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("self-signed"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("--ca-file"))) << summary.toStdString();
    EXPECT_TRUE(call.error.details().contains(QStringLiteral("127.0.0.1")))
        << call.error.details().toStdString();

    EXPECT_EQ(demoRequests(*tenant).size(), 0) << "no request may reach Graph over an untrusted connection";
}

TEST_F(TlsTrust, CertificateFromAnUntrustedCaIsRefusedAtGraphAndAtTheTokenEndpoint)
{
    auto tenant = startHttpsTenant(runCertificates().server());
    ASSERT_TRUE(tenant);

    const GraphCall get = graphCall(*tenant, tenant->baseUrl());
    EXPECT_EQ(get.status, 0);
    EXPECT_EQ(get.attempts, 1);
    EXPECT_TRUE(
        get.error.summary().contains(QStringLiteral("The certificate of 127.0.0.1 is not trusted: The "
                                                    "issuer certificate of a locally looked up certificate "
                                                    "could not be found")))
        << get.error.summary().toStdString();

    // A POST refused at the handshake was never sent: a plain failure, not "outcome unknown".
    const GraphCall post = graphCall(*tenant, tenant->baseUrl(), true);
    EXPECT_EQ(post.error.kind, GraphError::Kind::Network) << post.error.summary().toStdString();
    EXPECT_TRUE(post.error.summary().contains(QStringLiteral("127.0.0.1")));

    const TokenResponse tokens = refreshAt(tenant->baseUrl());
    EXPECT_EQ(tokens.error.kind, AuthError::Kind::Tls);
    EXPECT_FALSE(tokens.error.isTransient());
    const QString message = tokens.error.userMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("The certificate of 127.0.0.1 is not trusted")))
        << message.toStdString();

    EXPECT_EQ(demoRequests(*tenant).size(), 0) << "neither Graph nor the token endpoint may see a request";
}

TEST_F(TlsTrust, ExpiredCertificateIsNamedEvenFromATrustedCa)
{
    QString error;
    ASSERT_TRUE(trustCaCertificatesFrom(runCertificates().caCertificate(), &error)) << error.toStdString();
    auto tenant = startHttpsTenant(runCertificates().expired());
    ASSERT_TRUE(tenant);

    const GraphCall call = graphCall(*tenant, tenant->baseUrl());
    EXPECT_EQ(call.status, 0);
    const QString summary = call.error.summary();
    EXPECT_TRUE(summary.contains(QStringLiteral("The certificate of 127.0.0.1 is not valid at this time")))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("expired"))) << summary.toStdString();
    EXPECT_EQ(demoRequests(*tenant, { QSslError::CertificateExpired }).size(), 0);
}

TEST_F(TlsTrust, CertificateForAnotherHostIsNamed)
{
    QString error;
    ASSERT_TRUE(trustCaCertificatesFrom(runCertificates().caCertificate(), &error)) << error.toStdString();
    auto tenant = startHttpsTenant(runCertificates().wrongHost());
    ASSERT_TRUE(tenant);

    const TokenResponse tokens = refreshAt(tenant->baseUrl());
    EXPECT_EQ(tokens.error.kind, AuthError::Kind::Tls);
    const QString message = tokens.error.userMessage();
    EXPECT_TRUE(
        message.contains(QStringLiteral("The certificate presented by 127.0.0.1 is for a different host")))
        << message.toStdString();
    EXPECT_EQ(demoRequests(*tenant, { QSslError::HostNameMismatch }).size(), 0);
}

TEST_F(TlsTrust, WithTheCaTrustedSignInAndTheDeviceListWorkOverHttps)
{
    auto tenant = startHttpsTenant(runCertificates().server(), 30);
    ASSERT_TRUE(tenant);
    ASSERT_EQ(tenant->baseUrl().scheme(), QStringLiteral("https"));
    QString error;
    ASSERT_TRUE(trustCaCertificatesFrom(runCertificates().caCertificate(), &error)) << error.toStdString();

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QNetworkAccessManager nam;
    TokenStore store(QStringLiteral("KeyturnNetworkTest"));
    DemoBrowserLauncher browser(&nam, QStringLiteral("helpdesk"));
    SignInController signIn(&nam, &store, &browser, SystemClock::instance());
    signIn.setSettings(&settings);
    AuthConfig authConfig;
    authConfig.authorityRoot = tenant->baseUrl();
    authConfig.graphRoot = tenant->baseUrl();
    signIn.setConfig(authConfig);
    std::optional<AuthError> failed;
    std::optional<Account> account;
    QObject::connect(
        &signIn, &SignInController::signInFailed, &signIn, [&](const AuthError &e) { failed = e; });
    QObject::connect(&signIn, &SignInController::signedIn, &signIn, [&](const Account &a) { account = a; });

    signIn.signInWithBrowser();
    ASSERT_TRUE(waitUntil([&] { return account.has_value() || failed.has_value(); }, 20s));
    ASSERT_FALSE(failed.has_value()) << failed->userMessage().toStdString();
    EXPECT_EQ(account->upn, QStringLiteral("helpdesk@example.com"));

    GraphClient graph(&nam, &signIn, SystemClock::instance());
    GraphClientConfig graphConfig;
    graphConfig.graphRoot = tenant->baseUrl();
    graph.setConfig(graphConfig);
    DeviceTableModel model;
    DeviceListLoader loader(&graph, &model);
    std::optional<int> total;
    std::optional<GraphError> listError;
    QObject::connect(&loader, &DeviceListLoader::finished, &loader, [&](int n) { total = n; });
    QObject::connect(
        &loader, &DeviceListLoader::failed, &loader, [&](const GraphError &e) { listError = e; });
    loader.start();
    ASSERT_TRUE(waitUntil([&] { return total.has_value() || listError.has_value(); }, 20s));
    ASSERT_FALSE(listError.has_value()) << listError->summary().toStdString();
    EXPECT_EQ(*total, 30);
    EXPECT_EQ(model.rowCount(), 30);

    // Every request of the flow reached the tenant over https: the token redemption and the list.
    bool sawToken = false, sawList = false;
    for (const QJsonValue &entry : demoRequests(*tenant)) {
        const QString path = entry.toObject().value(QStringLiteral("path")).toString();
        sawToken |= path.endsWith(QStringLiteral("/oauth2/v2.0/token"));
        sawList |= path == QStringLiteral("/beta/deviceManagement/managedDevices");
    }
    EXPECT_TRUE(sawToken);
    EXPECT_TRUE(sawList);
    signIn.signOut();
}
