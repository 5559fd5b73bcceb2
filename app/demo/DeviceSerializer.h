// DeviceSerializer: writes managedDevice JSON objects straight into a byte buffer (no QJsonObject
// per device, so 1000-device pages stay cheap). List items carry the list quirks (empty
// deviceActionResults, default hardwareInformation, physicalMemoryInBytes 0); detail items are full.
#pragma once

#include "demo/DeviceStore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace keyturn::demo {

class DeviceSerializer {
public:
    /// Canonical property names of microsoft.graph.managedDevice, in output order.
    static const QStringList &propertyNames();
    /// Resolves a $select list (case-insensitive) to property indexes. On an unknown name returns
    /// false and sets *unknown to it.
    static bool resolveSelect(const QString &select, QList<int> *properties, QString *unknown);

    /// A list item; properties empty = every property.
    static void appendListItem(
        QByteArray &out, const DeviceStore &store, qsizetype index, const QList<int> &properties);
    /// The single-device object (deviceActionResults and hardwareInformation filled).
    static void appendDetail(QByteArray &out, const DeviceStore &store, qsizetype index, qint64 nowMs);
};

} // namespace keyturn::demo
