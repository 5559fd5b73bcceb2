// DeviceSecretKind: the secrets Keyturn can show for a device (each read from Graph on request).
#pragma once

namespace keyturn {

enum class DeviceSecretKind { FileVaultRecoveryKey, BitLockerRecoveryKeys, LocalAdminPassword };

} // namespace keyturn
