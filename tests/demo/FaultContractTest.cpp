// The demo tenant's fault knobs and /_demo/inject: each fault shows up as the client would see it,
// and the same seed gives the same fault sequence.
#include "DemoHttp.h"
#include "common/TestSupport.h"
#include "demo/FaultInjector.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

struct Outcome {
    int status;
    QNetworkReply::NetworkError error;
    bool parses;
    bool operator==(const Outcome &) const = default;
};

/// Sends n list requests and records what each looked like to the client.
QList<Outcome> sequence(DemoOptions options, int n)
{
    DemoTenant tenant(options);
    EXPECT_TRUE(tenant.start());
    DemoHttp http(tenant);
    const QByteArray token = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    QList<Outcome> out;
    for (int i = 0; i < n; ++i) {
        const HttpResult r = http.get(kDevices + QStringLiteral("?$top=50"), token);
        QJsonParseError error{};
        QJsonDocument::fromJson(r.body, &error);
        out.append({ r.status, r.error, error.error == QJsonParseError::NoError });
    }
    return out;
}

int countStatus(const QList<Outcome> &outcomes, int status)
{
    return static_cast<int>(std::count_if(
        outcomes.begin(), outcomes.end(), [&](const Outcome &o) { return o.status == status; }));
}

/// What a dropped connection looks like to a client: Qt reports the reset, or (when the reset races
/// the last bytes on a loaded machine) hands over a body shorter than the Content-Length the head
/// promised. Half a body under a Content-Length that matches it would be a complete answer instead.
bool cutShort(const HttpResult &r)
{
    return r.error != QNetworkReply::NoError
        || r.header("Content-Length") != QByteArray::number(r.body.size());
}

DemoOptions base()
{
    DemoOptions o;
    o.devices = 120;
    o.seed = 3;
    return o;
}

class Faults : public ::testing::Test {
protected:
    void SetUp() override
    {
        tenant = std::make_unique<DemoTenant>(base());
        ASSERT_TRUE(tenant->start());
        http = std::make_unique<DemoHttp>(*tenant);
        token = tenant->mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    }
    void inject(const QString &query)
    {
        ASSERT_EQ(http->post(QStringLiteral("/_demo/inject?") + query).status, 204);
    }
    std::unique_ptr<DemoTenant> tenant;
    std::unique_ptr<DemoHttp> http;
    QByteArray token;
};

} // namespace

TEST(FaultKnobs, Fault429IsReproducibleAndCarriesRetryAfter)
{
    DemoOptions o = base();
    o.fault429 = 0.5;
    const QList<Outcome> first = sequence(o, 30);
    EXPECT_EQ(first, sequence(o, 30));
    EXPECT_GT(countStatus(first, 429), 5);
    EXPECT_GT(countStatus(first, 200), 5);

    DemoTenant tenant(o);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);
    const QByteArray token = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    for (int i = 0; i < 30; ++i) {
        const HttpResult r = http.get(kDevices, token);
        if (r.status != 429)
            continue;
        EXPECT_EQ(r.header("Retry-After"), QByteArray("1"));
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("TooManyRequests"));
        EXPECT_EQ(
            error.value(QStringLiteral("innerError")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("429"));
        return;
    }
    ADD_FAILURE() << "no 429 seen";
}

TEST(FaultKnobs, NoRetryAfterDropsTheHeader)
{
    DemoOptions o = base();
    o.fault429 = 1.0;
    o.noRetryAfter = true;
    DemoTenant tenant(o);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);
    const HttpResult r
        = http.get(kDevices, tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1());
    EXPECT_EQ(r.status, 429);
    EXPECT_TRUE(r.header("Retry-After").isEmpty());
}

TEST(FaultKnobs, Fault503IsReproducible)
{
    DemoOptions o = base();
    o.fault503 = 0.4;
    const QList<Outcome> first = sequence(o, 30);
    EXPECT_EQ(first, sequence(o, 30));
    EXPECT_GT(countStatus(first, 503), 3);
    o.seed = 4;
    EXPECT_NE(first, sequence(o, 30));
}

