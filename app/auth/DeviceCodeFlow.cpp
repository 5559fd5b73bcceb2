#include "auth/DeviceCodeFlow.h"

#include "auth/ClientClaims.h"
#include "auth/TokenClient.h"
#include "core/Clock.h"
#include "core/Logging.h"

namespace keyturn {

DeviceCodeFlow::DeviceCodeFlow(TokenClient *tokens, AuthConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_config(std::move(config))
    , m_clock(clock)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

void DeviceCodeFlow::start()
{
    m_running = true;
    const TokenClient::FormFields fields{ { QStringLiteral("client_id"), m_config.clientId },
        { QStringLiteral("scope"), m_config.scopes().join(QLatin1Char(' ')) },
        { QStringLiteral("claims"), claimsRequest(m_claimsChallenge) } };
    m_tokens->postForm(m_config.deviceCodeUrl(), fields, this,
        [this](int status, const QByteArray &body, const AuthError &networkError) {
            if (!m_running)
                return;
            if (networkError.isError()) {
                fail(networkError);
                return;
            }
            const DeviceCodeResponse response = parseDeviceCodeResponse(status, body);
            if (!response.ok()) {
                fail(response.error);
                return;
            }
            m_deviceCode = response.deviceCode;
            m_intervalSecs = response.intervalSecs;
            m_expiresAtMs = m_clock.nowMSecs() + qint64(response.expiresInSecs) * 1000;
            qCInfo(lcAuth) << "device code issued; polling every" << m_intervalSecs << "s";
            Q_EMIT codeReady(
                response.userCode, QUrl(response.verificationUri), response.message, response.expiresInSecs);
            m_pollTimer.start(m_intervalSecs * 1000);
        });
}

void DeviceCodeFlow::cancel()
{
    m_running = false;
    m_pollTimer.stop();
    m_deviceCode.clear();
}

void DeviceCodeFlow::poll()
{
    if (!m_running)
        return;
    if (m_clock.nowMSecs() >= m_expiresAtMs) {
        fail(AuthError::make(AuthError::Kind::Timeout, tr("The sign-in code has expired.")));
        return;
    }
    const TokenClient::FormFields fields{
        { QStringLiteral("client_id"), m_config.clientId },
        { QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
        { QStringLiteral("device_code"), m_deviceCode },
        { QStringLiteral("claims"), claimsRequest(m_claimsChallenge) },
    };
    m_tokens->requestTokens(m_config.tokenUrl(), fields, this, [this](const TokenResponse &response) {
        if (!m_running)
            return;
        if (response.ok()) {
            m_running = false;
            m_deviceCode.clear();
            Q_EMIT succeeded(response.tokens);
            return;
        }
        const AuthError &e = response.error;
        if (e.error == QLatin1String("authorization_pending") || e.isTransient()) {
            m_pollTimer.start(m_intervalSecs * 1000);
        } else if (e.error == QLatin1String("slow_down")) {
            m_intervalSecs += 5;
            m_pollTimer.start(m_intervalSecs * 1000);
        } else {
            fail(e);
        }
    });
}

void DeviceCodeFlow::fail(const AuthError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer.stop();
    m_deviceCode.clear();
    qCInfo(lcAuth) << "device code sign-in failed:" << error.error;
    Q_EMIT failed(error);
}

} // namespace keyturn
