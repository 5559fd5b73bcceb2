// DeviceCodeFlow: sign-in with a code shown to the user (RFC 8628 as Entra does it). start()
// requests a code; codeReady() tells the UI what to show; the token endpoint is polled every
// `interval` (slow_down adds 5 s) until succeeded() or failed(). cancel() stops silently.
#pragma once

#include "auth/AuthError.h"
#include "auth/CloudConfig.h"
#include "auth/TokenResponse.h"

#include <QObject>
#include <QTimer>

namespace keyturn {

class Clock;
class TokenClient;

class DeviceCodeFlow : public QObject {
    Q_OBJECT
public:
    DeviceCodeFlow(TokenClient *tokens, AuthConfig config, const Clock &clock, QObject *parent = nullptr);

    /// Claims of a Graph challenge to satisfy (JSON), sent with the "cp1" capability; before start().
    void setClaimsChallenge(QString claimsJson) { m_claimsChallenge = std::move(claimsJson); }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    int currentIntervalSecs() const { return m_intervalSecs; }

Q_SIGNALS:
    void codeReady(
        const QString &userCode, const QUrl &verificationUri, const QString &message, int expiresInSecs);
    void succeeded(const keyturn::TokenSet &tokens);
    void failed(const keyturn::AuthError &error);

private:
    void poll();
    void fail(const AuthError &error);

    TokenClient *m_tokens;
    AuthConfig m_config;
    QString m_claimsChallenge;
    const Clock &m_clock;
    QTimer m_pollTimer;
    QString m_deviceCode;
    qint64 m_expiresAtMs = 0;
    int m_intervalSecs = 5;
    bool m_running = false;
};

} // namespace keyturn
