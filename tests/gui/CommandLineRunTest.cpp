// The keyturn executable as a user runs it headless: --version, --help, and --screenshot of the
// device list and of a device pane with its confirmation open, on the embedded demo tenant.
#include "AboutDialog.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QLabel>
#include <QTemporaryDir>

using keyturn::test::runProcess;

namespace {
const QString kKeyturn = QStringLiteral(KEYTURN_EXE);
}

TEST(KeyturnExecutable, VersionAndHelpNeedNoDisplay)
{
    qputenv("QT_QPA_PLATFORM", "no-such-platform"); // a QApplication would fail to start
    const auto version = runProcess(kKeyturn, { QStringLiteral("--version") });
    const auto help = runProcess(kKeyturn, { QStringLiteral("--help") });
    qputenv("QT_QPA_PLATFORM", "offscreen");
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.standardOutput.startsWith(QStringLiteral("keyturn ")))
        << version.standardOutput.toStdString();
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.standardOutput.contains(QStringLiteral("--demo-user")));
}

TEST(KeyturnExecutable, ScreenshotOfTheLoadedListAndOfAConfirmation)
{
    QTemporaryDir dir;
    const QString list = dir.filePath(QStringLiteral("list.png"));
    const auto listRun = runProcess(kKeyturn,
        { QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk"),
            QStringLiteral("--screenshot"), list },
        std::chrono::seconds(90));
    ASSERT_EQ(listRun.exitCode, 0) << listRun.standardError.toStdString();
    const QImage listImage(list);
    // The first size is 90 % of the (offscreen, 800x600) screen.
    EXPECT_GE(listImage.width(), 700);
    EXPECT_GE(listImage.height(), 500);

    const QString pane = dir.filePath(QStringLiteral("pane.png"));
    const auto paneRun = runProcess(kKeyturn,
        { QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk"),
            QStringLiteral("--device"), QStringLiteral("MAC-0001"),
            QStringLiteral("--screenshot-confirmation"), QStringLiteral("rotateFileVaultKey"),
            QStringLiteral("--screenshot"), pane },
        std::chrono::seconds(90));
    ASSERT_EQ(paneRun.exitCode, 0) << paneRun.standardError.toStdString();
    EXPECT_FALSE(QImage(pane).isNull());
    EXPECT_NE(QImage(pane), listImage);
}

TEST(KeyturnExecutable, ScreenshotFailsWithTheReasonForAnUnknownDevice)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("none.png"));
    const auto run = runProcess(kKeyturn,
        { QStringLiteral("--demo"), QStringLiteral("--demo-user"), QStringLiteral("helpdesk"),
            QStringLiteral("--device"), QStringLiteral("NO-SUCH-DEVICE"), QStringLiteral("--screenshot"),
            file },
        std::chrono::seconds(90));
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.standardError.contains(QStringLiteral("NO-SUCH-DEVICE")))
        << run.standardError.toStdString();
    EXPECT_FALSE(QFile::exists(file));
}

TEST(KeyturnExecutable, PlainHttpAuthorityIsRefusedWithAClearMessage)
{
    const auto run = runProcess(
        kKeyturn, { QStringLiteral("--authority-url"), QStringLiteral("http://login.example.com") });
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.standardError.contains(QStringLiteral("http://login.example.com")))
        << run.standardError.toStdString();
}

TEST(KeyturnExecutable, AboutDialogShowsTheSameVersionAsTheCommandLine)
{
    const auto version = runProcess(kKeyturn, { QStringLiteral("--version") });
    ASSERT_EQ(version.exitCode, 0);
    keyturn::ui::AboutDialog about;
    EXPECT_EQ(about.versionText(), version.standardOutput.trimmed());
    const auto *text = about.findChild<QLabel *>(QStringLiteral("aboutText"));
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->text().contains(QString::fromLatin1(qVersion())));
    EXPECT_TRUE(text->text().contains(keyturn::ui::AboutDialog::keychainBackendName().toHtmlEscaped()));
    EXPECT_TRUE(text->text().contains(QStringLiteral("https://")));
}
