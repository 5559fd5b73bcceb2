#include "devices/DeviceListCacheFile.h"

#include "core/PrivateFiles.h"
#include "devices/DeviceListPage.h"
#include "devices/DevicePageJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace keyturn {

namespace {

const QLatin1String kFormatName("keyturn-device-list");
constexpr qint64 kMaxHeaderBytes = 4096;

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::DeviceListCacheFile", text);
}

constexpr qsizetype kDigestChars = 32; // MD5 in hex: a guard against damage, not against tampering

// Every line is "<digest of the payload> <payload>\n": any damaged byte is noticed before use.
void appendLine(const QByteArray &payload, QByteArray *out)
{
    out->append(QCryptographicHash::hash(payload, QCryptographicHash::Md5).toHex());
    out->append(' ');
    out->append(payload);
    out->append('\n');
}

/// The payload of a line read from the file; nullopt when it is cut short or its digest differs.
std::optional<QByteArray> checkedPayload(const QByteArray &line)
{
    if (line.size() < kDigestChars + 2 || !line.endsWith('\n') || line[kDigestChars] != ' ')
        return std::nullopt;
    QByteArray payload = line.mid(kDigestChars + 1, line.size() - kDigestChars - 2);
    if (QCryptographicHash::hash(payload, QCryptographicHash::Md5).toHex() != line.left(kDigestChars))
        return std::nullopt;
    return payload;
}

QByteArray headerPayload(const DeviceListCacheHeader &header)
{
    const QJsonObject object{ { QStringLiteral("format"), kFormatName },
        { QStringLiteral("version"), DeviceListCacheFile::kFormatVersion },
        { QStringLiteral("account"), header.accountKey },
        { QStringLiteral("listTime"), header.listTime.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("count"), header.count }, { QStringLiteral("chunks"), header.chunks },
        { QStringLiteral("bodyBytes"), static_cast<double>(header.bodyBytes) } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// The header of line; nullopt when it is not one of this version or its values do not hold.
std::optional<DeviceListCacheHeader> parseHeader(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    if (object.value(QStringLiteral("format")).toString() != kFormatName
        || object.value(QStringLiteral("version")).toInt(-1) != DeviceListCacheFile::kFormatVersion)
        return std::nullopt;
    DeviceListCacheHeader header;
    header.accountKey = object.value(QStringLiteral("account")).toString();
    header.listTime
        = QDateTime::fromString(object.value(QStringLiteral("listTime")).toString(), Qt::ISODateWithMs);
    header.count = object.value(QStringLiteral("count")).toInt(-1);
    header.chunks = object.value(QStringLiteral("chunks")).toInt(-1);
    header.bodyBytes = static_cast<qint64>(object.value(QStringLiteral("bodyBytes")).toDouble(-1));
    const int chunksNeeded
        = (header.count + DeviceListCacheFile::kDevicesPerChunk - 1) / DeviceListCacheFile::kDevicesPerChunk;
    if (!header.listTime.isValid() || header.count < 0 || header.chunks != chunksNeeded
        || header.bodyBytes < 0)
        return std::nullopt;
    return header;
}

} // namespace

QString DeviceListCacheFile::pathFor(const QString &folder, const QString &accountKey)
{
    const QByteArray hash = QCryptographicHash::hash(accountKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(folder).filePath(QStringLiteral("devices-%1.list").arg(QString::fromLatin1(hash.left(32))));
}

bool DeviceListCacheFile::write(const QString &folder, const QString &accountKey, const QDateTime &listTime,
    const std::vector<DeviceRecord> &records, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!makePrivateDirectory(folder))
        return fail(tr("The cache folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder)));
    DeviceListCacheHeader header;
    header.accountKey = accountKey;
    header.listTime = listTime;
    header.count = static_cast<int>(records.size());
    header.chunks = static_cast<int>((records.size() + kDevicesPerChunk - 1) / kDevicesPerChunk);
    // The chunks go to the file as they are made (no copy of the whole list in memory); the header,
    // which counts their bytes, is written last in room kept for it: its longest form, the JSON
    // padded with spaces to that length.
    header.bodyBytes = 999999999999999;
    const qsizetype headerRoom = headerPayload(header).size();

    const QString path = pathFor(folder, accountKey);
    QSaveFile file(path);
    // The new file replaces the old one only once complete; it is owner-only from the start.
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(tr("The cache file cannot be made private."));
    const qint64 bodyStart = kDigestChars + 1 + headerRoom + 1;
    if (!file.seek(bodyStart))
        return fail(file.errorString());
    QByteArray chunk;
    QByteArray line;
    qint64 bodyBytes = 0;
    for (std::size_t at = 0; at < records.size(); at += kDevicesPerChunk) {
        const std::size_t n = std::min<std::size_t>(kDevicesPerChunk, records.size() - at);
        chunk.clear();
        appendDevicePageJson(records.data() + at, n, &chunk);
        line.clear();
        appendLine(chunk, &line);
        if (file.write(line) != line.size())
            return fail(file.errorString());
        bodyBytes += line.size();
    }
    header.bodyBytes = bodyBytes;
    QByteArray payload = headerPayload(header);
    payload.append(QByteArray(headerRoom - payload.size(), ' '));
    QByteArray headerLine;
    appendLine(payload, &headerLine);
    if (headerLine.size() != bodyStart || !file.seek(0) || file.write(headerLine) != headerLine.size())
        return fail(file.errorString());
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

bool DeviceListCacheFile::remove(const QString &folder, const QString &accountKey)
{
    const QString path = pathFor(folder, accountKey);
    return !QFile::exists(path) || QFile::remove(path);
}

std::unique_ptr<DeviceListCacheFile> DeviceListCacheFile::open(
    const QString &folder, const QString &accountKey, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return nullptr;
    };
    if (error)
        error->clear();
    std::unique_ptr<DeviceListCacheFile> cache(new DeviceListCacheFile);
    cache->m_file.setFileName(pathFor(folder, accountKey));
    if (!cache->m_file.exists())
        return nullptr;
    if (!cache->m_file.open(QIODevice::ReadOnly))
        return fail(cache->m_file.errorString());
    const QByteArray line = cache->m_file.readLine(kMaxHeaderBytes);
    const auto payload = checkedPayload(line);
    if (!payload)
        return fail(tr("The cached device list has no readable header."));
    const auto header = parseHeader(*payload);
    if (!header)
        return fail(tr("The cached device list is of another format or version."));
    if (header->accountKey != accountKey)
        return fail(tr("The cached device list belongs to another account."));
    if (cache->m_file.size() - line.size() != header->bodyBytes)
        return fail(tr("The cached device list is incomplete."));
    cache->m_header = *header;
    return cache;
}

std::optional<std::vector<DeviceRecord>> DeviceListCacheFile::nextChunk(QString *error)
{
    if (atEnd())
        return std::nullopt;
    const auto payload = checkedPayload(m_file.readLine());
    DevicePage page = payload ? parseDevicePage(*payload) : DevicePage{};
    const bool last = m_chunksRead + 1 == m_header.chunks;
    const auto expected = static_cast<std::size_t>(
        last ? m_header.count - m_chunksRead * kDevicesPerChunk : kDevicesPerChunk);
    if (!payload || !page.ok() || page.records.size() != expected) {
        if (error)
            *error = page.ok() ? tr("The cached device list is damaged.") : page.error;
        m_chunksRead = m_header.chunks;
        return std::nullopt;
    }
    ++m_chunksRead;
    return std::move(page.records);
}

} // namespace keyturn
