// Saving and loading the sign-in settings, and command-line overrides with their refusals.
#include "auth/AuthSettings.h"
#include "core/CommandLine.h"

#include <gtest/gtest.h>

#include <QSettings>
#include <QTemporaryDir>

using namespace keyturn;

namespace {

struct TempSettings {
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
};

} // namespace

TEST(AuthSettings, DefaultsWhenNothingSaved)
{
    TempSettings t;
    EXPECT_EQ(loadAuthConfig(t.settings), AuthConfig::forCloud(Cloud::Global));
}

TEST(AuthSettings, SaveAndLoadRoundTrip)
{
    TempSettings t;
    AuthConfig c = AuthConfig::forCloud(Cloud::UsGovL5);
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    c.authorityRoot = QUrl(QStringLiteral("http://127.0.0.1:4000"));
    saveAuthConfig(t.settings, c);
    EXPECT_EQ(loadAuthConfig(t.settings), c);
    // Default URLs are not written: a later change of the cloud's defaults still applies.
    EXPECT_FALSE(t.settings.contains(QStringLiteral("auth/graphUrl")));
}

TEST(AuthSettings, HandEditedInsecureUrlIsIgnored)
{
    TempSettings t;
    t.settings.setValue(QStringLiteral("auth/authorityUrl"), QStringLiteral("http://login.evil.example"));
    t.settings.setValue(QStringLiteral("auth/cloud"), QStringLiteral("china"));
    const AuthConfig c = loadAuthConfig(t.settings);
    EXPECT_EQ(c.cloud, Cloud::China);
    EXPECT_EQ(c.authorityRoot, QUrl(QStringLiteral("https://login.chinacloudapi.cn")));
}

TEST(AuthSettings, LaunchOptionsOverride)
{
    AuthConfig c;
    LaunchOptions o;
    o.cloud = QStringLiteral("usgov");
    o.tenant = QStringLiteral("tid-or.domain");
    o.clientId = QStringLiteral("AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE");
    o.authorityUrl = QStringLiteral("http://localhost:1234/");
    o.graphUrl = QStringLiteral("http://[::1]:1234");
    EXPECT_TRUE(applyLaunchOptions(c, o).isEmpty());
    EXPECT_EQ(c.cloud, Cloud::UsGovL4);
    EXPECT_EQ(c.tenant, QStringLiteral("tid-or.domain"));
    EXPECT_EQ(c.clientId, o.clientId);
    EXPECT_EQ(c.authorityRoot, QUrl(QStringLiteral("http://localhost:1234")));
    EXPECT_EQ(c.graphRoot, QUrl(QStringLiteral("http://[::1]:1234")));
    EXPECT_EQ(c.graphResource, QStringLiteral("https://graph.microsoft.us"));
    EXPECT_EQ(
        c.tokenUrl().toString(), QStringLiteral("http://localhost:1234/tid-or.domain/oauth2/v2.0/token"));
}

TEST(AuthSettings, BadLaunchOptionsAreRefusedWithClearTextAndChangeNothing)
{
    AuthConfig c;
    const AuthConfig before = c;
    LaunchOptions o;
    o.cloud = QStringLiteral("mars");
    o.tenant = QStringLiteral("bad tenant/../x");
    o.clientId = QStringLiteral("not-a-guid");
    o.authorityUrl = QStringLiteral("http://login.example.com");
    o.graphUrl = QStringLiteral("ftp://graph");
    const QString error = applyLaunchOptions(c, o);
    EXPECT_EQ(c, before);
    for (const char *part : { "mars", "bad tenant", "not-a-guid", "http://login.example.com", "ftp://graph" })
        EXPECT_TRUE(error.contains(QLatin1String(part))) << part << " in " << error.toStdString();
}

TEST(AuthSettings, TheTenantCheckIsSharedWithTheSignInScreen)
{
    EXPECT_TRUE(isValidTenant(QStringLiteral("organizations")));
    EXPECT_TRUE(isValidTenant(QStringLiteral("contoso.onmicrosoft.com")));
    EXPECT_FALSE(isValidTenant(QString()));
    EXPECT_FALSE(isValidTenant(QStringLiteral("contoso/../x")));
    AuthConfig c;
    LaunchOptions o;
    o.tenant = QStringLiteral("a b");
    EXPECT_EQ(applyLaunchOptions(c, o), invalidTenantMessage(QStringLiteral("a b")));
}

TEST(AuthSettings, AnInvalidGraphUrlIsAnsweredWithAGraphRootAsTheExample)
{
    AuthConfig c;
    LaunchOptions o;
    o.graphUrl = QStringLiteral("notaurl");
    const QString error = applyLaunchOptions(c, o);
    EXPECT_TRUE(error.contains(QStringLiteral("https://graph.microsoft.com"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QStringLiteral("login.microsoftonline.com"))) << error.toStdString();

    LaunchOptions sovereign;
    sovereign.cloud = QStringLiteral("usgov");
    sovereign.graphUrl = QStringLiteral("notaurl");
    EXPECT_TRUE(applyLaunchOptions(c, sovereign).contains(QStringLiteral("https://graph.microsoft.us")));

    LaunchOptions signIn;
    signIn.authorityUrl = QStringLiteral("notaurl");
    EXPECT_TRUE(applyLaunchOptions(c, signIn).contains(QStringLiteral("https://login.microsoftonline.com")));
}
