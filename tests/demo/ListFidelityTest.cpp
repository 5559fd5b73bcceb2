// The demo tenant's device list and overview behave as WIRE.md records the real Intune ones: page-sized
// @odata.count, name-then-id order with keyset skip tokens, percent-encoded option names, next links
// from the Host header, lists that end early, and server time per page. Over real HTTP.
#include "DemoHttp.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

class ListFidelity : public ::testing::Test {
protected:
    void startTenant(const DemoOptions &options)
    {
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
        token = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    }

    /// Every page from the first request on: their JSON.
    QList<QJsonObject> pages(const QString &query, int limit = 200)
    {
        QList<QJsonObject> out;
        QUrl next = http->url(kDevices + query);
        while (next.isValid() && out.size() < limit) {
            const HttpResult r = http->getUrl(next, token);
            EXPECT_EQ(r.status, 200) << r.body.left(300).constData();
            if (r.status != 200)
                break;
            out.append(r.json());
            next = QUrl(out.last().value(QStringLiteral("@odata.nextLink")).toString());
        }
        return out;
    }

    static QJsonArray devicesOf(const QList<QJsonObject> &pageList)
    {
        QJsonArray all;
        for (const QJsonObject &page : pageList) {
            for (const auto &v : page.value(QStringLiteral("value")).toArray())
                all.append(v);
        }
        return all;
    }

    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
    QByteArray token;
};

DemoOptions withDevices(int devices)
{
    DemoOptions options;
    options.devices = devices;
    return options;
}

QString text(const QJsonValue &device, const char *property)
{
    return device.toObject().value(QLatin1String(property)).toString();
}

} // namespace

TEST_F(ListFidelity, CountIsThePageSizeOnEveryPage)
{
    startTenant(withDevices(23));
    const HttpResult one = http->get(kDevices + QStringLiteral("?$top=1&$select=id"), token);
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.json().value(QStringLiteral("@odata.count")).toInt(), 1);
    EXPECT_TRUE(one.json().contains(QStringLiteral("@odata.nextLink")));

    const QList<QJsonObject> all = pages(QStringLiteral("?$top=10&$select=id"));
    ASSERT_EQ(all.size(), 3);
    for (const QJsonObject &page : all)
        EXPECT_EQ(page.value(QStringLiteral("@odata.count")).toInt(),
            page.value(QStringLiteral("value")).toArray().size());
    EXPECT_EQ(all.last().value(QStringLiteral("@odata.count")).toInt(), 3);
    EXPECT_FALSE(all.last().contains(QStringLiteral("@odata.nextLink")));
}

TEST_F(ListFidelity, OverviewMatchesTheListAndCountsIpadsAsIos)
{
    startTenant(withDevices(400));
    const QJsonArray devices = devicesOf(pages(QStringLiteral("?$top=100&$select=id,operatingSystem")));
    ASSERT_EQ(devices.size(), 400);
    QHash<QString, int> byOs;
    for (const auto &d : devices)
        ++byOs[text(d, "operatingSystem")];
    ASSERT_GT(byOs.value(QStringLiteral("iPadOS")), 0);

    const HttpResult r = http->get(kOverview, token);
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QJsonObject overview = r.json();
    EXPECT_TRUE(overview.value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QStringLiteral("$metadata#deviceManagement/managedDeviceOverview/$entity")));
    EXPECT_FALSE(overview.value(QStringLiteral("id")).toString().isEmpty());
    EXPECT_TRUE(overview.value(QStringLiteral("managedDeviceModelsAndManufacturers")).isNull());
    EXPECT_TRUE(overview.contains(QStringLiteral("lastModifiedDateTime")));
    EXPECT_TRUE(overview.value(QStringLiteral("deviceExchangeAccessStateSummary")).isObject());
    EXPECT_EQ(overview.value(QStringLiteral("dualEnrolledDeviceCount")).toInt(), 0);
    const int enrolled = overview.value(QStringLiteral("enrolledDeviceCount")).toInt();
    EXPECT_EQ(enrolled, 400);
    EXPECT_EQ(overview.value(QStringLiteral("mdmEnrolledCount")).toInt(), 400);

    const QJsonObject os = overview.value(QStringLiteral("deviceOperatingSystemSummary")).toObject();
    int sum = 0;
    for (const char *platform : { "androidCount", "iosCount", "macOSCount", "windowsMobileCount",
             "windowsCount", "unknownCount", "linuxCount", "chromeOSCount" }) {
        ASSERT_TRUE(os.value(QLatin1String(platform)).isDouble()) << platform;
        sum += os.value(QLatin1String(platform)).toInt();
    }
    EXPECT_EQ(sum, enrolled);
    EXPECT_EQ(os.value(QStringLiteral("iosCount")).toInt(),
        byOs.value(QStringLiteral("iOS")) + byOs.value(QStringLiteral("iPadOS")));
    EXPECT_EQ(os.value(QStringLiteral("macOSCount")).toInt(), byOs.value(QStringLiteral("macOS")));
    EXPECT_EQ(os.value(QStringLiteral("windowsCount")).toInt(), byOs.value(QStringLiteral("Windows")));
    EXPECT_EQ(os.value(QStringLiteral("androidCount")).toInt(), byOs.value(QStringLiteral("Android")));
    EXPECT_EQ(os.value(QStringLiteral("androidFullyManagedCount")).toInt()
            + os.value(QStringLiteral("androidWorkProfileCount")).toInt()
            + os.value(QStringLiteral("androidCorporateWorkProfileCount")).toInt(),
        byOs.value(QStringLiteral("Android")));
    for (const char *zero : { "androidDedicatedCount", "androidDeviceAdminCount", "aospUserlessCount",
             "aospUserAssociatedCount" })
        EXPECT_EQ(os.value(QLatin1String(zero)).toInt(-1), 0) << zero;

    // The same checks as the list: a token, and a read scope.
    EXPECT_EQ(http->get(kOverview).status, 401);
    EXPECT_EQ(
        http->get(kOverview, tenant->mintAccessTokenForTests(QStringLiteral("readonly")).toLatin1()).status,
        200);
}

