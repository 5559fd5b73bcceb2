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
};

/// A fixed token, for tests and tools. forceRefresh yields the same token.
class StaticAccessTokenProvider final : public AccessTokenProvider {
public:
    explicit StaticAccessTokenProvider(QString token)
        : m_token(std::move(token))
    { }
    void setToken(QString token) { m_token = std::move(token); }
    int refreshCount() const { return m_refreshCount; }
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
};

} // namespace keyturn
