#include "devices/DeviceListCache.h"

#include "core/Logging.h"
#include "devices/DeviceListCacheFile.h"
#include "devices/DeviceTableModel.h"

#include <QMetaObject>

namespace keyturn {

DeviceListCache::DeviceListCache(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
{
    // One thread: saves, removals and loads happen in the order they were asked for.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(5000);
}

DeviceListCache::~DeviceListCache()
{
    ++m_generation;
    m_pool.waitForDone();
}

void DeviceListCache::waitForDone()
{
    m_pool.waitForDone();
}

void DeviceListCache::save(
    const QString &accountKey, const QDateTime &listTime, std::vector<DeviceRecord> records)
{
    save(accountKey, listTime, std::make_shared<const std::vector<DeviceRecord>>(std::move(records)));
}

void DeviceListCache::save(const QString &accountKey, const QDateTime &listTime,
    std::shared_ptr<const std::vector<DeviceRecord>> records)
{
    m_pool.start([this, folder = m_folder, accountKey, listTime, records = std::move(records)]() mutable {
        QString error;
        const bool ok = DeviceListCacheFile::write(folder, accountKey, listTime, *records, &error);
        const std::size_t count = records->size();
        records.reset(); // the last holder frees the rows here, off the UI thread
        if (ok)
            qCInfo(lcDevices) << "device list cached:" << count << "devices";
        else
            qCWarning(lcDevices) << "device list not cached:" << error;
        QMetaObject::invokeMethod(
            this, [this, ok] { Q_EMIT saved(ok); }, Qt::QueuedConnection);
    });
}

void DeviceListCache::remove(const QString &accountKey)
{
    m_pool.start([folder = m_folder, accountKey] {
        if (!DeviceListCacheFile::remove(folder, accountKey))
            qCWarning(lcDevices) << "the cached device list could not be deleted";
    });
}

void DeviceListCache::cancelLoad()
{
    ++m_generation;
    m_loading = false;
}

void DeviceListCache::load(const QString &accountKey, DeviceTableModel *model)
{
    cancelLoad();
    m_model = model;
    m_loading = true;
    m_appended = 0;
    const quint64 generation = m_generation;
    m_pool.start([this, generation, folder = m_folder, accountKey] {
        const auto post
            = [this](auto call) { QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection); };
        const auto stillWanted = [this, generation] { return generation == m_generation; };
        QString error;
        const std::unique_ptr<DeviceListCacheFile> file
            = DeviceListCacheFile::open(folder, accountKey, &error);
        const auto giveUp = [&](const QString &why) {
            if (!why.isEmpty()) {
                // Ignored and replaced: the next complete list is written afresh.
                qCWarning(lcDevices) << "cached device list ignored:" << why;
                DeviceListCacheFile::remove(folder, accountKey);
            }
            post([this, generation, why] {
                if (generation != m_generation)
                    return;
                m_loading = false;
                Q_EMIT unusable(why);
            });
        };
        if (!file) {
            giveUp(error);
            return;
        }
        const DeviceListCacheHeader header = file->header();
        post([this, generation, header] {
            if (generation == m_generation)
                Q_EMIT listFound(header.count, header.listTime);
        });
        if (file->atEnd()) {
            post([this, generation] { onChunk(generation, {}, true); });
            return;
        }
        while (!file->atEnd() && stillWanted()) {
            auto records = file->nextChunk(&error);
            if (!records) {
                giveUp(error);
                return;
            }
            auto shared = std::make_shared<std::vector<DeviceRecord>>(std::move(*records));
            const bool last = file->atEnd();
            post([this, generation, shared, last] { onChunk(generation, shared, last); });
        }
    });
}

void DeviceListCache::onChunk(
    quint64 generation, std::shared_ptr<std::vector<DeviceRecord>> records, bool last)
{
    if (generation != m_generation)
        return;
    if (records && m_model) {
        const bool first = m_appended == 0;
        const int before = m_model->rowCount();
        m_model->appendDevices(std::move(*records));
        m_appended += m_model->rowCount() - before;
        if (first)
            Q_EMIT firstRowsShown(m_appended);
    }
    if (last) {
        m_loading = false;
        qCInfo(lcDevices) << "cached device list shown:" << m_appended << "devices";
        Q_EMIT loaded(m_appended);
    }
}

} // namespace keyturn
