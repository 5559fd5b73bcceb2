// RefreshTokenKeeper: writes the signed-in account's newest refresh token to the TokenStore, one
// write at a time (a newer token waits behind the write in flight and replaces an older one in the
// queue). The caller goes on once the keychain answered or after the store's promptDelay,
// whichever is first: a keychain password prompt never holds up the sign-in. Writes that were let
// go of (the user goes on without remembering, signs out, or the wait limit passed) have their
// item removed if they land after all, unless a newer write for the same item follows.
#pragma once

#include "auth/TokenStore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace keyturn {

class RefreshTokenKeeper final : public QObject {
    Q_OBJECT
public:
    /// store is borrowed and must outlive the keeper.
    explicit RefreshTokenKeeper(TokenStore *store, QObject *parent = nullptr);

    /// Writes secret under key; then() runs once: when the keychain answered, or after its
    /// promptDelay, or at once when another write is still in flight.
    void keep(const QString &key, const QString &secret, std::function<void()> then);
    /// Nothing written so far is to remain: the queue is dropped and a write in flight has its
    /// item removed when it lands. Emits nothing.
    void letGo();
    /// A write is in flight and past the prompt delay, and not let go of.
    bool isWaiting() const { return m_inFlight && m_slow && !m_discardInFlight; }

Q_SIGNALS:
    /// A write has not been answered for a while: a password prompt of the system may be open.
    void waiting();
    /// A write that was waited for was answered with success.
    void rememberedAfterWait();
    /// A write failed or was not answered within the wait limit.
    void failed(const QString &message);

private:
    struct Write {
        QString key;
        QString secret; // secret
    };
    void start(const QString &key, const QString &secret, std::function<void()> then);
    void onAnswered(const QString &key, const TokenStore::Result &result);
    void onLateAnswer(const QString &key, const TokenStore::Result &result);
    /// A queued or running write will (re)write this item anyway.
    bool isStillWriting(const QString &key) const;
    void removeItem(const QString &key);

    TokenStore *m_store;
    bool m_inFlight = false;
    QString m_inFlightKey;
    bool m_slow = false;
    bool m_discardInFlight = false;
    std::optional<Write> m_queued;
};

} // namespace keyturn
