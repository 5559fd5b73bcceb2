// ActionStatusTracker: keeps one device's details (and so its deviceActionResults) fresh while the
// device pane shows it, by polling GET deviceManagement/managedDevices/{id} with back-off
// (2 s, 4 s, 8 s ... capped at 30 s). After a few rounds with no pending/active action it stops
// polling on its own; actionSent() or track() make it fast again. One GET in flight at a time.
// An id that is not a GUID is never requested: failed() reports code InvalidDeviceId instead.
#pragma once

#include "actions/DeviceDetails.h"
#include "core/Clock.h"
#include "graph/GraphError.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace keyturn {

class GraphClient;
class GraphReply;

struct StatusTrackerConfig {
    std::chrono::milliseconds initialInterval{ 2000 }; ///< first delay after track()/actionSent()
    std::chrono::milliseconds maxInterval{ 30000 }; ///< back-off cap
    int idleRoundsBeforeStop = 3; ///< answers in a row with nothing in progress before polling stops
};

class ActionStatusTracker final : public QObject {
    Q_OBJECT
public:
    ActionStatusTracker(GraphClient *client, const Clock &clock, QObject *parent = nullptr);
    ~ActionStatusTracker() override;

    void setConfig(const StatusTrackerConfig &config) { m_config = config; }
    const StatusTrackerConfig &config() const { return m_config; }

    /// Starts following deviceId: fetches at once, then polls. Tracking another device drops the
    /// previous one (its late answers are ignored).
    void track(const QString &deviceId);
    /// Stops polling and forgets the device.
    void stop();
    /// An action was just sent to deviceId: if tracked, fetch at once and poll fast again.
    void actionSent(const QString &deviceId);
    /// Fetch now (e.g. F5), without changing the back-off.
    void refresh();

    QString deviceId() const { return m_deviceId; }
    /// True while a next fetch is scheduled or in flight.
    bool isPolling() const { return m_polling; }
    /// The delay before the next fetch (after the current one), for tests and the UI.
    std::chrono::milliseconds currentInterval() const { return m_interval; }
    /// When details last arrived (invalid before the first).
    QDateTime lastUpdated() const { return m_lastUpdated; }

Q_SIGNALS:
    void detailsUpdated(const keyturn::DeviceDetails &details);
    void failed(const keyturn::GraphError &error);
    /// Polling started or stopped (on its own when nothing is pending, or on stop()).
    void pollingChanged(bool polling);
    /// Graph asked for a long pause (Retry-After): the fetch in flight waits `seconds` first.
    void waiting(int seconds);

private:
    void fetch();
    void onFinished(GraphReply *reply, const QString &deviceId);
    void scheduleNext();
    void setPolling(bool polling);

    QPointer<GraphClient> m_client;
    const Clock &m_clock;
    StatusTrackerConfig m_config;
    QString m_deviceId;
    QTimer m_timer;
    QPointer<GraphReply> m_reply;
    std::chrono::milliseconds m_interval{ 0 };
    int m_idleRounds = 0;
    bool m_fastAgain = false; // actionSent() arrived while a fetch was in flight
    bool m_polling = false;
    QDateTime m_lastUpdated;
};

} // namespace keyturn
