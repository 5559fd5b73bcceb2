#include "actions/DeviceId.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace keyturn {

bool isIntuneDeviceId(const QString &id)
{
    static const QRegularExpression guid(
        QStringLiteral("\\A[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\z"));
    return guid.match(id).hasMatch();
}

QString invalidDeviceIdMessage(const QString &id)
{
    // Quote at most a short prefix: the id came from elsewhere and may be long or odd.
    const QString shown = id.size() > 60 ? id.left(60) + QChar(0x2026) : id;
    return QCoreApplication::translate("keyturn::DeviceId",
        "The device id \"%1\" is not an Intune device id (a GUID), so Keyturn sent no request for it.")
        .arg(shown);
}

} // namespace keyturn
