// SignInController: the one owner of the signed-in session. Runs the browser and device code
// flows, restores the session silently from the keychain, refreshes access tokens (< 5 min left,
// or half the lifetime for short-lived tokens, or forceRefresh after a 401; concurrent callers
// share one refresh) and serves them to the Graph
// client. Each new refresh token is written to the TokenStore before its access token is used
// (while the keychain keeps a prompt open past its promptDelay, the session goes on meanwhile).
// Interactive flows end with exactly one of signedIn / signInFailed (Cancelled after cancel()).
// Several accounts are remembered (AccountStore), each with its own keychain item; one is signed in
// at a time. switchTo() restores another one silently; a new interactive sign-in adds an account
// and keeps the others; signOut() forgets the signed-in account only, signOutOfAllAccounts() all.
//
//   restoreSession: AccountStore -> [Graph root changed? GraphRootQuestion] -> TokenStore.read
//                   -> refresh_token grant -> SignedIn | SignedOut
//   switchTo: accountSwitching -> that account's cloud, client id and roots -> TokenStore.read
//             -> refresh_token grant -> SignedIn | SignedOut (its refresh refused: it signs in again)
//   signInWithBrowser: AuthCodeFlow -> tokens -> AccountStore + TokenStore.write -> SignedIn
//   (the account remembers whether it used the browser or a code: a later consent goes that way)
//   requestScope: refresh asking for the scope -> Granted | NeedsConsent (-> consentToScope:
//   ConsentFlow by browser or code, same account -> tokens -> TokenStore.write -> Granted) | Refused
//   A keychain job still open after the store's promptDelay may be a system password prompt:
//   restoreWaitStarted / rememberWaitStarted say so, the sign-in goes on meanwhile, and the job is
//   waited for up to the store's waitLimit (goOnWithoutRemembering ends the wait for a write).
//   refresh refused (invalid_grant/interaction_required) -> SignedOut + reauthenticationRequired
//   Graph claims challenge -> refresh with the claims -> token | interaction_required -> the next
//   interactive sign-in carries the claims (every request also declares the "cp1" capability)
#pragma once

#include "auth/Account.h"
#include "auth/AuthError.h"
#include "auth/CloudConfig.h"
#include "auth/TokenClient.h"
#include "auth/TokenResponse.h"
#include "core/AccessTokenProvider.h"
#include "core/ScopeGrants.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace keyturn {

class AccountStore;
class AuthCodeFlow;
class BrowserLauncher;
class Clock;
class ConsentFlow;
class DeviceCodeFlow;
class GraphRootQuestion;
class RefreshTokenKeeper;
class TokenStore;

class SignInController : public QObject, public AccessTokenProvider, public ScopeGrants {
    Q_OBJECT
public:
    enum class State {
        SignedOut,
        RestoringSession,
        WaitingForBrowser,
        WaitingForDeviceCode,
        RedeemingCode,
        SignedIn
    };
    Q_ENUM(State)

    /// None of the pointers is owned; all must outlive the controller.
    SignInController(QNetworkAccessManager *network, TokenStore *store, BrowserLauncher *browser,
        const Clock &clock, QObject *parent = nullptr);
    ~SignInController() override;

    void setConfig(const AuthConfig &config);
    const AuthConfig &config() const { return m_config; }
    /// Where account metadata lives (not owned; nullptr = default QSettings). Set before use.
    void setSettings(QSettings *settings);
    /// Asked at restore when the configured Graph root is not the remembered account's, before any
    /// token is requested (not owned; nullptr = keep the account's Graph root without asking).
    void setGraphRootQuestion(GraphRootQuestion *question) { m_graphRootQuestion = question; }
    /// Browser flow timeout (default 5 minutes).
    void setBrowserTimeout(std::chrono::milliseconds timeout) { m_browserTimeout = timeout; }
    /// First back-off delay of refresh retries after network errors / 5xx (default 1 s, doubling).
    void setRetryBaseDelay(std::chrono::milliseconds delay) { m_retryBaseDelay = delay; }

    State state() const { return m_state; }
    std::optional<Account> account() const;
    QStringList grantedScopes() const { return m_scopes; }
    bool hasScope(const QString &shortName) const;
    bool isRemembered() const { return m_remembered; }
    QString rememberedLoginHint() const { return m_loginHint; }
    /// When the cached access token expires (msecs since epoch on the controller's clock; 0 = none).
    qint64 accessTokenExpiresAtMSecs() const { return m_accessExpiresMs; }

