// ODataFilter on its own: parse errors and the Intune quirks, without a server.
#include "demo/ODataFilter.h"

#include <gtest/gtest.h>

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
