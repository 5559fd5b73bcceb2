#include "auth/ConsentFlow.h"

#include "auth/AuthCodeFlow.h"
#include "auth/DeviceCodeFlow.h"
#include "core/Logging.h"

namespace keyturn {

ConsentFlow::ConsentFlow(TokenClient *tokens, BrowserLauncher *browser, const Clock &clock, AuthConfig config,
    QString loginHint, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_browser(browser)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_loginHint(std::move(loginHint))
{ }

ConsentFlow::~ConsentFlow()
{
    stopWay();
}

void ConsentFlow::start(Way way)
{
    m_running = true;
    m_way = way;
    qCInfo(lcAuth) << "asking for consent" << (way == Way::Browser ? "in the browser" : "with a code");
    Q_EMIT waiting();
    if (way == Way::Browser)
        startBrowser();
    else
        startDeviceCode();
}

void ConsentFlow::switchTo(Way way)
{
    if (!m_running || way == m_way)
        return;
    stopWay();
    start(way);
}

void ConsentFlow::cancel()
{
    if (!m_running)
        return;
    stopWay();
    finish(nullptr, AuthError::make(AuthError::Kind::Cancelled));
}

void ConsentFlow::startBrowser()
{
    auto *flow = new AuthCodeFlow(m_tokens, m_browser, m_config, m_loginHint, this);
    flow->setTimeout(m_browserTimeout);
    m_authFlow = flow;
    connect(flow, &AuthCodeFlow::succeeded, this, [this, flow](const TokenSet &tokens) {
        if (flow == m_authFlow)
            finish(&tokens, {});
    });
    connect(flow, &AuthCodeFlow::failed, this, [this, flow](const AuthError &error) {
        if (flow != m_authFlow)
            return;
        if (error.kind == AuthError::Kind::Browser) {
            // No browser here (or no loopback port): a code can be entered on any other device.
            qCInfo(lcAuth) << "no browser for the consent; offering a code instead";
            switchTo(Way::DeviceCode);
            return;
        }
        finish(nullptr, error);
    });
    flow->start();
}

void ConsentFlow::startDeviceCode()
{
    auto *flow = new DeviceCodeFlow(m_tokens, m_config, m_clock, this);
    m_deviceFlow = flow;
    connect(flow, &DeviceCodeFlow::codeReady, this,
        [this, flow](const QString &userCode, const QUrl &uri, const QString &, int expiresInSecs) {
            if (flow == m_deviceFlow)
                Q_EMIT codeReady(userCode, uri, expiresInSecs);
        });
    connect(flow, &DeviceCodeFlow::succeeded, this, [this, flow](const TokenSet &tokens) {
        if (flow == m_deviceFlow)
            finish(&tokens, {});
    });
    connect(flow, &DeviceCodeFlow::failed, this, [this, flow](const AuthError &error) {
        if (flow == m_deviceFlow)
            finish(nullptr, error);
    });
    flow->start();
}

void ConsentFlow::stopWay()
{
    // The browser flow keeps its listener until deleted, so a browser still loading gets its page.
    if (AuthCodeFlow *flow = std::exchange(m_authFlow, nullptr)) {
        flow->cancel();
        flow->deleteLater();
    }
    if (DeviceCodeFlow *flow = std::exchange(m_deviceFlow, nullptr)) {
        flow->cancel();
        flow->deleteLater();
    }
}

void ConsentFlow::finish(const TokenSet *tokens, const AuthError &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (tokens)
        Q_EMIT succeeded(*tokens);
    else
        Q_EMIT failed(error);
}

} // namespace keyturn
