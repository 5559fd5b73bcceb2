// SecretLedger: test-only record of every secret the demo tenant issued or was shown in one run
// (tokens, authorization and device codes, PKCE verifiers and challenges, recovery keys and local
// admin passwords served), so the secret-hygiene
// test can search everything Keyturn wrote for them. Thread-safe: written on the server thread,
// read from the test's. Owned by DemoTenant; never served over HTTP.
#pragma once

#include <QMutex>
#include <QStringList>

namespace keyturn::demo {

struct IssuedSecrets {
    QStringList accessTokens;
    QStringList refreshTokens;
    QStringList idTokens;
    QStringList authorizationCodes;
    QStringList codeVerifiers;
    QStringList codeChallenges;
    QStringList deviceCodes;
    QStringList deviceSecrets; ///< FileVault and BitLocker recovery keys, LAPS passwords (plain text)

    /// Every value above, in one list.
    QStringList all() const;
};

class SecretLedger {
public:
    enum class Kind {
        AccessToken,
        RefreshToken,
        IdToken,
        AuthorizationCode,
        CodeVerifier,
        CodeChallenge,
        DeviceCode,
        DeviceSecret
    };

    void record(Kind kind, const QString &secret);
    IssuedSecrets snapshot() const;

private:
    mutable QMutex m_mutex;
    IssuedSecrets m_secrets;
};

} // namespace keyturn::demo
