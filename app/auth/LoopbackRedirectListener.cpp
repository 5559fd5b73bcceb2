#include "auth/LoopbackRedirectListener.h"

#include "auth/RedirectRequest.h"
#include "core/Logging.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace keyturn {

namespace {

const QString kResultPath = QStringLiteral("/done");
constexpr int kConnectionIdleMs = 10'000;
constexpr int kResultPageGraceMs = 30'000;
constexpr int kBindAttempts = 5;

QString page(const QString &title, const QString &text)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:sans-serif;margin:4em auto;max-width:36em;}</style>"
                          "</head><body><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_server6(new QTcpServer(this))
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        finishWithError(AuthError::make(AuthError::Kind::Timeout));
        close();
    });
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &LoopbackRedirectListener::close);
    for (QTcpServer *server : { m_server, m_server6 })
        connect(server, &QTcpServer::newConnection, this, [this, server] { onNewConnection(server); });
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::start(const QString &expectedState)
{
    m_expectedState = expectedState;
    m_haveResult = false;
    for (int attempt = 0; attempt < kBindAttempts; ++attempt) {
        bool retry = false;
        if (bindBoth(attempt == 0 ? m_preferredPort : quint16(0), &retry)) {
            m_timeoutTimer.start(m_timeout);
            qCInfo(lcAuth) << "waiting for the browser on port" << port()
                           << (isListeningOnIpv6() ? "(127.0.0.1 and [::1])" : "(127.0.0.1 only)");
            return true;
        }
        if (!retry)
            break;
    }
    qCWarning(lcAuth) << "cannot listen on the loopback addresses";
    return false;
}

bool LoopbackRedirectListener::bindBoth(quint16 port, bool *retry)
{
    m_server->close();
    m_server6->close();
    *retry = true;
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qCInfo(lcAuth) << "cannot listen on 127.0.0.1:" << port << m_server->errorString();
        *retry = m_server->serverError() == QAbstractSocket::AddressInUseError || port != 0;
        return false;
    }
    const quint16 bound = m_server->serverPort();
    if (m_server6->listen(QHostAddress::LocalHostIPv6, bound))
        return true;
    const QAbstractSocket::SocketError error = m_server6->serverError();
    if (error == QAbstractSocket::SocketAddressNotAvailableError
        || error == QAbstractSocket::UnsupportedSocketOperationError) {
        // No IPv6 loopback here: nobody can bind [::1] either, so "localhost" is 127.0.0.1 alone.
        qCInfo(lcAuth) << "no IPv6 loopback:" << m_server6->errorString();
        return true;
    }
    // [::1]:port belongs to someone else (or cannot be had): a browser resolving localhost to ::1
    // would talk to them. Give up this port entirely.
    qCInfo(lcAuth) << "[::1]:" << bound << "unavailable (" << m_server6->errorString() << "); another port";
    m_server->close();
    return false;
}

bool LoopbackRedirectListener::isListeningOnIpv6() const
{
    return m_server6->isListening();
}

int LoopbackRedirectListener::connectionCount() const
{
    int count = 0;
    for (const QPointer<QTcpSocket> &socket : m_connections)
        count += socket ? 1 : 0;
    return count;
}

quint16 LoopbackRedirectListener::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("localhost"));
    url.setPort(port());
    return url;
}

bool LoopbackRedirectListener::isListening() const
{
    return m_server->isListening();
}

void LoopbackRedirectListener::close()
{
    m_timeoutTimer.stop();
    m_closeTimer.stop();
    m_server->close();
    m_server6->close();
}

void LoopbackRedirectListener::stopAcceptingCallbacks()
{
    m_haveResult = true;
    m_timeoutTimer.stop();
    m_closeTimer.start(kResultPageGraceMs);
}

void LoopbackRedirectListener::finishWithError(const AuthError &error)
{
    if (m_haveResult)
        return;
    m_resultError = error;
    stopAcceptingCallbacks();
    Q_EMIT failed(error);
}

void LoopbackRedirectListener::onNewConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        makeRoomForOneMore();
        socket->setParent(this);
        m_connections.append(socket);
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
        idle->start(kConnectionIdleMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
    }
}