    void restoreSession();
    /// Every remembered account, in the order they were added.
    QList<Account> rememberedAccounts() const;
    /// The remembered account used last (signed in or not), if any.
    std::optional<Account> lastUsedAccount() const;
    /// The account's refresh token was refused or is gone from the keychain: it must sign in again.
    bool needsSignIn(const Account &account) const;
    /// Leaves the current session (nothing is deleted) and restores the remembered account with
    /// this keychain key silently, with its own cloud, client id and roots. False when no such account
    /// is remembered. An account that must sign in again ends in reauthenticationRequired.
    bool switchTo(const QString &keychainKey);
    /// The next interactive sign-in is for another account: no login hint, any tenant.
    void prepareToAddAccount();
    void signInWithBrowser();
    void signInWithDeviceCode();
    void cancel();
    /// Forgets the signed-in (or last used) account: its keychain item and settings. Others stay.
    void signOut();
    /// Forgets every remembered account and deletes all their keychain items.
    void signOutOfAllAccounts();
    /// Stops waiting for a keychain write: this sign-in is not remembered, and an item that lands
    /// after all is removed.
    void goOnWithoutRemembering();
    /// A keychain write is unanswered past the prompt delay and still waited for.
    bool isWaitingForKeychain() const;
    void getAccessToken(bool forceRefresh, QObject *context, Callback callback) override;
    void getAccessTokenForClaims(const QString &claimsJson, QObject *context, Callback callback) override;
    /// The claims of a Graph challenge still to be satisfied by the next sign-in (empty: none).
    QString pendingClaimsChallenge() const { return m_claimsChallenge; }

    // --- incremental consent (ScopeGrants): a scope beyond the sign-in's own ---
    /// Makes the access token carry scope (a short name): at once when it does, else by a silent
    /// refresh that asks for it (shared with other refreshes; never signs out when Entra refuses the
    /// scope). The callback runs once unless context dies first.
    void requestScope(const QString &scope, QObject *context, ScopeCallback callback) override;
    /// Asks the user to consent to scope as the signed-in account, the way the account signed in
    /// (consentWay()): in the browser with the account as login hint, or with a code shown through
    /// consentCodeReady. Granted only when the same account consented; a decline, a cancel, an
    /// expired code or another account ends in Refused (the message says which), still signed in.
    /// One consent at a time: a second ask for the same scope waits for the same answer.
    void consentToScope(const QString &scope, QObject *context, ScopeCallback callback) override;
    void consentToScope(const QString &scope, ConsentWay way, QObject *context, ScopeCallback callback);
    ConsentWay consentWay() const override;
    QString signedInAs() const override { return m_account ? m_account->upn : QString(); }
    /// The consent under way, if any: its scope (empty when none) and way.
    QString consentScope() const { return m_consentScope; }
    ConsentWay runningConsentWay() const;
    /// Continues the consent under way the other way ("Use a code instead", "Use the browser instead").
    void switchConsentWay(ConsentWay way);
    /// Ends the consent under way: its callers hear Refused with "cancelled".
    void cancelConsent();

Q_SIGNALS:
    void stateChanged(keyturn::SignInController::State state);
    void signedIn(const keyturn::Account &account);
    void signedOut();
    void signInFailed(const keyturn::AuthError &error);
    void reauthenticationRequired(const QString &loginHint, const keyturn::AuthError &error);
    /// A remembered account's keychain item is gone (deleted outside Keyturn): signed out, hint kept.
    void rememberedSignInMissing(const QString &loginHint);
    void deviceCodeReady(
        const QString &userCode, const QUrl &verificationUri, const QString &message, int expiresInSecs);
    /// remembered == false: the sign-in will not be remembered (message says why). remembered ==
    /// true with a message: remembered after a wait for the keychain.
    void rememberStatusChanged(bool remembered, const QString &message);
    /// The keychain has not answered the write of the sign-in for a while (a prompt may be open).
    void rememberWaitStarted();
    /// The keychain has not answered the read of the remembered sign-in for a while.
    void restoreWaitStarted();
    void restoreFinished(bool signedIn);
    /// A consent started, or switched its way (runningConsentWay()); no code is known yet.
    void consentWaiting(const QString &scope);
    /// The code to enter at verificationUri for the consent under way.
    void consentCodeReady(const QString &userCode, const QUrl &verificationUri, int expiresInSecs);
    /// The consent under way has its answer (granted or not); nothing to show any more.
    void consentEnded();
    /// A restore found the remembered account and its keychain item: the account is known, its
    /// session is being refreshed (signedIn or restoreFinished(false) follows).
    void accountRestored(const keyturn::Account &account);
    /// The account's keychain item is deleted or found gone (sign-out, a dead refresh token, another
    /// account signing in, an item deleted outside Keyturn): what is kept for it on disk goes too.
    void accountForgotten(const keyturn::Account &account);
    /// A switch to account started: what the screen shows of the account before goes now.
    void accountSwitching(const keyturn::Account &account);
    /// An account was added, removed, or must sign in again (rememberedAccounts(), needsSignIn()).
    void rememberedAccountsChanged();

private:
    struct Waiter {
        QPointer<QObject> context;
        Callback callback;
    };
    enum class RefreshPurpose { Restore, Session };

