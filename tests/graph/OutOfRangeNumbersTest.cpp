// Regression test for an input found by fuzzing (tests/fuzz): Intune's nested
// "RetryAfter" was taken as is, so a negative or enormous value became the retry delay; it now has
// the same bounds as the Retry-After header (0 to 86400 seconds).
#include "graph/GraphError.h"

#include <gtest/gtest.h>

using namespace keyturn;

namespace {

QByteArray intuneError(const QByteArray &retryAfter)
{
    const QByteArray nested
        = R"({\"_version\":3,\"Message\":\"An error has occurred\",\"RetryAfter\":)" + retryAfter + "}";
    return R"({"error":{"code":"TooManyRequests","message":")" + nested + R"("}})";
}

} // namespace

TEST(OutOfRangeNumbers, NestedRetryAfterIsNeverNegativeNorMoreThanADay)
{
    EXPECT_EQ(parseGraphError(429, intuneError("30")).retryAfterSecs, 30);
    EXPECT_EQ(parseGraphError(429, intuneError("-5")).retryAfterSecs, 0);
    EXPECT_EQ(parseGraphError(429, intuneError("1000000000")).retryAfterSecs, 86400);
    EXPECT_EQ(parseGraphError(429, intuneError("1e300")).retryAfterSecs, 86400);
    EXPECT_EQ(parseGraphError(429, intuneError("null")).retryAfterSecs, std::nullopt);
    const GraphError error = parseGraphError(429, intuneError("-5"));
    EXPECT_EQ(error.message, QStringLiteral("An error has occurred"));
}
