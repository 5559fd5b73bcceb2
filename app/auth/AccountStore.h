// AccountStore: remembers which account signed in last (UPN, names, ids, cloud, client id, sign-in
// host, Graph root, browser or code) in QSettings. Never holds a secret: the refresh token is only
// in the keychain (TokenStore).
#pragma once

#include "auth/Account.h"

#include <optional>

class QSettings;

namespace keyturn {

class AccountStore {
public:
    /// settings == nullptr uses the application's default QSettings. Not owned.
    explicit AccountStore(QSettings *settings = nullptr);

    std::optional<Account> load() const;
    void save(const Account &account);
    void clear();

private:
    QSettings *m_settings;
};

} // namespace keyturn