void LoopbackRedirectListener::makeRoomForOneMore()
{
    m_connections.removeAll(QPointer<QTcpSocket>());
    // A socket being answered is not idle; one that sent nothing (or half a request) is.
    const auto isIdle = [](QTcpSocket *socket) { return !socket->property("answered").toBool(); };
    while (m_connections.size() >= maxConnections()) {
        auto victim = std::find_if(m_connections.begin(), m_connections.end(),
            [&](const QPointer<QTcpSocket> &socket) { return socket && isIdle(socket); });
        if (victim == m_connections.end())
            victim = m_connections.begin();
        QPointer<QTcpSocket> socket = *victim;
        m_connections.erase(victim);
        if (socket) {
            qCInfo(lcAuth) << "too many connections on the redirect port: the oldest idle one dropped";
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const RedirectRequest request = parseRedirectRequest(buffer);
    switch (request.kind) {
    case RedirectRequest::Kind::Incomplete:
        socket->setProperty("buffer", buffer);
        return;
    case RedirectRequest::Kind::Malformed:
        qCInfo(lcAuth) << "malformed request on the redirect port ignored";
        respond(
            socket, 400, "Bad Request", {}, page(tr("Bad request"), tr("This is not a sign-in response.")));
        return;
    case RedirectRequest::Kind::OtherPath:
        if (m_haveResult && request.method == QLatin1String("GET") && request.path == kResultPath) {
            respond(socket, 200, "OK", {}, resultPageHtml());
            close();
            return;
        }
        respond(socket, 404, "Not Found", {}, page(tr("Not found"), tr("Nothing here.")));
        return;
    case RedirectRequest::Kind::Callback:
        break;
    }
    if (m_haveResult || request.state.isEmpty() || request.state != m_expectedState) {
        // A stale tab, a replay or a forgery: never let it end or hijack the pending sign-in.
        qCInfo(lcAuth) << "redirect with a non-matching state refused";
        respond(socket, 400, "Bad Request", {},
            page(tr("Sign-in response not accepted"),
                tr("This response does not belong to the sign-in Keyturn is waiting for. Start the "
                   "sign-in again from Keyturn if needed.")));
        return;
    }
    const QByteArray toResult = "Location: " + kResultPath.toLatin1() + "\r\n";
    if (!request.error.isEmpty() || request.code.isEmpty()) {
        AuthError error;
        error.error = request.error.isEmpty() ? QStringLiteral("invalid_request") : request.error;
        error.description = request.errorDescription;
        error.kind = error.error == QLatin1String("access_denied") ? AuthError::Kind::Denied
            : (error.error == QLatin1String("interaction_required")
                  || error.error == QLatin1String("consent_required")
                  || error.error == QLatin1String("login_required"))
            ? AuthError::Kind::InteractionRequired
            : AuthError::Kind::Server;
        respond(socket, 302, "Found", toResult, {});
        finishWithError(error);
        return;
    }
    respond(socket, 302, "Found", toResult, {});
    stopAcceptingCallbacks();
    m_resultError = {};
    Q_EMIT codeReceived(request.code);
}

void LoopbackRedirectListener::respond(QTcpSocket *socket, int status, const QByteArray &reason,
    const QByteArray &extraHeaders, const QString &htmlBody)
{
    socket->setProperty("answered", true);
    socket->setProperty("buffer", QVariant());
    const QByteArray body = htmlBody.toUtf8();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += extraHeaders;
    response += "Cache-Control: no-store\r\nPragma: no-cache\r\nConnection: close\r\n";
    response += "Referrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n";
    if (!body.isEmpty())
        response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
}

QString LoopbackRedirectListener::resultPageHtml() const
{
    if (!m_resultError.isError())
        return page(tr("Signed in"), tr("Signed in — you can close this tab and return to Keyturn."));
    QString text = tr("Sign-in did not complete.");
    if (!m_resultError.description.isEmpty())
        text += QLatin1Char(' ') + m_resultError.description;
    else if (!m_resultError.error.isEmpty())
        text += QLatin1Char(' ') + m_resultError.error;
    return page(tr("Sign-in failed"), text);
}

} // namespace keyturn
