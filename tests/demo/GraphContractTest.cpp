// Contract tests of the demo tenant's Intune Graph beta endpoints, over real HTTP on 127.0.0.1.
#include "DemoHttp.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

class GraphContract : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.devices = 2500;
        options.actionDelaySecs = 1;
        tenant = std::make_unique<DemoTenant>(options);
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
        helpdesk = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    }

    QJsonArray listAll(const QString &query, int *pages = nullptr)
    {
        QJsonArray all;
        QUrl next = http->url(kDevices + query);
        int count = 0;
        while (next.isValid() && count < 100) {
            const HttpResult r = http->getUrl(next, helpdesk);
            EXPECT_EQ(r.status, 200) << r.body.left(300).constData();
            if (r.status != 200)
                break;
            const QJsonObject page = r.json();
            for (const auto &v : page.value(QStringLiteral("value")).toArray())
                all.append(v);
            next = QUrl(page.value(QStringLiteral("@odata.nextLink")).toString());
            ++count;
        }
        if (pages)
            *pages = count;
        return all;
    }

    /// The first device whose listed properties satisfy pred.
    QJsonObject findDevice(const std::function<bool(const QJsonObject &)> &pred)
    {
        for (const auto &v : listAll(QString())) {
            if (pred(v.toObject()))
                return v.toObject();
        }
        return {};
    }

    QString errorMessage(const HttpResult &r) const
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }
    QString errorCode(const HttpResult &r) const
    {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }

    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
    QByteArray helpdesk;
};

bool isCorporateEncryptedMac(const QJsonObject &d)
{
    return d.value(QStringLiteral("operatingSystem")).toString() == u"macOS"
        && d.value(QStringLiteral("managedDeviceOwnerType")).toString() == u"company"
        && d.value(QStringLiteral("isEncrypted")).toBool();
}

} // namespace

TEST_F(GraphContract, PagesOf1000GiveEveryDeviceExactlyOnce)
{
    int pages = 0;
    const QJsonArray all = listAll(QStringLiteral("?$top=1000&$select=id,deviceName"), &pages);
    EXPECT_EQ(pages, 3);
    QSet<QString> ids;
    QSet<QString> names;
    for (const auto &v : all) {
        ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        names.insert(v.toObject().value(QStringLiteral("deviceName")).toString());
    }
    EXPECT_EQ(all.size(), 2500);
    EXPECT_EQ(ids.size(), 2500);
    EXPECT_EQ(names.size(), 2500);
}

