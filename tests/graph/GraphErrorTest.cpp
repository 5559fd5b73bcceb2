#include "graph/GraphError.h"
#include "core/Utc.h"
#include "graph/RetryPolicy.h"

#include <gtest/gtest.h>

using keyturn::GraphError;
using keyturn::parseGraphError;
using keyturn::parseRetryAfter;

namespace {

// Bodies as WIRE.md shows them (the Intune message is a JSON document inside a JSON string).
const QByteArray kIntune400
    = R"({"error":{"code":"BadRequest","message":"{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 7b1b2c3d-0000-4000-8000-000000000001 - Url: https://fef.amsua0102.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices('abc')/microsoft.management.services.api.rotateFileVaultKey?api-version=2023-01-01\",\r\n  \"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}","innerError":{"date":"2025-03-04T05:06:07","request-id":"req-400","client-request-id":"cli-400"}}})";

const QByteArray kUnknownError403
    = R"({"error":{"code":"UnknownError","message":"{\"ErrorCode\":\"Forbidden\",\"Message\":\"{\\\"_version\\\":3,\\\"Message\\\":\\\"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 1234\\\",\\\"CustomApiErrorPhrase\\\":\\\"\\\",\\\"RetryAfter\\\":null}\",\"Target\":null,\"Arguments\":null,\"IsTransient\":false}","innerError":{"date":"2025-03-04T05:06:07","request-id":"req-403","client-request-id":"cli-403"}}})";

const QByteArray k429
    = R"({"error":{"code":"TooManyRequests","message":"Too many requests.","innerError":{"code":"429","status":"429","date":"2025-03-04T05:06:07","request-id":"req-429","client-request-id":"cli-429"}}})";

} // namespace

TEST(GraphErrorParse, IntuneNestedMessageGivesTheInnermostText)
{
    const GraphError e = parseGraphError(400, kIntune400);
    EXPECT_EQ(e.kind, GraphError::Kind::Http);
    EXPECT_EQ(e.httpStatus, 400);
    EXPECT_EQ(e.code, QStringLiteral("BadRequest"));
    EXPECT_TRUE(e.message.startsWith(QStringLiteral("An error has occurred - Operation ID")))
        << e.message.toStdString();
    EXPECT_FALSE(e.message.contains(QStringLiteral("_version")));
    EXPECT_EQ(e.requestId, QStringLiteral("req-400"));
    EXPECT_EQ(e.clientRequestId, QStringLiteral("cli-400"));
    EXPECT_EQ(e.date, QStringLiteral("2025-03-04T05:06:07"));
    EXPECT_FALSE(e.retryAfterSecs.has_value());
}

TEST(GraphErrorParse, TwiceNestedUnknownErrorGivesInnerCodeAndMessage)
{
    const GraphError e = parseGraphError(403, kUnknownError403);
    EXPECT_EQ(e.code, QStringLiteral("UnknownError"));
    EXPECT_EQ(e.innerCode, QStringLiteral("Forbidden"));
    EXPECT_TRUE(e.message.startsWith(QStringLiteral("An error has occurred"))) << e.message.toStdString();
    EXPECT_EQ(e.requestId, QStringLiteral("req-403"));
}

TEST(GraphErrorParse, PlainGraphMessageIsKeptAsIs)
{
    const QByteArray body
        = R"({"error":{"code":"Forbidden","message":"Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementManagedDevices.PrivilegedOperations.All","innerError":{"date":"d","request-id":"r","client-request-id":"c"}}})";
    const GraphError e = parseGraphError(403, body);
    EXPECT_EQ(e.code, QStringLiteral("Forbidden"));
    EXPECT_TRUE(e.message.endsWith(QStringLiteral("PrivilegedOperations.All")));
    EXPECT_TRUE(e.innerCode.isEmpty());
}

TEST(GraphErrorParse, ThrottlingReadsRetryAfterHeaderAndInnerError)
{
    const GraphError e = parseGraphError(429, k429, { { "Retry-After", "7" }, { "request-id", "hdr" } });
    EXPECT_EQ(e.code, QStringLiteral("TooManyRequests"));
    ASSERT_TRUE(e.retryAfterSecs.has_value());
    EXPECT_EQ(*e.retryAfterSecs, 7);
    EXPECT_EQ(e.requestId, QStringLiteral("req-429")); // the body wins over the header
}

