// DeviceSecretReader: reads one device's escrowed secret from Graph on request, with the request
// its catalog entry (ActionCatalog's secret reads) describes: the FileVault
// recovery key (beta getFileVaultKey), the BitLocker recovery keys (v1.0: the device's keys by its
// Entra device id, then each with $select=key, with the User-Agent and ocp-client-* headers Graph
// asks for) or the Windows LAPS credentials (v1.0, newest first, base64 decoded). Only GETs, one
// read per device and kind at a time; every failure becomes one plain sentence. The values travel
// as SecretText and are never logged.
#pragma once

#include "actions/DeviceDetails.h"
#include "actions/DeviceSecretKind.h"
#include "actions/SecretText.h"
#include "graph/GraphError.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <vector>

namespace keyturn {

class GraphClient;
class GraphReply;

struct DeviceSecretItem {
    QString title; ///< "Personal recovery key", "Operating system volume", "Administrator"
    QString detail; ///< "Key ID 1a2b3c4d-…, created 7 Dec 2026 10:42", "Backed up …"
    SecretText value;
};

struct DeviceSecretResult {
    DeviceSecretKind kind = DeviceSecretKind::FileVaultRecoveryKey;
    QString deviceId, deviceName;
    std::vector<DeviceSecretItem> items; ///< empty on failure
    GraphError error; ///< of the request that failed (Kind::None on success)
    QString message; ///< translated sentence when it failed; empty on success
    QString requestId, clientRequestId, date; ///< of the last request answered

    bool ok() const { return message.isEmpty(); }
};

class DeviceSecretReader final : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(DeviceSecretResult)>;

    explicit DeviceSecretReader(GraphClient *client, QObject *parent = nullptr);
    ~DeviceSecretReader() override;

    /// Starts reading; false (and nothing sent) while the same read runs, or when the device lacks
    /// the id the read needs (a GUID Intune id; for BitLocker and LAPS the Entra device id). Else
    /// the callback runs exactly once, later, unless context is gone by then.
    bool read(DeviceSecretKind kind, const DeviceDetails &device, QObject *context, Callback callback);
    bool isReading(DeviceSecretKind kind, const QString &deviceId) const;

    /// "FileVault recovery key", "BitLocker recovery keys", "local administrator password".
    static QString secretName(DeviceSecretKind kind);

private:
    struct Read;
    /// The catalog entry's request for this read (for BitLocker: the list of the device's keys).
    GraphReply *firstRequest(const std::shared_ptr<Read> &read);
    void readFileVault(const std::shared_ptr<Read> &read);
    void readBitLockerList(const std::shared_ptr<Read> &read);
    void readBitLockerKey(const std::shared_ptr<Read> &read, int index);
    void readLocalCredentials(const std::shared_ptr<Read> &read);
    /// Remembers the reply's ids; on an error ends the read with the sentence for it and returns false.
    bool check(const std::shared_ptr<Read> &read, const GraphReply *reply);
    void finish(const std::shared_ptr<Read> &read);
    void track(const std::shared_ptr<Read> &read, GraphReply *reply);

    QPointer<GraphClient> m_client;
    QSet<QString> m_running; ///< kind + device id
    QList<QPointer<GraphReply>> m_replies;
};

} // namespace keyturn
