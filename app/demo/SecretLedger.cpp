#include "demo/SecretLedger.h"

#include <QMutexLocker>

namespace keyturn::demo {

QStringList IssuedSecrets::all() const
{
    return accessTokens + refreshTokens + idTokens + authorizationCodes + codeVerifiers + codeChallenges
        + deviceCodes + deviceSecrets;
}

void SecretLedger::record(Kind kind, const QString &secret)
{
    if (secret.isEmpty())
        return;
    const QMutexLocker lock(&m_mutex);
    QStringList *list = nullptr;
    switch (kind) {
    case Kind::AccessToken:
        list = &m_secrets.accessTokens;
        break;
    case Kind::RefreshToken:
        list = &m_secrets.refreshTokens;
        break;
    case Kind::IdToken:
        list = &m_secrets.idTokens;
        break;
    case Kind::AuthorizationCode:
        list = &m_secrets.authorizationCodes;
        break;
    case Kind::CodeVerifier:
        list = &m_secrets.codeVerifiers;
        break;
    case Kind::CodeChallenge:
        list = &m_secrets.codeChallenges;
        break;
    case Kind::DeviceCode:
        list = &m_secrets.deviceCodes;
        break;
    case Kind::DeviceSecret:
        list = &m_secrets.deviceSecrets;
        break;
    }
    if (!list->contains(secret))
        list->append(secret);
}

IssuedSecrets SecretLedger::snapshot() const
{
    const QMutexLocker lock(&m_mutex);
    return m_secrets;
}

} // namespace keyturn::demo