TEST(FaultKnobs, SameSeedSameFaultSequence)
{
    // Drawn per Graph request in arrival order. (Over HTTP a dropped connection may be re-sent by the
    // client itself, QNAM does so, which shifts the client-side sequence; the server's is fixed.)
    DemoOptions o = base();
    o.fault429 = 0.1;
    o.fault503 = 0.1;
    o.faultDrop = 0.1;
    o.faultMalformed = 0.1;
    const auto draws = [](const DemoOptions &options) {
        keyturn::demo::FaultInjector injector(options);
        QList<keyturn::demo::Fault> out;
        for (int i = 0; i < 200; ++i)
            out.append(injector.next(kDevices));
        return out;
    };
    const auto first = draws(o);
    EXPECT_EQ(first, draws(o));
    for (auto f : { keyturn::demo::Fault::TooManyRequests, keyturn::demo::Fault::Unavailable,
             keyturn::demo::Fault::Drop, keyturn::demo::Fault::Malformed, keyturn::demo::Fault::None })
        EXPECT_GT(first.count(f), 5);
    o.seed = 4;
    EXPECT_NE(first, draws(o));
}

TEST(FaultKnobs, DropCutsTheConnection)
{
    DemoOptions o = base();
    o.faultDrop = 0.3;
    DemoTenant tenant(o);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);
    const QByteArray token = tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1();
    int failed = 0;
    for (int i = 0; i < 30; ++i) {
        const HttpResult r = http.get(kDevices + QStringLiteral("?$top=50"), token);
        if (cutShort(r)) {
            ++failed;
            EXPECT_TRUE(QJsonDocument::fromJson(r.body).isNull());
        } else {
            EXPECT_EQ(r.status, 200);
            EXPECT_FALSE(QJsonDocument::fromJson(r.body).isNull()) << "a whole answer parses";
        }
    }
    EXPECT_GT(failed, 2);
    int drops = 0;
    for (const auto &e : http.requests())
        drops += e.toObject().value(QStringLiteral("fault")).toString() == u"drop" ? 1 : 0;
    EXPECT_GE(drops, failed);
}

TEST(FaultKnobs, MalformedGives200ThatDoesNotParse)
{
    DemoOptions o = base();
    o.faultMalformed = 0.4;
    const QList<Outcome> first = sequence(o, 30);
    EXPECT_EQ(first, sequence(o, 30));
    EXPECT_EQ(countStatus(first, 200), 30);
    const auto broken = std::count_if(first.begin(), first.end(), [](const Outcome &x) { return !x.parses; });
    EXPECT_GT(broken, 3);
    EXPECT_LT(broken, 30);
}

TEST(FaultKnobs, LatencyDelaysGraphResponses)
{
    DemoOptions o = base();
    o.latencyMs = 300;
    DemoTenant tenant(o);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);
    QElapsedTimer timer;
    timer.start();
    EXPECT_EQ(
        http.get(kDevices, tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")).toLatin1()).status,
        200);
    EXPECT_GE(timer.elapsed(), 300);
}

