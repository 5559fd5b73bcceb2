// ProxyNames: the device names a DeviceFilterProxy shows, top to bottom, for tests of its order.
#pragma once

#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceTableModel.h"

#include <QStringList>

namespace keyturn::test {

inline QStringList namesInOrder(const DeviceFilterProxy &proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names.append(proxy.index(row, DeviceTableModel::Name).data().toString());
    return names;
}

} // namespace keyturn::test
