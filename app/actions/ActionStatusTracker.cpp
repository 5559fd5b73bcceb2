#include "actions/ActionStatusTracker.h"

#include "actions/DeviceId.h"
#include "core/Logging.h"
#include "graph/GraphClient.h"
#include "graph/GraphReply.h"

#include <algorithm>

namespace keyturn {

ActionStatusTracker::ActionStatusTracker(GraphClient *client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ActionStatusTracker::fetch);
}

ActionStatusTracker::~ActionStatusTracker()
{
    if (GraphReply *reply = m_reply) {
        reply->disconnect(this);
        reply->abort();
    }
}

void ActionStatusTracker::track(const QString &deviceId)
{
    m_timer.stop();
    if (m_reply && deviceId != m_deviceId) {
        GraphReply *old = m_reply;
        m_reply = nullptr;
        old->disconnect(this);
        old->abort();
    }
    m_deviceId = deviceId;
    m_interval = m_config.initialInterval;
    m_idleRounds = 0;
    m_fastAgain = false;
    m_lastUpdated = {};
    if (m_deviceId.isEmpty()) {
        setPolling(false);
        return;
    }
    setPolling(true);
    fetch();
}

void ActionStatusTracker::stop()
{
    m_timer.stop();
    if (GraphReply *old = m_reply) {
        m_reply = nullptr;
        old->disconnect(this);
        old->abort();
    }
    m_deviceId.clear();
    setPolling(false);
}

void ActionStatusTracker::actionSent(const QString &deviceId)
{
    if (deviceId.isEmpty() || deviceId != m_deviceId)
        return;
    m_interval = m_config.initialInterval;
    m_idleRounds = 0;
    setPolling(true);
    if (m_reply) {
        // The answer in flight may predate the action: do not let it count as "nothing pending".
        m_fastAgain = true;
        return;
    }
    m_timer.stop();
    fetch();
}

void ActionStatusTracker::refresh()
{
    if (m_deviceId.isEmpty() || m_reply)
        return;
    m_timer.stop();
    setPolling(true);
    fetch();
}

void ActionStatusTracker::fetch()
{
    if (m_deviceId.isEmpty() || m_reply || !m_client)
        return;
    const QString deviceId = m_deviceId;
    if (!isIntuneDeviceId(deviceId)) {
        // Never part of a path: "../../me" or "x?$filter=" would ask Graph for something else.
        qCWarning(lcActions) << "device details not requested: the id is not a GUID";
        m_timer.stop();
        setPolling(false);
        GraphError error;
        error.kind = GraphError::Kind::Malformed;
        error.code = invalidDeviceIdCode();
        error.message = invalidDeviceIdMessage(deviceId);
        QTimer::singleShot(0, this, [this, deviceId, error] {
            if (deviceId == m_deviceId)
                Q_EMIT failed(error);
        });
        return;
    }
    GraphReply *reply = m_client->get(QStringLiteral("deviceManagement/managedDevices/%1").arg(deviceId));
    m_reply = reply;
    connect(reply, &GraphReply::waiting, this, &ActionStatusTracker::waiting);
    if (reply->isFinished()) {
        QTimer::singleShot(0, this, [this, reply = QPointer<GraphReply>(reply), deviceId] {
            if (reply)
                onFinished(reply, deviceId);
        });
        return;
    }
    connect(reply, &GraphReply::finished, this, [this, reply, deviceId] { onFinished(reply, deviceId); });
}

void ActionStatusTracker::onFinished(GraphReply *reply, const QString &deviceId)
{
    if (reply != m_reply || deviceId != m_deviceId)
        return; // a late answer for a device no longer tracked
    m_reply = nullptr;
    reply->disconnect(this);

    if (reply->error().isError()) {
        const GraphError error = reply->error();
        qCInfo(lcActions) << "status of" << deviceId << "failed: HTTP" << error.httpStatus << error.code;
        Q_EMIT failed(error);
        const int status = error.httpStatus;
        if (error.kind == GraphError::Kind::Cancelled || error.kind == GraphError::Kind::Auth || status == 401
            || status == 403 || status == 404 || status == 400) {
            // Asking again cannot help: the device is gone or the sign-in may not read it.
            m_timer.stop();
            setPolling(false);
            return;
        }
        scheduleNext();
        return;
    }

    QString parseError;
    const std::optional<DeviceDetails> details = parseDeviceDetails(reply->body(), &parseError);
    if (!details) {
        GraphError error;
        error.kind = GraphError::Kind::Malformed;
        error.httpStatus = reply->httpStatus();
        error.message = parseError;
        error.requestId = reply->requestId();
        error.clientRequestId = reply->clientRequestId();
        error.date = reply->date();
        Q_EMIT failed(error);
        scheduleNext();
        return;
    }

    m_lastUpdated = m_clock.nowUtc();
    if (details->hasActionInProgress())
        m_idleRounds = 0;
    else if (!m_fastAgain)
        ++m_idleRounds;
    Q_EMIT detailsUpdated(*details);
    if (m_deviceId != deviceId || m_reply)
        return; // a slot connected to detailsUpdated tracked another device or refreshed
    if (m_idleRounds >= m_config.idleRoundsBeforeStop && !m_fastAgain) {
        qCDebug(lcActions) << "nothing in progress on" << deviceId << "; polling paused";
        setPolling(false);
        return;
    }
    scheduleNext();
}

void ActionStatusTracker::scheduleNext()
{
    if (m_fastAgain) {
        m_fastAgain = false;
        m_interval = m_config.initialInterval;
    }
    m_timer.start(m_interval);
    m_interval = std::min(m_interval * 2, m_config.maxInterval);
    setPolling(true);
}

void ActionStatusTracker::setPolling(bool polling)
{
    if (m_polling == polling)
        return;
    m_polling = polling;
    Q_EMIT pollingChanged(polling);
}

} // namespace keyturn