TEST_F(GraphContract, ListPageShapeCarriesCountContextAndNextLinkKeepingQuery)
{
    const HttpResult r = http->get(
        kDevices + QStringLiteral("?$top=5&$select=id,deviceName&$filter=operatingSystem%20eq%20'macOS'"),
        helpdesk, { { "client-request-id", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" } });
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.header("Content-Type").startsWith("application/json; odata.metadata=minimal"));
    EXPECT_EQ(r.header("client-request-id"), QByteArray("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
    EXPECT_FALSE(r.header("request-id").isEmpty());
    EXPECT_FALSE(r.header("Date").isEmpty());
    const QJsonObject page = r.json();
    EXPECT_TRUE(page.value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QStringLiteral("managedDevices(id,deviceName)")));
    EXPECT_EQ(page.value(QStringLiteral("@odata.count")).toInt(), 5); // this page's size, not a total
    const QUrl next(page.value(QStringLiteral("@odata.nextLink")).toString());
    EXPECT_EQ(next.host(), QStringLiteral("127.0.0.1"));
    const QUrlQuery nextQuery(next);
    EXPECT_EQ(nextQuery.queryItemValue(QStringLiteral("$top")), QStringLiteral("5"));
    EXPECT_EQ(nextQuery.queryItemValue(QStringLiteral("$select")), QStringLiteral("id,deviceName"));
    EXPECT_EQ(nextQuery.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded),
        QStringLiteral("operatingSystem eq 'macOS'"));
    EXPECT_TRUE(nextQuery.hasQueryItem(QStringLiteral("$skiptoken")));
    const QJsonArray value = page.value(QStringLiteral("value")).toArray();
    ASSERT_EQ(value.size(), 5);
    EXPECT_EQ(
        value.first().toObject().keys(), (QStringList{ QStringLiteral("deviceName"), QStringLiteral("id") }));
}

TEST_F(GraphContract, ListItemsHaveListQuirks)
{
    const QJsonObject page = http->get(kDevices + QStringLiteral("?$top=200"), helpdesk).json();
    bool sawUserless = false;
    for (const auto &v : page.value(QStringLiteral("value")).toArray()) {
        const QJsonObject d = v.toObject();
        EXPECT_TRUE(d.value(QStringLiteral("deviceActionResults")).toArray().isEmpty());
        EXPECT_EQ(d.value(QStringLiteral("physicalMemoryInBytes")).toInteger(), 0);
        EXPECT_TRUE(d.value(QStringLiteral("hardwareInformation"))
                        .toObject()
                        .value(QStringLiteral("serialNumber"))
                        .isNull());
        EXPECT_EQ(d.value(QStringLiteral("easActivationDateTime")).toString(),
            QStringLiteral("0001-01-01T00:00:00Z"));
        if (d.value(QStringLiteral("userPrincipalName")).toString().isEmpty()) {
            EXPECT_TRUE(d.value(QStringLiteral("userPrincipalName")).isString());
            sawUserless = true;
        }
    }
    EXPECT_TRUE(sawUserless);
}

TEST_F(GraphContract, UnknownSelectPropertyIs400)
{
    const HttpResult r = http->get(kDevices + QStringLiteral("?$select=id,nonsense"), helpdesk);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(errorCode(r), QStringLiteral("BadRequest"));
    EXPECT_EQ(errorMessage(r),
        QStringLiteral(
            "Could not find a property named 'nonsense' on type 'microsoft.graph.managedDevice'."));
}

TEST_F(GraphContract, EachSupportedFilterSelectsExactlyTheMatchingDevices)
{
    const QJsonArray all = listAll(QStringLiteral(
        "?$select=id,operatingSystem,managedDeviceOwnerType,complianceState,serialNumber,deviceName"));
    ASSERT_EQ(all.size(), 2500);
    const auto expectFilter
        = [&](const QString &filter, const std::function<bool(const QJsonObject &)> &pred) {
              QSet<QString> expected;
              for (const auto &v : all) {
                  if (pred(v.toObject()))
                      expected.insert(v.toObject().value(QStringLiteral("id")).toString());
              }
              QSet<QString> got;
              for (const auto &v : listAll(QStringLiteral("?$select=id&$filter=")
                       + QString::fromLatin1(QUrl::toPercentEncoding(filter))))
                  got.insert(v.toObject().value(QStringLiteral("id")).toString());
              EXPECT_FALSE(expected.isEmpty()) << qPrintable(filter);
              EXPECT_EQ(got, expected) << qPrintable(filter);
          };
    const auto prop
        = [](const QJsonObject &d, const char *name) { return d.value(QLatin1String(name)).toString(); };
    expectFilter(QStringLiteral("operatingSystem eq 'macOS'"),
        [&](const QJsonObject &d) { return prop(d, "operatingSystem") == u"macOS"; });
    // Any case, and beside another condition, as Graph compares it.
    expectFilter(QStringLiteral("complianceState eq 'compliant' and operatingSystem eq 'WINDOWS'"),
        [&](const QJsonObject &d) {
            return prop(d, "operatingSystem") == u"Windows" && prop(d, "complianceState") == u"compliant";
        });
    expectFilter(QStringLiteral("managedDeviceOwnerType eq 'personal'"),
        [&](const QJsonObject &d) { return prop(d, "managedDeviceOwnerType") == u"personal"; });
    expectFilter(QStringLiteral("ownerType eq 'company'"),
        [&](const QJsonObject &d) { return prop(d, "managedDeviceOwnerType") == u"company"; });
    expectFilter(QStringLiteral("complianceState eq 'noncompliant'"),
        [&](const QJsonObject &d) { return prop(d, "complianceState") == u"noncompliant"; });
    const QString serial = all.at(17).toObject().value(QStringLiteral("serialNumber")).toString();
    expectFilter(QStringLiteral("serialNumber eq '%1'").arg(serial),
        [&](const QJsonObject &d) { return prop(d, "serialNumber") == serial; });
    expectFilter(QStringLiteral("contains(deviceName,'mac-00')"),
        [&](const QJsonObject &d) { return prop(d, "deviceName").contains(QStringLiteral("MAC-00")); });
    // startswith behaves like contains: "AC-01" is in the middle of MAC-01xx.
    expectFilter(QStringLiteral("startswith(deviceName,'AC-01')"),
        [&](const QJsonObject &d) { return prop(d, "deviceName").contains(QStringLiteral("AC-01")); });
    expectFilter(QStringLiteral("operatingSystem eq 'macOS' and managedDeviceOwnerType eq 'company'"),
        [&](const QJsonObject &d) {
            return prop(d, "operatingSystem") == u"macOS" && prop(d, "managedDeviceOwnerType") == u"company";
        });
    expectFilter(
        QStringLiteral("operatingSystem eq 'iOS' or operatingSystem eq 'iPadOS'"), [&](const QJsonObject &d) {
            return prop(d, "operatingSystem") == u"iOS" || prop(d, "operatingSystem") == u"iPadOS";
        });
    // Quirks: or across properties and unsupported properties are ignored: every device.
    expectFilter(QStringLiteral("operatingSystem eq 'macOS' or complianceState eq 'compliant'"),
        [](const QJsonObject &) { return true; });
    expectFilter(QStringLiteral("isEncrypted eq true"), [](const QJsonObject &) { return true; });
}

TEST_F(GraphContract, OrderbyAndCountAreAccepted)
{
    const HttpResult r = http->get(
        kDevices + QStringLiteral("?$top=3&$orderby=deviceName%20desc&$count=true&$select=id"), helpdesk);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.json().value(QStringLiteral("@odata.count")).toInt(), 3); // the page, even with $count
}

TEST_F(GraphContract, TamperedSkipTokenIs400)
{
    const QJsonObject page = http->get(kDevices + QStringLiteral("?$top=10&$select=id"), helpdesk).json();
    QString next = page.value(QStringLiteral("@odata.nextLink")).toString();
    next.replace(QStringLiteral("$skiptoken="), QStringLiteral("$skiptoken=X"));
    EXPECT_EQ(http->getUrl(QUrl(next), helpdesk).status, 400);
}

TEST_F(GraphContract, MissingExpiredAndForgedTokensAre401)
{
    const HttpResult none = http->get(kDevices);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(errorCode(none), QStringLiteral("InvalidAuthenticationToken"));
    EXPECT_EQ(errorMessage(none), QStringLiteral("Access token is empty."));
    EXPECT_TRUE(none.header("WWW-Authenticate").startsWith("Bearer realm=\"\""));
    EXPECT_FALSE(none.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("innerError"))
                     .toObject()
                     .value(QStringLiteral("request-id"))
                     .toString()
                     .isEmpty());

    const QByteArray expired = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk"), -60).toLatin1();
    const HttpResult old = http->get(kDevices, expired);
    EXPECT_EQ(old.status, 401);
    EXPECT_EQ(errorMessage(old), QStringLiteral("Lifetime validation failed, the token is expired."));

    QByteArray forged = helpdesk;
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_EQ(http->get(kDevices, forged).status, 401);

    // Another tenant with the same (public) seed signs with its own secret: its tokens do not work here.
    DemoTenant other{ DemoOptions() };
    EXPECT_EQ(
        http->get(kDevices, other.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1()).status,
        401);
}

