// The other half of "localhost": the redirect URI is http://localhost:PORT, and a browser may
// resolve localhost to ::1 first. Another local user who binds [::1]:PORT before Keyturn must never
// receive the code and state; Keyturn takes a port where it holds both loopback addresses.
#include "auth/AuthCodeFlow.h"
#include "auth/BrowserLauncher.h"
#include "auth/LoopbackRedirectListener.h"
#include "auth/TokenClient.h"
#include "demo/DemoTenant.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace keyturn;
using keyturn::test::waitUntil;

namespace {

bool machineHasIpv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

/// A browser that resolves localhost to ::1 first: it approves on the demo authorize page, then
/// follows the redirect to http://[::1]:PORT/... and the result page, one hop at a time.
class Ipv6FirstBrowser final : public QObject, public BrowserLauncher {
public:
    explicit Ipv6FirstBrowser(QNetworkAccessManager *network)
        : m_network(network)
    { }
    bool openUrl(const QUrl &url) override
    {
        QUrl target = url;
        target.setQuery(
            target.query(QUrl::FullyEncoded) + QStringLiteral("&demo_user=helpdesk"), QUrl::StrictMode);
        fetch(target, 4);
        return true;
    }
    QList<QUrl> visited;
    int lastStatus = 0;

private:
    void fetch(const QUrl &url, int hopsLeft)
    {
        visited << url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, url, hopsLeft] {
            reply->deleteLater();
            lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
            if (location.isEmpty() || hopsLeft == 0)
                return;
            QUrl next = url.resolved(location);
            if (next.host() == QLatin1String("localhost"))
                next.setHost(QStringLiteral("::1"));
            fetch(next, hopsLeft - 1);
        });
    }
    QNetworkAccessManager *m_network;
};

} // namespace

TEST(LoopbackDualStack, ASquatterOnIpv6LoopbackNeverSeesTheRedirect)
{
    if (!machineHasIpv6Loopback())
        GTEST_SKIP() << "no IPv6 loopback on this machine";

    QTcpServer squatter; // another local user, first on [::1]:P
    ASSERT_TRUE(squatter.listen(QHostAddress::LocalHostIPv6, 0));
    const quint16 squatted = squatter.serverPort();
    int squatterConnections = 0;
    QObject::connect(&squatter, &QTcpServer::newConnection, &squatter, [&] {
        while (QTcpSocket *s = squatter.nextPendingConnection()) {
            ++squatterConnections;
            s->deleteLater();
        }
    });

    demo::DemoTenant tenant{ demo::DemoOptions{} };
    QString error;
    ASSERT_TRUE(tenant.start(&error)) << error.toStdString();
    AuthConfig config;
    config.authorityRoot = tenant.baseUrl();
    config.graphRoot = tenant.baseUrl();
    QNetworkAccessManager network;
    TokenClient tokens(&network);
    Ipv6FirstBrowser browser(&network);
    AuthCodeFlow flow(&tokens, &browser, config);
    flow.setPreferredRedirectPort(squatted); // Keyturn would like P, which is half taken
    QSignalSpy succeeded(&flow, &AuthCodeFlow::succeeded);
    QSignalSpy failed(&flow, &AuthCodeFlow::failed);
    flow.start();

    const QUrl redirect(
        QUrlQuery(flow.authorizeUrl()).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    ASSERT_EQ(redirect.host(), QStringLiteral("localhost"));
    const quint16 port = static_cast<quint16>(redirect.port());
    EXPECT_NE(port, squatted) << "the half-taken port was given up";
    // Keyturn holds both halves of localhost on its port: nobody else can bind either.
    QTcpServer late4, late6;
    EXPECT_FALSE(late4.listen(QHostAddress::LocalHost, port));
    EXPECT_FALSE(late6.listen(QHostAddress::LocalHostIPv6, port));

    ASSERT_TRUE(waitUntil([&] { return succeeded.size() + failed.size() > 0; }, std::chrono::seconds(15)));
    ASSERT_EQ(succeeded.size(), 1);
    EXPECT_FALSE(succeeded.at(0).at(0).value<TokenSet>().accessToken.isEmpty());
    ASSERT_GE(browser.visited.size(), 2);
    EXPECT_EQ(browser.visited.at(1).host(), QStringLiteral("::1")) << "the redirect went over IPv6";
    // The result page, from Keyturn, over IPv6 too.
    EXPECT_TRUE(waitUntil([&] { return browser.lastStatus == 200; }, std::chrono::seconds(5)))
        << browser.lastStatus;
    EXPECT_FALSE(waitUntil([&] { return squatterConnections > 0; }, std::chrono::milliseconds(300)));
    EXPECT_EQ(squatterConnections, 0);
}

TEST(LoopbackDualStack, BothAddressesTakenElsewhereMovesToAnotherPort)
{
    if (!machineHasIpv6Loopback())
        GTEST_SKIP() << "no IPv6 loopback on this machine";
    QTcpServer squatter4;
    ASSERT_TRUE(squatter4.listen(QHostAddress::LocalHost, 0));
    LoopbackRedirectListener listener;
    listener.setPreferredPort(squatter4.serverPort());
    ASSERT_TRUE(listener.start(QStringLiteral("state")));
    EXPECT_NE(listener.port(), squatter4.serverPort());
    EXPECT_TRUE(listener.isListeningOnIpv6());
}
