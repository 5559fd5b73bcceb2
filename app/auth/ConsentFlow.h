// ConsentFlow: one interactive request for a further scope as the signed-in account, in the
// browser (authorization code with PKCE, the account as login hint) or with a device code (Entra's
// device code endpoint takes no login hint: the caller checks which account answered). switchTo()
// gives up the running way and starts the other; a browser that cannot be opened switches to a
// code by itself. Ends with exactly one of succeeded / failed; cancel() ends with failed(Cancelled).
//
//   start(Browser)    -> AuthCodeFlow (login_hint) ----------------> succeeded(tokens) | failed
//   start(DeviceCode) -> DeviceCodeFlow -> codeReady -> polling ---> succeeded(tokens) | failed
#pragma once

#include "auth/AuthError.h"
#include "auth/CloudConfig.h"
#include "auth/TokenResponse.h"
#include "core/ScopeGrants.h"

#include <QObject>
#include <QPointer>

#include <chrono>

namespace keyturn {

class AuthCodeFlow;
class BrowserLauncher;
class Clock;
class DeviceCodeFlow;
class TokenClient;

class ConsentFlow final : public QObject {
    Q_OBJECT
public:
    using Way = ScopeGrants::ConsentWay;

    /// config asks for every scope the token is to carry afterwards (the new one among its
    /// extraScopes) at the account's tenant. The pointers are borrowed and must outlive the flow.
    ConsentFlow(TokenClient *tokens, BrowserLauncher *browser, const Clock &clock, AuthConfig config,
        QString loginHint, QObject *parent = nullptr);
    ~ConsentFlow() override;

    void setBrowserTimeout(std::chrono::milliseconds timeout) { m_browserTimeout = timeout; }
    void start(Way way);
    /// Gives up the running way without an answer and starts the other; nothing when way is running.
    void switchTo(Way way);
    void cancel();
    Way way() const { return m_way; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// A way started (at start(), after a switch): way() says which.
    void waiting();
    void codeReady(const QString &userCode, const QUrl &verificationUri, int expiresInSecs);
    void succeeded(const keyturn::TokenSet &tokens);
    void failed(const keyturn::AuthError &error);

private:
    void startBrowser();
    void startDeviceCode();
    /// Stops and drops the flow of the running way (its late signals are ignored).
    void stopWay();
    void finish(const TokenSet *tokens, const AuthError &error);

    TokenClient *m_tokens;
    BrowserLauncher *m_browser;
    const Clock &m_clock;
    AuthConfig m_config;
    QString m_loginHint;
    std::chrono::milliseconds m_browserTimeout = std::chrono::minutes(5);
    Way m_way = Way::Browser;
    bool m_running = false;
    QPointer<AuthCodeFlow> m_authFlow;
    QPointer<DeviceCodeFlow> m_deviceFlow;
};

} // namespace keyturn
