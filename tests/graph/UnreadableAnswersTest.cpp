// GraphClient against answers it must not read: bodies over the size limit (announced or streamed
// without a length) and 2xx answers that are not JSON. None is retried; a POST becomes "unknown".
#include "common/FakeGraphServer.h"
#include "common/TestSupport.h"
#include "graph/GraphClient.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <memory>

using namespace std::chrono_literals;
using keyturn::GraphClient;
using keyturn::GraphError;
using keyturn::GraphReply;
using keyturn::test::FakeGraphServer;
using keyturn::test::FakeRequest;
using keyturn::test::FakeResponse;
using keyturn::test::waitUntil;

namespace {

constexpr qint64 kLimit = 1024 * 1024;

class UnreadableAnswers : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        configure(server.root());
    }

    void configure(const QUrl &root)
    {
        ASSERT_TRUE(root.isValid());
        keyturn::GraphClientConfig config;
        config.graphRoot = root;
        config.maxAttempts = 4;
        config.transferTimeout = 10000ms;
        config.maxResponseBytes = kLimit;
        client.setConfig(config);
        client.setRandomSource([] { return 0.0; });
    }

    GraphReply *run(GraphReply *reply)
    {
        reply->setAutoDelete(false);
        reply->setParent(&owner);
        EXPECT_TRUE(waitUntil([reply] { return reply->isFinished(); }, 20s));
        return reply;
    }

    FakeResponse answer;
    FakeGraphServer server{ [this](const FakeRequest &) { return answer; } };
    QNetworkAccessManager nam;
    keyturn::StaticAccessTokenProvider tokens{ QStringLiteral("test-token") };
    keyturn::ManualClock clock;
    GraphClient client{ &nam, &tokens, clock };
    QObject owner;
};

FakeResponse portalPage()
{
    return FakeResponse{ FakeResponse::Kind::Answer, 200, { { "Content-Type", "text/html; charset=utf-8" } },
        "<html><body>Sign in to the guest network</body></html>" };
}

} // namespace

TEST_F(UnreadableAnswers, HtmlInsteadOfJsonOnAGetIsNamedAndNotRetried)
{
    answer = portalPage();
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Malformed);
    EXPECT_TRUE(reply->error().summary().contains(QLatin1String("text/html")))
        << reply->error().summary().toStdString();
    EXPECT_TRUE(reply->body().isEmpty());
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(UnreadableAnswers, HtmlInsteadOfJsonOnAPostIsAnUnknownOutcomeSentOnce)
{
    answer = portalPage();
    GraphReply *reply = run(client.post(QStringLiteral("deviceManagement/managedDevices/abc/syncDevice")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::OutcomeUnknown);
    EXPECT_TRUE(reply->error().details().contains(QLatin1String("text/html")));
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(UnreadableAnswers, JsonWithParametersAndEmptyAnswersAreAccepted)
{
    answer = FakeResponse::json(200, R"({"value":[]})");
    GraphReply *json = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_FALSE(json->error().isError()) << json->error().details().toStdString();
    answer = FakeResponse{ FakeResponse::Kind::Answer, 204, { { "Content-Type", "text/plain" } }, {} };
    GraphReply *noContent
        = run(client.post(QStringLiteral("deviceManagement/managedDevices/abc/syncDevice")));
    EXPECT_FALSE(noContent->error().isError()) << noContent->error().details().toStdString();
    EXPECT_EQ(noContent->httpStatus(), 204);
}

TEST_F(UnreadableAnswers, AnnouncedOversizedAnswerIsRefusedAndNotRetried)
{
    answer = FakeResponse::json(200, QByteArray(kLimit + 4096, ' ') + R"({"value":[]})");
    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Malformed);
    EXPECT_TRUE(reply->error().summary().contains(QLatin1String("larger than 1 MB")))
        << reply->error().summary().toStdString();
    EXPECT_TRUE(reply->body().isEmpty());
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(UnreadableAnswers, StreamedAnswerWithoutALengthIsCutOffAtTheLimit)
{
    // A server that streams JSON whitespace with no Content-Length, up to 64 MB, until the client hangs up.
    QTcpServer streamer;
    ASSERT_TRUE(streamer.listen(QHostAddress::LocalHost));
    qint64 written = 0;
    bool clientClosed = false;
    QObject::connect(&streamer, &QTcpServer::newConnection, &streamer, [&] {
        QTcpSocket *socket = streamer.nextPendingConnection();
        const QByteArray chunk(64 * 1024, ' ');
        auto pump = [socket, chunk, &written] {
            while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 256 * 1024
                && written < 64 * 1024 * 1024)
                written += socket->write(chunk);
        };
        auto request = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, pump, request] {
            const bool complete = request->contains("\r\n\r\n");
            request->append(socket->readAll());
            if (complete || !request->contains("\r\n\r\n"))
                return; // answered already, or the head is still arriving
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{");
            pump();
        });
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, &clientClosed] {
            clientClosed = true;
            socket->deleteLater();
        });
    });
    configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(streamer.serverPort())));

    GraphReply *reply = run(client.get(QStringLiteral("deviceManagement/managedDevices")));
    EXPECT_EQ(reply->error().kind, GraphError::Kind::Malformed);
    EXPECT_TRUE(reply->error().summary().contains(QLatin1String("larger than 1 MB")));
    EXPECT_TRUE(waitUntil([&] { return clientClosed; }, 10s)) << "the client kept the connection open";
    EXPECT_LT(written, 64 * 1024 * 1024) << "the client read the whole stream";
}
