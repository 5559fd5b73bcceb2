// DirectorySecretsService: Entra ID's device secrets in Graph v1.0, as WIRE.md records them: BitLocker
// recovery keys (list by deviceId, one key with $select=key; needs a User-Agent header) and Windows
// LAPS credentials (deviceLocalCredentials/{azureADDeviceId}?$select=credentials). A read needs the
// scope in the token and one of the Entra roles that grant it (403 Authorization_RequestDenied
// otherwise). Every value served goes to the SecretLedger, so tests can prove Keyturn never kept it.
#pragma once

#include "demo/GraphErrors.h"
#include "demo/HttpResponse.h"
#include "demo/SecretLedger.h"

#include <QString>

namespace keyturn::demo {

class DeviceStore;
class TokenMinter;
struct DemoRequest;
struct DemoUser;
struct DeviceRecord;

class DirectorySecretsService {
public:
    /// store and minter (borrowed); ledger (borrowed, may be null).
    DirectorySecretsService(DeviceStore &store, const TokenMinter &minter, SecretLedger *ledger);

    /// True for the paths this service answers (under /v1.0/).
    static bool handles(const QString &path);
    /// grantedScopes: the access token's scp claim.
    HttpResponse handle(const DemoRequest &request, const DemoUser &user, const QString &grantedScopes,
        const GraphCall &call, const QString &root);

private:
    HttpResponse listBitLockerKeys(const DemoRequest &request, const GraphCall &call, const QString &root);
    HttpResponse bitLockerKey(
        const DemoRequest &request, const QString &keyId, const GraphCall &call, const QString &root);
    HttpResponse localCredentials(
        const DemoRequest &request, const QString &deviceId, const GraphCall &call, const QString &root);
    /// The live device with this Entra device id, or -1.
    qsizetype indexByEntraId(const QString &entraDeviceId) const;
    void remember(SecretLedger::Kind kind, const QString &secret) const;

    DeviceStore &m_store;
    const TokenMinter &m_minter;
    SecretLedger *m_ledger;
};

} // namespace keyturn::demo
