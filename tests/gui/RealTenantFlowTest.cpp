// The device list and the actions against a demo tenant that answers as the real services do:
// page counts that are not totals, lists that end early, an account without an Intune role, a
// revoked session (Continuous Access Evaluation) and a long Retry-After.
#include "ConfirmationDialog.h"
#include "Confirmations.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SignInView.h"
#include "actions/ActionStatusTracker.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::SignInController;
using keyturn::test::fetchDemoRequests;
using keyturn::test::postDemoControl;
using keyturn::test::RecordedRequest;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;
using keyturn::ui::MessageBanner;

namespace {

class RealTenantFlow : public keyturn::test::GuiFixture {
protected:
    bool signedIn() const { return app()->signIn()->state() == SignInController::State::SignedIn; }

    static keyturn::demo::DemoOptions options(int devices)
    {
        keyturn::demo::DemoOptions o;
        o.devices = devices;
        o.seed = 11;
        return o;
    }

    int count(const QString &method, const QString &suffix) const
    {
        return static_cast<int>(requestsMatching(fetchDemoRequests(demoUrl()), method, suffix).size());
    }

    /// Signs in again through the sign-in view's browser button (the demo approves at once).
    bool signInAgainThroughTheView()
    {
        keyturn::ui::SignInView *view = window()->signInView();
        if (!waitUntil([view] { return view->isVisible(); }, std::chrono::seconds(15))) {
            ADD_FAILURE() << "the sign-in view did not appear";
            return false;
        }
        QTest::mouseClick(view->browserButton(), Qt::LeftButton);
        return waitUntil([this] { return signedIn(); }, std::chrono::seconds(20));
    }
};

int parseCount(const QString &text)
{
    return QLocale().toInt(text);
}

} // namespace

TEST_F(RealTenantFlow, ProgressNeverShowsATotalBelowWhatIsLoaded)
{
    keyturn::demo::DemoOptions o = options(3500);
    o.latencyMs = 30;
    ASSERT_TRUE(launch(o, QStringLiteral("helpdesk"), false));
    QStringList texts;
    QObject::connect(list(), &keyturn::ui::DeviceListView::statusTextChanged, list(),
        [&texts](const QString &text) { texts.append(text); });
    ASSERT_TRUE(waitForListLoaded());
    const QRegularExpression pattern(
        QStringLiteral("^Loading devices… ([\\d,.\\s]+) of about ([\\d,.\\s]+)$"));
    int withTotal = 0;
    for (const QString &text : texts) {
        const auto match = pattern.match(text);
        if (!match.hasMatch())
            continue;
        ++withTotal;
        EXPECT_LE(parseCount(match.captured(1)), parseCount(match.captured(2))) << text.toStdString();
        EXPECT_EQ(parseCount(match.captured(2)), 3500) << text.toStdString();
    }
    EXPECT_GE(withTotal, 1) << texts.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(app()->devices()->rowCount(), 3500);
    EXPECT_FALSE(list()->banner()->isVisible());
}

TEST_F(RealTenantFlow, AListThatEndsEarlySaysSoWithBothNumbersAndReloads)
{
    keyturn::demo::DemoOptions o = options(2500);
    o.endEarlyAfter = 1200;
    ASSERT_TRUE(launch(o));
    MessageBanner *banner = list()->banner();
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(10)));
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Warning);
    EXPECT_TRUE(banner->text().contains(QLocale().toString(1200))) << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QLocale().toString(2500))) << banner->text().toStdString();
    EXPECT_EQ(app()->devices()->rowCount(), 1200);

    const int listsBefore = count(QStringLiteral("GET"), QStringLiteral("/managedDevices"));
    ASSERT_TRUE(banner->actionButton()->isVisible());
    EXPECT_EQ(banner->actionButton()->text(), QStringLiteral("Reload"));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil(
        [&] { return count(QStringLiteral("GET"), QStringLiteral("/managedDevices")) > listsBefore; }));
    ASSERT_TRUE(waitForListLoaded());
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(10)));
}

TEST_F(RealTenantFlow, AnAccountWithoutAnIntuneRoleIsToldSoAndStaysSignedIn)
{
    ASSERT_TRUE(launch(options(250), QStringLiteral("norole"), false));
    ASSERT_TRUE(waitUntil([&] { return signedIn(); }, std::chrono::seconds(20)));
    QLabel *empty = list()->findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
    ASSERT_NE(empty, nullptr);
    ASSERT_TRUE(
        waitUntil([&] { return empty->isVisible() && empty->text().contains(QStringLiteral("role")); },
            std::chrono::seconds(20)))
        << empty->text().toStdString();
    EXPECT_TRUE(empty->text().contains(QStringLiteral("Help Desk Operator"))) << empty->text().toStdString();
    EXPECT_TRUE(empty->text().contains(QStringLiteral("Read Only Operator")));
    EXPECT_FALSE(empty->text().contains(QStringLiteral("Sign in again")));

    // No loop: behind a marker through Keyturn's own network access manager (not its Graph client,
    // whose request Intune would refuse too), the sign-in's redeem and exactly one refresh; the list
    // asked twice (before and after it).
    const QList<RecordedRequest> sent = requestsBeforeMarker(demoUrl());
    EXPECT_TRUE(signedIn());
    EXPECT_TRUE(window()->isShowingDevices());
    EXPECT_EQ(keychainItems().size(), 1);
    EXPECT_EQ(requestsMatching(sent, QStringLiteral("POST"), QStringLiteral("/oauth2/v2.0/token")).size(), 2);
    EXPECT_EQ(requestsMatching(sent, QStringLiteral("GET"), QStringLiteral("/managedDevices")).size(), 2);
}

