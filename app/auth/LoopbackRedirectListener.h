// LoopbackRedirectListener: receives the browser's authorization response on http://localhost:PORT,
// listening on both 127.0.0.1 and [::1] with the same port (RFC 8252 §7.3), so no other local user can
// take the half of "localhost" Keyturn left free; a machine without IPv6 loopback gets 127.0.0.1 only.
// At most 32 connections at a time (the oldest idle one is dropped for a new one). Both addresses
// feed one state machine. Only GET /?... whose state equals expectedState counts; a wrong state gets 400 and
// the listener keeps waiting; other paths 404; garbage 400 and closed. The one matching answer is 302'd to a
// result page served once from the same port, then the listener closes.
//
//   browser --GET /?code&state--> listener --302 /done--> browser --GET /done--> "you can close this tab"
//                                    |
//                                    +--> codeReceived(code) | failed(AuthError)   (exactly once)
#pragma once

#include "auth/AuthError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace keyturn {

class LoopbackRedirectListener : public QObject {
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    /// Binds 127.0.0.1 and [::1] on one ephemeral port (another port when either address is taken
    /// there) and starts the timeout. False if no port could be bound.
    bool start(const QString &expectedState);
    /// Tests: the port tried first by start() (0 = ephemeral, the default).
    void setPreferredPort(quint16 port) { m_preferredPort = port; }
    /// True when [::1] is bound too (false only without IPv6 loopback on this machine).
    bool isListeningOnIpv6() const;
    /// Connections currently open (never more than maxConnections()).
    int connectionCount() const;
    static constexpr int maxConnections() { return 32; }
    quint16 port() const;
    /// http://localhost:{port}, as registered for public clients.
    QUrl redirectUri() const;
    /// Whole-flow timeout (default 5 minutes); set before start().
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /// Stops listening without a result signal (the user cancelled).
    void close();
    bool isListening() const;

Q_SIGNALS:
    void codeReceived(const QString &code);
    void failed(const keyturn::AuthError &error);

private:
    bool bindBoth(quint16 port, bool *retry);
    void onNewConnection(QTcpServer *server);
    void makeRoomForOneMore();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &extraHeaders,
        const QString &htmlBody);
    QString resultPageHtml() const;
    void finishWithError(const AuthError &error);
    void stopAcceptingCallbacks();

    QTcpServer *m_server = nullptr; ///< 127.0.0.1
    QTcpServer *m_server6 = nullptr; ///< [::1], same port
    quint16 m_preferredPort = 0;
    QList<QPointer<QTcpSocket>> m_connections; ///< oldest first
    QString m_expectedState;
    std::chrono::milliseconds m_timeout = std::chrono::minutes(5);
    QTimer m_timeoutTimer;
    QTimer m_closeTimer; ///< closes the port if the browser never fetches the result page
    bool m_haveResult = false;
    AuthError m_resultError; ///< shown on the result page when the sign-in failed
};

} // namespace keyturn
