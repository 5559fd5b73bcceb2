// ODataFilter on its own: parse errors and the Intune quirks, without a server.
#include "demo/ODataFilter.h"

#include <gtest/gtest.h>

#include <QDateTime>

using keyturn::demo::DeviceRecord;
using keyturn::demo::ODataFilter;

namespace {
DeviceRecord mac(const char *name, bool company)
{
    DeviceRecord d;
    d.deviceName = name;
    d.operatingSystem = "macOS";
    d.company = company;
    d.serialNumber = "C02ABC";
    return d;
}
} // namespace

TEST(ODataFilter, SyntaxErrorsAreReported)
{
    for (const char *text : { "operatingSystem eq", "contains(deviceName 'x')", "operatingSystem eq 'macOS",
             "(operatingSystem eq 'x'", "operatingSystem has 'x'" }) {
        QString error;
        EXPECT_FALSE(ODataFilter::parse(QLatin1String(text), &error).has_value()) << text;
        EXPECT_FALSE(error.isEmpty()) << text;
    }
}

TEST(ODataFilter, EqIsCaseInsensitiveAndCombinesWithAnd)
{
    QString error;
    const auto f = ODataFilter::parse(
        QStringLiteral("OperatingSystem eq 'MACOS' and (ownerType eq 'company')"), &error);
    ASSERT_TRUE(f.has_value()) << qPrintable(error);
    EXPECT_FALSE(f->ignored());
    EXPECT_TRUE(f->matches(mac("MAC-1", true)));
    EXPECT_FALSE(f->matches(mac("MAC-2", false)));
}

TEST(ODataFilter, QuotesEscapeAndContainsIsCaseInsensitive)
{
    QString error;
    const auto f = ODataFilter::parse(QStringLiteral("contains(deviceName,'o''b')"), &error);
    ASSERT_TRUE(f.has_value());
    EXPECT_TRUE(f->matches(mac("BO'B-MAC", true)));
    EXPECT_FALSE(f->matches(mac("BOB-MAC", true)));
}

TEST(ODataFilter, QuirksMakeTheFilterANoOp)
{
    QString error;
    for (const char *text : { "operatingSystem eq 'iOS' or ownerType eq 'company'",
             "userPrincipalName eq 'a@b'", "contains(serialNumber,'C02')", "operatingSystem ne 'macOS'",
             "not (operatingSystem eq 'macOS')" }) {
        const auto f = ODataFilter::parse(QLatin1String(text), &error);
        ASSERT_TRUE(f.has_value()) << text;
        EXPECT_TRUE(f->ignored()) << text;
    }
    const auto sameProperty = ODataFilter::parse(
        QStringLiteral("operatingSystem eq 'iOS' or operatingSystem eq 'Android'"), &error);
    ASSERT_TRUE(sameProperty.has_value());
    EXPECT_FALSE(sameProperty->ignored());
    EXPECT_FALSE(sameProperty->matches(mac("MAC-1", true)));
}

namespace {
DeviceRecord enrolledAt(const char *iso)
{
    DeviceRecord d = mac("MAC-9", true);
    d.enrolledMs = QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
    d.lastSyncMs = d.enrolledMs + 86400000;
    return d;
}
} // namespace

TEST(ODataFilter, DateRangesAreHalfOpenAtWholeSeconds)
{
    QString error;
    const auto range = ODataFilter::parse(QStringLiteral("operatingSystem eq 'macOS' and enrolledDateTime ge "
                                                         "2024-01-01T00:00:00Z and enrolledDateTime lt "
                                                         "2024-02-01T00:00:00Z"),
        &error);
    ASSERT_TRUE(range.has_value()) << qPrintable(error);
    EXPECT_FALSE(range->ignored());
    EXPECT_TRUE(range->matches(enrolledAt("2024-01-01T00:00:00Z")));
    // The list shows whole seconds: 23:59:59.900 reads 23:59:59, before the bound.
    EXPECT_TRUE(range->matches(enrolledAt("2024-01-31T23:59:59.900Z")));
    EXPECT_FALSE(range->matches(enrolledAt("2024-02-01T00:00:00Z")));
    EXPECT_FALSE(range->matches(enrolledAt("2023-12-31T23:59:59.999Z")));

    const auto syncedAfter
        = ODataFilter::parse(QStringLiteral("lastSyncDateTime gt 2024-01-02T00:00:00Z"), &error);
    ASSERT_TRUE(syncedAfter.has_value());
    EXPECT_FALSE(syncedAfter->matches(enrolledAt("2024-01-01T00:00:00.500Z"))); // synced 01-02 00:00:00
    EXPECT_TRUE(syncedAfter->matches(enrolledAt("2024-01-01T00:00:01Z")));
    const auto syncedBy
        = ODataFilter::parse(QStringLiteral("lastSyncDateTime le 2024-01-02T00:00:00Z"), &error);
    ASSERT_TRUE(syncedBy.has_value());
    EXPECT_TRUE(syncedBy->matches(enrolledAt("2024-01-01T00:00:00.500Z")));
    EXPECT_FALSE(syncedBy->matches(enrolledAt("2024-01-01T00:00:01Z")));
}

TEST(ODataFilter, DateQuirksMakeTheFilterANoOp)
{
    QString error;
    for (const char *text :
        { "enrolledDateTime ne 2024-01-01T00:00:00Z", "enrolledDateTime eq 2024-01-01T00:00:00Z",
            "enrolledDateTime ge '2024-01-01T00:00:00Z'", "enrolledDateTime ge 2024-01-01T00:00:00",
            "complianceGracePeriodExpirationDateTime ge "
            "2024-01-01T00:00:00Z",
            "operatingSystem eq 'macOS' or enrolledDateTime ge 2024-01-01T00:00:00Z" }) {
        const auto f = ODataFilter::parse(QLatin1String(text), &error);
        ASSERT_TRUE(f.has_value()) << text << qPrintable(error);
        EXPECT_TRUE(f->ignored()) << text;
    }
}

TEST(ODataFilter, ATenantThatIgnoresDateRangesIgnoresTheWholeFilter)
{
    QString error;
    const QString text
        = QStringLiteral("operatingSystem eq 'Windows' and enrolledDateTime ge 2024-01-01T00:00:00Z");
    const auto honoured = ODataFilter::parse(text, &error);
    const auto ignoring = ODataFilter::parse(text, &error, { false });
    ASSERT_TRUE(honoured.has_value() && ignoring.has_value());
    EXPECT_FALSE(honoured->matches(enrolledAt("2024-03-01T00:00:00Z"))); // a Mac
    EXPECT_TRUE(ignoring->ignored());
    EXPECT_TRUE(ignoring->matches(enrolledAt("2020-03-01T00:00:00Z")));
    // Without a date comparison the same tenant filters as usual.
    EXPECT_FALSE(
        ODataFilter::parse(QStringLiteral("operatingSystem eq 'Windows'"), &error, { false })->ignored());
}
