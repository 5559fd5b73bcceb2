#include "auth/RefreshTokenKeeper.h"

#include "auth/PatientKeychainCall.h"
#include "core/Logging.h"

#include <memory>

namespace keyturn {

RefreshTokenKeeper::RefreshTokenKeeper(TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void RefreshTokenKeeper::keep(const QString &key, const QString &secret, std::function<void()> then)
{
    if (m_inFlight) {
        m_queued = Write{ key, secret };
        then();
        return;
    }
    start(key, secret, std::move(then));
}

void RefreshTokenKeeper::letGo()
{
    m_queued.reset();
    if (m_inFlight)
        m_discardInFlight = true;
}

void RefreshTokenKeeper::start(const QString &key, const QString &secret, std::function<void()> then)
{
    m_inFlight = true;
    m_inFlightKey = key;
    m_slow = false;
    m_discardInFlight = false;
    auto thenOnce = std::make_shared<std::function<void()>>(std::move(then));
    auto runThen = [thenOnce] {
        if (auto next = std::exchange(*thenOnce, {}))
            next();
    };
    TokenStore *store = m_store;
    callPatiently(
        m_store, this,
        [store, key, secret](QObject *context, TokenStore::Callback callback) {
            store->write(key, secret, context, std::move(callback));
        },
        PatientCallbacks{
            [this, runThen] {
                m_slow = true;
                if (!m_discardInFlight)
                    Q_EMIT waiting();
                runThen();
            },
            [this, key, runThen](const TokenStore::Result &result) {
                onAnswered(key, result);
                runThen();
            },
            [this, key](const TokenStore::Result &result) { onLateAnswer(key, result); },
        });
}

void RefreshTokenKeeper::onAnswered(const QString &key, const TokenStore::Result &result)
{
    const bool slow = m_slow;
    const bool discard = m_discardInFlight;
    m_inFlight = false;
    m_slow = false;
    m_discardInFlight = false;
    if (discard) {
        if (result.status == TokenStore::Status::Ok && !isStillWriting(key)) {
            qCInfo(lcKeychain) << "a keychain write landed after it was let go of; removing the item";
            removeItem(key);
        }
    } else if (result.status == TokenStore::Status::Ok) {
        if (slow) {
            qCInfo(lcKeychain) << "the system keychain answered after a wait; the sign-in is remembered";
            Q_EMIT rememberedAfterWait();
        }
    } else {
        m_queued.reset();
        Q_EMIT failed(result.message);
        return;
    }
    if (m_queued) {
        const Write next = *std::exchange(m_queued, std::nullopt);
        start(next.key, next.secret, [] {});
    }
}

void RefreshTokenKeeper::onLateAnswer(const QString &key, const TokenStore::Result &result)
{
    // The wait limit had passed and the sign-in was declared not remembered: keep it that way.
    if (result.status == TokenStore::Status::Ok && !isStillWriting(key)) {
        qCInfo(lcKeychain) << "a keychain write landed after the wait limit; removing the item";
        removeItem(key);
    }
}

bool RefreshTokenKeeper::isStillWriting(const QString &key) const
{
    return (m_queued && m_queued->key == key) || (m_inFlight && m_inFlightKey == key);
}

void RefreshTokenKeeper::removeItem(const QString &key)
{
    m_store->remove(key, this, [](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::Unavailable)
            qCWarning(lcKeychain) << "could not remove a keychain item that landed late";
    });
}

} // namespace keyturn