TEST(GraphErrorParse, MissingBodyFieldsComeFromHeaders)
{
    const GraphError e = parseGraphError(503, QByteArray(),
        { { "request-id", "hdr-req" }, { "client-request-id", "hdr-cli" },
            { "Date", "Wed, 21 Oct 2015 07:28:00 GMT" } });
    EXPECT_EQ(e.kind, GraphError::Kind::Http);
    EXPECT_EQ(e.requestId, QStringLiteral("hdr-req"));
    EXPECT_EQ(e.clientRequestId, QStringLiteral("hdr-cli"));
    EXPECT_EQ(e.date, QStringLiteral("Wed, 21 Oct 2015 07:28:00 GMT"));
}

TEST(GraphErrorParse, MalformedBodyKeepsRawTextAndStatus)
{
    const GraphError e = parseGraphError(502, "<html>Bad gateway</html>");
    EXPECT_EQ(e.kind, GraphError::Kind::Http);
    EXPECT_EQ(e.httpStatus, 502);
    EXPECT_TRUE(e.code.isEmpty());
    EXPECT_EQ(e.message, QStringLiteral("<html>Bad gateway</html>"));
    const GraphError truncated = parseGraphError(400, R"({"error":{"code":"BadRe)");
    EXPECT_TRUE(truncated.code.isEmpty());
    EXPECT_TRUE(truncated.isError());
}

TEST(GraphErrorParse, SuccessIsNotAnError)
{
    EXPECT_FALSE(parseGraphError(200, "{}").isError());
}

TEST(GraphErrorParse, DetailsCarryEverythingSupportNeeds)
{
    const QString details = parseGraphError(400, kIntune400).details();
    for (const char *needle :
        { "400", "BadRequest", "req-400", "cli-400", "2025-03-04T05:06:07", "An error has occurred" })
        EXPECT_TRUE(details.contains(QLatin1String(needle))) << needle;
}

TEST(RetryAfter, SecondsAndHttpDate)
{
    const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), keyturn::utc());
    EXPECT_EQ(parseRetryAfter("120", now), 120);
    EXPECT_EQ(parseRetryAfter(" 0 ", now), 0);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0); // in the past: now
    EXPECT_FALSE(parseRetryAfter("soon", now).has_value());
    EXPECT_FALSE(parseRetryAfter("-5", now).has_value());
    EXPECT_FALSE(parseRetryAfter("", now).has_value());
}

TEST(Backoff, FullJitterStaysWithinTheExponentialCeiling)
{
    using namespace std::chrono_literals;
    using keyturn::retry::backoffDelay;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const auto ceiling = std::min<std::chrono::milliseconds>(30000ms, 500ms * (1 << (attempt - 1)));
        EXPECT_EQ(backoffDelay(attempt, 500ms, 30000ms, 0.0), 0ms);
        for (double r : { 0.1, 0.5, 0.999 }) {
            const auto d = backoffDelay(attempt, 500ms, 30000ms, r);
            EXPECT_LE(d, ceiling) << attempt;
            EXPECT_GE(d,
                std::chrono::milliseconds(static_cast<long>(static_cast<double>(ceiling.count()) * r) - 1));
        }
    }
    EXPECT_LE(backoffDelay(40, 500ms, 30000ms, 0.999), 30000ms);
    EXPECT_GT(backoffDelay(40, 500ms, 30000ms, 0.999), 29000ms);
}

TEST(RetryPolicyDecisions, ThrottlingAndGatewayErrorsAreRetryableOthersAreNot)
{
    using keyturn::retry::isRetryableStatus;
    EXPECT_TRUE(isRetryableStatus(429));
    EXPECT_TRUE(isRetryableStatus(503));
    EXPECT_TRUE(isRetryableStatus(504));
    for (int s : { 400, 401, 403, 404, 500, 501 })
        EXPECT_FALSE(isRetryableStatus(s)) << s;
    EXPECT_TRUE(keyturn::retry::isRetryableNetworkError(QNetworkReply::RemoteHostClosedError));
    EXPECT_FALSE(keyturn::retry::isRetryableNetworkError(QNetworkReply::HostNotFoundError));
    EXPECT_FALSE(keyturn::retry::isRetryableNetworkError(QNetworkReply::SslHandshakeFailedError));
}
