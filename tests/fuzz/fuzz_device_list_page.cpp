// Fuzzes a Graph managedDevices list page: the full parse, the fast nextLink scan and the date
// parser both use. Any body Graph (or a proxy in between) sends must give a value, never a crash.
#include "devices/DeviceListPage.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const keyturn::DevicePage page = keyturn::parseDevicePage(body);
    if (!page.ok() && !page.records.empty())
        std::abort(); // contract: an error page carries no rows
    for (const keyturn::DeviceRecord &record : page.records) {
        if (record.id.isEmpty())
            std::abort(); // contract: rows without an id are skipped
    }
    const QUrl next = keyturn::findNextLink(body);
    (void)next.toString();
    (void)keyturn::parseGraphDateTimeMsecs(QString::fromUtf8(body));
    return 0;
}
