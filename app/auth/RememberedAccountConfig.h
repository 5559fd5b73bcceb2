// RememberedAccountConfig: at start, the remembered account's own cloud, client id and sign-in host
// win over the defaults and saved settings (command-line options are applied after, and win over it).
#pragma once

#include "auth/Account.h"
#include "auth/CloudConfig.h"

namespace keyturn {

/// Sets config's cloud (with that cloud's endpoints), client id and sign-in root to the account's.
/// A loopback sign-in host keeps config's root (the port is not remembered).
void applyRememberedAccount(AuthConfig &config, const Account &account);

} // namespace keyturn
