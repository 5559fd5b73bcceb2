#include "graph/GraphReply.h"

#include "core/Logging.h"
#include "core/TlsErrorText.h"
#include "graph/GraphClient.h"
#include "graph/GraphConnections.h"
#include "graph/OneShotBody.h"
#include "graph/RetryPolicy.h"

#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace keyturn {

namespace {

QString headerString(const QNetworkReply *net, const char *name)
{
    return QString::fromLatin1(net->rawHeader(name));
}

/// The Content-Length the answer announced, if any.
std::optional<qint64> contentLength(const QNetworkReply *net)
{
    bool ok = false;
    const qint64 length = net->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(length) : std::nullopt;
}

// Errors below 200 are connection/proxy level; above, Qt maps HTTP statuses, which we read ourselves.
bool isConnectionLevel(QNetworkReply::NetworkError error, int status)
{
    if (error == QNetworkReply::NoError)
        return false;
    return static_cast<int>(error) < 200 || status == 0;
}

} // namespace

GraphReply::GraphReply(GraphClient *client, Method method, QUrl url, QByteArray body, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_method(method)
    , m_url(std::move(url))
    , m_requestBody(std::move(body))
{ }

GraphReply::~GraphReply()
{
    if (m_net) {
        m_net->disconnect(this);
        m_net->abort();
        m_net->deleteLater();
    }
}

void GraphReply::start()
{
    if (m_finished)
        return;
    m_clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    startAttempt(false);
}

void GraphReply::startAttempt(bool forceRefresh)
{
    if (m_finished || !m_client)
        return;
    m_client->m_tokens->getAccessToken(
        forceRefresh, this, [this](const QString &token, const QString &error) { onToken(token, error); });
}

void GraphReply::onToken(const QString &token, const QString &error)
{
    if (m_finished)
        return;
    if (!error.isEmpty() || token.isEmpty()) {
        GraphError authError;
        authError.kind = GraphError::Kind::Auth;
        authError.networkErrorText = error;
        authError.clientRequestId = m_clientRequestId;
        finish(0, {}, authError, nullptr);
        return;
    }
    sendWithToken(token);
}

void GraphReply::sendWithToken(const QString &token)
{
    if (!m_client)
        return;
    const GraphClientConfig &config = m_client->config();
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", QByteArray("Bearer ") + token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("client-request-id", m_clientRequestId.toLatin1());
    request.setHeader(QNetworkRequest::UserAgentHeader, m_client->userAgent());
    for (const auto &[name, value] : std::as_const(m_extraHeaders))
        request.setRawHeader(name, value);
    if (m_attempts > 0)
        request.setRawHeader("Retry-Attempt", QByteArray::number(m_attempts));
    request.setTransferTimeout(static_cast<int>(config.transferTimeout.count()));
    // A redirect must never carry the bearer token elsewhere; Graph does not redirect these calls.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    ++m_attempts;
    qCDebug(lcGraph).noquote() << methodName() << m_url.path() << "attempt" << m_attempts
                               << "client-request-id" << m_clientRequestId;
    if (m_method == Method::Get) {
        m_net = m_client->m_connections->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_requestBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(m_requestBody);
        m_net = m_client->m_connections->post(request, body);
        body->setParent(m_net);
    }
    watchTlsErrors(m_net);
    connect(m_net, &QNetworkReply::finished, this, &GraphReply::onNetworkFinished);
    QNetworkReply *net = m_net;
    m_incoming.clear();
    // The body is drained as it arrives, and Qt stops reading from the socket once this much is
    // waiting, so an endless answer cannot fill memory before checkResponseSize() refuses it.
    net->setReadBufferSize(config.maxResponseBytes);
    connect(net, &QNetworkReply::metaDataChanged, this, [this, net] {
        const std::optional<qint64> promised = contentLength(net);
        if (promised && net == m_net)
            checkResponseSize(*promised);
    });
    connect(net, &QNetworkReply::readyRead, this, [this, net] {
        if (net != m_net)
            return;
        m_incoming.append(net->readAll());
        checkResponseSize(m_incoming.size());
    });
}

void GraphReply::checkResponseSize(qint64 bytes)
{
    QNetworkReply *net = m_net;
    if (!net || m_finished || m_aborting || !m_client || bytes <= m_client->config().maxResponseBytes)
        return;
    m_net = nullptr;
    m_incoming.clear();
    net->disconnect(this);
    net->abort();
    net->deleteLater();
    const qint64 limitMb = m_client->config().maxResponseBytes / (1024 * 1024);
    finishUnread(net, net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        tr("The answer is larger than %1 MB, so Keyturn did not read it.").arg(limitMb));
}

bool GraphReply::refuseNonJson(const QNetworkReply *net, int status, const QByteArray &body)
{
    const QByteArray contentType = net->rawHeader("Content-Type").trimmed();
    const QByteArray mediaType = contentType.left(contentType.indexOf(';')).trimmed().toLower();
    if (body.isEmpty() || mediaType.isEmpty() || mediaType == "application/json")
        return false;
    finishUnread(net, status,
        tr("The answer is %1, not JSON: a captive portal or a proxy may have answered instead of "
           "Microsoft Graph.")
            .arg(QString::fromLatin1(mediaType)));
    return true;
}

void GraphReply::finishUnread(const QNetworkReply *net, int status, const QString &why)
{
    qCWarning(lcGraph).noquote() << methodName() << m_url.path() << status << "answer not read:" << why;
    GraphError error;
    // The answer came from something, so a POST may have been carried out: nothing in it is trusted.
    error.kind = m_method == Method::Get ? GraphError::Kind::Malformed : GraphError::Kind::OutcomeUnknown;
    error.httpStatus = status;
    error.message = why;
    error.clientRequestId = m_clientRequestId;
    finish(status, {}, error, net);
}

const char *GraphReply::methodName() const
{
    return m_method == Method::Get ? "GET" : "POST";
}

void GraphReply::onNetworkFinished()
{
    QNetworkReply *net = m_net;
    if (!net || m_aborting || m_finished)
        return;
    m_net = nullptr;
    net->deleteLater();

    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = net->error();
    const bool isGet = m_method == Method::Get;

    if (isConnectionLevel(netError, status)) {
        onConnectionFailure(net, netError, status, net->errorString());
        return;
    }

    QByteArray body = std::exchange(m_incoming, QByteArray());
    body.append(net->readAll());
    if (isTruncated(net, body)) {
        // Qt can report a connection closed mid-body as a normal finish: the body is shorter than
        // Content-Length promised. For a POST that is an unknown outcome, never a success.
        onConnectionFailure(net, QNetworkReply::RemoteHostClosedError, status,
            tr("The connection closed before the whole answer arrived."));
        return;
    }
    qCInfo(lcGraph).noquote() << methodName() << m_url.path() << status << "request-id"
                              << headerString(net, "request-id") << "attempt" << m_attempts;
    if (status >= 200 && status < 300 && refuseNonJson(net, status, body))
        return;
    if (status >= 200 && status < 400) {
        finish(status, std::move(body), {}, net);
        return;
    }

    GraphError error = parseGraphError(status, body, net->rawHeaderPairs());
    if (error.clientRequestId.isEmpty())
        error.clientRequestId = m_clientRequestId;
    if (status == 401 && onUnauthorized(net, body, error))
        return;
    if (isGet && m_client && retry::isRetryableStatus(status)
        && m_attempts < m_client->config().maxThrottledAttempts) {
        const GraphClientConfig &config = m_client->config();
        const auto asked = std::chrono::seconds(error.retryAfterSecs.value_or(0));
        if (!error.retryAfterSecs || asked <= config.maxBackoff) {
            Q_EMIT throttled(scheduleRetry(m_client->retryDelay(m_attempts, error.retryAfterSecs)));
            return;
        }
        if (asked <= config.maxRetryAfterWait) {
            qCInfo(lcGraph) << "Retry-After" << asked.count() << "s: waiting it out";
            Q_EMIT throttled(scheduleRetry(asked));
            Q_EMIT waiting(static_cast<int>(asked.count()));
            return;
        }
        qCInfo(lcGraph) << "Retry-After" << asked.count() << "s exceeds the longest wait; giving up";
    }
    finish(status, std::move(body), error, net);
}

bool GraphReply::onUnauthorized(const QNetworkReply *net, QByteArray &body, GraphError &error)
{
    if (!m_client)
        return false;
    const bool isGet = m_method == Method::Get;
    AccessTokenProvider *tokens = m_client->m_tokens;
    const bool challenged = !error.claimsChallenge.isEmpty();
    if (!challenged && error.isIntuneForbidden() && (!isGet || m_refreshedToken)) {
        // A fresh token got the same answer: a missing Intune role or licence, not the sign-in.
        qCInfo(lcGraph) << "401 Forbidden from Intune: the account lacks a role for this call";
        error.kind = GraphError::Kind::MissingRole;
        finish(401, std::move(body), error, net);
        return true;
    }
    if (!isGet) {
        // Graph rejects before acting on a 401; still, one Yes is one POST: never sent again by
        // itself. The sign-in is renewed now (with a challenge's claims, possibly asking the user)
        // so that the user's next Yes carries a good token.
        qCInfo(lcGraph) << "401 on a POST: not sent; renewing the sign-in";
        const auto ignore = [](const QString &, const QString &) {};
        if (challenged)
            tokens->getAccessTokenForClaims(error.claimsChallenge, m_client, ignore);
        else
            tokens->getAccessToken(true, m_client, ignore);
        error.kind = GraphError::Kind::NotSent;
        finish(401, std::move(body), error, net);
        return true;
    }
    if (challenged) {
        if (m_answeredChallenge)
            return false;
        m_answeredChallenge = true;
        qCInfo(lcGraph) << "401 with a claims challenge: asking for a token with those claims";
        tokens->getAccessTokenForClaims(error.claimsChallenge, this,
            [this](const QString &token, const QString &tokenError) { onToken(token, tokenError); });
        return true;
    }
    if (m_refreshedToken)
        return false;
    m_refreshedToken = true;
    qCInfo(lcGraph) << "401: refreshing the access token once and retrying";
    startAttempt(true);
    return true;
}

void GraphReply::onConnectionFailure(
    QNetworkReply *net, QNetworkReply::NetworkError netError, int status, const QString &errorText)
{
    m_incoming.clear(); // a part of an answer is of no use, and may be large
    const bool isGet = m_method == Method::Get;
    const int maxAttempts = m_client ? m_client->config().maxAttempts : 1;
    const bool timedOut
        = netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError;
    qCInfo(lcGraph).noquote() << methodName() << m_url.path() << "attempt" << m_attempts << "network error"
                              << netError << (timedOut ? "(timeout)" : "");
    if (isGet && m_client && retry::isRetryableNetworkError(netError) && m_attempts < maxAttempts) {
        scheduleRetry(m_client->retryDelay(m_attempts, std::nullopt));
        return;
    }
    GraphError error;
    // A refused certificate is no passing fault: never retried, and nothing was sent.
    const QString tlsText = tlsFailureText(net);
    error.networkErrorText = tlsText.isEmpty() ? errorText : tlsText;
    error.clientRequestId = m_clientRequestId;
    error.requestId = headerString(net, "request-id");
    error.httpStatus = status;
    const bool notSent = netError == QNetworkReply::ConnectionRefusedError
        || netError == QNetworkReply::HostNotFoundError || !tlsText.isEmpty();
    if (!isGet && !notSent)
        error.kind = GraphError::Kind::OutcomeUnknown;
    else
        error.kind = timedOut ? GraphError::Kind::Timeout : GraphError::Kind::Network;
    finish(0, {}, error, net);
}

bool GraphReply::isTruncated(const QNetworkReply *net, const QByteArray &body)
{
    if (net->hasRawHeader("Content-Encoding"))
        return false;
    const std::optional<qint64> promised = contentLength(net);
    return promised && *promised > body.size();
}

std::chrono::milliseconds GraphReply::scheduleRetry(std::chrono::milliseconds delay)
{
    qCInfo(lcGraph).noquote() << "retrying" << m_url.path() << "in" << delay.count() << "ms";
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, [this] { startAttempt(false); });
    }
    const double scale = m_client ? m_client->config().waitScale : 1.0;
    const std::chrono::milliseconds scaled(static_cast<qint64>(static_cast<double>(delay.count()) * scale));
    m_retryTimer->start(scaled);
    return scaled;
}

void GraphReply::abort()
{
    if (m_finished)
        return;
    m_aborting = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (QNetworkReply *net = m_net) {
        m_net = nullptr;
        net->disconnect(this);
        net->abort();
        net->deleteLater();
    }
    GraphError error;
    error.kind = GraphError::Kind::Cancelled;
    error.clientRequestId = m_clientRequestId;
    finish(0, {}, error, nullptr);
}

void GraphReply::finish(int status, QByteArray body, GraphError error, const QNetworkReply *net)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    m_httpStatus = status;
    m_body = std::move(body);
    if (net) {
        m_requestId = headerString(net, "request-id");
        m_date = headerString(net, "Date");
        const QString echoed = headerString(net, "client-request-id");
        if (!echoed.isEmpty())
            m_clientRequestId = echoed;
    }
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    else if (m_requestId.isEmpty())
        m_requestId = error.requestId;
    if (error.date.isEmpty())
        error.date = m_date;
    m_error = std::move(error);
    m_error.write = m_method == Method::Post;
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace keyturn
