#include "auth/AuthCodeFlow.h"

#include "auth/ClientClaims.h"

#include "auth/BrowserLauncher.h"
#include "auth/LoopbackRedirectListener.h"
#include "auth/TokenClient.h"
#include "core/Logging.h"

#include <QUrlQuery>

namespace keyturn {

AuthCodeFlow::AuthCodeFlow(
    TokenClient *tokens, BrowserLauncher *browser, AuthConfig config, QString loginHint, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_browser(browser)
    , m_config(std::move(config))
    , m_loginHint(std::move(loginHint))
{ }

AuthCodeFlow::~AuthCodeFlow() = default;

void AuthCodeFlow::start()
{
    m_running = true;
    delete m_listener;
    m_listener = new LoopbackRedirectListener(this);
    m_listener->setTimeout(m_timeout);
    m_listener->setPreferredPort(m_preferredRedirectPort);
    const QString state = generateOAuthState();
    m_pkce = generatePkce();
    if (!m_listener->start(state)) {
        fail(AuthError::make(
            AuthError::Kind::Browser, tr("Keyturn could not open a local port to receive the sign-in.")));
        return;
    }
    connect(m_listener, &LoopbackRedirectListener::codeReceived, this, &AuthCodeFlow::redeem);
    connect(m_listener, &LoopbackRedirectListener::failed, this, &AuthCodeFlow::fail);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), m_listener->redirectUri().toString());
    query.addQueryItem(QStringLiteral("scope"), m_config.scopes().join(QLatin1Char(' ')));
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge"), m_pkce.challenge);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("response_mode"), QStringLiteral("query"));
    query.addQueryItem(QStringLiteral("claims"), claimsRequest(m_claimsChallenge));
    if (m_loginHint.isEmpty()) {
        query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("select_account"));
    } else {
        query.addQueryItem(QStringLiteral("login_hint"), m_loginHint);
    }
    // Encode every reserved character: QUrlQuery alone leaves '+', ':' and '/' as they are.
    QString encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    }
    m_authorizeUrl = m_config.authorizeUrl();
    m_authorizeUrl.setQuery(encoded, QUrl::StrictMode);

    qCInfo(lcAuth) << "browser sign-in started at" << m_config.authorizeUrl().toString();
    if (!m_browser || !m_browser->openUrl(m_authorizeUrl)) {
        m_listener->close();
        fail(AuthError::make(AuthError::Kind::Browser, tr("No web browser could be opened.")));
    }
}

void AuthCodeFlow::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_listener)
        m_listener->close();
    qCInfo(lcAuth) << "browser sign-in cancelled";
}

void AuthCodeFlow::redeem(const QString &code)
{
    if (!m_running)
        return;
    Q_EMIT redeeming();
    const TokenClient::FormFields fields{
        { QStringLiteral("client_id"), m_config.clientId },
        { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
        { QStringLiteral("code"), code },
        { QStringLiteral("redirect_uri"), m_listener->redirectUri().toString() },
        { QStringLiteral("code_verifier"), m_pkce.verifier },
        { QStringLiteral("scope"), m_config.scopes().join(QLatin1Char(' ')) },
        { QStringLiteral("claims"), claimsRequest(m_claimsChallenge) },
    };
    m_tokens->requestTokens(m_config.tokenUrl(), fields, this, [this](const TokenResponse &response) {
        if (!m_running)
            return;
        m_pkce = {};
        if (!response.ok()) {
            fail(response.error);
            return;
        }
        m_running = false;
        Q_EMIT succeeded(response.tokens);
    });
}

void AuthCodeFlow::fail(const AuthError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_pkce = {};
    qCInfo(lcAuth) << "browser sign-in failed:" << static_cast<int>(error.kind) << error.error;
    Q_EMIT failed(error);
}

} // namespace keyturn
