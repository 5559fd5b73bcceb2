#include "core/CommandLine.h"
#include "core/Version.h"

#include <gtest/gtest.h>

using keyturn::CommandLineResult;
using keyturn::parseCommandLine;

namespace {
QStringList args(std::initializer_list<const char *> list)
{
    QStringList out{ QStringLiteral("keyturn") };
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}
} // namespace

TEST(CommandLine, VersionPrintsTheCMakeVersion)
{
    const auto r = parseCommandLine(args({ "--version" }));
    EXPECT_EQ(r.action, CommandLineResult::Action::ShowVersion);
    EXPECT_EQ(r.text, QStringLiteral("keyturn %1\n").arg(QLatin1String(keyturn::kVersion)));
}

TEST(CommandLine, HelpListsTheOptions)
{
    const auto r = parseCommandLine(args({ "--help" }));
    EXPECT_EQ(r.action, CommandLineResult::Action::ShowHelp);
    EXPECT_TRUE(r.text.startsWith(QStringLiteral("Usage: keyturn")));
    for (const char *option :
        { "--demo", "--demo-user", "--account", "--tenant", "--cloud", "--client-id", "--authority-url",
            "--graph-url", "--screenshot", "--demo-devices", "--device", "--screenshot-confirmation" })
        EXPECT_TRUE(r.text.contains(QLatin1String(option))) << option;
}

TEST(CommandLine, DemoOptionsAreParsed)
{
    const auto r = parseCommandLine(args({ "--demo-user", "helpdesk", "--demo-devices", "2500" }));
    ASSERT_EQ(r.action, CommandLineResult::Action::Run);
    EXPECT_TRUE(r.options.demo);
    EXPECT_EQ(r.options.demoUser, QStringLiteral("helpdesk"));
    EXPECT_EQ(r.options.demoDevices, 2500);
    EXPECT_EQ(r.options.demoTenants, 1);
    const auto tenants = parseCommandLine(args({ "--demo-tenants", "3" }));
    ASSERT_EQ(tenants.action, CommandLineResult::Action::Run);
    EXPECT_TRUE(tenants.options.demo);
    EXPECT_EQ(tenants.options.demoTenants, 3);
}

TEST(CommandLine, BadValuesAreRefusedWithAReason)
{
    EXPECT_EQ(parseCommandLine(args({ "--demo-user", "root" })).action, CommandLineResult::Action::Error);
    EXPECT_EQ(parseCommandLine(args({ "--demo-devices", "many" })).action, CommandLineResult::Action::Error);
    EXPECT_EQ(parseCommandLine(args({ "--demo-tenants", "0" })).action, CommandLineResult::Action::Error);
    const auto unknown = parseCommandLine(args({ "--frobnicate" }));
    EXPECT_EQ(unknown.action, CommandLineResult::Action::Error);
    EXPECT_TRUE(unknown.text.contains(QStringLiteral("frobnicate")));
}

TEST(CommandLine, ScreenshotConfirmationNeedsADeviceAndAFile)
{
    EXPECT_EQ(parseCommandLine(args({ "--screenshot-confirmation", "rotateFileVaultKey" })).action,
        CommandLineResult::Action::Error);
    const auto ok = parseCommandLine(args({ "--demo", "--screenshot", "a.png", "--device", "MAC-0001",
        "--screenshot-confirmation", "rotateFileVaultKey" }));
    ASSERT_EQ(ok.action, CommandLineResult::Action::Run);
    EXPECT_EQ(ok.options.deviceName, QStringLiteral("MAC-0001"));
    EXPECT_EQ(ok.options.screenshotConfirmation, QStringLiteral("rotateFileVaultKey"));
}

TEST(CommandLine, AnExplicitlyEmptySignInOptionIsAnError)
{
    for (const char *option :
        { "--account", "--tenant", "--client-id", "--cloud", "--authority-url", "--graph-url" }) {
        const auto r = parseCommandLine(args({ option, "" }));
        EXPECT_EQ(r.action, CommandLineResult::Action::Error) << option;
        EXPECT_TRUE(r.text.contains(QLatin1String(option))) << r.text.toStdString();
        EXPECT_EQ(parseCommandLine(args({ option, "  " })).action, CommandLineResult::Action::Error)
            << option;
    }
    EXPECT_EQ(
        parseCommandLine(args({ "--tenant", "contoso.example" })).action, CommandLineResult::Action::Run);
}

TEST(CommandLine, AccountNamesTheRememberedAccountToStartWith)
{
    const auto r = parseCommandLine(args({ "--account", " admin@contoso.com " }));
    ASSERT_EQ(r.action, CommandLineResult::Action::Run);
    EXPECT_EQ(r.options.account, QStringLiteral("admin@contoso.com"));
    EXPECT_TRUE(parseCommandLine(args({})).options.account.isEmpty());
}
