// DeviceSecrets: the demo tenant's escrowed secrets of one device, derived from the tenant's signing
// secret (the public seed does not give them away) and the key rotations completed so far: a Mac's
// FileVault personal recovery key, a Windows device's BitLocker recovery keys (none, one or two
// volumes) and its Windows LAPS credentials (newest first). Pure functions, no state.
#pragma once

#include "demo/DeviceRecord.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace keyturn::demo {

class TokenMinter;

struct BitLockerKey {
    QByteArray id; ///< the key id (a GUID), as Entra lists it
    const char *volumeType = "operatingSystemVolume";
    qint64 createdMs = 0;
    QByteArray key; ///< 48 digits in 8 groups of 6, each group a multiple of 11, as BitLocker makes them
};

struct LapsCredential {
    QByteArray accountName;
    QByteArray accountSid;
    qint64 backupMs = 0;
    QByteArray password; ///< plain text; Graph sends it base64-encoded
};

struct LapsRecord {
    qint64 lastBackupMs = 0;
    qint64 refreshMs = 0; ///< when Windows rotates it next
    QList<LapsCredential> credentials; ///< newest first
};

/// XXXX-XXXX-XXXX-XXXX-XXXX-XXXX; generation: completed FileVault key rotations.
QByteArray fileVaultRecoveryKey(const TokenMinter &minter, const DeviceRecord &device, int generation);

/// The keys Entra holds for the device; rotationsDoneMs: when each completed BitLocker key rotation
/// finished (each one replaces every volume's key). Empty for devices without BitLocker keys in Entra.
QList<BitLockerKey> bitLockerKeys(
    const TokenMinter &minter, const DeviceRecord &device, const QList<qint64> &rotationsDoneMs);

/// The LAPS record for about two thirds of corporate Windows devices, else nullopt; each completed
/// password rotation (rotationsDoneMs) adds a credential. At most three credentials are kept.
std::optional<LapsRecord> lapsRecord(
    const TokenMinter &minter, const DeviceRecord &device, const QList<qint64> &rotationsDoneMs);

} // namespace keyturn::demo
