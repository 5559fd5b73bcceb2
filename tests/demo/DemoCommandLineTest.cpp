// keyturn-demo-tenant's command line: parsing as a function, and the real executable's first line.
#include "demo/DemoCommandLine.h"

#include "DemoHttp.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QProcess>

using keyturn::demo::DemoCommandLineResult;
using keyturn::demo::parseDemoCommandLine;

namespace {
DemoCommandLineResult parse(QStringList args)
{
    args.prepend(QStringLiteral("keyturn-demo-tenant"));
    return parseDemoCommandLine(args);
}
} // namespace

TEST(DemoCommandLine, DefaultsMatchTheSpec)
{
    const auto r = parse({});
    ASSERT_EQ(r.action, DemoCommandLineResult::Action::Run);
    EXPECT_EQ(r.options.port, 0);
    EXPECT_EQ(r.options.devices, 250);
    EXPECT_EQ(r.options.tenants, 1);
    EXPECT_EQ(r.options.seed, 1u);
    EXPECT_EQ(r.options.tokenLifetimeSecs, 3600);
    EXPECT_EQ(r.options.actionDelaySecs, 5);
    EXPECT_EQ(r.options.deviceCodeIntervalSecs, 5);
    EXPECT_EQ(r.options.fault429, 0.0);
    EXPECT_EQ(r.options.pageMs, 0);
    EXPECT_EQ(r.options.endEarlyAfter, 0);
    EXPECT_FALSE(r.options.ignoreDateFilters);
    EXPECT_EQ(r.options.overviewLag, 0);
    EXPECT_TRUE(r.options.secretFile.isEmpty());
}

TEST(DemoCommandLine, TenantsAreCountedAndAutoApproveTakesTheirUsers)
{
    const auto r = parse({ QStringLiteral("--tenants"), QStringLiteral("3"), QStringLiteral("--auto-approve"),
        QStringLiteral("readonly@northwindtraders.onmicrosoft.com") });
    ASSERT_EQ(r.action, DemoCommandLineResult::Action::Run) << qPrintable(r.text);
    EXPECT_EQ(r.options.tenants, 3);
    EXPECT_EQ(r.options.autoApproveUser, QStringLiteral("readonly@northwindtraders.onmicrosoft.com"));

    // Northwind Traders is the third tenant: with two, nobody has that UPN.
    const auto missing = parse({ QStringLiteral("--tenants"), QStringLiteral("2"),
        QStringLiteral("--auto-approve"), QStringLiteral("readonly@northwindtraders.onmicrosoft.com") });
    EXPECT_EQ(missing.action, DemoCommandLineResult::Action::Error);
    EXPECT_TRUE(missing.text.contains(QLatin1String("--auto-approve")));
    for (const char *bad : { "0", "51", "two" }) {
        const auto refused = parse({ QStringLiteral("--tenants"), QLatin1String(bad) });
        EXPECT_EQ(refused.action, DemoCommandLineResult::Action::Error) << bad;
        EXPECT_TRUE(refused.text.contains(QLatin1String("--tenants"))) << bad;
    }
}

TEST(DemoCommandLine, EveryOptionIsRead)
{
    const auto r = parse({ QStringLiteral("--port"), QStringLiteral("8123"), QStringLiteral("--devices"),
        QStringLiteral("100000"), QStringLiteral("--seed"), QStringLiteral("42"),
        QStringLiteral("--auto-approve"), QStringLiteral("readonly"), QStringLiteral("--token-lifetime"),
        QStringLiteral("60"), QStringLiteral("--action-delay"), QStringLiteral("1"),
        QStringLiteral("--device-code-interval"), QStringLiteral("1"), QStringLiteral("--latency-ms"),
        QStringLiteral("25"), QStringLiteral("--fault-429"), QStringLiteral("0.1"),
        QStringLiteral("--no-retry-after"), QStringLiteral("--fault-503"), QStringLiteral("0.05"),
        QStringLiteral("--fault-drop"), QStringLiteral("0.02"), QStringLiteral("--fault-malformed"),
        QStringLiteral("0.01"), QStringLiteral("--page-ms"), QStringLiteral("40"),
        QStringLiteral("--end-early-after"), QStringLiteral("949"), QStringLiteral("--secret-file"),
        QStringLiteral("demo.secret"), QStringLiteral("--ignore-date-filters"),
        QStringLiteral("--overview-lag"), QStringLiteral("3") });
    ASSERT_EQ(r.action, DemoCommandLineResult::Action::Run) << qPrintable(r.text);
    EXPECT_EQ(r.options.port, 8123);
    EXPECT_EQ(r.options.devices, 100000);
    EXPECT_EQ(r.options.seed, 42u);
    EXPECT_EQ(r.options.autoApproveUser, QStringLiteral("readonly"));
    EXPECT_EQ(r.options.tokenLifetimeSecs, 60);
    EXPECT_EQ(r.options.actionDelaySecs, 1);
    EXPECT_EQ(r.options.deviceCodeIntervalSecs, 1);
    EXPECT_EQ(r.options.latencyMs, 25);
    EXPECT_DOUBLE_EQ(r.options.fault429, 0.1);
    EXPECT_TRUE(r.options.noRetryAfter);
    EXPECT_DOUBLE_EQ(r.options.fault503, 0.05);
    EXPECT_DOUBLE_EQ(r.options.faultDrop, 0.02);
    EXPECT_DOUBLE_EQ(r.options.faultMalformed, 0.01);
    EXPECT_EQ(r.options.pageMs, 40);
    EXPECT_EQ(r.options.endEarlyAfter, 949);
    EXPECT_EQ(r.options.secretFile, QStringLiteral("demo.secret"));
    EXPECT_TRUE(r.options.ignoreDateFilters);
    EXPECT_EQ(r.options.overviewLag, 3);
    EXPECT_EQ(parse({ QStringLiteral("--auto-approve"), QStringLiteral("norole") }).options.autoApproveUser,
        QStringLiteral("norole"));
}

