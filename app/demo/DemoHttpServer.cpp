#include "demo/DemoHttpServer.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "demo/DemoTls.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslServer>
#endif

#include <cstring>
#include <iterator>
#include <mutex>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace keyturn::demo {

namespace {

QByteArray methodName(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

QLoggingCategory::CategoryFilter g_previousCategoryFilter = nullptr;

// QtHttpServer's debug output prints every request whole: its Authorization header and the
// authorize/token query strings. Keyturn never logs a token, so these categories stay quiet
// whatever the logging rules say (the tenant's own request log leaves the token out).
void quietHttpServerCategories(QLoggingCategory *category)
{
    if (g_previousCategoryFilter)
        g_previousCategoryFilter(category);
    if (std::strncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

DemoRequest toDemoRequest(const QHttpServerRequest &request)
{
    DemoRequest r;
    r.method = methodName(request);
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded);
    r.query = DemoRequest::parseQuery(url.query(QUrl::FullyEncoded));
    r.body = request.body();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QHttpHeaders headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView name = headers.nameAt(i);
        r.headers.append({ QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray() });
    }
#else
    r.headers = request.headers();
#endif
    return r;
}

// A listening server that records each connection as the HTTP layer takes it (QAbstractHttpServer
// calls nextPendingConnection for every one), so a fault can reach its request's socket.
template <typename Server> class ConnectionRecordingServer final : public Server {
public:
    ConnectionRecordingServer(QHash<quint16, QPointer<QTcpSocket>> *connections, QObject *parent)
        : Server(parent)
        , m_connections(connections)
    { }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Server::nextPendingConnection();
        if (socket) {
            for (auto it = m_connections->begin(); it != m_connections->end();)
                it = it.value().isNull() ? m_connections->erase(it) : std::next(it);
            m_connections->insert(socket->peerPort(), socket);
        }
        return socket;
    }

private:
    QHash<quint16, QPointer<QTcpSocket>> *m_connections;
};

} // namespace

DemoHttpServer::DemoHttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{
    static std::once_flag once;
    std::call_once(
        once, [] { g_previousCategoryFilter = QLoggingCategory::installFilter(quietHttpServerCategories); });
}

DemoHttpServer::~DemoHttpServer() = default;

bool DemoHttpServer::listenLocal(quint16 port, const DemoOptions &options, const Clock &clock,
    const TokenMinter &minter, QString *error, SecretLedger *ledger)
{
    QString scheme = QStringLiteral("http");
    if (options.servesHttps()) {
#if QT_CONFIG(ssl)
        // QSslServer hands the HTTP layer a QSslSocket once the handshake is done; as a QTcpSocket
        // it takes the same raw writes as plain http, so delays and drops behave the same.
        QString problem;
        const auto tls = loadServerTlsConfiguration(options.tlsCertificateFile, options.tlsKeyFile, &problem);
        if (!tls) {
            if (error)
                *error = problem;
            return false;
        }
        auto *sslServer = new ConnectionRecordingServer<QSslServer>(&m_connections, this);
        // HTTP/1.1 only: a fault's raw bytes are HTTP/1.1, and QtHttpServer 6.8 would offer HTTP/2.
        QSslConfiguration configuration = *tls;
        configuration.setAllowedNextProtocols({ QSslConfiguration::NextProtocolHttp1_1 });
        sslServer->setSslConfiguration(configuration);
        m_tcpServer = sslServer;
        scheme = QStringLiteral("https");
#else
        if (error)
            *error = tr("this build has no TLS support, so it cannot serve https");
        return false;
#endif
    } else {
        m_tcpServer = new ConnectionRecordingServer<QTcpServer>(&m_connections, this);
    }
    if (!m_tcpServer->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = m_tcpServer->errorString();
        delete m_tcpServer;
        m_tcpServer = nullptr;
        return false;
    }
    m_port = m_tcpServer->serverPort();
    QUrl base;
    base.setScheme(scheme);
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(m_port);
    m_baseUrl = base;
    m_router = std::make_unique<DemoRouter>(options, clock, base, minter, ledger);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!bind(m_tcpServer)) {
        if (error)
            *error = tr("the HTTP server could not take over the listening socket");
        return false;
    }
