// AuthCodeFlow: one browser sign-in (authorization code + PKCE S256, loopback redirect).
// start() opens the browser; exactly one of succeeded/failed follows (cancel() emits neither).
// The flow owns its listener and keeps it until destroyed, so the browser can fetch the result page.
//
//   start: state+PKCE -> listener(127.0.0.1 + [::1]) -> browser GET authorize
//   listener codeReceived -> POST token (code, verifier, redirect_uri) -> succeeded(TokenSet)
#pragma once

#include "auth/AuthError.h"
#include "auth/CloudConfig.h"
#include "auth/Pkce.h"
#include "auth/TokenResponse.h"

#include <QObject>

#include <chrono>

namespace keyturn {

class BrowserLauncher;
class LoopbackRedirectListener;
class TokenClient;

class AuthCodeFlow : public QObject {
    Q_OBJECT
public:
    AuthCodeFlow(TokenClient *tokens, BrowserLauncher *browser, AuthConfig config, QString loginHint = {},
        QObject *parent = nullptr);
    ~AuthCodeFlow() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /// Claims of a Graph challenge to satisfy (JSON), sent with the "cp1" capability; before start().
    void setClaimsChallenge(QString claimsJson) { m_claimsChallenge = std::move(claimsJson); }
    /// Tests: the redirect port tried first (0 = ephemeral, the default); set before start().
    void setPreferredRedirectPort(quint16 port) { m_preferredRedirectPort = port; }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    /// The authorize URL sent to the browser (valid after start()).
    QUrl authorizeUrl() const { return m_authorizeUrl; }

Q_SIGNALS:
    /// The browser step is done and the code is being redeemed.
    void redeeming();
    void succeeded(const keyturn::TokenSet &tokens);
    void failed(const keyturn::AuthError &error);

private:
    void redeem(const QString &code);
    void fail(const AuthError &error);

    TokenClient *m_tokens;
    BrowserLauncher *m_browser;
    AuthConfig m_config;
    QString m_loginHint;
    QString m_claimsChallenge;
    std::chrono::milliseconds m_timeout = std::chrono::minutes(5);
    quint16 m_preferredRedirectPort = 0;
    LoopbackRedirectListener *m_listener = nullptr;
    PkcePair m_pkce;
    QUrl m_authorizeUrl;
    bool m_running = false;
};

} // namespace keyturn
