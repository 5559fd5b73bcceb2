#include "actions/DeviceSecretReader.h"

#include "actions/ActionCatalog.h"
#include "actions/DeviceId.h"
#include "graph/GraphClient.h"
#include "graph/GraphReply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

namespace keyturn {

namespace {

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

QString kindKey(DeviceSecretKind kind, const QString &deviceId)
{
    return QString::number(static_cast<int>(kind)) + u'\n' + deviceId.toLower();
}

QString when(const QString &isoText)
{
    const QDateTime time = parseGraphDateTime(isoText);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : tr("an unknown time");
}

QString volumeName(const QString &volumeType)
{
    if (volumeType == u"operatingSystemVolume")
        return tr("Operating system volume");
    if (volumeType == u"fixedDataVolume")
        return tr("Fixed data volume");
    if (volumeType == u"removableDataVolume")
        return tr("Removable data volume");
    return tr("Volume");
}

/// The sentence for a failed read.
QString failureSentence(DeviceSecretKind kind, const GraphError &error, const QString &deviceName)
{
    if (error.kind == GraphError::Kind::Http && error.httpStatus == 403) {
        switch (kind) {
        case DeviceSecretKind::FileVaultRecoveryKey:
            return tr(
                "Your sign-in may not read FileVault recovery keys: it needs the "
                "DeviceManagementManagedDevices.PrivilegedOperations.All permission, which the Help Desk "
                "Operator and Endpoint Security Manager roles include.");
        case DeviceSecretKind::BitLockerRecoveryKeys:
            return tr(
                "Your account may not read BitLocker recovery keys. It needs the BitlockerKey.Read.All "
                "permission and one of the Entra roles Cloud Device Administrator, Helpdesk "
                "Administrator, Intune Administrator, Security Administrator, Security Reader or Global "
                "Reader.");
        case DeviceSecretKind::LocalAdminPassword:
            return tr("Your account may not read local administrator passwords. It needs the "
                      "DeviceLocalCredential.Read.All permission and one of the Entra roles Cloud Device "
                      "Administrator, Helpdesk Administrator or Intune Administrator.");
        }
    }
    const bool missing
        = error.kind == GraphError::Kind::Http && (error.httpStatus == 404 || error.httpStatus == 400);
    if (missing && kind == DeviceSecretKind::FileVaultRecoveryKey)
        return tr(
            "Intune holds no FileVault recovery key for %1. A Mac escrows its personal recovery key only "
            "when its FileVault profile asks for escrow, once FileVault is on and the Mac has checked in.")
            .arg(deviceName);
    if (error.kind == GraphError::Kind::Http && error.httpStatus == 404
        && kind == DeviceSecretKind::LocalAdminPassword)
        return tr("Entra ID holds no local administrator password for %1: Windows LAPS is not backing one up "
                  "for this device.")
            .arg(deviceName);
    if (error.kind == GraphError::Kind::Http && error.httpStatus == 404
        && kind == DeviceSecretKind::BitLockerRecoveryKeys)
        return tr(
            "The BitLocker recovery key was not found: a key rotation may have replaced it meanwhile. Try "
            "again.");
    return error.summary();
}

} // namespace

struct DeviceSecretReader::Read {
    DeviceSecretKind kind;
    DeviceDetails device;
    QPointer<QObject> context;
    Callback callback;
    DeviceSecretResult result;
    struct KeyInfo {
        QString id, volumeType, created;
    };
    QList<KeyInfo> keys;
};

DeviceSecretReader::DeviceSecretReader(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

DeviceSecretReader::~DeviceSecretReader()
{
    for (const QPointer<GraphReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

QString DeviceSecretReader::secretName(DeviceSecretKind kind)
{
    switch (kind) {
    case DeviceSecretKind::FileVaultRecoveryKey:
        return tr("FileVault recovery key");
    case DeviceSecretKind::BitLockerRecoveryKeys:
        return tr("BitLocker recovery keys");
    case DeviceSecretKind::LocalAdminPassword:
        return tr("local administrator password");
    }
    return {};
}

bool DeviceSecretReader::isReading(DeviceSecretKind kind, const QString &deviceId) const
{
    return m_running.contains(kindKey(kind, deviceId));
}

bool DeviceSecretReader::read(
    DeviceSecretKind kind, const DeviceDetails &device, QObject *context, Callback callback)
{
    if (!m_client || !isIntuneDeviceId(device.id) || isReading(kind, device.id))
        return false;
    if (kind != DeviceSecretKind::FileVaultRecoveryKey && !isIntuneDeviceId(device.azureADDeviceId))
        return false;
    auto read = std::make_shared<Read>();
    read->kind = kind;
    read->device = device;
    read->context = context;
    read->callback = std::move(callback);
    read->result.kind = kind;
    read->result.deviceId = device.id;
    read->result.deviceName = device.deviceName;
    m_running.insert(kindKey(kind, device.id));
    switch (kind) {
    case DeviceSecretKind::FileVaultRecoveryKey:
        readFileVault(read);
        break;
    case DeviceSecretKind::BitLockerRecoveryKeys:
        readBitLockerList(read);
        break;
    case DeviceSecretKind::LocalAdminPassword:
        readLocalCredentials(read);
        break;
    }
    return true;
}

GraphReply *DeviceSecretReader::firstRequest(const std::shared_ptr<Read> &read)
{
    const RemoteAction *entry = findSecretRead(read->kind);
    return m_client->get(
        entry->path(read->device), entry->query(read->device), { entry->apiVersion, entry->headers });
}

void DeviceSecretReader::track(const std::shared_ptr<Read> &, GraphReply *reply)
{
    m_replies.removeAll(QPointer<GraphReply>());
    m_replies.append(reply);
}

bool DeviceSecretReader::check(const std::shared_ptr<Read> &read, const GraphReply *reply)
{
    read->result.requestId = reply->requestId();
    read->result.clientRequestId = reply->clientRequestId();
    read->result.date = reply->date();
    if (!reply->error().isError())
        return true;
    read->result.error = reply->error();
    read->result.message = failureSentence(read->kind, reply->error(), read->device.deviceName);
    read->result.items.clear();
    finish(read);
    return false;
}

void DeviceSecretReader::finish(const std::shared_ptr<Read> &read)
{
    m_running.remove(kindKey(read->kind, read->device.id));
    if (read->context && read->callback)
        read->callback(std::move(read->result));
}

void DeviceSecretReader::readFileVault(const std::shared_ptr<Read> &read)
{
    GraphReply *reply = firstRequest(read);
    track(read, reply);
    connect(reply, &GraphReply::finished, this, [this, read, reply] {
        if (!check(read, reply))
            return;
        const QString value
            = QJsonDocument::fromJson(reply->body()).object().value(QStringLiteral("value")).toString();
        if (value.isEmpty()) {
            read->result.message
                = tr("Intune answered without a FileVault recovery key for %1.").arg(read->device.deviceName);
        } else {
            read->result.items.push_back(
                { tr("Personal recovery key"), tr("Escrowed in Intune"), SecretText(value) });
        }
        finish(read);
    });
}

void DeviceSecretReader::readBitLockerList(const std::shared_ptr<Read> &read)
{
    GraphReply *reply = firstRequest(read);
    track(read, reply);
    connect(reply, &GraphReply::finished, this, [this, read, reply] {
        if (!check(read, reply))
            return;
        const QJsonArray keys
            = QJsonDocument::fromJson(reply->body()).object().value(QStringLiteral("value")).toArray();
        for (const auto &entry : keys) {
            const QJsonObject key = entry.toObject();
            const QString id = key.value(QStringLiteral("id")).toString();
            if (!isIntuneDeviceId(id))
                continue;
            read->keys.append({ id, key.value(QStringLiteral("volumeType")).toString(),
                key.value(QStringLiteral("createdDateTime")).toString() });
        }
        if (read->keys.isEmpty()) {
            read->result.message
                = tr("Entra ID holds no BitLocker recovery key for %1: the device has not "
                     "backed one up (BitLocker may be off, or its policy does not back keys up "
                     "to Entra ID).")
                      .arg(read->device.deviceName);
            finish(read);
            return;
        }
        readBitLockerKey(read, 0);
    });
}

void DeviceSecretReader::readBitLockerKey(const std::shared_ptr<Read> &read, int index)
{
    // The key itself: the listed key's own resource, with $select=key (the list never carries it).
    const RemoteAction *entry = findSecretRead(read->kind);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), QStringLiteral("key"));
    GraphReply *reply = m_client->get(entry->path(read->device) + u'/' + read->keys[index].id, query,
        { entry->apiVersion, entry->headers });

    track(read, reply);
    connect(reply, &GraphReply::finished, this, [this, read, reply, index] {
        if (!check(read, reply))
            return;
        const QString key
            = QJsonDocument::fromJson(reply->body()).object().value(QStringLiteral("key")).toString();
        const auto &info = read->keys[index];
        if (!key.isEmpty()) {
            read->result.items.push_back({ volumeName(info.volumeType),
                tr("Key ID %1, backed up %2").arg(info.id, when(info.created)), SecretText(key) });
        }
        if (index + 1 < read->keys.size()) {
            readBitLockerKey(read, index + 1);
            return;
        }
        if (read->result.items.empty())
            read->result.message = tr("Entra ID answered without the BitLocker recovery keys of %1.")
                                       .arg(read->device.deviceName);
        finish(read);
    });
}

void DeviceSecretReader::readLocalCredentials(const std::shared_ptr<Read> &read)
{
    GraphReply *reply = firstRequest(read);
    track(read, reply);
    connect(reply, &GraphReply::finished, this, [this, read, reply] {
        if (!check(read, reply))
            return;
        QJsonArray credentials
            = QJsonDocument::fromJson(reply->body()).object().value(QStringLiteral("credentials")).toArray();
        // Graph lists the newest first; sort anyway, a help desk must never read out an old password.
        QList<QJsonObject> sorted;
        for (const auto &c : credentials)
            sorted.append(c.toObject());
        std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return parseGraphDateTime(a.value(QStringLiteral("backupDateTime")).toString())
                > parseGraphDateTime(b.value(QStringLiteral("backupDateTime")).toString());
        });
        bool first = true;
        for (const QJsonObject &c : sorted) {
            const auto decoded = QByteArray::fromBase64Encoding(
                c.value(QStringLiteral("passwordBase64")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                continue;
            const QString account = c.value(QStringLiteral("accountName")).toString();
            const QString backedUp = when(c.value(QStringLiteral("backupDateTime")).toString());
            read->result.items.push_back({ account.isEmpty() ? tr("Local administrator") : account,
                first ? tr("Current password, backed up %1").arg(backedUp)
                      : tr("Earlier password, backed up %1").arg(backedUp),
                SecretText(QString::fromUtf8(*decoded)) });
            first = false;
        }
        if (read->result.items.empty())
            read->result.message = tr("Entra ID answered without a local administrator password for %1.")
                                       .arg(read->device.deviceName);
        finish(read);
    });
}

} // namespace keyturn
