// AccessTokenProvider: where the Graph client gets its bearer token. The sign-in implements it
// (refreshing before expiry and on demand); tests use StaticAccessTokenProvider.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace keyturn {

class AccessTokenProvider {
public:
    /// accessToken is empty exactly when error is set (signed out, refresh refused, network...).
    using Callback = std::function<void(const QString &accessToken, const QString &error)>;

    virtual ~AccessTokenProvider() = default;

    /// Calls back once with a token that has at least a few minutes to live, refreshing first if
    /// needed. forceRefresh=true (after a 401) redeems the refresh token even if the cached access
    /// token looks valid; concurrent requests share one refresh. The callback is dropped if
    /// context is destroyed first. It may run before this call returns when a token is cached.
    virtual void getAccessToken(bool forceRefresh, QObject *context, Callback callback) = 0;

    /// A Continuous Access Evaluation challenge: calls back once with a token issued with
    /// claimsJson (Graph's claims="..." decoded) merged into the client's own claims. When Entra
    /// wants the user to sign in again, the provider asks for that and the callback gets an error.
    /// Default: a forced refresh.
    virtual void getAccessTokenForClaims(const QString &claimsJson, QObject *context, Callback callback)
    {
        Q_UNUSED(claimsJson)
        getAccessToken(true, context, std::move(callback));
    }
};

/// A fixed token, for tests and tools. forceRefresh yields the same token.
class StaticAccessTokenProvider final : public AccessTokenProvider {
public:
    explicit StaticAccessTokenProvider(QString token)
        : m_token(std::move(token))
    { }
    void setToken(QString token) { m_token = std::move(token); }
    int refreshCount() const { return m_refreshCount; }
    QString lastClaims() const { return m_lastClaims; }
    void getAccessTokenForClaims(const QString &claimsJson, QObject *context, Callback callback) override
    {
        m_lastClaims = claimsJson;
        getAccessToken(true, context, std::move(callback));
    }
    void getAccessToken(bool forceRefresh, QObject *context, Callback callback) override
    {
        if (forceRefresh)
            ++m_refreshCount;
        QPointer<QObject> guard(context);
        if (!guard)
            return;
        if (m_token.isEmpty())
            callback(QString(), QStringLiteral("Not signed in."));
        else
            callback(m_token, QString());
    }

private:
    QString m_token;
    int m_refreshCount = 0;
    QString m_lastClaims;
};

} // namespace keyturn