TEST_F(ListFidelity, ListIsOrderedByNameThenIdAcrossPagesWithKeysetSkipTokens)
{
    startTenant(withDevices(300));
    const QList<QJsonObject> all = pages(QStringLiteral("?$top=7&$select=id,deviceName"));
    const QJsonArray devices = devicesOf(all);
    ASSERT_EQ(devices.size(), 300);
    QSet<QString> ids;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        ids.insert(text(devices[i], "id"));
        if (i == 0)
            continue;
        const int byName
            = text(devices[i - 1], "deviceName").compare(text(devices[i], "deviceName"), Qt::CaseInsensitive);
        EXPECT_TRUE(byName < 0 || (byName == 0 && text(devices[i - 1], "id") < text(devices[i], "id")))
            << qPrintable(text(devices[i - 1], "deviceName")) << " before "
            << qPrintable(text(devices[i], "deviceName"));
    }
    EXPECT_EQ(ids.size(), 300);

    // The skip token names the last device of the page, percent-encoded, as Intune's does.
    const QString next = all.first().value(QStringLiteral("@odata.nextLink")).toString();
    const QString lastName = text(devices[6], "deviceName");
    const QString lastId = text(devices[6], "id");
    EXPECT_TRUE(next.contains(QStringLiteral("$skiptoken=LastDeviceName%3d%27") + lastName
        + QStringLiteral("%27%2cLastDeviceId%3d%27") + lastId + QStringLiteral("%27")))
        << qPrintable(next);
    EXPECT_TRUE(next.contains(QStringLiteral("$top=7")));
    EXPECT_TRUE(next.contains(QStringLiteral("$select=id,deviceName")));
}

TEST_F(ListFidelity, ForgedOrGarbledSkipTokensAre400)
{
    startTenant(withDevices(50));
    const QString next = http->get(kDevices + QStringLiteral("?$top=5&$select=id"), token)
                             .json()
                             .value(QStringLiteral("@odata.nextLink"))
                             .toString();
    const QString skip
        = QUrlQuery(QUrl(next)).queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
    ASSERT_TRUE(skip.startsWith(QStringLiteral("LastDeviceName='"))) << qPrintable(skip);
    EXPECT_EQ(http->getUrl(QUrl(next), token).status, 200);

    QString forged = skip;
    forged.replace(QStringLiteral("LastDeviceName='"), QStringLiteral("LastDeviceName='Z"));
    for (const QString &bad : { forged, skip.left(skip.size() - 3), QStringLiteral("garbage"), QString() }) {
        const HttpResult r = http->get(kDevices + QStringLiteral("?$top=5&$skiptoken=")
                + QString::fromLatin1(QUrl::toPercentEncoding(bad)),
            token);
        EXPECT_EQ(r.status, 400) << qPrintable(bad);
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("BadRequest"));
        EXPECT_EQ(error.value(QStringLiteral("message")).toString(), QStringLiteral("Invalid skip token."));
    }

    // Another tenant with the same seed and the same devices signs its tokens with another secret.
    DemoTenant other(withDevices(50));
    ASSERT_TRUE(other.start());
    DemoHttp otherHttp(other);
    QUrl elsewhere(next);
    elsewhere.setPort(other.baseUrl().port());
    EXPECT_EQ(
        otherHttp.getUrl(elsewhere, other.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1())
            .status,
        400);
}