TEST_F(RealTenantFlow, ARevokedSessionAsksForASignInAndTheListCompletes)
{
    ASSERT_TRUE(launch(options(1500)));
    // Entra compares issue and revocation times to the second: the revocation comes a little later.
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/advance-clock?seconds=5")));
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/revoke-sessions?user=helpdesk")));
    QTest::keyClick(list()->tableView(), Qt::Key_F5);

    // The challenge: the refresh with its claims needs the user, so the sign-in view asks.
    ASSERT_TRUE(signInAgainThroughTheView());
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 1500);
    const QList<RecordedRequest> lists = requestsMatching(
        fetchDemoRequests(demoUrl()), QStringLiteral("GET"), QStringLiteral("/managedDevices"));
    bool challenged = false;
    for (const RecordedRequest &r : lists)
        challenged = challenged || r.status == 401;
    EXPECT_TRUE(challenged);
    EXPECT_EQ(lists.last().status, 200);
}

TEST_F(RealTenantFlow, AChallengedActionIsSentAgainOnlyAfterANewYes)
{
    ASSERT_TRUE(launch(options(300)));
    const DeviceRecord *mac = findDevice([](const DeviceRecord &d) {
        return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
            && d.isEncrypted;
    });
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));
    app()->tracker()->stop(); // no status poll meets the challenge first
    const QString rotate = QStringLiteral("/managedDevices/%1/rotateFileVaultKey").arg(device.id);

    // Entra compares issue and revocation times to the second: the revocation comes a little later.
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/advance-clock?seconds=5")));
    ASSERT_TRUE(postDemoControl(demoUrl(), QStringLiteral("/_demo/revoke-sessions?user=helpdesk")));
    keyturn::ui::Confirmations::setNextAnswer(true);
    QTest::mouseClick(
        window()->devicePane()->actionButton(QStringLiteral("rotateFileVaultKey")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return count(QStringLiteral("POST"), rotate) == 1; }));

    ASSERT_TRUE(signInAgainThroughTheView());
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(requestsMatching(requestsBeforeGraphMarker(), QStringLiteral("POST"), rotate).size(), 1)
        << "nothing is sent again by itself";
    const QList<RecordedRequest> first
        = requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("POST"), rotate);
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first.first().status, 401);

    ASSERT_TRUE(openDeviceThroughSearch(device));
    keyturn::ui::Confirmations::setNextAnswer(true);
    QTest::mouseClick(
        window()->devicePane()->actionButton(QStringLiteral("rotateFileVaultKey")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return count(QStringLiteral("POST"), rotate) == 2; }));
    const QList<RecordedRequest> both
        = requestsMatching(fetchDemoRequests(demoUrl()), QStringLiteral("POST"), rotate);
    EXPECT_EQ(both.last().status, 204);
}

TEST_F(RealTenantFlow, ALongRetryAfterShowsACountdownAndCompletes)
{
    setGraphWaitScale(0.04); // Intune's 120 s pass in 4.8 s; the countdown still reads Intune's number
    ASSERT_TRUE(launch(options(2500)));
    ASSERT_TRUE(postDemoControl(
        demoUrl(), QStringLiteral("/_demo/inject?fault=429&retry-after=120&match=skiptoken&count=1")));
    QStringList texts;
    QObject::connect(list(), &keyturn::ui::DeviceListView::statusTextChanged, list(),
        [&texts](const QString &text) { texts.append(text); });
    QTest::keyClick(list()->tableView(), Qt::Key_F5);
    ASSERT_TRUE(waitUntil(
        [&] {
            return texts.contains(QStringLiteral("Intune asked Keyturn to wait 2 min before the next page."));
        },
        std::chrono::seconds(20)))
        << texts.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(list()->progressWidget()->isVisible());
    // It counts down, and the overview's total arriving meanwhile does not hide it.
    ASSERT_TRUE(waitUntil(
        [&] {
            return list()->statusText()
                == QStringLiteral("Intune asked Keyturn to wait 1 min 58 s before the next page.");
        },
        std::chrono::seconds(5)))
        << texts.join(QLatin1Char('|')).toStdString();
    ASSERT_TRUE(waitForListLoaded());
    EXPECT_EQ(app()->devices()->rowCount(), 2500);
    EXPECT_FALSE(list()->banner()->isVisible());
}
