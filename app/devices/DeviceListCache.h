// DeviceListCache: keeps each account's last complete device list on disk (DeviceListCacheFile)
// and reads it back into a DeviceTableModel, all file work on one worker thread, in order, never
// blocking the UI thread. A load announces the list (count, when it was complete) once the header
// holds, appends it chunk by chunk as each chunk is parsed, and ends with exactly one of loaded /
// unusable; an unusable file (damaged, foreign, another version) is deleted, so the next complete
// list replaces it. A cancelled load appends nothing more.
#pragma once

#include "devices/DeviceRecord.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace keyturn {

class DeviceTableModel;

class DeviceListCache final : public QObject {
    Q_OBJECT
public:
    /// folder: where the files go (created owner-only when first written).
    explicit DeviceListCache(QString folder, QObject *parent = nullptr);
    ~DeviceListCache() override;

    QString folder() const { return m_folder; }
    /// Writes records as the account's list, complete at listTime (written later, on the worker).
    void save(const QString &accountKey, const QDateTime &listTime, std::vector<DeviceRecord> records);
    /// The same for rows shared with a model (DeviceTableModel::snapshot()): nothing is copied.
    void save(const QString &accountKey, const QDateTime &listTime,
        std::shared_ptr<const std::vector<DeviceRecord>> records);
    /// Deletes the account's file (after any save already asked for).
    void remove(const QString &accountKey);
    /// Reads the account's list into model (appended). Cancels a load in progress.
    void load(const QString &accountKey, DeviceTableModel *model);
    /// Stops a load: no more rows are appended and it ends without a signal.
    void cancelLoad();
    bool isLoading() const { return m_loading; }
    /// Waits until every file operation asked for so far is done (tests, shutdown).
    void waitForDone();

Q_SIGNALS:
    /// The file holds a list of count devices, complete at listTime; its rows follow.
    void listFound(int count, const QDateTime &listTime);
    /// The first rows are in the model.
    void firstRowsShown(int rows);
    void loaded(int rows);
    /// No usable list (none kept: reason empty; else why it was ignored). Rows already appended
    /// stay in the model: the caller decides (a damaged file's rows are not to be trusted).
    void unusable(const QString &reason);
    void saved(bool ok);

private:
    void onChunk(quint64 generation, std::shared_ptr<std::vector<DeviceRecord>> records, bool last);

    QString m_folder;
    QThreadPool m_pool;
    QPointer<DeviceTableModel> m_model;
    std::atomic<quint64> m_generation = 0; // read by the worker to stop a cancelled load early
    bool m_loading = false;
    int m_appended = 0;
};

} // namespace keyturn
