// DeviceListPage: pure, thread-safe parsing of one managedDevices list page into DeviceRecords,
// plus findNextLink(), a fast scan so the loader can ask for the next page before parsing this one.
#pragma once

#include "devices/DeviceRecord.h"
#include "devices/DeviceVocabulary.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>
#include <vector>

namespace keyturn {

struct DevicePage {
    std::vector<DeviceRecord> records;
    QUrl nextLink; ///< empty on the last page
    std::optional<qint64> count; ///< @odata.count when present (never rely on it)
    QString error; ///< non-empty when the body is not a list page (records then empty)
    bool ok() const { return error.isEmpty(); }
};

/// The $select list the device list asks for (all fields DeviceRecord holds).
QString deviceListSelect();

/// Parses a page body. Never throws; a malformed body gives error set.
DevicePage parseDevicePage(const QByteArray &body);

/// Finds the top-level "@odata.nextLink" without parsing the page; empty when absent. The full
/// parse is authoritative: the loader checks that both agree.
QUrl findNextLink(const QByteArray &body);

} // namespace keyturn
