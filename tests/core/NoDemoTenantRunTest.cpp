// A Keyturn built without the demo tenant (KEYTURN_DEMO off, or Qt 6.5 to 6.7): keyturn --demo
// answers with one sentence and exits before any window.
#include "common/TestSupport.h"

#include <gtest/gtest.h>

using keyturn::test::runProcess;

TEST(KeyturnWithoutDemoTenant, DemoIsAnsweredWithASentenceAndNoWindow)
{
    qputenv("QT_QPA_PLATFORM", "no-such-platform"); // a QApplication would fail to start
    const auto run = runProcess(QStringLiteral(KEYTURN_EXE),
        { QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk") });
    qputenv("QT_QPA_PLATFORM", "offscreen");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.standardError.startsWith(QStringLiteral("This build of Keyturn has no demo tenant")))
        << run.standardError.toStdString();
    EXPECT_TRUE(run.standardOutput.isEmpty()) << run.standardOutput.toStdString();
}