TEST(DemoCommandLine, BadValuesAreErrors)
{
    for (const QStringList &args : { QStringList{ QStringLiteral("--port"), QStringLiteral("70000") },
             QStringList{ QStringLiteral("--devices"), QStringLiteral("many") },
             QStringList{ QStringLiteral("--fault-429"), QStringLiteral("1.5") },
             QStringList{ QStringLiteral("--auto-approve"), QStringLiteral("mallory") },
             QStringList{ QStringLiteral("--page-ms"), QStringLiteral("-1") },
             QStringList{ QStringLiteral("--end-early-after"), QStringLiteral("0") },
             QStringList{ QStringLiteral("--overview-lag"), QStringLiteral("-2") },
             QStringList{ QStringLiteral("--bogus") } }) {
        const auto r = parse(args);
        EXPECT_EQ(r.action, DemoCommandLineResult::Action::Error) << qPrintable(args.join(u' '));
        EXPECT_FALSE(r.text.isEmpty());
    }
    EXPECT_EQ(parse({ QStringLiteral("--help") }).action, DemoCommandLineResult::Action::ShowHelp);
    const QString help = parse({ QStringLiteral("--help") }).text;
    EXPECT_TRUE(help.contains(QStringLiteral("--fault-drop")));
    for (const char *option : { "--page-ms", "--end-early-after", "--ignore-date-filters", "--overview-lag",
             "--secret-file", "norole" })
        EXPECT_TRUE(help.contains(QLatin1String(option))) << option;
    EXPECT_TRUE(
        help.contains(QStringLiteral("for testing and training, not for production; no authentication")));
    EXPECT_EQ(parse({ QStringLiteral("--version") }).action, DemoCommandLineResult::Action::ShowVersion);
}

TEST(DemoTenantExe, PrintsListeningLineAndServes)
{
    QProcess process;
    process.start(QStringLiteral(KEYTURN_DEMO_TENANT_EXE),
        { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--devices"), QStringLiteral("30") });
    ASSERT_TRUE(process.waitForStarted(10000));
    ASSERT_TRUE(keyturn::test::waitUntil([&] { return process.canReadLine(); }, std::chrono::seconds(10)));
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpression pattern(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)$"));
    const auto match = pattern.match(line);
    ASSERT_TRUE(match.hasMatch()) << qPrintable(line);
    EXPECT_GT(match.captured(1).toInt(), 0);
    ASSERT_TRUE(keyturn::test::waitUntil([&] { return process.canReadLine(); }, std::chrono::seconds(10)));
    EXPECT_TRUE(
        QString::fromUtf8(process.readLine())
            .contains(QStringLiteral("for testing and training, not for production; no authentication")));

    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(
        QNetworkRequest(QUrl(line.mid(13) + QStringLiteral("/beta/deviceManagement/managedDevices"))));
    ASSERT_TRUE(keyturn::test::waitUntil([&] { return reply->isFinished(); }));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    delete reply;
    process.kill();
    process.waitForFinished(5000);
}

TEST(DemoTenantExe, BadOptionExitsWith2)
{
    const auto r = keyturn::test::runProcess(
        QStringLiteral(KEYTURN_DEMO_TENANT_EXE), { QStringLiteral("--fault-503"), QStringLiteral("x") });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.standardError.contains(QStringLiteral("--fault-503")));
    EXPECT_TRUE(r.standardOutput.isEmpty());
}