TEST_F(Faults, InjectAppliesToTheNextMatchingRequestsOnly)
{
    inject(QStringLiteral("fault=429&match=managedDevices&count=2"));
    EXPECT_EQ(http->get(kDevices, token).status, 429);
    EXPECT_EQ(http->get(kDevices, token).status, 429);
    EXPECT_EQ(http->get(kDevices, token).status, 200);

    inject(QStringLiteral("fault=429-no-retry-after&match=nothing-matches-this"));
    EXPECT_EQ(http->get(kDevices, token).status, 200);

    inject(QStringLiteral("fault=503"));
    EXPECT_EQ(http->get(kDevices, token).status, 503);

    inject(QStringLiteral("fault=malformed"));
    const HttpResult malformed = http->get(kDevices, token);
    EXPECT_EQ(malformed.status, 200);
    EXPECT_TRUE(QJsonDocument::fromJson(malformed.body).isNull());

    inject(QStringLiteral("fault=drop&count=3")); // QNAM re-sends a dropped GET up to twice
    const HttpResult dropped = http->get(kDevices, token);
    EXPECT_TRUE(cutShort(dropped)) << dropped.body.size() << " bytes, Content-Length "
                                   << dropped.header("Content-Length").constData();
    EXPECT_TRUE(QJsonDocument::fromJson(dropped.body).isNull());

    const QJsonArray log = http->requests();
    ASSERT_GE(log.size(), 7);
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("fault")).toString(), QStringLiteral("429"));
    EXPECT_EQ(log.at(6).toObject().value(QStringLiteral("fault")).toString(), QStringLiteral("drop"));
    EXPECT_EQ(http->post(QStringLiteral("/_demo/inject?fault=teapot")).status, 400);
}

TEST_F(Faults, DroppedActionWasStillProcessedAndThrottledWasNot)
{
    const QJsonArray devices = http->get(kDevices + QStringLiteral("?$select=id,operatingSystem"), token)
                                   .json()
                                   .value(QStringLiteral("value"))
                                   .toArray();
    QString windows;
    for (const auto &v : devices) {
        if (v.toObject().value(QStringLiteral("operatingSystem")).toString() == u"Windows") {
            windows = v.toObject().value(QStringLiteral("id")).toString();
            break;
        }
    }
    ASSERT_FALSE(windows.isEmpty());
    const QString sync = kDevices + u'/' + windows + QStringLiteral("/syncDevice");

    inject(QStringLiteral("fault=429&match=syncDevice"));
    EXPECT_EQ(http->post(sync, {}, token).status, 429);
    EXPECT_TRUE(http->get(kDevices + u'/' + windows, token)
                    .json()
                    .value(QStringLiteral("deviceActionResults"))
                    .toArray()
                    .isEmpty());

    inject(QStringLiteral("fault=drop&match=syncDevice"));
    // QNAM may re-send after the drop on its own; the first POST counts. A POST answered 204 comes
    // back whole, so only the cut connection makes the client see a drop.
    const HttpResult droppedSync = http->post(sync, {}, token);
    EXPECT_TRUE(cutShort(droppedSync)) << droppedSync.status;
    const QJsonArray log = http->requests();
    bool droppedPost = false;
    for (const auto &e : log)
        droppedPost |= e.toObject().value(QStringLiteral("method")).toString() == u"POST"
            && e.toObject().value(QStringLiteral("fault")).toString() == u"drop";
    EXPECT_TRUE(droppedPost);
    EXPECT_EQ(http->get(kDevices + u'/' + windows, token)
                  .json()
                  .value(QStringLiteral("deviceActionResults"))
                  .toArray()
                  .size(),
        1);
}

TEST_F(Faults, HangNeverAnswersUntilTheClientGivesUp)
{
    inject(QStringLiteral("fault=hang&match=managedDevices"));
    const HttpResult hung = http->getUrl(http->url(kDevices), token, 700);
    EXPECT_EQ(hung.status, 0);
    EXPECT_EQ(hung.error, QNetworkReply::TimeoutError);
    EXPECT_EQ(http->get(kDevices, token).status, 200);
}

TEST_F(Faults, HugeIsAFiftyMegabytePageThatStillParses)
{
    inject(QStringLiteral("fault=huge&match=managedDevices&count=1"));
    const HttpResult r = http->get(kDevices + QStringLiteral("?$top=5"), token);
    EXPECT_EQ(r.status, 200);
    EXPECT_GE(r.body.size(), 50 * 1024 * 1024);
    EXPECT_EQ(r.header("Content-Length"), QByteArray::number(r.body.size()));
    EXPECT_EQ(r.json().value(QStringLiteral("value")).toArray().size(), 5);
    // Only the injected request is padded.
    EXPECT_LT(http->get(kDevices + QStringLiteral("?$top=5"), token).body.size(), 64 * 1024);
}