    void setState(State state);
    void startInteractive(State waitingState);
    void onInteractiveTokens(const TokenSet &tokens);
    void onInteractiveFailed(const AuthError &error);
    void endInteractive();
    void askAboutGraphRoot(Account account, quint64 generation);
    /// The account's cloud, client id, sign-in and Graph roots become the config (the demo's
    /// loopback root stays as it is).
    void useAccountConfig(const Account &account);
    /// The account's refresh token is refused or gone: it stays listed, marked to sign in again.
    void markNeedsSignIn(const Account &account);
    /// Deletes the account's keychain item (a failure is logged).
    void removeKeychainItem(const Account &account);
    /// Ends the session after its account was forgotten: state SignedOut, signedOut().
    void finishSignOut(const QList<Account> &forgotten);
    void readRememberedToken(const Account &account, quint64 generation);
    /// Saves the config that signed in (AuthSettings), so a later plain start restores it.
    void rememberConfig();
    void refresh(RefreshPurpose purpose);
    void onRefreshFailed(RefreshPurpose purpose, const AuthError &error);
    /// Writes the refresh token (when the keychain works), then runs then().
    void persistRefreshToken(const QString &refreshToken, std::function<void()> then);
    void applyTokens(const TokenSet &tokens);
    void clearSession();
    void flushWaiters(const QString &token, const QString &error);
    void setRemembered(bool remembered, const QString &message);
    /// After a refresh: answers the scope waiters whose scope that refresh asked for.
    void answerScopeWaiters(const QStringList &askedScopes);
    void answerScopeWaiters(const QStringList &askedScopes, ScopeAnswer answer, const QString &message);
    /// Whether the token carries scope now: then it is remembered among the extra scopes; if not,
    /// the sentence that says so.
    std::pair<ScopeAnswer, QString> scopeOutcome(const QString &scope);
    void onConsentTokens(const TokenSet &tokens);
    void onConsentFailed(const AuthError &error);
    /// Answers every caller of the consent under way and forgets it.
    void endConsent(ScopeAnswer answer, const QString &message);

    TokenStore *m_store;
    RefreshTokenKeeper *m_keeper; // child
    BrowserLauncher *m_browser;
    const Clock &m_clock;
    TokenClient m_tokenClient;
    std::unique_ptr<AccountStore> m_accounts;
    QSettings *m_settings = nullptr;
    GraphRootQuestion *m_graphRootQuestion = nullptr;
    AuthConfig m_config;
    State m_state = State::SignedOut;
    State m_stateBeforeInteractive = State::SignedOut;
    Account::SignInWay m_interactiveWay = Account::SignInWay::Browser;

    std::optional<Account> m_account;
    QString m_accessToken; // secret
    QString m_refreshToken; // secret
    qint64 m_accessExpiresMs = 0;
    qint64 m_accessLifetimeMs = 0;
    QStringList m_scopes;
    bool m_remembered = true;
    QString m_loginHint;
    QString m_claimsChallenge; // JSON; sent with refreshes and sign-ins until a token satisfies it
    struct ScopeWaiter {
        QString scope;
        QPointer<QObject> context;
        ScopeCallback callback;
    };
    QList<ScopeWaiter> m_scopeWaiters;
    QStringList m_askingScopes; // asked for by requestScope(), not yet in a refresh
    QStringList m_scopesInRequest; // asked for by the refresh in flight
    quint64 m_tokenEpoch = 0; // bumped when a consent brings tokens outside the refresh

    QPointer<ConsentFlow> m_consentFlow;
    QString m_consentScope;
    Account m_consentAccount; // who the consent is asked for
    QList<ScopeWaiter> m_consentWaiters;

    QPointer<AuthCodeFlow> m_authFlow;
    QPointer<DeviceCodeFlow> m_deviceFlow;
    std::chrono::milliseconds m_browserTimeout = std::chrono::minutes(5);

    QList<Waiter> m_waiters;
    bool m_refreshing = false;
    int m_refreshAttempt = 0;
    std::chrono::milliseconds m_retryBaseDelay = std::chrono::seconds(1);
    QTimer m_retryTimer;
    quint64 m_generation = 0; ///< bumped by sign-out/new sign-in: late answers are dropped
};

} // namespace keyturn
