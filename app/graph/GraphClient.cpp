#include "graph/GraphClient.h"

#include "core/Logging.h"
#include "core/Version.h"
#include "graph/GraphConnections.h"
#include "graph/RetryPolicy.h"

#include <QRandomGenerator>
#include <QTimer>

namespace keyturn {

namespace {

/// "graph.microsoft.com:443", "[::1]:8400": the host and the port a URL reaches.
QString hostAndPort(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    const QString host
        = url.host().contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(url.host()) : url.host();
    return QStringLiteral("%1:%2").arg(host).arg(url.port(defaultPort));
}

} // namespace

GraphClient::GraphClient(
    QNetworkAccessManager *nam, AccessTokenProvider *tokens, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_connections(new GraphConnections(nam, this))
    , m_tokens(tokens)
    , m_clock(clock)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_connections->setManagers(m_config.networkManagers);
}

GraphClient::~GraphClient() = default;

void GraphClient::setConfig(const GraphClientConfig &config)
{
    m_config = config;
    m_connections->setManagers(config.networkManagers);
}

void GraphClient::setRandomSource(RandomSource random)
{
    m_random = std::move(random);
}

QUrl GraphClient::baseUrl(const QString &apiVersion) const
{
    QUrl url = m_config.graphRoot;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + (apiVersion.isEmpty() ? m_config.apiVersion : apiVersion));
    return url;
}

bool GraphClient::isTrustedUrl(const QUrl &url) const
{
    const QUrl &root = m_config.graphRoot;
    const auto defaultPort
        = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return url.isValid() && url.scheme().compare(root.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(root.host(), Qt::CaseInsensitive) == 0 && defaultPort(url) == defaultPort(root)
        && url.userInfo().isEmpty();
}

QUrl GraphClient::resolve(
    const QString &relativePath, const QUrlQuery &query, const QString &apiVersion) const
{
    QUrl url = baseUrl(apiVersion);
    QString path = relativePath;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    url.setPath(url.path() + QLatin1Char('/') + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QString GraphClient::userAgent() const
{
    if (!m_config.userAgent.isEmpty())
        return m_config.userAgent;
    return QStringLiteral("%1/%2").arg(QLatin1String(kApplicationName), QLatin1String(kVersion));
}

std::chrono::milliseconds GraphClient::retryDelay(int attemptsSoFar, std::optional<int> retryAfterSecs) const
{
    if (retryAfterSecs)
        return std::chrono::seconds(*retryAfterSecs);
    return retry::backoffDelay(
        attemptsSoFar, m_config.baseBackoff, m_config.maxBackoff, m_random ? m_random() : 0.5);
}

std::chrono::milliseconds GraphClient::reserveWriteSlot()
{
    const qint64 now = m_clock.nowMSecs();
    const qint64 window = m_config.writeWindow.count();
    while (!m_writeTimes.empty() && m_writeTimes.front() <= now - window)
        m_writeTimes.pop_front();
    qint64 sendAt = now;
    const auto limit = static_cast<std::size_t>(std::max(1, m_config.writeLimit));
    if (m_writeTimes.size() >= limit) {
        // The slot frees when the write `limit` places back leaves the window.
        sendAt = std::max(now, m_writeTimes[m_writeTimes.size() - limit] + window);
    }
    m_writeTimes.push_back(sendAt);
    return std::chrono::milliseconds(sendAt - now);
}

GraphReply *GraphClient::get(const QString &relativePath, const QUrlQuery &query)
{
    auto *reply = new GraphReply(this, GraphReply::Method::Get, resolve(relativePath, query), {}, this);
    reply->start();
    return reply;
}

GraphReply *GraphClient::get(
    const QString &relativePath, const QUrlQuery &query, const GraphRequestOptions &options)
{
    auto *reply = new GraphReply(
        this, GraphReply::Method::Get, resolve(relativePath, query, options.apiVersion), {}, this);
    for (const auto &header : options.headers) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) != 0)
            reply->m_extraHeaders.append(header);
    }
    reply->start();
    return reply;
}

GraphReply *GraphClient::getUrl(const QUrl &absoluteUrl)
{
    auto *reply = new GraphReply(this, GraphReply::Method::Get, absoluteUrl, {}, this);
    if (!isTrustedUrl(absoluteUrl)) {
        qCWarning(lcGraph) << "refusing to follow a link to" << absoluteUrl.host() << "(not the Graph host)";
        GraphError error;
        error.kind = GraphError::Kind::UntrustedHost;
        error.networkErrorText = tr("the link points to %1, not to %2")
                                     .arg(hostAndPort(absoluteUrl), hostAndPort(m_config.graphRoot));
        QTimer::singleShot(0, reply, [reply, error] { reply->finish(0, {}, error, nullptr); });
        return reply;
    }
    reply->start();
    return reply;
}

GraphReply *GraphClient::post(const QString &relativePath, const QByteArray &jsonBody)
{
    return post(relativePath, jsonBody, GraphRequestOptions{});
}

GraphReply *GraphClient::post(
    const QString &relativePath, const QByteArray &jsonBody, const GraphRequestOptions &options)
{
    auto *reply = new GraphReply(
        this, GraphReply::Method::Post, resolve(relativePath, {}, options.apiVersion), jsonBody, this);
    for (const auto &header : options.headers) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) != 0)
            reply->m_extraHeaders.append(header);
    }
    const auto wait = reserveWriteSlot();
    if (wait.count() > 0) {
        qCInfo(lcGraph) << "write limit reached; delaying POST by" << wait.count() << "ms";
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        reply->m_retryTimer = timer;
        connect(timer, &QTimer::timeout, reply, [reply] { reply->start(); });
        timer->start(wait);
    } else {
        reply->start();
    }
    return reply;
}

} // namespace keyturn