TEST_F(Faults, HtmlIsACaptivePortalPageThatNeverReachesTheTenant)
{
    const QString devicePath = kDevices + QLatin1Char('/')
        + http->get(kDevices + QStringLiteral("?$top=1"), token)
              .json()
              .value(QStringLiteral("value"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("id"))
              .toString();
    inject(QStringLiteral("fault=html&match=syncDevice&count=1"));
    const HttpResult r = http->post(devicePath + QStringLiteral("/syncDevice"), {}, token);
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.header("Content-Type").startsWith("text/html")) << r.header("Content-Type").constData();
    EXPECT_TRUE(r.body.contains("<html"));
    // The action was not recorded: the device shows no syncDevice result.
    const QJsonArray results
        = http->get(devicePath, token).json().value(QStringLiteral("deviceActionResults")).toArray();
    for (const auto &result : results)
        EXPECT_NE(
            result.toObject().value(QStringLiteral("actionName")).toString(), QStringLiteral("syncDevice"));
}

TEST_F(Faults, AdvancingTheClockExpiresAccessTokensWithGraphsMessage)
{
    EXPECT_EQ(http->get(kDevices + QStringLiteral("?$top=1"), token).status, 200);
    EXPECT_EQ(http->post(QStringLiteral("/_demo/advance-clock?seconds=7200")).status, 204);
    const HttpResult r = http->get(kDevices + QStringLiteral("?$top=1"), token);
    EXPECT_EQ(r.status, 401);
    const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("InvalidAuthenticationToken"));
    EXPECT_EQ(error.value(QStringLiteral("message")).toString(),
        QStringLiteral("Lifetime validation failed, the token is expired."));
    EXPECT_EQ(http->post(QStringLiteral("/_demo/advance-clock?seconds=-5")).status, 400);
    EXPECT_EQ(http->post(QStringLiteral("/_demo/advance-clock")).status, 400);
}

TEST_F(Faults, ForeignNextLinkPointsTheNextPageAtAnotherHost)
{
    inject(QStringLiteral("fault=foreign-next-link&match=managedDevices&count=1"));
    const QUrl next(http->get(kDevices + QStringLiteral("?$top=5"), token)
                        .json()
                        .value(QStringLiteral("@odata.nextLink"))
                        .toString());
    ASSERT_TRUE(next.isValid());
    EXPECT_EQ(next.host(), QStringLiteral("localhost"));
    EXPECT_EQ(next.port(), tenant->baseUrl().port());
    EXPECT_EQ(QUrl(http->get(kDevices + QStringLiteral("?$top=5"), token)
                       .json()
                       .value(QStringLiteral("@odata.nextLink"))
                       .toString())
                  .host(),
        tenant->baseUrl().host());
}

TEST_F(Faults, AnInjected429CarriesTheRetryAfterAskedFor)
{
    inject(QStringLiteral("fault=429&retry-after=120&match=managedDevices&count=1"));
    const auto throttled = http->get(QStringLiteral("/beta/deviceManagement/managedDevices?$top=5"), token);
    EXPECT_EQ(throttled.status, 429);
    EXPECT_EQ(throttled.header("Retry-After"), QByteArray("120"));
    const auto next = http->get(QStringLiteral("/beta/deviceManagement/managedDevices?$top=5"), token);
    EXPECT_EQ(next.status, 200);
    EXPECT_EQ(http->post(QStringLiteral("/_demo/inject?fault=429&retry-after=0")).status, 400);
    EXPECT_EQ(http->post(QStringLiteral("/_demo/inject?fault=429&retry-after=soon")).status, 400);
}
