// GraphReply: one logical Graph request, possibly several attempts (retries, a token refresh).
// Made by GraphClient; finished() fires exactly once (also after abort(), with Kind::Cancelled),
// after which the reply deletes itself with deleteLater() unless setAutoDelete(false) was called.
#pragma once

#include "graph/GraphError.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <utility>

class QTimer;

namespace keyturn {

class GraphClient;

class GraphReply final : public QObject {
    Q_OBJECT
public:
    enum class Method { Get, Post };
    ~GraphReply() override;

    bool isFinished() const { return m_finished; }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    /// Moves the body out (for large pages handed to a parser thread); body() is empty afterwards.
    QByteArray takeBody() { return std::exchange(m_body, QByteArray()); }
    const GraphError &error() const { return m_error; } ///< kind None on 2xx
    QString requestId() const { return m_requestId; }
    QString clientRequestId() const { return m_clientRequestId; }
    QString date() const { return m_date; }
    int attempts() const { return m_attempts; }
    Method method() const { return m_method; }
    QUrl url() const { return m_url; }

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    /// Cancels the request (and any pending retry); finished() still fires once, Kind::Cancelled.
    void abort();

Q_SIGNALS:
    /// Exactly once.
    void finished();
    /// Graph asked for a pause longer than the usual back-off (Retry-After): the reply waits
    /// `seconds` before it asks again. abort() stops the wait.
    void waiting(int seconds);
    /// Graph answered 429/503 and the reply asks again after `delay` (any length): callers that
    /// send many requests hold their next ones back as long.
    void throttled(std::chrono::milliseconds delay);

private:
    friend class GraphClient;
    GraphReply(GraphClient *client, Method method, QUrl url, QByteArray body, QObject *parent);

    void start(); // called by GraphClient (possibly after a write-limiter delay)
    void startAttempt(bool forceRefresh);
    /// The token provider's answer: send with the token, or finish with Kind::Auth.
    void onToken(const QString &token, const QString &error);
    void sendWithToken(const QString &token);
    void onNetworkFinished();
    /// The connection failed (dropped, timed out, answer cut short): GET retries, POST is unknown.
    void onConnectionFailure(
        QNetworkReply *net, QNetworkReply::NetworkError netError, int status, const QString &errorText);
    static bool isTruncated(const QNetworkReply *net, const QByteArray &body);
    /// Stops reading an answer that is (or announces it will be) over maxResponseBytes.
    void checkResponseSize(qint64 bytes);
    /// A 2xx whose body is not JSON (a captive portal, an inspecting proxy): unread, with the type.
    bool refuseNonJson(const QNetworkReply *net, int status, const QByteArray &body);
    /// Finishes with an answer Keyturn will not read: Malformed for a GET, OutcomeUnknown for a POST.
    void finishUnread(const QNetworkReply *net, int status, const QString &why);
    const char *methodName() const;
    /// Starts the retry timer; returns the wait as scaled by the client's config.
    std::chrono::milliseconds scheduleRetry(std::chrono::milliseconds delay);
    /// A 401: a claims challenge is answered, a GET is sent again once with a new token, a POST
    /// never (it finishes NotSent, or MissingRole for Intune's Forbidden). True when handled.
    bool onUnauthorized(const QNetworkReply *net, QByteArray &body, GraphError &error);
    void finish(int status, QByteArray body, GraphError error, const QNetworkReply *net);

    QPointer<GraphClient> m_client;
    Method m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders; // GraphRequestOptions::headers
    QPointer<QNetworkReply> m_net;
    QTimer *m_retryTimer = nullptr; // write-limiter delay or back-off
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_refreshedToken = false;
    bool m_answeredChallenge = false;
    bool m_aborting = false;
    int m_attempts = 0;
    int m_httpStatus = 0;
    QByteArray m_body;
    QByteArray m_incoming; // the current attempt's body so far
    GraphError m_error;
    QString m_requestId, m_clientRequestId, m_date;
};

} // namespace keyturn
