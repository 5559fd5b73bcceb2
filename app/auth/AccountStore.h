// AccountStore: the accounts Keyturn remembers (UPN, names, ids, cloud, client id, sign-in host,
// Graph root, browser or code), in the order they were added, which one was used last, and which
// ones must sign in again (their refresh token was refused). Kept in QSettings; never holds a
// secret: each account's refresh token is only in the keychain (TokenStore), under its keychainKey().
// Settings written when Keyturn remembered one account (the "account" group) are moved over once.
#pragma once

#include "auth/Account.h"

#include <QList>

#include <optional>

class QSettings;

namespace keyturn {

class AccountStore {
public:
    /// settings == nullptr uses the application's default QSettings. Not owned.
    explicit AccountStore(QSettings *settings = nullptr);

    /// Every remembered account, in the order they were first added.
    QList<Account> all() const;
    /// The account used last (the first one when that is not known), if any.
    std::optional<Account> load() const;
    /// The account whose UPN (case-insensitive) or keychain key is upnOrKey.
    std::optional<Account> find(const QString &upnOrKey) const;
    /// Adds the account, or updates the one with its keychain key, and makes it the last used.
    /// A saved account no longer needs to sign in again.
    void save(const Account &account);
    /// Makes the account with this keychain key the last used (nothing when it is not remembered).
    void setCurrent(const QString &keychainKey);
    /// Forgets one account.
    void remove(const QString &keychainKey);
    /// Forgets every account.
    void clear();
    /// The account's refresh token was refused or its keychain item is gone: it signs in again.
    void setNeedsSignIn(const QString &keychainKey, bool needs);
    bool needsSignIn(const QString &keychainKey) const;

private:
    QSettings *m_settings;
};

} // namespace keyturn
