// GraphClient: builds and sends Microsoft Graph requests (bearer token, client-request-id,
// User-Agent, transfer timeout), retries GETs on throttling and connection errors, never re-sends
// a POST (a 401 on a POST is "not sent"), keeps writes under 200 per 20 s. It borrows the QNAM, token
// provider and clock; GETs beyond the QNAM's connections go through managers made like it.
#pragma once

#include "core/AccessTokenProvider.h"
#include "core/Clock.h"
#include "graph/GraphReply.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <deque>
#include <functional>

namespace keyturn {

class GraphConnections;

struct GraphClientConfig {
    QUrl graphRoot; ///< e.g. https://graph.microsoft.com or http://127.0.0.1:PORT
    QString apiVersion = QStringLiteral("beta");
    std::chrono::milliseconds transferTimeout{ 60000 };
    /// Larger answers are cut off unread (a page of 1000 devices is about 5 MB with every field).
    qint64 maxResponseBytes = 32 * 1024 * 1024;
    int maxAttempts = 6; ///< for GET retries (first attempt included)
    /// A GET Graph answers 429/503/504 (come back later) is sent up to this many times: a throttling
    /// storm is waited out longer than a failing connection (with the back-off, about two minutes).
    int maxThrottledAttempts = 12;
    std::chrono::milliseconds maxBackoff{ 30000 };
    /// A longer Retry-After is waited out (GraphReply::waiting) up to this; beyond, the GET fails.
    std::chrono::milliseconds maxRetryAfterWait{ 10 * 60 * 1000 };
    /// Multiplies every wait before a retry (tests shorten a two-minute Retry-After); 1 in the app.
    double waitScale = 1.0;
    std::chrono::milliseconds baseBackoff{ 500 }; ///< first back-off ceiling without Retry-After
    QString userAgent; ///< empty: "Keyturn/<version>"
    int writeLimit = 200; ///< POSTs per writeWindow
    std::chrono::milliseconds writeWindow{ 20000 };
    /// Network managers GETs may go through at once, the borrowed one included (GraphConnections):
    /// six HTTP/1.1 connections to Graph each, so a list's partitions are not queued inside Qt.
    int networkManagers = 3;
};

/// What one request needs beyond the defaults: another API version (Entra's device secrets are in
/// v1.0 while Intune's calls are in beta) and extra headers (BitLocker keys want ocp-client-*).
struct GraphRequestOptions {
    QString apiVersion; ///< empty: the config's
    QList<QPair<QByteArray, QByteArray>> headers; ///< never Authorization (the client sets it)
};

class GraphClient final : public QObject {
    Q_OBJECT
public:
    /// Returns a value in [0, 1); injectable so tests make back-off deterministic.
    using RandomSource = std::function<double()>;

    GraphClient(QNetworkAccessManager *nam, AccessTokenProvider *tokens, const Clock &clock,
        QObject *parent = nullptr);
    ~GraphClient() override;

    void setConfig(const GraphClientConfig &config);
    const GraphClientConfig &config() const { return m_config; }
    void setRandomSource(RandomSource random);

    /// {graphRoot}/{apiVersion}; apiVersion empty: the config's.
    QUrl baseUrl(const QString &apiVersion = {}) const;

    /// GET of a path relative to baseUrl ("deviceManagement/managedDevices") with query.
    GraphReply *get(const QString &relativePath, const QUrlQuery &query = {});
    /// GET with another API version and/or extra headers (kept for retries).
    GraphReply *get(const QString &relativePath, const QUrlQuery &query, const GraphRequestOptions &options);
    /// GET of an absolute URL (a nextLink), refused unless same scheme+host+port as graphRoot:
    /// the reply then finishes (asynchronously) with Kind::UntrustedHost and nothing is sent.
    GraphReply *getUrl(const QUrl &absoluteUrl);
    /// POST; never re-sent automatically. A timeout or dropped connection gives Kind::OutcomeUnknown.
    GraphReply *post(const QString &relativePath, const QByteArray &jsonBody = {});
    /// POST with another API version and/or extra headers.
    GraphReply *post(
        const QString &relativePath, const QByteArray &jsonBody, const GraphRequestOptions &options);

    /// True when url has the same scheme, host and port as graphRoot.
    bool isTrustedUrl(const QUrl &url) const;

private:
    friend class GraphReply;
    QUrl resolve(const QString &relativePath, const QUrlQuery &query, const QString &apiVersion = {}) const;
    QString userAgent() const;
    std::chrono::milliseconds retryDelay(int attemptsSoFar, std::optional<int> retryAfterSecs) const;
    /// Reserves a write slot; returns how long the POST must wait before it may be sent.
    std::chrono::milliseconds reserveWriteSlot();

    GraphConnections *m_connections;
    AccessTokenProvider *m_tokens;
    const Clock &m_clock;
    GraphClientConfig m_config;
    RandomSource m_random;
    std::deque<qint64> m_writeTimes; // msecs of scheduled POST sends within the window
};

} // namespace keyturn
