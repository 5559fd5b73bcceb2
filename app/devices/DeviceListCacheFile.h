// DeviceListCacheFile: the on-disk form of one account's last complete device list. One file per
// account, named by a hash of the account key, in an owner-only folder (0700, file 0600, written
// atomically). A header line (format name and version, account key, when the list was complete,
// the device count, the chunk count and the body's size; written last, padded with spaces to its
// longest form) is followed by one line per chunk of up to 1,000 devices, each in the shape of a
// Graph list page, read back by the list page parser; the chunks are written as they are made.
// Each line starts with a digest of itself, so a damaged file is noticed and ignored. Only
// the list's own fields are kept: no token, key or secret. Blocking file work: call it off the
// UI thread (DeviceListCache does).
#pragma once

#include "devices/DeviceRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace keyturn {

struct DeviceListCacheHeader {
    QString accountKey;
    QDateTime listTime; ///< when the list was complete (UTC)
    int count = 0;
    int chunks = 0;
    qint64 bodyBytes = 0;
};

class DeviceListCacheFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kDevicesPerChunk = 1000;

    /// The file for accountKey in folder (the name derives from a hash of the key).
    static QString pathFor(const QString &folder, const QString &accountKey);
    /// Writes records as the account's list, complete at listTime; false with error on failure
    /// (the previous file then stays as it was).
    static bool write(const QString &folder, const QString &accountKey, const QDateTime &listTime,
        const std::vector<DeviceRecord> &records, QString *error);
    static bool remove(const QString &folder, const QString &accountKey);

    /// Opens the account's file and checks its header (version, account, size); null with error
    /// set when it is missing or unusable (error empty when simply missing).
    static std::unique_ptr<DeviceListCacheFile> open(
        const QString &folder, const QString &accountKey, QString *error);

    const DeviceListCacheHeader &header() const { return m_header; }
    /// The next chunk's records; nullopt at the end or when the chunk is unreadable (error set).
    std::optional<std::vector<DeviceRecord>> nextChunk(QString *error);
    bool atEnd() const { return m_chunksRead >= m_header.chunks; }

private:
    DeviceListCacheFile() = default;

    QFile m_file;
    DeviceListCacheHeader m_header;
    int m_chunksRead = 0;
};

} // namespace keyturn
