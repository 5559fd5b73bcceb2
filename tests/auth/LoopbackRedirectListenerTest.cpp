// The loopback listener as a browser and a hostile local process see it: only the matching
// GET /?code&state ends the wait; everything else is answered and the wait goes on.
#include "auth/LoopbackRedirectListener.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

using namespace keyturn;
using keyturn::test::waitUntil;

namespace {

/// Sends raw bytes on a fresh connection and returns everything answered before the close.
QByteArray rawExchange(
    quint16 port, const QByteArray &bytes, const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    waitUntil(
        [&] {
            return socket.state() == QAbstractSocket::ConnectedState
                || socket.error() != QAbstractSocket::UnknownSocketError;
        },
        std::chrono::seconds(5));
    if (socket.state() != QAbstractSocket::ConnectedState)
        return "<no connection>";
    socket.write(bytes);
    QByteArray answer;
    waitUntil(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        std::chrono::seconds(5));
    return answer + socket.readAll();
}

QByteArray get(quint16 port, const QByteArray &target, const QHostAddress &address = QHostAddress::LocalHost)
{
    return rawExchange(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n", address);
}

bool machineHasIpv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

struct Fixture {
    LoopbackRedirectListener listener;
    QSignalSpy codes{ &listener, &LoopbackRedirectListener::codeReceived };
    QSignalSpy failures{ &listener, &LoopbackRedirectListener::failed };
    QString state = QStringLiteral("expected-state-123");
    bool start() { return listener.start(state); }
};

} // namespace

TEST(LoopbackRedirectListener, BindsLoopbackAndUsesLocalhostRedirectUri)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    EXPECT_NE(f.listener.port(), 0);
    if (machineHasIpv6Loopback()) {
        EXPECT_TRUE(f.listener.isListeningOnIpv6());
    }
    EXPECT_EQ(
        f.listener.redirectUri().toString(), QStringLiteral("http://localhost:%1").arg(f.listener.port()));
}

TEST(LoopbackRedirectListener, MatchingCallbackRedirectsToResultPageThenCloses)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    const quint16 port = f.listener.port();
    const QByteArray answer = get(port, "/?code=the-code&state=expected-state-123");
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 302")) << answer.constData();
    EXPECT_TRUE(answer.contains("Location: /done\r\n"));
    EXPECT_TRUE(answer.contains("Cache-Control: no-store"));
    ASSERT_EQ(f.codes.size(), 1);
    EXPECT_EQ(f.codes.at(0).at(0).toString(), QStringLiteral("the-code"));

    const QByteArray page = get(port, "/done");
    EXPECT_TRUE(page.startsWith("HTTP/1.1 200")) << page.constData();
    EXPECT_TRUE(page.contains("Signed in"));
    EXPECT_TRUE(page.contains("Cache-Control: no-store"));
    EXPECT_FALSE(f.listener.isListening());
    EXPECT_EQ(f.failures.size(), 0);
}

TEST(LoopbackRedirectListener, WrongStateIsRefusedAndTheWaitContinues)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    const QByteArray forged = get(f.listener.port(), "/?code=attacker-code&state=forged");
    EXPECT_TRUE(forged.startsWith("HTTP/1.1 400")) << forged.constData();
    const QByteArray missing = get(f.listener.port(), "/?code=attacker-code");
    EXPECT_TRUE(missing.startsWith("HTTP/1.1 400"));
    const QByteArray forgedDenial = get(f.listener.port(), "/?error=access_denied&state=forged");
    EXPECT_TRUE(forgedDenial.startsWith("HTTP/1.1 400"));
    EXPECT_EQ(f.codes.size(), 0);
    EXPECT_EQ(f.failures.size(), 0);
    EXPECT_TRUE(f.listener.isListening());

    get(f.listener.port(), "/?code=real&state=expected-state-123");
    ASSERT_EQ(f.codes.size(), 1);
    EXPECT_EQ(f.codes.at(0).at(0).toString(), QStringLiteral("real"));
}

TEST(LoopbackRedirectListener, FaviconAndOtherPathsGet404)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    EXPECT_TRUE(get(f.listener.port(), "/favicon.ico").startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(get(f.listener.port(), "/done").startsWith("HTTP/1.1 404")); // no result yet
    EXPECT_TRUE(rawExchange(f.listener.port(), "POST /?code=c&state=expected-state-123 HTTP/1.1\r\n\r\n")
                    .startsWith("HTTP/1.1 404"));
    EXPECT_EQ(f.codes.size(), 0);
    EXPECT_TRUE(f.listener.isListening());
}

