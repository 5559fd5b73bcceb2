// The Graph root remembered with an account, and the account's own settings winning at start.
#include "auth/Account.h"
#include "auth/RememberedAccountConfig.h"

#include <gtest/gtest.h>

using namespace keyturn;

namespace {
QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}
} // namespace

TEST(AccountGraphRoot, RootsAreNormalizedAndADemoTenantServingBothIsLoopbackOnAnyPort)
{
    const QUrl microsoft = url("https://login.microsoftonline.com");
    EXPECT_EQ(Account::graphRootOf(url("https://graph.microsoft.com/"), microsoft),
        QStringLiteral("https://graph.microsoft.com"));
    EXPECT_EQ(Account::graphRootOf(url("https://graph.microsoft.com:443"), microsoft),
        QStringLiteral("https://graph.microsoft.com"));
    EXPECT_EQ(Account::graphRootOf(url("http://127.0.0.1:8400"), url("http://127.0.0.1:8400/")),
        QStringLiteral("loopback"));
    // A loopback Graph that is not the sign-in root is a host of its own.
    EXPECT_EQ(Account::graphRootOf(url("http://127.0.0.1:8401"), url("http://127.0.0.1:8400")),
        QStringLiteral("http://127.0.0.1:8401"));
    EXPECT_EQ(Account::graphRootOf(url("http://127.0.0.1:8400"), microsoft),
        QStringLiteral("http://127.0.0.1:8400"));

    Account demo;
    demo.authorityHost = QStringLiteral("loopback");
    demo.graphRoot = QStringLiteral("loopback");
    EXPECT_TRUE(demo.usesGraphRoot(url("http://127.0.0.1:9000"), url("http://127.0.0.1:9000")));
    EXPECT_FALSE(demo.usesGraphRoot(url("http://127.0.0.1:9001"), url("http://127.0.0.1:9000")));
    EXPECT_EQ(demo.graphRootUrl(url("http://127.0.0.1:9000")), url("http://127.0.0.1:9000"));
}

TEST(AccountGraphRoot, AnAccountRememberedWithoutARootUsesItsCloudsDefault)
{
    Account old;
    old.cloud = Cloud::UsGovL5;
    old.authorityHost = QStringLiteral("login.microsoftonline.us");
    const QUrl authority = AuthConfig::defaultAuthorityRoot(Cloud::UsGovL5);
    EXPECT_EQ(old.graphRootUrl(authority), url("https://dod-graph.microsoft.us"));
    EXPECT_TRUE(old.usesGraphRoot(url("https://dod-graph.microsoft.us/"), authority));
    EXPECT_FALSE(old.usesGraphRoot(url("https://graph.contoso-proxy.example"), authority));
}

TEST(RememberedAccountConfig, TheAccountsCloudClientIdAndSignInHostWinOverDefaults)
{
    Account account;
    account.cloud = Cloud::UsGovL4;
    account.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    account.authorityHost = QStringLiteral("login.contoso.example");
    AuthConfig config;
    config.tenant = QStringLiteral("contoso.example");
    applyRememberedAccount(config, account);
    EXPECT_EQ(config.cloud, Cloud::UsGovL4);
    EXPECT_EQ(config.clientId, account.clientId);
    EXPECT_EQ(config.authorityRoot, url("https://login.contoso.example"));
    EXPECT_EQ(config.graphRoot, AuthConfig::defaultGraphRoot(Cloud::UsGovL4));
    EXPECT_EQ(config.graphResource, QStringLiteral("https://graph.microsoft.us"));
    EXPECT_EQ(config.tenant, QStringLiteral("contoso.example"));
}

TEST(RememberedAccountConfig, ALoopbackSignInHostKeepsTheConfiguredRoot)
{
    Account account;
    account.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    account.authorityHost = QStringLiteral("loopback");
    AuthConfig config;
    config.authorityRoot = url("http://127.0.0.1:8400");
    applyRememberedAccount(config, account);
    EXPECT_EQ(config.authorityRoot, url("http://127.0.0.1:8400"));
    EXPECT_EQ(config.clientId, account.clientId);
}
