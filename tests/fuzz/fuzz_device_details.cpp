// Fuzzes the single-device GET body (managedDevices/{id}) with its deviceActionResults, and the
// queries the device pane makes on the parsed value.
#include "actions/DeviceDetails.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const auto details = keyturn::parseDeviceDetails(body, &error);
    if (!details) {
        if (error.isEmpty())
            std::abort(); // contract: a failure says why
        return 0;
    }
    if (details->id.isEmpty())
        std::abort(); // contract: a parsed device has an id
    (void)details->isMac();
    (void)details->isWindows();
    (void)details->isIOS();
    (void)details->isAndroid();
    (void)details->hasActionInProgress();
    for (const keyturn::DeviceActionResult &result : details->actionResults) {
        const keyturn::DeviceActionResult *newest = details->actionResult(result.actionName);
        if (!newest)
            std::abort(); // a name that is in the list must be found
    }
    (void)keyturn::parseGraphDateTime(QString::fromUtf8(body));
    return 0;
}
