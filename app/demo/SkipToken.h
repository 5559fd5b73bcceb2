// SkipToken: the managed device list's keyset skip token, shaped as Intune's
// (LastDeviceName='<name>',LastDeviceId='<guid>') plus a signature the tenant checks, so a client
// can neither forge nor edit one. Opaque to clients; percent-encoded in next links.
#pragma once

#include "demo/TokenMinter.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyturn::demo {

struct SkipTokenPosition {
    QByteArray lastDeviceName;
    QByteArray lastDeviceId;
};

/// The token after the device (name, id), decoded (not percent-encoded).
QByteArray makeSkipToken(const SkipTokenPosition &position, const TokenMinter &minter);
/// The position in a decoded token; nullopt when it is garbled or its signature does not match.
std::optional<SkipTokenPosition> readSkipToken(const QString &token, const TokenMinter &minter);
/// Percent-encodes everything but unreserved characters, in lowercase hex as Graph writes it.
QByteArray percentEncodeLowercase(const QByteArray &text);

} // namespace keyturn::demo
