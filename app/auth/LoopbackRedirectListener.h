// LoopbackRedirectListener: receives the browser's authorization response on 127.0.0.1 (ephemeral
// port). Only GET /?... whose state equals expectedState counts; a wrong state gets 400 and the
// listener keeps waiting; other paths 404; garbage 400 and closed. The one matching answer is
// 302'd to a result page served once from the same port, then the listener closes.
//
//   browser --GET /?code&state--> listener --302 /done--> browser --GET /done--> "you can close this tab"
//                                    |
//                                    +--> codeReceived(code) | failed(AuthError)   (exactly once)
#pragma once

#include "auth/AuthError.h"

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

    /// Binds 127.0.0.1 on an ephemeral port and starts the timeout. False if binding failed.
    bool start(const QString &expectedState);
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
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &extraHeaders,
        const QString &htmlBody);
    QString resultPageHtml() const;
    void finishWithError(const AuthError &error);
    void stopAcceptingCallbacks();

    QTcpServer *m_server = nullptr;
    QString m_expectedState;
    std::chrono::milliseconds m_timeout = std::chrono::minutes(5);
    QTimer m_timeoutTimer;
    QTimer m_closeTimer; ///< closes the port if the browser never fetches the result page
    bool m_haveResult = false;
    AuthError m_resultError; ///< shown on the result page when the sign-in failed
};

} // namespace keyturn
