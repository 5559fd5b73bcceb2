// SentActionFollower: follows each remote action sent in this Keyturn run until Intune reports it
// done or failed, whichever device the pane shows meanwhile. It polls each device with actions in
// flight through its own ActionStatusTracker (same back-off; the tracker stops after a few rounds
// without anything pending, which ends the following too) and also reads the details the pane's
// tracker fetches. Bounded: at most maxDevices devices and maxFollowTime per action. On a final
// state it appends a final-state line to the action's audit entry and emits completed() once.
// Actions belong to the account that sent them: leaving it (a switch) sets them aside unpolled,
// entering it again resumes them; forgetAccount() (its sign-out) and stopAll() forget them.
#pragma once

#include "actions/ActionStatusTracker.h"
#include "actions/DeviceDetails.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

namespace keyturn {

class AuditLog;
class GraphClient;
struct ActionOutcome;

struct FollowedAction {
    QString auditEntryId, actionId, deviceId, deviceName;
    QDateTime sentAt; ///< UTC, when the request was answered
    bool seenInProgress = false; ///< Intune reported it pending/active at least once
};

class SentActionFollower final : public QObject {
    Q_OBJECT
public:
    /// auditLog may be null (no final-state lines).
    SentActionFollower(
        GraphClient *client, const Clock &clock, AuditLog *auditLog, QObject *parent = nullptr);
    ~SentActionFollower() override;

    /// Back-off of the per-device polling (tests shorten it).
    void setConfig(const StatusTrackerConfig &config) { m_config = config; }
    void setMaxDevices(int maxDevices) { m_maxDevices = maxDevices; }

    /// Starts following a request that Intune accepted (Sent) or that may have arrived (Unknown).
    void follow(const ActionOutcome &outcome);
    /// Details read elsewhere (the open pane): resolves the actions they report final.
    void observe(const DeviceDetails &details);
    /// accountKey is signed in: its actions set aside before are followed again; returns how many.
    int enterAccount(const QString &accountKey);
    /// The account signed in is left (a switch, a sign-out): its actions wait aside, unpolled.
    /// Without an account entered, they are forgotten.
    void leaveAccount();
    /// accountKey is signed out: its actions are forgotten, wherever they wait.
    void forgetAccount(const QString &accountKey);
    /// Forgets every followed action of every account and stops polling.
    void stopAll();

    /// The signed-in account's followed actions.
    int followedCount() const { return static_cast<int>(m_followed.size()); }
    /// Actions of accounts not signed in, waiting for them.
    int asideCount() const;
    bool isFollowingDevice(const QString &deviceId) const;

Q_SIGNALS:
    /// Intune reported a final state (done, failed, canceled, notSupported) for a followed action.
    void completed(const keyturn::FollowedAction &action, const keyturn::DeviceActionResult &result);

private:
    void pollDevice(const QString &deviceId);
    void onPollingChanged(const QString &deviceId, bool polling);
    void finish(const FollowedAction &action, const DeviceActionResult &result);
    void dropTrackerIfIdle(const QString &deviceId);
    void stopTrackers();

    QPointer<GraphClient> m_client;
    const Clock &m_clock;
    QPointer<AuditLog> m_auditLog;
    StatusTrackerConfig m_config;
    int m_maxDevices = 20;
    std::chrono::hours m_maxFollowTime{ 24 };
    QString m_account; // keychain key of the account entered; empty when none
    QList<FollowedAction> m_followed; // m_account's
    QHash<QString, QList<FollowedAction>> m_aside; // by keychain key: accounts left, not signed out
    QHash<QString, ActionStatusTracker *> m_trackers; // key: device id, lower case
};

} // namespace keyturn