#else
    bind(m_tcpServer);
#endif
    qCInfo(lcDemo) << "demo tenant listening on" << base.toString();
    return true;
}

DemoHttpServer::Taken DemoHttpServer::take(const QHttpServerRequest &request, QTcpSocket *socket)
{
    struct Open {
        bool open = true;
        QMetaObject::Connection closed;
    };
    auto state = std::make_shared<Open>();
    ++m_unanswered;
    auto answered = [this, state] {
        if (!state->open)
            return;
        state->open = false;
        QObject::disconnect(state->closed);
        --m_unanswered;
    };
    // A client that gave up (closed the connection) waits for nothing any more.
    if (socket)
        state->closed = connect(socket, &QTcpSocket::disconnected, this, answered);
    Taken taken{ toDemoRequest(request), answered };
    taken.request.unanswered = m_unanswered;
    return taken;
}

void DemoHttpServer::afterDelay(int delayMs, std::function<void()> answered, std::function<void()> send)
{
    auto answer = [answered = std::move(answered), send = std::move(send)] {
        answered();
        send();
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, std::move(answer));
    else
        answer();
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)

bool DemoHttpServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QPointer<QTcpSocket> socket = m_connections.value(request.remotePort());
    const Taken taken = take(request, socket);
    const HttpResponse response = m_router->handle(taken.request);
    if (response.delivery == HttpResponse::Delivery::Hang) {
        taken.answered(); // never answered: not counted as waiting for its answer
        return true; // the responder goes away unused and the connection stays open
    }
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    if (response.delivery != HttpResponse::Delivery::Normal) {
        // The fault goes out by hand on the request's connection; the responder, held until then,
        // answers nothing.
        if (!socket)
            qCWarning(lcDemo) << "demo tenant: no connection for a fault's request; it stays unanswered";
        afterDelay(response.delayMs, taken.answered, [this, socket, response, held] {
            if (socket)
                deliver(socket, response);
        });
        return true;
    }
    afterDelay(response.delayMs, taken.answered, [held, response] {
        QHttpHeaders headers;
        for (const auto &h : response.headers)
            headers.append(h.first, h.second);
        held->write(response.body, headers, static_cast<QHttpServerResponder::StatusCode>(response.status));
    });
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

#else

bool DemoHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const Taken taken = take(request, socket);
    const HttpResponse response = m_router->handle(taken.request);
    if (response.delivery == HttpResponse::Delivery::Hang) {
        taken.answered(); // never answered: not counted as waiting for its answer
        return true;
    }
    const QPointer<QTcpSocket> guarded(socket);
    afterDelay(response.delayMs, taken.answered, [this, guarded, response] {
        if (guarded)
            deliver(guarded, response);
    });
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    HttpResponse response;
    response.status = 404;
    socket->write(response.serializedHead());
}

#endif

void DemoHttpServer::deliver(QTcpSocket *socket, const HttpResponse &response)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    switch (response.delivery) {
    case HttpResponse::Delivery::Normal:
        socket->write(response.serializedHead() + response.body);
        return;
    case HttpResponse::Delivery::AbortWithoutAnswer: {
        // A head promising a body that never comes. A close before a complete head would make QNAM
        // silently re-send the request on a new connection; the client must see the drop instead.
        HttpResponse head = response;
        head.status = 200;
        head.body = QByteArray(4096, ' ');
        socket->write(head.serializedHead());
        closeLater(socket);
        return;
    }
    case HttpResponse::Delivery::Hang:
        return;
    case HttpResponse::Delivery::TruncateAndAbort: {
        // The head and part of the body reach the client, then the connection goes away.
        const qsizetype part = std::min<qsizetype>(response.body.size() / 2, 64 * 1024);
        socket->write(response.serializedHead() + response.body.left(part));
        closeLater(socket);
        return;
    }
    }
}

void DemoHttpServer::closeLater(QTcpSocket *socket)
{
    // Close a moment later, once the client has read what was sent (and never inside handleRequest:
    // QtHttpServer still uses the request and socket afterwards).
    socket->flush();
    const QPointer<QTcpSocket> guarded(socket);
    QTimer::singleShot(50, this, [guarded] {
        if (guarded)
            guarded->abort();
    });
}

} // namespace keyturn::demo
