#include "demo/DirectorySecretsService.h"

#include "demo/DemoDirectory.h"
#include "demo/DemoEncoding.h"
#include "demo/DemoRequest.h"
#include "demo/DeviceSecrets.h"
#include "demo/DeviceStore.h"
#include "demo/TokenMinter.h"

#include <QRegularExpression>

namespace keyturn::demo {

namespace {

const QString kRecoveryKeys = QStringLiteral("/v1.0/informationProtection/bitlocker/recoveryKeys");
const QString kLocalCredentials = QStringLiteral("/v1.0/directory/deviceLocalCredentials");

HttpResponse resourceNotFound(const QString &id, const GraphCall &call)
{
    return graphError(404, QStringLiteral("Request_ResourceNotFound"),
        QStringLiteral(
            "Resource '%1' does not exist or one of its queried reference-property objects are not "
            "present.")
            .arg(id),
        call);
}

void appendKeyObject(QByteArray &out, const BitLockerKey &key, const QByteArray &deviceId, bool withKey)
{
    out.append("{\"id\":\"").append(key.id).append("\",\"createdDateTime\":\"");
    out.append(isoDate(key.createdMs)).append("\",\"volumeType\":\"").append(key.volumeType);
    out.append("\",\"deviceId\":\"").append(deviceId).append('"');
    if (withKey)
        out.append(",\"key\":\"").append(key.key).append('"');
    out.append('}');
}

} // namespace

DirectorySecretsService::DirectorySecretsService(
    DeviceStore &store, const TokenMinter &minter, SecretLedger *ledger)
    : m_store(store)
    , m_minter(minter)
    , m_ledger(ledger)
{ }

bool DirectorySecretsService::handles(const QString &path)
{
    return path == kRecoveryKeys || path.startsWith(kRecoveryKeys + u'/')
        || path.startsWith(kLocalCredentials + u'/');
}

HttpResponse DirectorySecretsService::handle(const DemoRequest &request, const DemoUser &user,
    const QString &grantedScopes, const GraphCall &call, const QString &root)
{
    if (request.method != "GET")
        return graphMethodNotAllowed(request.method, call);
    if (request.path.startsWith(kRecoveryKeys)) {
        // Graph documents the User-Agent header as required for BitLocker keys.
        if (request.header("User-Agent").trimmed().isEmpty())
            return graphError(400, QStringLiteral("BadRequest"),
                QStringLiteral("The User-Agent header is required for this request."), call);
        const bool listing = request.path == kRecoveryKeys || request.path == kRecoveryKeys + u'/';
        const bool scoped = scopeListHas(grantedScopes, kScopeBitLocker)
            || (listing && scopeListHas(grantedScopes, "BitlockerKey.ReadBasic.All"));
        if (!scoped || !user.mayReadDeviceSecrets())
            return graphInsufficientPrivileges(call);
        if (listing)
            return listBitLockerKeys(request, call, root);
        return bitLockerKey(request, request.path.mid(kRecoveryKeys.size() + 1), call, root);
    }
    if (!scopeListHas(grantedScopes, kScopeLaps) || !user.mayReadDeviceSecrets())
        return graphInsufficientPrivileges(call);
    return localCredentials(request, request.path.mid(kLocalCredentials.size() + 1), call, root);
}

HttpResponse DirectorySecretsService::listBitLockerKeys(
    const DemoRequest &request, const GraphCall &call, const QString &root)
{
    // Keyturn asks for one device's keys: $filter=deviceId eq '<guid>' (the only filter served here).
    static const QRegularExpression byDevice(
        QStringLiteral(R"(^\s*deviceId\s+eq\s+'([0-9a-fA-F-]{36})'\s*$)"));
    const QString filter = request.queryValue(QStringLiteral("$filter"));
    QList<qsizetype> devices;
    if (filter.isEmpty()) {
        for (qsizetype i = 0; i < m_store.size(); ++i) {
            if (!m_store.isDeleted(i))
                devices.append(i);
        }
    } else {
        const QRegularExpressionMatch match = byDevice.match(filter);
        if (!match.hasMatch())
            return graphError(400, QStringLiteral("BadRequest"),
                QStringLiteral("Invalid filter clause: only deviceId eq '<id>' is supported."), call);
        const qsizetype index = indexByEntraId(match.captured(1));
        if (index >= 0)
            devices.append(index);
    }
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, root + QStringLiteral("/$metadata#informationProtection/bitlocker/recoveryKeys"));
    body.append(",\"value\":[");
    bool first = true;
    for (qsizetype index : devices) {
        const DeviceRecord &d = m_store.device(index);
        for (const BitLockerKey &key :
            bitLockerKeys(m_minter, d, m_store.completedRuns(index, "rotateBitLockerKeys", call.nowMs))) {
            if (!first)
                body.append(',');
            first = false;
            appendKeyObject(body, key, d.azureADDeviceId, false);
        }
    }
    body.append("]}");
    return graphJson(200, std::move(body), call);
}

