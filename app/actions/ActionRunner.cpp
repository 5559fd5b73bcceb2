#include "actions/ActionRunner.h"

#include "actions/DeviceId.h"
#include "core/Logging.h"
#include "graph/GraphClient.h"
#include "graph/GraphReply.h"

#include <QTimer>
#include <QUuid>

namespace keyturn {

namespace {

QString keyFor(const QString &actionId, const QString &deviceId)
{
    return actionId + QLatin1Char('\n') + deviceId;
}

QString auditOutcome(ActionOutcome::Result result)
{
    switch (result) {
    case ActionOutcome::Result::Sent:
        return AuditEntry::outcomeSent();
    case ActionOutcome::Result::Failed:
        return AuditEntry::outcomeFailed();
    case ActionOutcome::Result::Unknown:
    case ActionOutcome::Result::Cancelled:
        // A cancelled request may already have reached Intune: the audit cannot claim otherwise.
        return AuditEntry::outcomeUnknown();
    }
    return AuditEntry::outcomeUnknown();
}

QString httpFailureMessage(
    const RemoteAction &action, const QString &device, int status, const GraphError &error)
{
    const QString label = action.label();
    switch (status) {
    case 400:
        return ActionRunner::tr(
            "Intune did not accept %1 for %2: the action does not apply to this device in "
            "its current state (for example its platform, ownership or encryption).")
            .arg(label, device);
    case 401:
        return ActionRunner::tr(
            "Intune did not accept your sign-in, so %1 was not sent to %2. Sign in again, "
            "then retry.")
            .arg(label, device);
    case 403:
        if (error.code.compare(QLatin1String("Forbidden"), Qt::CaseInsensitive) == 0)
            return ActionRunner::tr("You don't have permission to run %1 on %2. %3")
                .arg(label, device, action.permissionReason());
        // UnknownError wrapping Forbidden: the scope was there, the Intune role or licence was not.
        return ActionRunner::tr("Intune refused %1 on %2 for your account. It needs an Intune licence and "
                                "%3.")
            .arg(label, device, action.rolesHint());
    case 404:
        return ActionRunner::tr(
            "%1 was not sent to %2: the device no longer exists in Intune (it may have been "
            "retired or deleted). Refresh the device list.")
            .arg(label, device);
    case 429:
        if (error.retryAfterSecs)
            return ActionRunner::tr(
                "Intune is throttling requests, so %1 was not carried out on %2. Try again "
                "in %n s.",
                nullptr, *error.retryAfterSecs)
                .arg(label, device);
        return ActionRunner::tr(
            "Intune is throttling requests, so %1 was not carried out on %2. Try again in a "
            "minute.")
            .arg(label, device);
    case 503:
        if (error.retryAfterSecs)
            return ActionRunner::tr("Intune is temporarily unavailable, so %1 was not carried out on %2. Try "
                                    "again in %n s.",
                nullptr, *error.retryAfterSecs)
                .arg(label, device);
        return ActionRunner::tr(
            "Intune is temporarily unavailable, so %1 was not carried out on %2. Try again "
            "in a few minutes.")
            .arg(label, device);
    default:
        break;
    }
    if (status >= 500)
        return ActionRunner::tr("Intune had a problem with %1 on %2 (HTTP %3). Check the device's action "
                                "status before trying again.")
            .arg(label, device, QString::number(status));
    if (error.code.isEmpty())
        return ActionRunner::tr("Intune refused %1 on %2 (HTTP %3).")
            .arg(label, device, QString::number(status));
    return ActionRunner::tr("Intune refused %1 on %2 (HTTP %3, %4).")
        .arg(label, device, QString::number(status), error.code);
}

QString resultName(ActionOutcome::Result r)
{
    switch (r) {
    case ActionOutcome::Result::Sent:
        return QStringLiteral("sent");
    case ActionOutcome::Result::Failed:
        return QStringLiteral("failed");
    case ActionOutcome::Result::Unknown:
        return QStringLiteral("outcome unknown");
    case ActionOutcome::Result::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace

ActionRunner::ActionRunner(GraphClient *client, AuditLog *auditLog, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_auditLog(auditLog)
{ }

ActionRunner::~ActionRunner()
{
    // Requests in flight are left to finish on their own: aborting would not take back what may
    // already have reached Intune. The audit still records them, with an unknown outcome.
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (it->reply)
            it->reply->disconnect(this);
        ReplySummary summary;
        summary.error.kind = GraphError::Kind::Cancelled;
        audit(outcomeFor(it->action, it->device, summary), *it);
    }
}

void ActionRunner::setAccountInfo(const QString &upn, const QString &tenantId)
{
    m_upn = upn;
    m_tenantId = tenantId;
}

bool ActionRunner::isRunning(const QString &actionId, const QString &deviceId) const
{
    return m_inFlight.contains(keyFor(actionId, deviceId));
}

bool ActionRunner::run(const RemoteAction &action, const DeviceDetails &device)
{
    const QString key = keyFor(action.id, device.id);
    if (m_inFlight.contains(key)) {
        qCInfo(lcActions).noquote() << "refused" << action.id << "for" << device.id << ": already in flight";
        return false;
    }
    if (!isIntuneDeviceId(device.id)) {
        qCWarning(lcActions).noquote() << "refused" << action.id << ":" << invalidDeviceIdMessage(device.id);
        return false;
    }
    const QString path = action.path(device);
    if (!m_client || action.kind != RemoteAction::Kind::TrackedAction || path.isEmpty()
        || action.method != QByteArrayLiteral("POST")) {
        qCWarning(lcActions).noquote()
            << "refused" << action.id << "for device id" << device.id << ": no client or not a remote action";
        return false;
    }
    // Reserve the slot before the request exists: nothing below may re-enter run() for this key.
    InFlight &slot = m_inFlight[key];
    slot.action = action;
    slot.device = device;
    slot.auditEntryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slot.upn = m_upn;
    slot.tenantId = m_tenantId;
    // Written before the request exists, so a crash while it is in flight still leaves a record.
    auditSending(slot);
    GraphReply *reply = m_client->post(path, action.body, { action.apiVersion, action.headers });
    slot.reply = reply;
    qCInfo(lcActions).noquote() << "POST" << path;
    if (reply->isFinished()) {
        // The client may finish a request before returning it (no token, for instance); report
        // it from the event loop so started() still comes before finished().
        const ReplySummary summary = summarize(*reply);
        QTimer::singleShot(0, this, [this, key, summary] { complete(key, summary); });
    } else {
        connect(reply, &GraphReply::finished, this, [this, key, reply] {
            reply->disconnect(this);
            complete(key, summarize(*reply));
        });
    }
    Q_EMIT started(action.id, device.id);
    return true;
}

ActionRunner::ReplySummary ActionRunner::summarize(const GraphReply &reply)
{
    ReplySummary summary;
    summary.httpStatus = reply.httpStatus();
    summary.error = reply.error();
    summary.requestId = reply.requestId();
    summary.clientRequestId = reply.clientRequestId();
    summary.date = reply.date();
    return summary;
}

void ActionRunner::complete(const QString &key, const ReplySummary &summary)
{
    const auto it = m_inFlight.find(key);
    if (it == m_inFlight.end())
        return;
    const InFlight flight = it.value();
    m_inFlight.erase(it);

    ActionOutcome outcome = outcomeFor(flight.action, flight.device, summary);
    if (m_auditLog)
        outcome.auditEntryId = flight.auditEntryId;
    qCInfo(lcActions).noquote() << flight.action.id << "for" << flight.device.id << "->"
                                << resultName(outcome.result) << "HTTP" << outcome.httpStatus << "request-id"
                                << outcome.requestId;
    audit(outcome, flight);
    Q_EMIT finished(outcome);
}

void ActionRunner::auditSending(const InFlight &flight)
{
    if (!m_auditLog)
        return;
    AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.entryId = flight.auditEntryId;
    entry.accountUpn = flight.upn;
    entry.tenantId = flight.tenantId;
    entry.deviceId = flight.device.id;
    entry.deviceName = flight.device.deviceName.isEmpty() ? flight.device.id : flight.device.deviceName;
    entry.actionId = flight.action.id;
    entry.outcome = AuditEntry::outcomeSending();
    m_auditLog->append(entry);
}

void ActionRunner::audit(const ActionOutcome &outcome, const InFlight &flight)
{
    if (!m_auditLog)
        return;
    AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.entryId = flight.auditEntryId;
    entry.accountUpn = flight.upn;
    entry.tenantId = flight.tenantId;
    entry.deviceId = outcome.deviceId;
    entry.deviceName = outcome.deviceName;
    entry.actionId = outcome.actionId;
    entry.httpStatus = outcome.httpStatus;
    entry.requestId = outcome.requestId;
    entry.clientRequestId = outcome.clientRequestId;
    entry.outcome = auditOutcome(outcome.result);
    entry.errorCode = outcome.errorCode;
    m_auditLog->append(entry);
}

ActionOutcome ActionRunner::outcomeFor(
    const RemoteAction &action, const DeviceDetails &device, const ReplySummary &reply)
{
    ActionOutcome o;
    o.actionId = action.id;
    o.deviceId = device.id;
    o.deviceName = device.deviceName.isEmpty() ? device.id : device.deviceName;
    o.httpStatus = reply.httpStatus;
    o.requestId = reply.requestId.isEmpty() ? reply.error.requestId : reply.requestId;
    o.clientRequestId = reply.clientRequestId.isEmpty() ? reply.error.clientRequestId : reply.clientRequestId;
    // Graph's innerError date is what support asks for; the HTTP Date header stands in without one.
    o.date = reply.error.date.isEmpty() ? reply.date : reply.error.date;
    const QString &name = o.deviceName;

    using Kind = GraphError::Kind;
    switch (reply.error.kind) {
    case Kind::None:
        if (reply.httpStatus >= 200 && reply.httpStatus < 300) {
            o.result = ActionOutcome::Result::Sent;
            o.message = action.sentBanner(name);
        } else {
            // A 3xx (redirects are not followed) means Intune did not take the action.
            o.result = ActionOutcome::Result::Failed;
            o.message
                = tr("Intune refused %1 on %2 (HTTP %3).").arg(action.label(), name).arg(reply.httpStatus);
        }
        break;
    case Kind::Http:
    case Kind::Malformed:
        o.result = ActionOutcome::Result::Failed;
        o.errorCode = reply.error.code;
        o.retryAfterSecs = reply.error.retryAfterSecs;
        o.message = httpFailureMessage(action, name, reply.httpStatus, reply.error);
        break;
    case Kind::OutcomeUnknown:
    case Kind::Timeout:
        o.result = ActionOutcome::Result::Unknown;
        o.message = tr("The outcome is unknown: check the device's action status. No answer came back from "
                       "Intune for %1 on %2, and Keyturn does not send it again by itself.")
                        .arg(action.label(), name);
        break;
    case Kind::Cancelled:
        o.result = ActionOutcome::Result::Cancelled;
        o.message = tr("%1 on %2 was cancelled before Intune answered. Check the device's action status "
                       "before trying again.")
                        .arg(action.label(), name);
        break;
    case Kind::Auth:
        o.result = ActionOutcome::Result::Failed;
        o.message = tr("%1 was not sent to %2: Keyturn could not get a valid sign-in. Sign in again, then "
                       "retry.")
                        .arg(action.label(), name);
        break;
    case Kind::Network:
        // GraphClient reports Network for a POST only when the connection was never made.
        o.result = ActionOutcome::Result::Failed;
        o.message = tr("%1 was not sent to %2: Keyturn could not reach Microsoft Graph (%3).")
                        .arg(action.label(), name, reply.error.networkErrorText);
        break;
    case Kind::MissingRole:
        o.result = ActionOutcome::Result::Failed;
        o.errorCode = reply.error.code;
        o.message = action.rolesHint().isEmpty()
            ? tr("Intune refused %1 on %2 for your account, so nothing was carried out. %3")
                  .arg(action.label(), name, reply.error.summary())
            : tr("Intune refused %1 on %2 for your account, so nothing was carried out: it needs an Intune "
                 "licence and %3. You are still signed in; signing in again will not help.")
                  .arg(action.label(), name, action.rolesHint());
        break;
    case Kind::NotSent:
        o.result = ActionOutcome::Result::Failed;
        o.errorCode = reply.error.code;
        o.message = reply.error.claimsChallenge.isEmpty()
            ? tr("Intune did not accept your sign-in, so %1 was not carried out on %2. Keyturn has renewed "
                 "the sign-in: try again.")
                  .arg(action.label(), name)
            : tr("Your organization asked for a fresh sign-in, so %1 was not carried out on %2. Sign in "
                 "again if Keyturn asks, then try again.")
                  .arg(action.label(), name);
        break;
    case Kind::UntrustedHost:
        o.result = ActionOutcome::Result::Failed;
        o.message = tr("%1 was not sent to %2: the Graph address is not trusted.").arg(action.label(), name);
        break;
    }

    QStringList lines;
    lines << QStringLiteral("Action: %1 (%2)").arg(action.label(), action.id)
          << QStringLiteral("Device: %1 (%2)").arg(name, device.id)
          << QStringLiteral("Outcome: %1").arg(resultName(o.result));
    if (reply.error.isError()) {
        lines << reply.error.details();
    } else {
        lines << QStringLiteral("HTTP status: %1").arg(reply.httpStatus);
        if (!o.requestId.isEmpty())
            lines << QStringLiteral("request-id: %1").arg(o.requestId);
        if (!o.clientRequestId.isEmpty())
            lines << QStringLiteral("client-request-id: %1").arg(o.clientRequestId);
        if (!o.date.isEmpty())
            lines << QStringLiteral("Date: %1").arg(o.date);
    }
    o.details = lines.join(QLatin1Char('\n'));
    return o;
}

} // namespace keyturn
