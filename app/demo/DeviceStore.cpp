#include "demo/DeviceStore.h"

#include <algorithm>
#include <cstring>

namespace keyturn::demo {

namespace {

/// List order: device name ignoring ASCII case, then the exact name, then the id.
bool listsBefore(
    const QByteArray &nameA, const QByteArray &idA, const QByteArray &nameB, const QByteArray &idB)
{
    if (const int folded = qstricmp(nameA.constData(), nameB.constData()))
        return folded < 0;
    if (const int exact = std::strcmp(nameA.constData(), nameB.constData()))
        return exact < 0;
    return idA < idB;
}

} // namespace

DeviceStore::DeviceStore(GeneratedDevices generated, int actionDelaySecs)
    : m_users(std::move(generated.users))
    , m_devices(std::move(generated.devices))
    , m_actionDelayMs(static_cast<qint64>(std::max(0, actionDelaySecs)) * 1000)
{
    m_indexById.reserve(static_cast<qsizetype>(m_devices.size()));
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        m_indexById.insert(m_devices[i].id, static_cast<qsizetype>(i));
    m_order.resize(m_devices.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = static_cast<qsizetype>(i);
    std::sort(m_order.begin(), m_order.end(), [this](qsizetype a, qsizetype b) {
        const DeviceRecord &x = device(a);
        const DeviceRecord &y = device(b);
        return listsBefore(x.deviceName, x.id, y.deviceName, y.id);
    });
    m_orderPositionOf.resize(m_order.size());
    for (std::size_t p = 0; p < m_order.size(); ++p) {
        m_orderPositionOf[static_cast<std::size_t>(m_order[p])] = static_cast<qsizetype>(p);
        const DeviceRecord &d = device(m_order[p]);
        m_orderPositionsBySystem[QByteArray(d.operatingSystem).toLower()].push_back(
            static_cast<qsizetype>(p));
    }
}

const std::vector<qsizetype> &DeviceStore::orderPositionsOf(const QByteArray &operatingSystem) const
{
    static const std::vector<qsizetype> none;
    const auto it = m_orderPositionsBySystem.constFind(operatingSystem.toLower());
    return it == m_orderPositionsBySystem.cend() ? none : *it;
}

qsizetype DeviceStore::orderPositionAfter(const QByteArray &name, const QByteArray &id) const
{
    const auto it = std::upper_bound(m_order.begin(), m_order.end(), 0, [&](int, qsizetype index) {
        const DeviceRecord &d = device(index);
        return listsBefore(name, id, d.deviceName, d.id);
    });
    return static_cast<qsizetype>(it - m_order.begin());
}

qsizetype DeviceStore::liveBefore(qsizetype orderPosition) const
{
    qsizetype deletedBefore = 0;
    for (const qsizetype index : m_deleted) {
        if (m_orderPositionOf[static_cast<std::size_t>(index)] < orderPosition)
            ++deletedBefore;
    }
    return orderPosition - deletedBefore;
}

const DeviceUser *DeviceStore::userOf(const DeviceRecord &device) const
{
    if (device.userIndex < 0 || static_cast<std::size_t>(device.userIndex) >= m_users.size())
        return nullptr;
    return &m_users[static_cast<std::size_t>(device.userIndex)];
}

qsizetype DeviceStore::indexOf(const QString &id) const
{
    const qsizetype index = m_indexById.value(id.toLower().toLatin1(), -1);
    return index >= 0 && !isDeleted(index) ? index : -1;
}

bool DeviceStore::remove(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return false;
    m_deleted.insert(index);
    return true;
}

void DeviceStore::recordAction(qsizetype index, const QByteArray &actionName, qint64 nowMs, bool willFail)
{
    std::optional<int> errorCode;
    if (const auto failNext = m_failNext.constFind(index); failNext != m_failNext.cend()) {
        willFail = true;
        errorCode = *failNext;
        m_failNext.erase(failNext);
    }
    auto &started = m_actions[index];
    for (const Started &s : std::as_const(started)) {
        if (s.actionName == actionName && !s.willFail && nowMs >= s.startMs + m_actionDelayMs)
            m_earlierRuns[index].append(s);
    }
    started.removeIf([&](const Started &s) { return s.actionName == actionName; });
    started.append({ actionName, nowMs, willFail, errorCode });
}

QList<ActionResult> DeviceStore::actionResults(qsizetype index, qint64 nowMs) const
{
    QList<ActionResult> results;
    for (const Started &s : m_actions.value(index)) {
        ActionResult r;
        r.actionName = s.actionName;
        r.startMs = s.startMs;
        const qint64 finishedAt = s.startMs + m_actionDelayMs;
        if (nowMs >= finishedAt) {
            r.actionState = s.willFail ? "failed" : "done";
            if (s.willFail)
                r.errorCode = s.errorCode;
            r.lastUpdatedMs = finishedAt;
        } else {
            r.actionState = "pending";
            r.lastUpdatedMs = s.startMs;
        }
        results.append(r);
    }
    return results;
}

void DeviceStore::failNextAction(qsizetype index, std::optional<int> errorCode)
{
    m_failNext.insert(index, errorCode);
}

QList<qint64> DeviceStore::completedRuns(qsizetype index, const QByteArray &actionName, qint64 nowMs) const
{
    QList<qint64> finished;
    for (const Started &s : m_earlierRuns.value(index) + m_actions.value(index)) {
        const qint64 finishedAt = s.startMs + m_actionDelayMs;
        if (s.actionName == actionName && !s.willFail && nowMs >= finishedAt)
            finished.append(finishedAt);
    }
    std::sort(finished.begin(), finished.end());
    return finished;
}

} // namespace keyturn::demo
