// Fuzzes a Graph managedDevices list page: the full parse (a hand-written pull parser), the fast
// nextLink scan and the date parser. Any body must give a value, never a crash; and where Qt's own
// JSON parser also reads a page, both must find the same rows (a differential check).
#include "devices/DeviceListPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

namespace {

// The ids QJsonDocument sees in a page, or false when it does not see one.
bool referenceIds(const QByteArray &body, QStringList *ids)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonValue value = doc.object().value(QLatin1String("value"));
    if (!value.isArray())
        return false;
    for (const QJsonValue item : value.toArray()) {
        const QString id = item.toObject().value(QLatin1String("id")).toString();
        if (!id.isValidUtf16())
            return false; // Qt keeps a lone surrogate ("\ud800"); we read U+FFFD, on purpose
        if (!id.isEmpty())
            ids->append(id);
    }
    return true;
}

} // namespace

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
    // Qt's parser is more lenient (raw control characters in strings, "\7", "1."), so a body only
    // Qt reads is fine; but where both read a page they must agree on its rows.
    QStringList expected;
    if (page.ok() && referenceIds(body, &expected)) {
        QStringList ids;
        for (const keyturn::DeviceRecord &record : page.records)
            ids.append(record.id);
        if (ids != expected)
            std::abort(); // same rows, same order
    }
    const QUrl next = keyturn::findNextLink(body);
    (void)next.toString();
    (void)keyturn::parseGraphDateTimeMsecs(QString::fromUtf8(body));
    return 0;
}