TEST_F(ListFidelity, PercentEncodedOptionNamesWorkLikeTheDollarForms)
{
    startTenant(withDevices(200));
    const HttpResult r = http->get(kDevices
            + QStringLiteral(
                "?%24top=3&%24select=id,deviceName,operatingSystem&%24filter=operatingSystem%20eq%20'macOS'"),
        token);
    ASSERT_EQ(r.status, 200) << r.body.constData();
    const QJsonArray value = r.json().value(QStringLiteral("value")).toArray();
    ASSERT_EQ(value.size(), 3);
    for (const auto &d : value) {
        EXPECT_EQ(d.toObject().keys().size(), 3);
        EXPECT_EQ(text(d, "operatingSystem"), QStringLiteral("macOS"));
    }
    const QUrlQuery next(QUrl(r.json().value(QStringLiteral("@odata.nextLink")).toString()));
    EXPECT_EQ(next.queryItemValue(QStringLiteral("$top")), QStringLiteral("3"));
    EXPECT_EQ(next.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded),
        QStringLiteral("operatingSystem eq 'macOS'"));

    const QString skip = next.queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyEncoded);
    const HttpResult second
        = http->get(kDevices + QStringLiteral("?%24top=3&%24select=id&%24skiptoken=") + skip, token);
    ASSERT_EQ(second.status, 200) << second.body.constData();
    EXPECT_EQ(second.json().value(QStringLiteral("@odata.count")).toInt(), 3);
    EXPECT_NE(
        second.json().value(QStringLiteral("value")).toArray().first().toObject().value(QStringLiteral("id")),
        value.first().toObject().value(QStringLiteral("id")));
}

TEST_F(ListFidelity, NextLinkAndContextFollowTheHostHeader)
{
    startTenant(withDevices(30));
    const HttpResult r = http->get(
        kDevices + QStringLiteral("?$top=5"), token, { { "Host", "intune-proxy.example.test:8443" } });
    ASSERT_EQ(r.status, 200);
    const QUrl next(r.json().value(QStringLiteral("@odata.nextLink")).toString());
    EXPECT_EQ(next.scheme(), QStringLiteral("http"));
    EXPECT_EQ(next.host(), QStringLiteral("intune-proxy.example.test"));
    EXPECT_EQ(next.port(), 8443);
    EXPECT_EQ(next.path(), kDevices);
    EXPECT_TRUE(r.json()
                    .value(QStringLiteral("@odata.context"))
                    .toString()
                    .startsWith(QStringLiteral("http://intune-proxy.example.test:8443/beta/$metadata#")));

    // Without a Host override the link names the tenant as the client reached it.
    const QUrl plain(http->get(kDevices + QStringLiteral("?$top=5"), token)
                         .json()
                         .value(QStringLiteral("@odata.nextLink"))
                         .toString());
    EXPECT_EQ(plain.host(), tenant->baseUrl().host());
    EXPECT_EQ(plain.port(), tenant->baseUrl().port());
}

TEST_F(ListFidelity, UnfilteredListEndsEarlyWhileTheOverviewCountsAll)
{
    DemoOptions options = withDevices(60);
    options.endEarlyAfter = 25;
    startTenant(options);
    const QList<QJsonObject> all = pages(QStringLiteral("?$top=10&$select=id"));
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all.last().value(QStringLiteral("@odata.count")).toInt(), 5);
    EXPECT_FALSE(all.last().contains(QStringLiteral("@odata.nextLink")));
    EXPECT_EQ(devicesOf(all).size(), 25);
    EXPECT_EQ(http->get(kOverview, token).json().value(QStringLiteral("enrolledDeviceCount")).toInt(), 60);
    // A filtered list is complete.
    EXPECT_EQ(
        devicesOf(pages(QStringLiteral("?$top=10&$select=id&$filter=contains(deviceName,'-')"))).size(), 60);
}