HttpResponse DirectorySecretsService::bitLockerKey(
    const DemoRequest &request, const QString &keyId, const GraphCall &call, const QString &root)
{
    if (!looksLikeGuid(keyId))
        return resourceNotFound(keyId, call);
    const bool withKey
        = request.queryValue(QStringLiteral("$select")).split(u',').contains(QStringLiteral("key"));
    for (qsizetype index = 0; index < m_store.size(); ++index) {
        const DeviceRecord &d = m_store.device(index);
        if (m_store.isDeleted(index) || d.platform != Platform::Windows || !d.encrypted)
            continue;
        for (const BitLockerKey &key :
            bitLockerKeys(m_minter, d, m_store.completedRuns(index, "rotateBitLockerKeys", call.nowMs))) {
            if (QString::fromLatin1(key.id).compare(keyId, Qt::CaseInsensitive) != 0)
                continue;
            QByteArray body = "{\"@odata.context\":";
            appendJsonString(body,
                root + QStringLiteral("/$metadata#informationProtection/bitlocker/recoveryKeys/$entity"));
            body.append(',');
            QByteArray object;
            appendKeyObject(object, key, d.azureADDeviceId, withKey);
            body.append(object.mid(1));
            if (withKey)
                remember(SecretLedger::Kind::DeviceSecret, QString::fromLatin1(key.key));
            return graphJson(200, std::move(body), call);
        }
    }
    return resourceNotFound(keyId, call);
}

HttpResponse DirectorySecretsService::localCredentials(
    const DemoRequest &request, const QString &deviceId, const GraphCall &call, const QString &root)
{
    const qsizetype index = looksLikeGuid(deviceId) ? indexByEntraId(deviceId) : -1;
    const std::optional<LapsRecord> record = index < 0
        ? std::nullopt
        : lapsRecord(m_minter, m_store.device(index),
            m_store.completedRuns(index, "rotateLocalAdminPassword", call.nowMs));
    if (!record)
        return resourceNotFound(deviceId, call);
    const DeviceRecord &d = m_store.device(index);
    const bool withCredentials
        = request.queryValue(QStringLiteral("$select")).split(u',').contains(QStringLiteral("credentials"));
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, root + QStringLiteral("/$metadata#directory/deviceLocalCredentials/$entity"));
    body.append(",\"id\":\"").append(d.azureADDeviceId).append("\",\"deviceName\":");
    appendJsonString(body, d.deviceName);
    body.append(",\"lastBackupDateTime\":\"").append(isoDate(record->lastBackupMs));
    body.append("\",\"refreshDateTime\":\"").append(isoDate(record->refreshMs)).append('"');
    if (withCredentials) {
        body.append(",\"credentials\":[");
        for (qsizetype i = 0; i < record->credentials.size(); ++i) {
            const LapsCredential &c = record->credentials[i];
            if (i)
                body.append(',');
            body.append("{\"accountName\":");
            appendJsonString(body, c.accountName);
            body.append(",\"accountSid\":\"").append(c.accountSid);
            body.append("\",\"backupDateTime\":\"").append(isoDate(c.backupMs));
            body.append("\",\"passwordBase64\":\"").append(c.password.toBase64()).append("\"}");
            remember(SecretLedger::Kind::DeviceSecret, QString::fromLatin1(c.password));
        }
        body.append(']');
    }
    body.append('}');
    return graphJson(200, std::move(body), call);
}

qsizetype DirectorySecretsService::indexByEntraId(const QString &entraDeviceId) const
{
    const QByteArray wanted = entraDeviceId.toLatin1().toLower();
    for (qsizetype i = 0; i < m_store.size(); ++i) {
        if (!m_store.isDeleted(i) && m_store.device(i).azureADDeviceId.toLower() == wanted)
            return i;
    }
    return -1;
}

void DirectorySecretsService::remember(SecretLedger::Kind kind, const QString &secret) const
{
    if (m_ledger)
        m_ledger->record(kind, secret);
}

} // namespace keyturn::demo
