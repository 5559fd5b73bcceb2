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

} // namespace keyturn
