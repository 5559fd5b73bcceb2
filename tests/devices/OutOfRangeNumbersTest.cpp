// Regression test for an input found by fuzzing (tests/fuzz): an @odata.count far
// outside qint64 used to be cast unchecked (undefined behaviour); the page now has no count.
#include "devices/DeviceListPage.h"

#include <gtest/gtest.h>

using namespace keyturn;

TEST(OutOfRangeNumbers, HugeODataCountIsIgnoredAndRowsStillParse)
{
    for (const char *count : { "1e300", "-1e300" }) {
        SCOPED_TRACE(count);
        const QByteArray body = QByteArray(R"({"@odata.count":)") + count
            + R"(,"value":[{"id":"d1","deviceName":"MAC-0001","operatingSystem":"macOS"}]})";
        const DevicePage page = parseDevicePage(body);
        ASSERT_TRUE(page.ok()) << page.error.toStdString();
        EXPECT_FALSE(page.count.has_value());
        ASSERT_EQ(page.records.size(), 1u);
        EXPECT_EQ(page.records.front().deviceName, QStringLiteral("MAC-0001"));
    }
    EXPECT_EQ(parseDevicePage(R"({"@odata.count":48210,"value":[]})").count, 48210);
}
