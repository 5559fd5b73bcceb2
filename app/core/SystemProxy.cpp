#include "core/SystemProxy.h"

#include <QNetworkProxyFactory>

namespace keyturn {

void useSystemProxy()
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace keyturn
