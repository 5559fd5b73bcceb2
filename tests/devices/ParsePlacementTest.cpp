// Where list pages parse: on the worker until a rate is known, then right where they arrive only
// while a page is expected to take at most the inline budget.
#include "devices/ParsePlacement.h"

#include <gtest/gtest.h>

using keyturn::ParsePlacement;

namespace {
constexpr qsizetype kPage = 550'000; // about 1,000 selected devices
constexpr qint64 kMs = 1'000'000;

} // namespace

TEST(ParsePlacement, NothingParsesInlineBeforeARateIsKnown)
{
    const ParsePlacement placement;
    EXPECT_FALSE(placement.nsecsPerByte().has_value());
    EXPECT_FALSE(placement.parseInline(kPage));
    EXPECT_FALSE(placement.parseInline(1));
}

TEST(ParsePlacement, AFastParserTakesPagesInlineButNotOnesTooLargeForTheBudget)
{
    ParsePlacement placement;
    placement.record(kPage, 1 * kMs);
    EXPECT_TRUE(placement.parseInline(kPage));
    EXPECT_TRUE(placement.parseInline(2 * kPage)); // 2 ms: exactly the budget
    EXPECT_FALSE(placement.parseInline(3 * kPage)); // 3 ms
    EXPECT_FALSE(placement.parseInline(50 * 1024 * 1024)); // a 50 MB page
    EXPECT_FALSE(placement.parseInline(0));
}

TEST(ParsePlacement, ASlowParserStaysOnTheWorker)
{
    ParsePlacement placement;
    placement.record(kPage, 15 * kMs); // a sanitizer build, a slow machine
    EXPECT_FALSE(placement.parseInline(kPage));
    EXPECT_TRUE(placement.parseInline(kPage / 10)); // 1.5 ms
}

TEST(ParsePlacement, OneSlowPageDoesNotDecideAloneButSeveralDo)
{
    ParsePlacement placement;
    for (int i = 0; i < 4; ++i)
        placement.record(kPage, 1 * kMs);
    placement.record(kPage, 4 * kMs); // one busy moment
    EXPECT_TRUE(placement.parseInline(kPage));
    for (int i = 0; i < 4; ++i)
        placement.record(kPage, 4 * kMs);
    EXPECT_FALSE(placement.parseInline(kPage));
    for (int i = 0; i < 8; ++i)
        placement.record(kPage, 1 * kMs); // and back once pages are quick again
    EXPECT_TRUE(placement.parseInline(kPage));
}

TEST(ParsePlacement, EmptyOrImpossibleMeasurementsAreIgnored)
{
    ParsePlacement placement;
    placement.record(0, 5 * kMs);
    placement.record(kPage, -1);
    EXPECT_FALSE(placement.nsecsPerByte().has_value());
}
