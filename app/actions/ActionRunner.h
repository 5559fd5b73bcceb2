// ActionRunner: sends remote actions, exactly one POST per run() call, and refuses a second run()
// for the same action and device while the first is in flight (so a double click or a repeated
// Enter cannot send twice). Never re-sends: a timeout or dropped connection ends as Unknown.
// Each request is written to the AuditLog as "sending" before it leaves, and its outcome as a
// follow-up line (same entry id) before finished() fires; requests still in flight when the runner
// is destroyed are logged as unknown. Borrows the client and the log.
#pragma once

#include "actions/ActionCatalog.h"
#include "actions/ActionOutcome.h"
#include "actions/AuditLog.h"
#include "actions/DeviceDetails.h"
#include "graph/GraphError.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace keyturn {

class GraphClient;
class GraphReply;

class ActionRunner final : public QObject {
    Q_OBJECT
public:
    /// auditLog may be null (no audit trail; tests, tools).
    ActionRunner(GraphClient *client, AuditLog *auditLog, QObject *parent = nullptr);
    ~ActionRunner() override;

    /// Who is signed in, for the audit log: each action keeps the account it was sent as.
    void setAccountInfo(const QString &upn, const QString &tenantId);

    /// Sends exactly one request. Returns false (and sends nothing) if the same action for the
    /// same device is already in flight, the device id is not a GUID (DeviceId.h), or the action's
    /// method is not POST. On true, started() has fired and finished() follows exactly once, later.
    bool run(const RemoteAction &action, const DeviceDetails &device);
    bool isRunning(const QString &actionId, const QString &deviceId) const;
    /// Number of requests in flight.
    int runningCount() const { return static_cast<int>(m_inFlight.size()); }

    /// What a finished request reported (a GraphReply's fields, copyable without one).
    struct ReplySummary {
        int httpStatus = 0;
        GraphError error;
        QString requestId, clientRequestId, date;
    };
    /// The result and texts for a finished request; public so tests and the UI can check the
    /// exact wording without a network.
    static ActionOutcome outcomeFor(
        const RemoteAction &action, const DeviceDetails &device, const ReplySummary &reply);

Q_SIGNALS:
    void started(const QString &actionId, const QString &deviceId);
    void finished(const keyturn::ActionOutcome &outcome);

private:
    struct InFlight {
        QPointer<GraphReply> reply;
        RemoteAction action;
        DeviceDetails device;
        QString auditEntryId;
        QString upn, tenantId; ///< who sent it
    };
    static ReplySummary summarize(const GraphReply &reply);
    void complete(const QString &key, const ReplySummary &summary);
    void auditSending(const InFlight &flight);
    void audit(const ActionOutcome &outcome, const InFlight &flight);

    QPointer<GraphClient> m_client;
    QPointer<AuditLog> m_auditLog;
    QString m_upn, m_tenantId;
    QHash<QString, InFlight> m_inFlight; // key: actionId + '\n' + deviceId
};

} // namespace keyturn
