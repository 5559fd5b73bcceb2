// A large tenant at real latency through the real widgets: the list arrives through filtered
// partitions with exactly every device, and a tenant that silently ignores date filters still gets
// exactly every device, page after page. Against the demo tenant over HTTP.
#include "DemoRequests.h"
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "common/TestSupport.h"
#include "devices/DeviceTableModel.h"

#include <QLabel>
#include <QLocale>

using keyturn::test::fetchDemoRequests;
using keyturn::test::RecordedRequest;
using keyturn::test::requestsMatching;

namespace {

constexpr int kDevices = 20000; // large enough that Windows is split by enrolment date

class PartitionedListFlow : public keyturn::test::GuiFixture {
protected:
    static keyturn::demo::DemoOptions options()
    {
        keyturn::demo::DemoOptions o;
        o.devices = kDevices;
        o.seed = 31;
        o.latencyMs = 100;
        o.pageMs = 100;
        return o;
    }

    QList<RecordedRequest> lists() const
    {
        return requestsMatching(
            fetchDemoRequests(demoUrl()), QStringLiteral("GET"), QStringLiteral("/managedDevices"));
    }

    void expectExactlyEveryDevice()
    {
        EXPECT_EQ(app()->devices()->rowCount(), kDevices);
        EXPECT_EQ(loadedDeviceIds().size(), kDevices);
        EXPECT_EQ(list()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"))->text(),
            QStringLiteral("%1 devices").arg(QLocale().toString(kDevices)));
        EXPECT_FALSE(list()->banner()->isVisible());
    }
};

int filtered(const QList<RecordedRequest> &requests)
{
    int n = 0;
    for (const RecordedRequest &r : requests)
        n += r.query.contains(QStringLiteral("operatingSystem eq")) ? 1 : 0;
    return n;
}

} // namespace

TEST_F(PartitionedListFlow, ALargeTenantArrivesThroughPartitionsWithExactlyEveryDevice)
{
    ASSERT_TRUE(launch(options(), QStringLiteral("helpdesk"), false));
    ASSERT_TRUE(waitForListLoaded(std::chrono::seconds(60)));
    expectExactlyEveryDevice();

    const QList<RecordedRequest> requests = lists();
    EXPECT_GE(filtered(requests), 5) << "one partition per platform at least";
    int unfilteredAnswered = 0;
    for (const RecordedRequest &r : requests) {
        EXPECT_EQ(r.status, 200);
        unfilteredAnswered += r.query.contains(QStringLiteral("$filter")) ? 0 : 1;
    }
    // The first unfiltered page and the second (the decision waits for its round trip), no more.
    EXPECT_LE(unfilteredAnswered, 2);
}

TEST_F(PartitionedListFlow, ATenantIgnoringDateFiltersStillGetsExactlyEveryDevicePageAfterPage)
{
    keyturn::demo::DemoOptions o = options();
    o.ignoreDateFilters = true;
    ASSERT_TRUE(launch(o, QStringLiteral("helpdesk"), false));
    ASSERT_TRUE(waitForListLoaded(std::chrono::seconds(90)));
    expectExactlyEveryDevice();

    // Partitions were tried, then the whole list came page after page.
    const QList<RecordedRequest> requests = lists();
    EXPECT_GT(filtered(requests), 0);
    int unfilteredAnswered = 0;
    for (const RecordedRequest &r : requests)
        unfilteredAnswered += !r.query.contains(QStringLiteral("$filter")) && r.status == 200 ? 1 : 0;
    EXPECT_GE(unfilteredAnswered, kDevices / 1000);
}
