#include "auth/RememberedAccountConfig.h"

namespace keyturn {

void applyRememberedAccount(AuthConfig &config, const Account &account)
{
    if (account.cloud != config.cloud) {
        AuthConfig fresh = AuthConfig::forCloud(account.cloud);
        fresh.tenant = config.tenant;
        fresh.clientId = config.clientId;
        config = fresh;
    }
    if (!account.clientId.isEmpty())
        config.clientId = account.clientId;
    const QString host = account.authorityHost;
    if (host.isEmpty() || host == QLatin1String("loopback")
        || host == Account::authorityHostOf(config.authorityRoot))
        return;
    QUrl root;
    root.setScheme(QStringLiteral("https"));
    root.setHost(host);
    if (root.isValid() && validateEndpointUrl(root).isEmpty())
        config.authorityRoot = root;
}

} // namespace keyturn
