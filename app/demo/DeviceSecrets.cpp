#include "demo/DeviceSecrets.h"

#include "demo/TokenMinter.h"

namespace keyturn::demo {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

/// A stable small number per device, for choosing which devices have which secrets.
quint32 deviceHash(const DeviceRecord &device)
{
    // FNV-1a: the same in every run (qHash may be seeded per process).
    quint32 hash = 2166136261u;
    for (const char c : device.id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

QByteArray guidOf(const QByteArray &material)
{
    const QByteArray hex = material.toHex().left(32);
    return hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
        + hex.mid(20, 12);
}

quint32 word(const QByteArray &material, int index)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(material[(index * 4 + i) % material.size()]);
    return value;
}

} // namespace

QByteArray fileVaultRecoveryKey(const TokenMinter &minter, const DeviceRecord &device, int generation)
{
    const QByteArray material
        = minter.signOpaque("filevault:" + device.id + ':' + QByteArray::number(generation));
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray key;
    for (int i = 0; i < 24; ++i) {
        if (i && i % 4 == 0)
            key.append('-');
        key.append(alphabet[static_cast<unsigned char>(material[i]) % 32]);
    }
    return key;
}

QList<BitLockerKey> bitLockerKeys(
    const TokenMinter &minter, const DeviceRecord &device, const QList<qint64> &rotationsDoneMs)
{
    const quint32 hash = deviceHash(device);
    // One encrypted Windows device in ten never escrowed its key in Entra.
    if (device.platform != Platform::Windows || !device.encrypted || hash % 10 == 9)
        return {};
    const int generation = static_cast<int>(rotationsDoneMs.size());
    const qint64 createdMs = generation ? rotationsDoneMs.last() : device.enrolledMs + 3600 * 1000;
    QList<BitLockerKey> keys;
    const char *volumes[] = { "operatingSystemVolume", "fixedDataVolume" };
    const int volumeCount = hash % 4 == 0 ? 2 : 1;
    for (int v = 0; v < volumeCount; ++v) {
        const QByteArray material = minter.signOpaque(
            "bitlocker:" + device.id + ':' + QByteArray::number(v) + ':' + QByteArray::number(generation));
        BitLockerKey key;
        key.id = guidOf(material);
        key.volumeType = volumes[v];
        key.createdMs = createdMs + v * 1000;
        for (int group = 0; group < 8; ++group) {
            if (group)
                key.key.append('-');
            const quint32 block = (word(material, group + 4) % 65536) * 11;
            key.key.append(QByteArray::number(block).rightJustified(6, '0'));
        }
        keys.append(key);
    }
    return keys;
}

std::optional<LapsRecord> lapsRecord(
    const TokenMinter &minter, const DeviceRecord &device, const QList<qint64> &rotationsDoneMs)
{
    if (device.platform != Platform::Windows || !device.company || deviceHash(device) % 3 == 0)
        return std::nullopt;
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";
    const QByteArray sidMaterial = minter.signOpaque("laps-sid:" + device.id);
    const QByteArray sid = "S-1-5-21-" + QByteArray::number(word(sidMaterial, 0)) + '-'
        + QByteArray::number(word(sidMaterial, 1)) + '-' + QByteArray::number(word(sidMaterial, 2)) + "-500";
    LapsRecord record;
    QList<qint64> backups{ device.enrolledMs + kDayMs };
    backups.append(rotationsDoneMs);
    for (qsizetype generation = backups.size() - 1; generation >= 0 && record.credentials.size() < 3;
         --generation) {
        const QByteArray material
            = minter.signOpaque("laps:" + device.id + ':' + QByteArray::number(generation));
        LapsCredential credential;
        credential.accountName = "Administrator";
        credential.accountSid = sid;
        credential.backupMs = backups[generation];
        for (int i = 0; i < 16; ++i)
            credential.password.append(
                alphabet[static_cast<unsigned char>(material[i]) % (sizeof(alphabet) - 1)]);
        record.credentials.append(credential);
    }
    record.lastBackupMs = backups.last();
    record.refreshMs = record.lastBackupMs + 30 * kDayMs;
    return record;
}

} // namespace keyturn::demo