TEST_F(GraphContract, UnknownIdIs404AndMalformedIdIs400)
{
    const HttpResult missing
        = http->get(kDevices + QStringLiteral("/0f0f0f0f-0000-4000-8000-000000000000"), helpdesk);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(errorCode(missing), QStringLiteral("ResourceNotFound"));
    const QJsonObject nested = QJsonDocument::fromJson(errorMessage(missing).toUtf8()).object();
    EXPECT_EQ(nested.value(QStringLiteral("_version")).toInt(), 3);
    EXPECT_TRUE(nested.value(QStringLiteral("Message"))
                    .toString()
                    .startsWith(QStringLiteral("An error has occurred")));

    EXPECT_EQ(http->get(kDevices + QStringLiteral("/not-a-guid"), helpdesk).status, 400);
    EXPECT_EQ(
        http->post(kDevices + QStringLiteral("/0f0f0f0f-0000-4000-8000-000000000000/rotateFileVaultKey"), {},
                helpdesk)
            .status,
        404);
}

TEST_F(GraphContract, RotateOnCorporateEncryptedMacIsPendingThenDone)
{
    // Pick a corporate encrypted Mac whose key is escrowed (getFileVaultKey answers).
    QString id;
    for (const auto &v : listAll(QString())) {
        if (!isCorporateEncryptedMac(v.toObject()))
            continue;
        const QString candidate = v.toObject().value(QStringLiteral("id")).toString();
        if (http->get(kDevices + u'/' + candidate + QStringLiteral("/getFileVaultKey()"), helpdesk).status
            == 200) {
            id = candidate;
            break;
        }
    }
    ASSERT_FALSE(id.isEmpty());
    const QString keyBefore
        = http->get(kDevices + u'/' + id + QStringLiteral("/microsoft.graph.getFileVaultKey()"), helpdesk)
              .json()
              .value(QStringLiteral("value"))
              .toString();

    const HttpResult sent
        = http->post(kDevices + u'/' + id + QStringLiteral("/rotateFileVaultKey"), {}, helpdesk);
    EXPECT_EQ(sent.status, 204);
    EXPECT_TRUE(sent.body.isEmpty());

    const auto rotateState = [&] {
        const QJsonObject device = http->get(kDevices + u'/' + id, helpdesk).json();
        for (const auto &r : device.value(QStringLiteral("deviceActionResults")).toArray()) {
            if (r.toObject().value(QStringLiteral("actionName")).toString() == u"rotateFileVaultKey")
                return r.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject pending = rotateState();
    EXPECT_EQ(pending.value(QStringLiteral("actionState")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(pending.value(QStringLiteral("@odata.type")).toString(),
        QStringLiteral("#microsoft.graph.deviceActionResult"));
    EXPECT_FALSE(pending.value(QStringLiteral("startDateTime")).toString().isEmpty());

    EXPECT_TRUE(
        waitUntil([&] { return rotateState().value(QStringLiteral("actionState")).toString() == u"done"; },
            std::chrono::seconds(5)));
    const QString keyAfter = http->get(kDevices + u'/' + id + QStringLiteral("/getFileVaultKey()"), helpdesk)
                                 .json()
                                 .value(QStringLiteral("value"))
                                 .toString();
    EXPECT_NE(keyAfter, keyBefore);

    const QJsonArray log = http->requests();
    int posts = 0;
    for (const auto &e : log) {
        if (e.toObject().value(QStringLiteral("method")).toString() == u"POST")
            ++posts;
    }
    EXPECT_EQ(posts, 1);
}

TEST_F(GraphContract, SingleDeviceHasHardwareInformation)
{
    const QJsonObject windows = findDevice([](const QJsonObject &d) {
        return d.value(QStringLiteral("operatingSystem")).toString() == u"Windows";
    });
    const QJsonObject device
        = http->get(kDevices + u'/' + windows.value(QStringLiteral("id")).toString(), helpdesk).json();
    EXPECT_TRUE(
        device.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("$entity")));
    EXPECT_EQ(device.value(QStringLiteral("deviceName")), windows.value(QStringLiteral("deviceName")));
    EXPECT_EQ(device.value(QStringLiteral("hardwareInformation"))
                  .toObject()
                  .value(QStringLiteral("serialNumber"))
                  .toString(),
        windows.value(QStringLiteral("serialNumber")).toString());
    EXPECT_GT(device.value(QStringLiteral("physicalMemoryInBytes")).toInteger(), 0);
}

TEST_F(GraphContract, RotateOnWindowsOrPersonalMacIs400WithNestedIntuneMessage)
{
    const QJsonObject windows = findDevice([](const QJsonObject &d) {
        return d.value(QStringLiteral("operatingSystem")).toString() == u"Windows";
    });
    const QJsonObject personalMac = findDevice([](const QJsonObject &d) {
        return d.value(QStringLiteral("operatingSystem")).toString() == u"macOS"
            && d.value(QStringLiteral("managedDeviceOwnerType")).toString() == u"personal";
    });
    for (const QJsonObject &d : { windows, personalMac }) {
        const QString id = d.value(QStringLiteral("id")).toString();
        ASSERT_FALSE(id.isEmpty());
        const HttpResult r = http->post(
            kDevices + u'/' + id + QStringLiteral("/microsoft.graph.rotateFileVaultKey"), {}, helpdesk);
        EXPECT_EQ(r.status, 400);
        EXPECT_EQ(errorCode(r), QStringLiteral("BadRequest"));
        const QJsonObject nested = QJsonDocument::fromJson(errorMessage(r).toUtf8()).object();
        EXPECT_TRUE(nested.value(QStringLiteral("Message")).toString().contains(id));
        EXPECT_TRUE(nested.contains(QStringLiteral("CustomApiErrorPhrase")));
        EXPECT_TRUE(http->get(kDevices + u'/' + id, helpdesk)
                        .json()
                        .value(QStringLiteral("deviceActionResults"))
                        .toArray()
                        .isEmpty());
    }
    // The Windows actions do apply to the Windows device.
    const QString windowsId = windows.value(QStringLiteral("id")).toString();
    EXPECT_EQ(
        http->post(kDevices + u'/' + windowsId + QStringLiteral("/rotateLocalAdminPassword"), {}, helpdesk)
            .status,
        204);
    EXPECT_EQ(
        http->post(kDevices + u'/' + windowsId + QStringLiteral("/syncDevice"), {}, helpdesk).status, 204);
    EXPECT_EQ(
        http->post(kDevices + u'/' + windowsId + QStringLiteral("/shutDown"), {}, helpdesk).status, 400);
}

TEST_F(GraphContract, ReadOnlyTokenGets403WithGraphScopeMessage)
{
    const QByteArray readonly = tenant->mintAccessTokenForTests(QStringLiteral("readonly")).toLatin1();
    const QJsonObject mac = findDevice(isCorporateEncryptedMac);
    EXPECT_EQ(http->get(kDevices + QStringLiteral("?$top=1"), readonly).status, 200);
    const HttpResult r = http->post(
        kDevices + u'/' + mac.value(QStringLiteral("id")).toString() + QStringLiteral("/rotateFileVaultKey"),
        {}, readonly);
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(errorCode(r), QStringLiteral("Forbidden"));
    EXPECT_EQ(errorMessage(r),
        QStringLiteral("Application is not authorized to perform this operation. Application must have one "
                       "of the following scopes: DeviceManagementManagedDevices.PrivilegedOperations.All"));
}

TEST_F(GraphContract, ComanagedAliasRotatesToo)
{
    const QJsonObject mac = findDevice(isCorporateEncryptedMac);
    const HttpResult r = http->post(QStringLiteral("/beta/deviceManagement/comanagedDevices/")
            + mac.value(QStringLiteral("id")).toString() + QStringLiteral("/rotateFileVaultKey"),
        {}, helpdesk);
    EXPECT_EQ(r.status, 204);
}

TEST_F(GraphContract, DeletedDeviceIs404AndLeavesTheList)
{
    const QJsonObject first = http->get(kDevices + QStringLiteral("?$top=1&$select=id"), helpdesk).json();
    const QString id = first.value(QStringLiteral("value"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    EXPECT_EQ(http->post(QStringLiteral("/_demo/devices/%1/delete").arg(id)).status, 204);
    EXPECT_EQ(http->get(kDevices + u'/' + id, helpdesk).status, 404);
    const QJsonObject after = http->get(kDevices + QStringLiteral("?$top=1&$select=id"), helpdesk).json();
    EXPECT_EQ(
        http->get(kOverview, helpdesk).json().value(QStringLiteral("enrolledDeviceCount")).toInt(), 2499);
    EXPECT_NE(after.value(QStringLiteral("value"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString(),
        id);
}

TEST(DemoData, SameSeedSameDevicesOtherSeedOthers)
{
    const auto names = [](quint32 seed) {
        DemoOptions options;
        options.devices = 300;
        options.seed = seed;
        DemoTenant tenant(options);
        EXPECT_TRUE(tenant.start());
        DemoHttp http(tenant);
        const QByteArray token = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
        QStringList out;
        for (const auto &v :
            http.get(kDevices + QStringLiteral("?$select=id,deviceName,serialNumber,operatingSystem"), token)
                .json()
                .value(QStringLiteral("value"))
                .toArray())
            out.append(QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
        return out;
    };
    const QStringList a = names(5);
    EXPECT_EQ(a.size(), 300);
    EXPECT_EQ(a, names(5));
    EXPECT_NE(a, names(6));
    int macs = 0, windows = 0;
    for (const QString &s : a) {
        macs += s.contains(QStringLiteral("\"macOS\"")) ? 1 : 0;
        windows += s.contains(QStringLiteral("\"Windows\"")) ? 1 : 0;
    }
    EXPECT_GT(windows, 90); // ~40%
    EXPECT_GT(macs, 60); // ~30%
}
