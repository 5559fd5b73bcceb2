#include "actions/SentActionFollower.h"

#include "actions/ActionOutcome.h"
#include "actions/ActionResultText.h"
#include "actions/AuditLog.h"
#include "actions/DeviceId.h"
#include "core/Logging.h"
#include "graph/GraphClient.h"

#include <QSet>

#include <algorithm>

namespace keyturn {

namespace {
// A result that started this long before the request was answered belongs to an older request
// (the device's clock and Intune's differ a little from ours).
constexpr qint64 kClockSlackSecs = 120;

QString key(const QString &deviceId)
{
    return deviceId.toLower();
}
} // namespace

SentActionFollower::SentActionFollower(
    GraphClient *client, const Clock &clock, AuditLog *auditLog, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_auditLog(auditLog)
{ }

SentActionFollower::~SentActionFollower()
{
    stopAll();
}

bool SentActionFollower::isFollowingDevice(const QString &deviceId) const
{
    return std::any_of(m_followed.cbegin(), m_followed.cend(),
        [&](const FollowedAction &a) { return a.deviceId.compare(deviceId, Qt::CaseInsensitive) == 0; });
}

void SentActionFollower::follow(const ActionOutcome &outcome)
{
    if (outcome.result != ActionOutcome::Result::Sent && outcome.result != ActionOutcome::Result::Unknown)
        return;
    if (!isIntuneDeviceId(outcome.deviceId))
        return;
    if (!m_trackers.contains(key(outcome.deviceId)) && m_trackers.size() >= m_maxDevices) {
        qCWarning(lcActions) << "not following" << outcome.actionId << ": already following" << m_maxDevices
                             << "devices";
        return;
    }
    m_followed.removeIf([&](const FollowedAction &a) {
        return a.actionId == outcome.actionId
            && a.deviceId.compare(outcome.deviceId, Qt::CaseInsensitive) == 0;
    });
    FollowedAction action;
    action.auditEntryId = outcome.auditEntryId;
    action.actionId = outcome.actionId;
    action.deviceId = outcome.deviceId;
    action.deviceName = outcome.deviceName;
    action.sentAt = m_clock.nowUtc();
    m_followed.append(action);
    pollDevice(outcome.deviceId);
}

void SentActionFollower::pollDevice(const QString &deviceId)
{
    ActionStatusTracker *tracker = m_trackers.value(key(deviceId));
    if (!tracker) {
        tracker = new ActionStatusTracker(m_client, m_clock, this);
        tracker->setConfig(m_config);
        m_trackers.insert(key(deviceId), tracker);
        connect(tracker, &ActionStatusTracker::detailsUpdated, this,
            [this](const keyturn::DeviceDetails &details) { observe(details); });
        connect(tracker, &ActionStatusTracker::pollingChanged, this,
            [this, deviceId](bool polling) { onPollingChanged(deviceId, polling); });
        tracker->track(deviceId);
        return;
    }
    tracker->actionSent(deviceId);
}

void SentActionFollower::observe(const DeviceDetails &details)
{
    const QDateTime now = m_clock.nowUtc();
    QList<std::pair<FollowedAction, DeviceActionResult>> finished;
    for (auto it = m_followed.begin(); it != m_followed.end();) {
        if (it->deviceId.compare(details.id, Qt::CaseInsensitive) != 0) {
            ++it;
            continue;
        }
        const DeviceActionResult *result = details.actionResult(it->actionId);
        const bool ours = result
            && (it->seenInProgress || !result->started.isValid()
                || result->started >= it->sentAt.addSecs(-kClockSlackSecs));
        if (ours && result->isInProgress()) {
            it->seenInProgress = true;
        } else if (ours && isFinalActionState(result->actionState)) {
            finished.append({ *it, *result });
            it = m_followed.erase(it);
            continue;
        }
        if (it->sentAt.secsTo(now)
            > std::chrono::duration_cast<std::chrono::seconds>(m_maxFollowTime).count()) {
            qCInfo(lcActions) << "stopped following" << it->actionId << "on" << it->deviceId
                              << ": no outcome yet";
            it = m_followed.erase(it);
            continue;
        }
        ++it;
    }
    dropTrackerIfIdle(details.id);
    for (const auto &[action, result] : std::as_const(finished))
        finish(action, result);
}

void SentActionFollower::onPollingChanged(const QString &deviceId, bool polling)
{
    if (polling)
        return;
    // The tracker gave up (nothing pending for a few rounds, or the device cannot be read).
    const qsizetype dropped = m_followed.removeIf(
        [&](const FollowedAction &a) { return a.deviceId.compare(deviceId, Qt::CaseInsensitive) == 0; });
    if (dropped > 0)
        qCInfo(lcActions) << "stopped following" << dropped << "action(s) on" << deviceId
                          << ": no outcome seen";
    dropTrackerIfIdle(deviceId);
}

void SentActionFollower::dropTrackerIfIdle(const QString &deviceId)
{
    if (isFollowingDevice(deviceId))
        return;
    if (ActionStatusTracker *tracker = m_trackers.take(key(deviceId))) {
        tracker->disconnect(this);
        tracker->stop();
        tracker->deleteLater();
    }
}

void SentActionFollower::finish(const FollowedAction &action, const DeviceActionResult &result)
{
    qCInfo(lcActions) << action.actionId << "on" << action.deviceId << "ended" << result.actionState;
    if (m_auditLog && !action.auditEntryId.isEmpty()) {
        AuditEntry entry;
        entry.time = m_clock.nowUtc();
        entry.entryId = action.auditEntryId;
        entry.deviceId = action.deviceId;
        entry.deviceName = action.deviceName;
        entry.actionId = action.actionId;
        entry.finalState = result.actionState;
        entry.intuneErrorCode = result.errorCode;
        m_auditLog->append(entry);
    }
    Q_EMIT completed(action, result);
}

int SentActionFollower::enterAccount(const QString &accountKey)
{
    if (accountKey == m_account)
        return 0;
    leaveAccount();
    m_account = accountKey;
    QList<FollowedAction> resumed = m_aside.take(accountKey);
    const QDateTime now = m_clock.nowUtc();
    const auto maxSecs = std::chrono::duration_cast<std::chrono::seconds>(m_maxFollowTime).count();
    resumed.removeIf([&](const FollowedAction &a) { return a.sentAt.secsTo(now) > maxSecs; });
    if (resumed.isEmpty())
        return 0;
    qCInfo(lcActions) << "following" << resumed.size() << "action(s) of this account again";
    m_followed = resumed;
    QSet<QString> devices;
    for (const FollowedAction &action : std::as_const(resumed)) {
        if (devices.contains(key(action.deviceId)))
            continue;
        devices.insert(key(action.deviceId));
        pollDevice(action.deviceId);
    }
    return static_cast<int>(resumed.size());
}

void SentActionFollower::leaveAccount()
{
    if (!m_followed.isEmpty() && !m_account.isEmpty()) {
        qCInfo(lcActions) << m_followed.size() << "action(s) wait until their account is signed in again";
        m_aside.insert(m_account, m_followed);
    }
    m_followed.clear();
    m_account.clear();
    stopTrackers();
}

void SentActionFollower::forgetAccount(const QString &accountKey)
{
    m_aside.remove(accountKey);
    if (accountKey == m_account) {
        m_followed.clear();
        stopTrackers();
    }
}

int SentActionFollower::asideCount() const
{
    int count = 0;
    for (const QList<FollowedAction> &actions : m_aside)
        count += static_cast<int>(actions.size());
    return count;
}

void SentActionFollower::stopAll()
{
    m_followed.clear();
    m_aside.clear();
    stopTrackers();
}

void SentActionFollower::stopTrackers()
{
    const QList<ActionStatusTracker *> trackers = m_trackers.values();
    m_trackers.clear();
    for (ActionStatusTracker *tracker : trackers) {
        tracker->disconnect(this);
        tracker->stop();
        tracker->deleteLater();
    }
}

} // namespace keyturn
