// DeviceStore: the generated devices plus what happened to them since (remote actions taken,
// devices deleted meanwhile). Confined to the server thread. Action states are computed on read:
// pending until actionDelaySecs after the start, then done (or failed when it could not work).
// Keeps the list order (device name, case-insensitive, then id) as a sorted index for keyset paging.
#pragma once

#include "demo/DeviceGenerator.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace keyturn::demo {

struct ActionResult {
    QByteArray actionName;
    QByteArray actionState; ///< pending, done, failed
    qint64 startMs = 0;
    qint64 lastUpdatedMs = 0;
    std::optional<int> errorCode; ///< Intune's error code of a failed action, when it gave one
};

class DeviceStore {
public:
    DeviceStore(GeneratedDevices generated, int actionDelaySecs);

    qsizetype size() const { return static_cast<qsizetype>(m_devices.size()); }
    const DeviceRecord &device(qsizetype index) const { return m_devices[static_cast<std::size_t>(index)]; }
    const DeviceUser *userOf(const DeviceRecord &device) const;
    bool isDeleted(qsizetype index) const { return m_deleted.contains(index); }
    qsizetype liveCount() const { return size() - m_deleted.size(); }
    /// The index of a live device with this id (case-insensitive GUID), or -1.
    qsizetype indexOf(const QString &id) const;
    bool remove(const QString &id);

    /// Device indexes in list order (deleted ones included: check isDeleted()).
    const std::vector<qsizetype> &listOrder() const { return m_order; }
    /// The listOrder() positions, ascending, of the devices whose operatingSystem is this value
    /// (case-insensitive; deleted ones included): an index for `operatingSystem eq` filters.
    const std::vector<qsizetype> &orderPositionsOf(const QByteArray &operatingSystem) const;
    /// The position in listOrder() of the first device after (name, id) in list order.
    qsizetype orderPositionAfter(const QByteArray &name, const QByteArray &id) const;
    /// How many live devices come before this position of listOrder().
    qsizetype liveBefore(qsizetype orderPosition) const;

    /// Starts (or restarts) an action on the device at nowMs; willFail makes it end as failed.
    void recordAction(qsizetype index, const QByteArray &actionName, qint64 nowMs, bool willFail);
    QList<ActionResult> actionResults(qsizetype index, qint64 nowMs) const;
    /// The next action recorded on the device ends as failed, with errorCode when given.
    void failNextAction(qsizetype index, std::optional<int> errorCode);
    /// When each successful run of actionName on the device finished, oldest first, up to nowMs
    /// (e.g. completed key rotations: the escrowed key's generation).
    QList<qint64> completedRuns(qsizetype index, const QByteArray &actionName, qint64 nowMs) const;

private:
    struct Started {
        QByteArray actionName;
        qint64 startMs;
        bool willFail;
        std::optional<int> errorCode;
    };
    std::vector<DeviceUser> m_users;
    std::vector<DeviceRecord> m_devices;
    std::vector<qsizetype> m_order; ///< list order
    std::vector<qsizetype> m_orderPositionOf; ///< device index -> position in m_order
    QHash<QByteArray, std::vector<qsizetype>> m_orderPositionsBySystem; ///< lowercase operatingSystem
    QHash<QByteArray, qsizetype> m_indexById;
    QSet<qsizetype> m_deleted;
    QHash<qsizetype, QList<Started>> m_actions; ///< the latest run of each action
    QHash<qsizetype, QList<Started>> m_earlierRuns; ///< successful runs a later run replaced
    QHash<qsizetype, std::optional<int>> m_failNext;
    qint64 m_actionDelayMs;
};

} // namespace keyturn::demo