TEST_F(ListFidelity, PageTimeDoesNotHoldUpOtherRequests)
{
    DemoOptions options = withDevices(40);
    options.pageMs = 1500;
    startTenant(options);
    QNetworkAccessManager nam;
    const auto send = [&](const QString &path) {
        QNetworkRequest request(http->url(path));
        request.setRawHeader("Authorization", "Bearer " + token);
        return nam.get(request);
    };
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *firstPage = send(kDevices + QStringLiteral("?$top=10"));
    QNetworkReply *secondPage = send(kDevices + QStringLiteral("?$top=20"));
    QNetworkReply *overview = send(kOverview);
    ASSERT_TRUE(waitUntil([&] { return overview->isFinished(); }));
    // The overview is not a list page: answered while both pages are still being "served".
    EXPECT_FALSE(firstPage->isFinished());
    EXPECT_FALSE(secondPage->isFinished());
    ASSERT_TRUE(waitUntil([&] { return firstPage->isFinished() && secondPage->isFinished(); }));
    const qint64 elapsed = timer.elapsed();
    EXPECT_GE(elapsed, 1400);
    EXPECT_LT(elapsed, 2900); // one after the other would take 3 s
    EXPECT_EQ(firstPage->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    EXPECT_EQ(secondPage->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete firstPage;
    delete secondPage;
    delete overview;
}

TEST_F(ListFidelity, DeepPagesOfALargeTenantAreFast)
{
    startTenant(withDevices(100000));
    QUrl next = http->url(kDevices + QStringLiteral("?$top=1000&$select=id,deviceName"));
    QString lastName;
    for (int page = 0; page < 100 && next.isValid(); ++page) {
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = http->getUrl(next, token);
        ASSERT_EQ(r.status, 200);
        EXPECT_LT(timer.elapsed(), 2000) << "page " << page;
        next = QUrl(r.json().value(QStringLiteral("@odata.nextLink")).toString());
        if (page == 99) {
            EXPECT_FALSE(next.isValid());
        }
    }
}

namespace {
QString filterQuery(const QString &filter)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$top"), QStringLiteral("100"));
    query.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,operatingSystem,enrolledDateTime"));
    query.addQueryItem(QStringLiteral("$filter"), filter);
    return u'?' + query.toString(QUrl::FullyEncoded);
}
} // namespace

TEST_F(ListFidelity, PlatformsSplitByHalfOpenEnrolmentRangesCoverEveryDeviceOnce)
{
    startTenant(withDevices(700));
    const QString windows = QStringLiteral("operatingSystem eq 'Windows'");
    const int windowsCount = http->get(kOverview, token)
                                 .json()
                                 .value(QStringLiteral("deviceOperatingSystemSummary"))
                                 .toObject()
                                 .value(QStringLiteral("windowsCount"))
                                 .toInt();
    ASSERT_GT(windowsCount, 100);
    // Devices enrolled over the last 2.5 years or so: a bound in the middle splits them.
    QDateTime boundTime = QDateTime::currentDateTimeUtc().addDays(-450);
    boundTime.setTime(QTime(boundTime.time().hour(), 0));
    const QString bound = boundTime.toString(Qt::ISODate);
    const QJsonArray before
        = devicesOf(pages(filterQuery(windows + QStringLiteral(" and enrolledDateTime lt ") + bound)));
    const QJsonArray after
        = devicesOf(pages(filterQuery(windows + QStringLiteral(" and enrolledDateTime ge ") + bound)));
    EXPECT_GT(before.size(), 0);
    EXPECT_GT(after.size(), 0);
    QSet<QString> ids;
    for (const auto &[range, isBefore] : { std::pair{ before, true }, std::pair{ after, false } }) {
        for (const auto &d : range) {
            ids.insert(text(d, "id"));
            EXPECT_EQ(text(d, "operatingSystem"), QStringLiteral("Windows"));
            EXPECT_EQ(QDateTime::fromString(text(d, "enrolledDateTime"), Qt::ISODate) < boundTime, isBefore);
        }
    }
    EXPECT_EQ(ids.size(), windowsCount);
    EXPECT_EQ(before.size() + after.size(), windowsCount);
}

TEST_F(ListFidelity, ATenantIgnoringDateFiltersReturnsEveryDevice)
{
    DemoOptions options = withDevices(300);
    options.ignoreDateFilters = true;
    startTenant(options);
    const QJsonArray all = devicesOf(pages(filterQuery(
        QStringLiteral("operatingSystem eq 'macOS' and enrolledDateTime ge 2099-01-01T00:00:00Z"))));
    EXPECT_EQ(all.size(), 300);
    const QJsonArray macs = devicesOf(pages(filterQuery(QStringLiteral("operatingSystem eq 'macOS'"))));
    EXPECT_GT(macs.size(), 0);
    EXPECT_LT(macs.size(), 300);
}

TEST_F(ListFidelity, ALaggingOverviewMissesTheNewestEnrolments)
{
    DemoOptions options = withDevices(300);
    options.overviewLag = 4;
    startTenant(options);
    const QJsonObject overview = http->get(kOverview, token).json();
    EXPECT_EQ(overview.value(QStringLiteral("enrolledDeviceCount")).toInt(), 296);
    const QJsonObject os = overview.value(QStringLiteral("deviceOperatingSystemSummary")).toObject();
    EXPECT_EQ(os.value(QStringLiteral("androidCount")).toInt() + os.value(QStringLiteral("iosCount")).toInt()
            + os.value(QStringLiteral("macOSCount")).toInt()
            + os.value(QStringLiteral("windowsCount")).toInt(),
        296);
    EXPECT_EQ(devicesOf(pages(filterQuery(QStringLiteral("contains(deviceName,'-')")))).size(), 300);
}