TEST(LoopbackRedirectListener, GarbageAndIdleExtraConnectionsDoNotDisturb)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    // Idle connections, like a browser's speculative preconnects, stay open meanwhile.
    QTcpSocket idle1, idle2;
    idle1.connectToHost(QHostAddress::LocalHost, f.listener.port());
    idle2.connectToHost(QHostAddress::LocalHost, f.listener.port());
    ASSERT_TRUE(waitUntil([&] {
        return idle1.state() == QAbstractSocket::ConnectedState
            && idle2.state() == QAbstractSocket::ConnectedState;
    }));
    const QByteArray tls = rawExchange(f.listener.port(), QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00", 8));
    EXPECT_TRUE(tls.startsWith("HTTP/1.1 400")) << tls.constData();
    EXPECT_TRUE(rawExchange(f.listener.port(), "\r\n\r\n").startsWith("HTTP/1.1 400"));
    EXPECT_TRUE(rawExchange(f.listener.port(), QByteArray(20000, 'A')).startsWith("HTTP/1.1 400"));
    EXPECT_TRUE(f.listener.isListening());

    get(f.listener.port(), "/?code=c1&state=expected-state-123");
    EXPECT_EQ(f.codes.size(), 1);
    // A second, late callback (a replay) is refused: one answer per sign-in.
    EXPECT_FALSE(get(f.listener.port(), "/?code=c2&state=expected-state-123").startsWith("HTTP/1.1 302"));
    EXPECT_EQ(f.codes.size(), 1);
}

TEST(LoopbackRedirectListener, AccessDeniedEndsTheWaitWithAnEscapedErrorPage)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    const QByteArray answer = get(f.listener.port(),
        "/?error=access_denied&error_description="
        "AADSTS65004%3A+User+declined+%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        "&state=expected-state-123");
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 302"));
    ASSERT_EQ(f.failures.size(), 1);
    const auto error = f.failures.at(0).at(0).value<AuthError>();
    EXPECT_EQ(error.kind, AuthError::Kind::Denied);
    EXPECT_EQ(error.error, QStringLiteral("access_denied"));
    EXPECT_TRUE(error.description.startsWith(QStringLiteral("AADSTS65004: User declined")));

    const QByteArray page = get(f.listener.port(), "/done");
    EXPECT_TRUE(page.startsWith("HTTP/1.1 200"));
    EXPECT_TRUE(page.contains("&lt;script&gt;"));
    EXPECT_FALSE(page.contains("<script>"));
    EXPECT_EQ(f.codes.size(), 0);
}

TEST(LoopbackRedirectListener, TimesOutAndStopsListening)
{
    Fixture f;
    f.listener.setTimeout(std::chrono::milliseconds(200));
    ASSERT_TRUE(f.start());
    const quint16 port = f.listener.port();
    ASSERT_TRUE(waitUntil([&] { return f.failures.size() == 1; }, std::chrono::seconds(5)));
    EXPECT_EQ(f.failures.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Timeout);
    EXPECT_FALSE(f.listener.isListening());
    // A late browser cannot deliver a code any more.
    EXPECT_EQ(get(port, "/?code=late&state=expected-state-123"), QByteArray("<no connection>"));
    EXPECT_EQ(f.codes.size(), 0);
}

TEST(LoopbackRedirectListener, Ipv6LoopbackIsTheSameListener)
{
    if (!machineHasIpv6Loopback())
        GTEST_SKIP() << "no IPv6 loopback on this machine";
    Fixture f;
    ASSERT_TRUE(f.start());
    EXPECT_TRUE(f.listener.isListeningOnIpv6());
    const quint16 port = f.listener.port();
    const QHostAddress v6 = QHostAddress::LocalHostIPv6;
    EXPECT_TRUE(get(port, "/favicon.ico", v6).startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(get(port, "/?code=forged&state=forged", v6).startsWith("HTTP/1.1 400"));
    const QByteArray answer = get(port, "/?code=the-code&state=expected-state-123", v6);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 302")) << answer.constData();
    ASSERT_EQ(f.codes.size(), 1);
    EXPECT_EQ(f.codes.at(0).at(0).toString(), QStringLiteral("the-code"));
    // One state machine: the answer is given, over either address.
    EXPECT_FALSE(get(port, "/?code=again&state=expected-state-123").startsWith("HTTP/1.1 302"));
    EXPECT_TRUE(get(port, "/done", v6).startsWith("HTTP/1.1 200"));
    EXPECT_FALSE(f.listener.isListening());
    EXPECT_EQ(f.codes.size(), 1);
}

TEST(LoopbackRedirectListener, ManyIdleConnectionsCannotBlockTheRedirect)
{
    Fixture f;
    ASSERT_TRUE(f.start());
    const int cap = LoopbackRedirectListener::maxConnections();
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < cap + 8; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, f.listener.port());
        // Accepted one by one, so "oldest" is well defined.
        ASSERT_TRUE(waitUntil([&] {
            return f.listener.connectionCount() == std::min(i + 1, cap)
                && idle.back()->state() == QAbstractSocket::ConnectedState;
        })) << i;
        EXPECT_LE(f.listener.connectionCount(), cap);
    }
    // The oldest idle connections were dropped for the newer ones.
    EXPECT_TRUE(waitUntil([&] {
        for (int i = 0; i < 8; ++i) {
            if (idle[static_cast<size_t>(i)]->state() != QAbstractSocket::UnconnectedState)
                return false;
        }
        return true;
    }));
    EXPECT_EQ(idle.back()->state(), QAbstractSocket::ConnectedState);

    const QByteArray answer = get(f.listener.port(), "/?code=the-code&state=expected-state-123");
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 302")) << answer.constData();
    ASSERT_EQ(f.codes.size(), 1);
    EXPECT_LE(f.listener.connectionCount(), cap);
}
