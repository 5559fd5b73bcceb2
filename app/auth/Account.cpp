#include "auth/Account.h"

namespace keyturn {

QString Account::keychainKey() const
{
    const QString key = QStringLiteral("%1:%2:%3").arg(cloudId(cloud), tenantId, objectId);
#ifdef Q_OS_WIN
    return QStringLiteral("Keyturn/") + key;
#else
    return key;
#endif
}

QString Account::authorityHostOf(const QUrl &authorityRoot)
{
    const QString host = authorityRoot.host().toLower();
    if (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")
        || host == QLatin1String("::1"))
        return QStringLiteral("loopback");
    return host;
}

} // namespace keyturn
