// DemoSecret: the demo tenant's signing secret: random per tenant, or kept in a file (mode 0600)
// so tokens survive a restart. Never derived from the seed.
#pragma once

#include <QByteArray>
#include <QString>

namespace keyturn::demo {

/// 32 bytes from the system's random source.
QByteArray freshDemoSecret();

/// Reads the secret kept in path, or creates the file (and a missing folder, mode 0700) with a
/// fresh secret, mode 0600. False with a reason in *error when the file is readable by others, is
/// malformed, or cannot be read or written.
bool loadOrCreateDemoSecret(const QString &path, QByteArray *secret, QString *error);

} // namespace keyturn::demo
