#include "auth/SignInController.h"

#include "auth/AccountStore.h"
#include "auth/AuthCodeFlow.h"
#include "auth/AuthSettings.h"
#include "auth/ClientClaims.h"
#include "auth/ConsentFlow.h"
#include "auth/DeviceCodeFlow.h"
#include "auth/GraphRootQuestion.h"
#include "auth/JwtClaims.h"
#include "auth/PatientKeychainCall.h"
#include "auth/RefreshTokenKeeper.h"
#include "auth/RememberedAccountConfig.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"
#include "core/Logging.h"

#include <QSettings>

#include <algorithm>

namespace keyturn {

namespace {

constexpr qint64 kRefreshMarginMs = 5 * 60 * 1000;
constexpr int kMaxRefreshAttempts = 4;

QString notGrantedMessage(const QString &scope)
{
    return SignInController::tr(
        "Entra ID did not grant %1 to Keyturn: an administrator may have to consent to it for your "
        "organization.")
        .arg(scope);
}

} // namespace

SignInController::SignInController(QNetworkAccessManager *network, TokenStore *store,
    BrowserLauncher *browser, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keeper(new RefreshTokenKeeper(store, this))
    , m_browser(browser)
    , m_clock(clock)
    , m_tokenClient(network)
    , m_accounts(std::make_unique<AccountStore>())
{
    qRegisterMetaType<keyturn::AuthError>();
    qRegisterMetaType<keyturn::Account>();
    m_retryTimer.setSingleShot(true);
    connect(m_keeper, &RefreshTokenKeeper::waiting, this, &SignInController::rememberWaitStarted);
    connect(m_keeper, &RefreshTokenKeeper::rememberedAfterWait, this, [this] {
        if (!m_remembered)
            return;
        Q_EMIT rememberStatusChanged(true, tr("Sign-in remembered in the system keychain."));
    });
    connect(m_keeper, &RefreshTokenKeeper::failed, this,
        [this](const QString &message) { setRemembered(false, message); });
    if (const auto account = m_accounts->load())
        m_loginHint = account->upn;
}

SignInController::~SignInController() = default;

void SignInController::setConfig(const AuthConfig &config)
{
    m_config = config;
}

void SignInController::setSettings(QSettings *settings)
{
    m_settings = settings;
    m_accounts = std::make_unique<AccountStore>(settings);
    const auto account = m_accounts->load();
    m_loginHint = account ? account->upn : QString();
}

std::optional<Account> SignInController::account() const
{
    if (m_state != State::SignedIn)
        return std::nullopt;
    return m_account;
}

bool SignInController::hasScope(const QString &shortName) const
{
    for (const QString &scope : m_scopes) {
        if (scope.compare(shortName, Qt::CaseInsensitive) == 0
            || scope.endsWith(QLatin1Char('/') + shortName, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void SignInController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SignInController::setRemembered(bool remembered, const QString &message)
{
    if (m_remembered == remembered)
        return;
    m_remembered = remembered;
    Q_EMIT rememberStatusChanged(remembered,
        remembered ? QString()
                   : tr("Sign-in not remembered: you will have to sign in again next time. (The system "
                        "keychain is not available: %1)")
                         .arg(message));
}

// --- silent sign-in ---------------------------------------------------------------------------

void SignInController::restoreSession()
{
    if (m_state == State::SignedIn) {
        Q_EMIT restoreFinished(true);
        return;
    }
    if (m_state != State::SignedOut)
        return; // an interactive flow or a restore is already running
    const auto account = m_accounts->load();
    if (!account || account->cloud != m_config.cloud || account->clientId != m_config.clientId
        || account->authorityHost != Account::authorityHostOf(m_config.authorityRoot)) {
        qCInfo(lcAuth) << "no remembered account for this cloud, sign-in host and client";
        Q_EMIT restoreFinished(false);
        return;
    }
    m_loginHint = account->upn;
    if (needsSignIn(*account)) {
        Q_EMIT reauthenticationRequired(account->upn, AuthError::make(AuthError::Kind::InvalidGrant));
        Q_EMIT restoreFinished(false);
        return;
    }
    setState(State::RestoringSession);
    const quint64 generation = ++m_generation;
    if (!account->usesGraphRoot(m_config.graphRoot, m_config.authorityRoot)) {
        askAboutGraphRoot(*account, generation);
        return;
    }
    readRememberedToken(*account, generation);
}

void SignInController::askAboutGraphRoot(Account account, quint64 generation)
{
    // Nothing is read from the keychain and no token is requested until the answer is in.
    const QUrl accountRoot = account.graphRootUrl(m_config.authorityRoot);
    const QUrl configuredRoot = m_config.graphRoot;
    qCInfo(lcAuth) << "the Graph root is not the one the remembered sign-in used; asking";
    auto answered = [this, generation, account, accountRoot, configuredRoot](bool send) mutable {
        if (generation != m_generation)
            return;
        if (send) {
            account.graphRoot = Account::graphRootOf(configuredRoot, m_config.authorityRoot);
            m_accounts->save(account);
            rememberConfig();
        } else {
            m_config.graphRoot = accountRoot;
        }
        qCInfo(lcAuth) << (send ? "the new Graph root was accepted" : "keeping the account's Graph root");
        readRememberedToken(account, generation);
    };
    if (m_graphRootQuestion)
        m_graphRootQuestion->ask(accountRoot, configuredRoot, this, std::move(answered));
    else
        answered(false);
}

void SignInController::readRememberedToken(const Account &account, quint64 generation)
{
    TokenStore *store = m_store;
    const QString key = account.keychainKey();
    auto answered = [this, generation, account](const TokenStore::Result &result) {
        if (generation != m_generation)
            return;
        switch (result.status) {
        case TokenStore::Status::Ok:
            m_account = account;
            m_refreshToken = result.secret;
            m_refreshAttempt = 0;
            Q_EMIT accountRestored(account);
            if (generation != m_generation)
                return; // signed out meanwhile
            refresh(RefreshPurpose::Restore);
            return;
        case TokenStore::Status::NotFound:
            qCInfo(lcAuth) << "remembered account has no keychain item";
            break;
        case TokenStore::Status::Unavailable:
            setRemembered(false, result.message);
            break;
        }
        setState(State::SignedOut);
        if (result.status == TokenStore::Status::NotFound) {
            markNeedsSignIn(account);
            Q_EMIT accountForgotten(account);
            Q_EMIT rememberedSignInMissing(account.upn);
        }
        Q_EMIT restoreFinished(false);
    };
    // A locked keyring may show its unlock prompt now: say so, and let the user sign in instead.
    callPatiently(
        m_store, this,
        [store, key](QObject *context, TokenStore::Callback callback) {
            store->read(key, context, std::move(callback));
        },
        PatientCallbacks{ [this, generation] {
                             if (generation == m_generation && m_state == State::RestoringSession)
                                 Q_EMIT restoreWaitStarted();
                         },
            std::move(answered), {} });
}

void SignInController::refresh(RefreshPurpose purpose)
{
    if (!m_account || m_refreshToken.isEmpty()) {
        flushWaiters(QString(), tr("Not signed in."));
        return;
    }
    m_refreshing = true;
    const quint64 generation = m_generation;
    AuthConfig asked = m_config;
    m_scopesInRequest = std::exchange(m_askingScopes, {});
    asked.extraScopes += m_scopesInRequest;
    const TokenClient::FormFields fields{
        { QStringLiteral("client_id"), m_config.clientId },
        { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
        { QStringLiteral("refresh_token"), m_refreshToken },
        { QStringLiteral("scope"), asked.scopes().join(QLatin1Char(' ')) },
        { QStringLiteral("claims"), claimsRequest(m_claimsChallenge) },
    };
    qCInfo(lcAuth) << "refreshing the access token" << (m_claimsChallenge.isEmpty() ? "" : "with claims");
    m_tokenClient.requestTokens(m_config.tokenUrl(m_account->tenantId), fields, this,
        [this, generation, purpose, epoch = m_tokenEpoch](const TokenResponse &response) {
            if (generation != m_generation)
                return;
            if (epoch != m_tokenEpoch && m_account) {
                // A consent in the browser brought newer tokens while this refresh ran: keep those.
                m_refreshing = false;
                m_refreshAttempt = 0;
                answerScopeWaiters(std::exchange(m_scopesInRequest, {}));
                flushWaiters(m_accessToken, QString());
                return;
            }
            if (!response.ok()) {
                onRefreshFailed(purpose, response.error);
                return;
            }
            const QString newRefresh
                = response.tokens.refreshToken.isEmpty() ? m_refreshToken : response.tokens.refreshToken;
            m_refreshToken = newRefresh;
            persistRefreshToken(newRefresh, [this, generation, purpose, epoch, tokens = response.tokens] {
                if (generation != m_generation)
                    return;
                m_refreshing = false;
                m_refreshAttempt = 0;
                m_claimsChallenge.clear();
                // A consent may have brought newer tokens while the keychain took this one.
                if (epoch == m_tokenEpoch)
                    applyTokens(tokens);
                answerScopeWaiters(std::exchange(m_scopesInRequest, {}));
                if (purpose == RefreshPurpose::Restore) {
                    setState(State::SignedIn);
                    qCInfo(lcAuth) << "session restored silently";
                    Q_EMIT signedIn(*m_account);
                    Q_EMIT restoreFinished(true);
                }
                flushWaiters(m_accessToken, QString());
                if (!m_askingScopes.isEmpty() && !m_refreshing && m_state == State::SignedIn)
                    refresh(RefreshPurpose::Session); // a scope asked for while this refresh ran
            });
        });
}

void SignInController::onRefreshFailed(RefreshPurpose purpose, const AuthError &error)
{
    if (!m_scopesInRequest.isEmpty()
        && (error.errorCodes.contains(65001) || error.kind == AuthError::Kind::InteractionRequired)) {
        // Entra wants consent (or more) for the new scope; the sign-in itself is fine: ask again
        // without it, and let the caller ask the user.
        qCInfo(lcAuth) << "a new scope needs interactive consent:" << error.errorCodes;
        answerScopeWaiters(
            std::exchange(m_scopesInRequest, {}), ScopeAnswer::NeedsConsent, error.userMessage());
        refresh(purpose);
        return;
    }
    if (error.isTransient() && m_refreshAttempt + 1 < kMaxRefreshAttempts) {
        const auto delay = m_retryBaseDelay * (1 << m_refreshAttempt);
        ++m_refreshAttempt;
        qCInfo(lcAuth) << "refresh failed transiently; retrying in" << delay.count() << "ms";
        m_retryTimer.disconnect(this);
        connect(&m_retryTimer, &QTimer::timeout, this, [this, purpose] { refresh(purpose); });
        m_retryTimer.start(delay);
        return;
    }
    m_refreshing = false;
    m_refreshAttempt = 0;
    answerScopeWaiters(std::exchange(m_scopesInRequest, {}), ScopeAnswer::Refused, error.userMessage());
    if (error.kind == AuthError::Kind::InvalidGrant || error.kind == AuthError::Kind::InteractionRequired) {
        // The refresh token is dead: forget it (keychain too) but keep the UPN as login hint.
        const QString hint = m_account ? m_account->upn : m_loginHint;
        const std::optional<Account> forgotten = m_account;
        m_keeper->letGo();
        if (m_account)
            m_store->remove(m_account->keychainKey(), this, [](const TokenStore::Result &) {});
        clearSession();
        if (forgotten) {
            markNeedsSignIn(*forgotten);
            Q_EMIT accountForgotten(*forgotten);
        }
        m_loginHint = hint;
        setState(State::SignedOut);
        flushWaiters(QString(), error.userMessage());
        qCInfo(lcAuth) << "refresh refused; sign-in required:" << error.error << error.errorCodes;
        Q_EMIT reauthenticationRequired(hint, error);
        if (purpose == RefreshPurpose::Restore)
            Q_EMIT restoreFinished(false);
        return;
    }
    flushWaiters(QString(), error.userMessage());
    if (purpose == RefreshPurpose::Restore) {
        // Keep the keychain item: the next start (or a retry) can still restore.
        clearSession();
        setState(State::SignedOut);
        Q_EMIT signInFailed(error);
        Q_EMIT restoreFinished(false);
    }
    // In a session: stay signed in; the next getAccessToken() tries again.
}

void SignInController::persistRefreshToken(const QString &refreshToken, std::function<void()> then)
{
    if (!m_remembered || !m_account || refreshToken.isEmpty()) {
        then();
        return;
    }
    // Failures reach setRemembered through the keeper's failed signal.
    m_keeper->keep(m_account->keychainKey(), refreshToken, std::move(then));
}

void SignInController::goOnWithoutRemembering()
{
    if (!m_keeper->isWaiting())
        return;
    qCInfo(lcAuth) << "going on without remembering the sign-in";
    m_keeper->letGo();
    m_remembered = false;
    Q_EMIT rememberStatusChanged(
        false, tr("Sign-in not remembered: you will have to sign in again next time."));
}

bool SignInController::isWaitingForKeychain() const
{
    return m_keeper->isWaiting();
}

void SignInController::applyTokens(const TokenSet &tokens)
{
    m_accessToken = tokens.accessToken;
    m_accessLifetimeMs = tokens.expiresInSecs * 1000;
    m_accessExpiresMs = m_clock.nowMSecs() + m_accessLifetimeMs;
    if (const auto claims = decodeJwtClaims(tokens.accessToken); claims && !claims->scopes.isEmpty()) {
        m_scopes = claims->scopes;
    } else {
        // Opaque access token: fall back to the granted scopes of the token answer.
        m_scopes.clear();
        for (const QString &scope : tokens.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            m_scopes << scope.mid(scope.lastIndexOf(QLatin1Char('/')) + 1);
    }
}

void SignInController::clearSession()
{
    m_account.reset();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessExpiresMs = 0;
    m_accessLifetimeMs = 0;
    m_scopes.clear();
    m_retryTimer.stop();
    m_refreshing = false;
    m_config.extraScopes.clear();
    m_askingScopes.clear();
    const QStringList asked = std::exchange(m_scopesInRequest, {});
    QStringList waiting;
    for (const ScopeWaiter &waiter : std::as_const(m_scopeWaiters))
        waiting.append(waiter.scope);
    answerScopeWaiters(waiting, ScopeAnswer::Refused, tr("Not signed in."));
    if (m_consentFlow) {
        m_consentFlow->disconnect(this);
        m_consentFlow->cancel();
        endConsent(ScopeAnswer::Refused, tr("Not signed in."));
    }
}

void SignInController::flushWaiters(const QString &token, const QString &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(
                token, token.isEmpty() ? (error.isEmpty() ? tr("Not signed in.") : error) : QString());
    }
}

void SignInController::getAccessToken(bool forceRefresh, QObject *context, Callback callback)
{
    QPointer<QObject> guard(context);
    if (!guard)
        return;
    if (m_state == State::RestoringSession || m_refreshing) {
        m_waiters.append({ guard, std::move(callback) });
        return;
    }
    if (!m_account || (m_refreshToken.isEmpty() && m_accessToken.isEmpty())) {
        callback(QString(), tr("Not signed in."));
        return;
    }
    // Short-lived tokens (the demo's 60 s) refresh at half-life instead of on every call.
    const qint64 margin = qMin(kRefreshMarginMs, m_accessLifetimeMs / 2);
    const bool fresh = !m_accessToken.isEmpty() && m_accessExpiresMs - m_clock.nowMSecs() > margin;
    if (fresh && !forceRefresh) {
        callback(m_accessToken, QString());
        return;
    }
    if (m_refreshToken.isEmpty()) {
        callback(QString(), tr("Your sign-in has expired. Please sign in again."));
        return;
    }
    m_waiters.append({ guard, std::move(callback) });
    m_refreshAttempt = 0;
    refresh(RefreshPurpose::Session);
}

void SignInController::getAccessTokenForClaims(const QString &claimsJson, QObject *context, Callback callback)
{
    QPointer<QObject> guard(context);
    if (!guard)
        return;
    if (!m_account || m_refreshToken.isEmpty()) {
        callback(QString(), tr("Your sign-in has expired. Please sign in again."));
        return;
    }
    qCInfo(lcAuth) << "Microsoft Graph sent a claims challenge";
    m_claimsChallenge = claimsJson;
    m_waiters.append({ guard, std::move(callback) });
    if (m_state == State::RestoringSession || m_refreshing)
        return; // the refresh in flight is answered first; a token without the claims is challenged again
    m_refreshAttempt = 0;
    refresh(RefreshPurpose::Session);
}

// --- incremental consent --------------------------------------------------------------------------

void SignInController::requestScope(const QString &scope, QObject *context, ScopeCallback callback)
{
    QPointer<QObject> guard(context);
    if (!guard)
        return;
    if (hasScope(scope)) {
        callback(ScopeAnswer::Granted, QString());
        return;
    }
    if (!m_account || m_refreshToken.isEmpty()) {
        callback(ScopeAnswer::Refused, tr("Not signed in."));
        return;
    }
    m_scopeWaiters.append({ scope, guard, std::move(callback) });
    if (!m_askingScopes.contains(scope))
        m_askingScopes.append(scope);
    if (m_state == State::RestoringSession || m_refreshing)
        return; // the next refresh asks for it
    m_refreshAttempt = 0;
    refresh(RefreshPurpose::Session);
}

std::pair<ScopeGrants::ScopeAnswer, QString> SignInController::scopeOutcome(const QString &scope)
{
    if (!hasScope(scope))
        return { ScopeAnswer::Refused, notGrantedMessage(scope) };
    if (!m_config.extraScopes.contains(scope))
        m_config.extraScopes.append(scope);
    return { ScopeAnswer::Granted, QString() };
}

void SignInController::answerScopeWaiters(const QStringList &askedScopes)
{
    for (const QString &scope : askedScopes) {
        const auto [answer, message] = scopeOutcome(scope);
        answerScopeWaiters({ scope }, answer, message);
    }
}

void SignInController::answerScopeWaiters(
    const QStringList &askedScopes, ScopeAnswer answer, const QString &message)
{
    QList<ScopeWaiter> answered;
    for (auto it = m_scopeWaiters.begin(); it != m_scopeWaiters.end();) {
        if (askedScopes.contains(it->scope)) {
            answered.append(std::move(*it));
            it = m_scopeWaiters.erase(it);
        } else {
            ++it;
        }
    }
    for (const ScopeWaiter &waiter : std::as_const(answered)) {
        if (waiter.context)
            waiter.callback(answer, message);
    }
}

ScopeGrants::ConsentWay SignInController::consentWay() const
{
    return m_account && m_account->signInWay == Account::SignInWay::DeviceCode ? ConsentWay::DeviceCode
                                                                               : ConsentWay::Browser;
}

ScopeGrants::ConsentWay SignInController::runningConsentWay() const
{
    return m_consentFlow ? m_consentFlow->way() : consentWay();
}

void SignInController::consentToScope(const QString &scope, QObject *context, ScopeCallback callback)
{
    consentToScope(scope, consentWay(), context, std::move(callback));
}

void SignInController::consentToScope(
    const QString &scope, ConsentWay way, QObject *context, ScopeCallback callback)
{
    QPointer<QObject> guard(context);
    if (!guard)
        return;
    if (!m_account) {
        callback(ScopeAnswer::Refused, tr("Not signed in."));
        return;
    }
    if (m_consentFlow) {
        if (scope != m_consentScope) {
            callback(ScopeAnswer::Refused,
                tr("Keyturn is already asking for %1; finish or cancel that first.").arg(m_consentScope));
            return;
        }
        m_consentWaiters.append({ scope, guard, std::move(callback) });
        return;
    }
    AuthConfig config = m_config;
    config.tenant = m_account->tenantId; // the signed-in account's tenant, not "organizations"
    if (!config.extraScopes.contains(scope))
        config.extraScopes.append(scope);
    m_consentScope = scope;
    m_consentAccount = *m_account;
    m_consentWaiters.append({ scope, guard, std::move(callback) });
    auto *flow = new ConsentFlow(&m_tokenClient, m_browser, m_clock, config, m_account->upn, this);
    flow->setBrowserTimeout(m_browserTimeout);
    m_consentFlow = flow;
    const quint64 generation = m_generation;
    connect(flow, &ConsentFlow::waiting, this, [this] { Q_EMIT consentWaiting(m_consentScope); });
    connect(flow, &ConsentFlow::codeReady, this, &SignInController::consentCodeReady);
    connect(flow, &ConsentFlow::succeeded, this, [this, generation](const TokenSet &tokens) {
        if (generation != m_generation || !m_account)
            endConsent(ScopeAnswer::Refused, tr("The sign-in changed meanwhile."));
        else
            onConsentTokens(tokens);
    });
    connect(flow, &ConsentFlow::failed, this, &SignInController::onConsentFailed);
    flow->start(way);
}

void SignInController::switchConsentWay(ConsentWay way)
{
    if (m_consentFlow)
        m_consentFlow->switchTo(way);
}

void SignInController::cancelConsent()
{
    if (m_consentFlow)
        m_consentFlow->cancel();
}

void SignInController::onConsentTokens(const TokenSet &tokens)
{
    const Account account = m_consentAccount;
    const auto claims = decodeJwtClaims(tokens.idToken.isEmpty() ? tokens.accessToken : tokens.idToken);
    if (!claims || claims->tenantId != account.tenantId || claims->objectId != account.objectId) {
        endConsent(ScopeAnswer::Refused,
            runningConsentWay() == ConsentWay::Browser
                ? tr("The browser signed in as another account; Keyturn stays signed in as %1 and did not "
                     "use it.")
                      .arg(account.upn)
                : tr("The code was approved by another account; Keyturn stays signed in as %1 and did not "
                     "use it.")
                      .arg(account.upn));
        return;
    }
    ++m_tokenEpoch; // a refresh still in flight must not replace these tokens
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken;
    applyTokens(tokens);
    const quint64 generation = m_generation;
    persistRefreshToken(m_refreshToken, [this, generation, tokens] {
        if (generation != m_generation)
            return;
        applyTokens(tokens);
        const auto [answer, message] = scopeOutcome(m_consentScope);
        endConsent(answer, message);
    });
}

void SignInController::onConsentFailed(const AuthError &error)
{
    const bool browser = runningConsentWay() == ConsentWay::Browser;
    QString message;
    switch (error.kind) {
    case AuthError::Kind::Cancelled:
        message = tr("You cancelled the request for the permission, so Keyturn did not read anything.");
        break;
    case AuthError::Kind::Denied:
        message = browser
            ? tr("The permission was declined in the browser, so Keyturn cannot read it.")
            : tr("The sign-in with the code was declined, so Keyturn did not get the permission "
                 "and cannot read it.");
        break;
    case AuthError::Kind::Timeout:
        message = browser
            ? tr("The browser did not answer in time, so Keyturn did not get the permission. Try again.")
            : tr("The code expired before it was entered, so Keyturn did not get the permission. Try again "
                 "for a new code.");
        break;
    default:
        if (error.errorCodes.contains(65001) || error.kind == AuthError::Kind::InteractionRequired)
            message = notGrantedMessage(m_consentScope); // consent_required: an administrator's turn
        else
            message = error.userMessage();
        break;
    }
    endConsent(ScopeAnswer::Refused, message);
}

void SignInController::endConsent(ScopeAnswer answer, const QString &message)
{
    if (m_consentFlow)
        m_consentFlow->deleteLater();
    m_consentFlow = nullptr;
    m_consentScope.clear();
    const QList<ScopeWaiter> waiters = std::exchange(m_consentWaiters, {});
    Q_EMIT consentEnded();
    for (const ScopeWaiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(answer, message);
    }
}

// --- interactive sign-in ----------------------------------------------------------------------

void SignInController::signInWithBrowser()
{
    startInteractive(State::WaitingForBrowser);
}

void SignInController::signInWithDeviceCode()
{
    startInteractive(State::WaitingForDeviceCode);
}

void SignInController::startInteractive(State waitingState)
{
    if (m_authFlow)
        m_authFlow->cancel();
    if (m_deviceFlow)
        m_deviceFlow->cancel();
    if (m_authFlow)
        m_authFlow->deleteLater();
    if (m_deviceFlow)
        m_deviceFlow->deleteLater();
    if (m_state == State::SignedIn || m_state == State::SignedOut)
        m_stateBeforeInteractive = m_state;
    else if (m_state == State::RestoringSession) {
        ++m_generation; // the user chose to sign in instead of waiting for the restore
        clearSession();
        flushWaiters(QString(), tr("Not signed in."));
        m_stateBeforeInteractive = State::SignedOut;
        Q_EMIT restoreFinished(false);
    }
    setState(waitingState);
    m_interactiveWay = waitingState == State::WaitingForBrowser ? Account::SignInWay::Browser
                                                                : Account::SignInWay::DeviceCode;

    if (waitingState == State::WaitingForBrowser) {
        auto *flow = new AuthCodeFlow(&m_tokenClient, m_browser, m_config, m_loginHint, this);
        flow->setTimeout(m_browserTimeout);
        flow->setClaimsChallenge(m_claimsChallenge);
        m_authFlow = flow;
        connect(flow, &AuthCodeFlow::redeeming, this, [this] { setState(State::RedeemingCode); });
        connect(flow, &AuthCodeFlow::succeeded, this, &SignInController::onInteractiveTokens);
        connect(flow, &AuthCodeFlow::failed, this, &SignInController::onInteractiveFailed);
        flow->start();
    } else {
        auto *flow = new DeviceCodeFlow(&m_tokenClient, m_config, m_clock, this);
        flow->setClaimsChallenge(m_claimsChallenge);
        m_deviceFlow = flow;
        connect(flow, &DeviceCodeFlow::codeReady, this, &SignInController::deviceCodeReady);
        connect(flow, &DeviceCodeFlow::succeeded, this, [this](const TokenSet &tokens) {
            setState(State::RedeemingCode);
            onInteractiveTokens(tokens);
        });
        connect(flow, &DeviceCodeFlow::failed, this, &SignInController::onInteractiveFailed);
        flow->start();
    }
}

void SignInController::onInteractiveTokens(const TokenSet &tokens)
{
    const auto accessClaims = decodeJwtClaims(tokens.accessToken);
    const auto idClaims = decodeJwtClaims(tokens.idToken);
    Account account;
    account.cloud = m_config.cloud;
    account.clientId = m_config.clientId;
    account.authorityHost = Account::authorityHostOf(m_config.authorityRoot);
    account.graphRoot = Account::graphRootOf(m_config.graphRoot, m_config.authorityRoot);
    account.signInWay = m_interactiveWay;
    for (const auto &claims : { idClaims, accessClaims }) {
        if (!claims)
            continue;
        if (account.tenantId.isEmpty())
            account.tenantId = claims->tenantId;
        if (account.objectId.isEmpty())
            account.objectId = claims->objectId;
        if (account.upn.isEmpty())
            account.upn = claims->upn;
        if (account.displayName.isEmpty())
            account.displayName = claims->name;
    }
    if (!account.isValid()) {
        onInteractiveFailed(AuthError::make(
            AuthError::Kind::Protocol, tr("The sign-in answer does not say which account signed in.")));
        return;
    }
    // Another account is added beside the remembered ones; each keeps its own keychain item.
    const bool sameAccount = m_account && m_account->keychainKey() == account.keychainKey();
    const quint64 generation = ++m_generation;
    if (sameAccount)
        m_keeper->letGo(); // a write still open for an earlier sign-in must not leave its item behind
    else if (m_account)
        Q_EMIT accountSwitching(account);
    clearSession();
    m_account = account;
    m_refreshToken = tokens.refreshToken;
    m_loginHint = account.upn;
    m_accounts->save(account);
    Q_EMIT rememberedAccountsChanged();
    m_claimsChallenge.clear(); // this sign-in carried it
    rememberConfig();
    m_remembered = true; // a new interactive sign-in tries the keychain again
    if (tokens.refreshToken.isEmpty())
        setRemembered(false, tr("no refresh token was issued"));
    persistRefreshToken(tokens.refreshToken, [this, generation, tokens] {
        if (generation != m_generation)
            return;
        applyTokens(tokens);
        endInteractive();
        setState(State::SignedIn);
        flushWaiters(m_accessToken, QString());
        qCInfo(lcAuth) << "signed in; remembered:" << m_remembered;
        Q_EMIT signedIn(*m_account);
    });
}

void SignInController::rememberConfig()
{
    if (m_settings) {
        saveAuthConfig(*m_settings, m_config);
        return;
    }
    QSettings settings;
    saveAuthConfig(settings, m_config);
}

void SignInController::onInteractiveFailed(const AuthError &error)
{
    endInteractive();
    const bool backToSession = m_account && m_stateBeforeInteractive == State::SignedIn;
    if (backToSession) {
        // The sign-in page may have chosen another cloud or tenant for the account that was not added.
        useAccountConfig(*m_account);
        m_loginHint = m_account->upn;
    }
    setState(backToSession ? State::SignedIn : State::SignedOut);
    Q_EMIT signInFailed(error);
}

void SignInController::endInteractive()
{
    // Flows stay alive until replaced: the browser may still fetch the listener's result page.
    if (m_deviceFlow)
        m_deviceFlow->cancel();
}

void SignInController::cancel()
{
    const bool interactive = m_state == State::WaitingForBrowser || m_state == State::WaitingForDeviceCode
        || m_state == State::RedeemingCode;
    if (!interactive)
        return;
    if (m_authFlow)
        m_authFlow->cancel();
    if (m_deviceFlow)
        m_deviceFlow->cancel();
    onInteractiveFailed(AuthError::make(AuthError::Kind::Cancelled));
}

void SignInController::signOut()
{
    std::optional<Account> account = m_account;
    if (!account)
        account = m_accounts->load();
    ++m_generation;
    m_keeper->letGo(); // a write that lands after the sign-out removes its item
    if (account) {
        removeKeychainItem(*account);
        m_accounts->remove(account->keychainKey());
    }
    finishSignOut(account ? QList<Account>{ *account } : QList<Account>{});
}

void SignInController::signOutOfAllAccounts()
{
    QList<Account> forgotten = m_accounts->all();
    if (m_account && std::none_of(forgotten.cbegin(), forgotten.cend(), [this](const Account &a) {
            return a.keychainKey() == m_account->keychainKey();
        }))
        forgotten.append(*m_account);
    ++m_generation;
    m_keeper->letGo();
    for (const Account &account : std::as_const(forgotten))
        removeKeychainItem(account);
    m_accounts->clear();
    finishSignOut(forgotten);
}

void SignInController::finishSignOut(const QList<Account> &forgotten)
{
    if (m_authFlow)
        m_authFlow->cancel();
    if (m_deviceFlow)
        m_deviceFlow->cancel();
    clearSession();
    m_claimsChallenge.clear();
    m_loginHint.clear();
    flushWaiters(QString(), tr("Signed out."));
    setState(State::SignedOut);
    qCInfo(lcAuth) << "signed out of" << forgotten.size() << "account(s)";
    for (const Account &account : forgotten)
        Q_EMIT accountForgotten(account);
    Q_EMIT rememberedAccountsChanged();
    Q_EMIT signedOut();
}

void SignInController::removeKeychainItem(const Account &account)
{
    m_store->remove(account.keychainKey(), this, [](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::Unavailable)
            qCWarning(lcAuth) << "could not delete a keychain item at sign-out";
    });
}

// --- several accounts ------------------------------------------------------------------------

QList<Account> SignInController::rememberedAccounts() const
{
    return m_accounts->all();
}

std::optional<Account> SignInController::lastUsedAccount() const
{
    return m_accounts->load();
}

bool SignInController::needsSignIn(const Account &account) const
{
    return m_accounts->needsSignIn(account.keychainKey());
}

void SignInController::markNeedsSignIn(const Account &account)
{
    if (!m_accounts->find(account.keychainKey()))
        return;
    m_accounts->setNeedsSignIn(account.keychainKey(), true);
    Q_EMIT rememberedAccountsChanged();
}

void SignInController::useAccountConfig(const Account &account)
{
    applyRememberedAccount(m_config, account);
    m_config.graphRoot = account.graphRootUrl(m_config.authorityRoot);
    m_config.tenant = account.tenantId; // signing in again goes to the account's own tenant
    m_config.extraScopes.clear();
}

void SignInController::prepareToAddAccount()
{
    m_loginHint.clear();
    m_config.tenant = QStringLiteral("organizations");
}

bool SignInController::switchTo(const QString &keychainKey)
{
    const std::optional<Account> target = m_accounts->find(keychainKey);
    if (!target)
        return false;
    if (m_state == State::SignedIn && m_account && m_account->keychainKey() == keychainKey)
        return true;
    qCInfo(lcAuth) << "switching to another remembered account";
    if (m_authFlow)
        m_authFlow->cancel();
    if (m_deviceFlow)
        m_deviceFlow->cancel();
    const quint64 generation = ++m_generation; // answers for the account before are dropped
    clearSession();
    m_claimsChallenge.clear();
    flushWaiters(QString(), tr("Keyturn switched to another account."));
    m_accounts->setCurrent(keychainKey);
    useAccountConfig(*target);
    rememberConfig();
    m_loginHint = target->upn;
    Q_EMIT accountSwitching(*target);
    if (generation != m_generation)
        return true;
    if (needsSignIn(*target)) {
        setState(State::SignedOut);
        Q_EMIT reauthenticationRequired(target->upn, AuthError::make(AuthError::Kind::InvalidGrant));
        Q_EMIT restoreFinished(false);
        return true;
    }
    setState(State::RestoringSession);
    readRememberedToken(*target, generation);
    return true;
}

} // namespace keyturn
