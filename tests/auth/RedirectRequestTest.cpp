// The loopback listener's request parser: the browser's redirect, favicon, garbage, partial data.
#include "auth/RedirectRequest.h"

#include <gtest/gtest.h>

using namespace keyturn;
using Kind = RedirectRequest::Kind;

TEST(RedirectRequest, ParsesTheAuthorizationResponse)
{
    const RedirectRequest r = parseRedirectRequest(
        "GET /?code=0.AAA-b_c%2B%2Fd&state=st-1&session_state=x HTTP/1.1\r\nHost: localhost:5000\r\n"
        "User-Agent: Mozilla\r\n\r\n");
    EXPECT_EQ(r.kind, Kind::Callback);
    EXPECT_EQ(r.code, QStringLiteral("0.AAA-b_c+/d"));
    EXPECT_EQ(r.state, QStringLiteral("st-1"));
    EXPECT_TRUE(r.error.isEmpty());
}

TEST(RedirectRequest, ParsesAnErrorResponseWithFormEncodedSpaces)
{
    const RedirectRequest r = parseRedirectRequest(
        "GET /?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent&state=s "
        "HTTP/1.1\r\n\r\n");
    EXPECT_EQ(r.kind, Kind::Callback);
    EXPECT_EQ(r.error, QStringLiteral("access_denied"));
    EXPECT_EQ(r.errorDescription, QStringLiteral("AADSTS65004: User declined to consent"));
    EXPECT_EQ(r.state, QStringLiteral("s"));
}

TEST(RedirectRequest, CallbackWithWrongStateIsStillParsedForTheListenerToRefuse)
{
    const RedirectRequest r = parseRedirectRequest("GET /?code=c&state=forged HTTP/1.1\r\n\r\n");
    EXPECT_EQ(r.kind, Kind::Callback);
    EXPECT_EQ(r.state, QStringLiteral("forged"));
}

TEST(RedirectRequest, OtherPathsAndMethodsAreNotCallbacks)
{
    EXPECT_EQ(parseRedirectRequest("GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n").kind, Kind::OtherPath);
    EXPECT_EQ(parseRedirectRequest("GET /favicon.ico?code=c&state=s HTTP/1.1\r\n\r\n").kind, Kind::OtherPath);
    EXPECT_EQ(parseRedirectRequest("GET / HTTP/1.1\r\n\r\n").kind, Kind::OtherPath);
    EXPECT_EQ(parseRedirectRequest("POST /?code=c&state=s HTTP/1.1\r\n\r\n").kind, Kind::OtherPath);
    const RedirectRequest done = parseRedirectRequest("GET /done HTTP/1.1\r\n\r\n");
    EXPECT_EQ(done.kind, Kind::OtherPath);
    EXPECT_EQ(done.path, QStringLiteral("/done"));
}

TEST(RedirectRequest, PartialRequestsWaitForMore)
{
    EXPECT_EQ(parseRedirectRequest("").kind, Kind::Incomplete);
    EXPECT_EQ(parseRedirectRequest("GE").kind, Kind::Incomplete);
    EXPECT_EQ(parseRedirectRequest("GET /?code=c&sta").kind, Kind::Incomplete);
    EXPECT_EQ(parseRedirectRequest("GET /?code=c&state=s HTTP/1.1\r\nHost: x\r\n").kind, Kind::Incomplete);
}

TEST(RedirectRequest, GarbageIsMalformed)
{
    EXPECT_EQ(
        parseRedirectRequest(QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7)).kind, Kind::Malformed); // TLS
    EXPECT_EQ(parseRedirectRequest("hello there\r\n\r\n").kind, Kind::Malformed);
    EXPECT_EQ(parseRedirectRequest("GET http://evil/ HTTP/1.1\r\n\r\n").kind, Kind::Malformed);
    EXPECT_EQ(parseRedirectRequest("GET /?a=b\x01 HTTP/1.1\r\n\r\n").kind, Kind::Malformed);
    EXPECT_EQ(parseRedirectRequest("GET /?a=b SPDY/3\r\n\r\n").kind, Kind::Malformed);
    EXPECT_EQ(parseRedirectRequest("GET /?" + QByteArray(kMaxRedirectRequestBytes + 10, 'a')).kind,
        Kind::Malformed);
}
