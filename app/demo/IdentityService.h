// IdentityService: the Entra ID v2.0 endpoints of the demo tenant: /{tenant}/oauth2/v2.0/authorize
// (HTML user picker, or an immediate 302 with demo_user= / autoApproveUser), /token
// (authorization_code with real PKCE S256, refresh_token with rotation, device_code), /devicecode,
// and the /devicelogin pages. Errors in Entra's JSON shape. A `claims` parameter declaring the cp1
// capability makes the tokens carry xms_cc (kept across refreshes); after a session revocation a
// refresh answers interaction_required. Serves every tenant of the demo: /organizations and /common
// sign a user into their home tenant; /{tenant id or domain} accepts only that tenant's users
// (AADSTS50020 for others, also for a refresh token of another tenant). Confined to the server thread.
#pragma once

#include "demo/DemoDirectories.h"
#include "demo/DemoOptions.h"
#include "demo/DemoRequest.h"
#include "demo/HttpResponse.h"
#include "demo/SecretLedger.h"
#include "demo/SessionRevocations.h"
#include "demo/TokenMinter.h"

#include <QHash>
#include <QSet>
#include <QUrl>

namespace keyturn::demo {

class IdentityService {
public:
    /// revocations (borrowed): session revocations (CAE). ledger (borrowed, may be null) records
    /// every secret issued or received, for tests.
    IdentityService(const DemoOptions &options, const DemoDirectories &directories, const TokenMinter &minter,
        QUrl baseUrl, const SessionRevocations &revocations, SecretLedger *ledger = nullptr);

    /// True for the paths this service answers (/{tenant}/oauth2/v2.0/..., /devicelogin...).
    static bool handles(const QString &path);
    HttpResponse handle(const DemoRequest &request, qint64 nowMs);

    /// Invalidates every refresh token of the user issued up to nowMs. False for an unknown user.
    bool revoke(const QString &user, qint64 nowMs);

private:
    struct AuthCode {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        QString userKey;
        qint64 issuedMs = 0;
        bool redeemed = false;
        bool cp1 = false;
    };
    struct DeviceCode {
        QString userCode;
        QString clientId;
        QString scope;
        qint64 issuedMs = 0;
        qint64 lastPollMs = 0;
        enum class State { Pending, Approved, Declined, Spent } state = State::Pending;
        QString userKey;
        bool cp1 = false;
        QString tenantId; ///< the tenant its authority named; empty for organizations/common
    };

    /// The consentable scopes in a requested scope list (short names) the user has not yet granted
    /// this client.
    QStringList missingConsent(
        const DemoUser &user, const QString &clientId, const QString &requestedScope) const;
    /// What a token for the user and client carries: the admin-consented scopes plus the user's grants.
    QString grantedScopes(const DemoUser &user, const QString &clientId) const;

    HttpResponse authorize(const DemoRequest &request, const Authority &authority, qint64 nowMs);
    HttpResponse token(const DemoRequest &request, const Authority &authority, qint64 nowMs);
    HttpResponse deviceCode(const DemoRequest &request, const Authority &authority, qint64 nowMs);
    HttpResponse deviceLogin(const DemoRequest &request, qint64 nowMs);

    HttpResponse redeemCode(const QList<QPair<QString, QString>> &form, const DemoRequest &request,
        const Authority &authority, qint64 nowMs);
    HttpResponse redeemRefresh(const QList<QPair<QString, QString>> &form, const DemoRequest &request,
        const Authority &authority, qint64 nowMs);
    HttpResponse redeemDeviceCode(
        const QList<QPair<QString, QString>> &form, const DemoRequest &request, qint64 nowMs);
    /// AADSTS50020's text: the user is not a member of the tenant (account: the UPN, or Entra's
    /// {EmailHidden} in token responses).
    QString notInTenant(
        const QString &account, const DemoUser &user, const QString &tenantId, const QString &clientId) const;
    HttpResponse tokens(
        const DemoUser &user, const QString &clientId, const QString &requestedScope, qint64 nowMs, bool cp1);
    DeviceCode *findUserCode(const QString &userCode);
    void remember(SecretLedger::Kind kind, const QString &secret) const;

    DemoOptions m_options;
    const DemoDirectories &m_directories;
    const TokenMinter &m_minter;
    QUrl m_baseUrl;
    const SessionRevocations &m_revocations;
    SecretLedger *m_ledger;
    QHash<QString, AuthCode> m_codes;
    QHash<QString, DeviceCode> m_deviceCodes;
    QSet<QByteArray> m_usedRefreshTokens;
    QHash<QString, qint64> m_revokedUpTo;
    QHash<QString, QStringList> m_consents; ///< "<user key> <client id>" -> scopes the user consented to
};

} // namespace keyturn::demo
