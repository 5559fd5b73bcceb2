// DemoOptions: every knob of the demo tenant, with the defaults of the command line.
#pragma once

#include <QString>
#include <QStringList>

namespace keyturn::demo {

struct DemoOptions {
    quint16 port = 0;            ///< 0 = any free port
    int devices = 250;           ///< number of generated managed devices
    quint32 seed = 1;            ///< drives data, faults and the token-signing key
    QString autoApproveUser;     ///< "helpdesk" / "readonly": /authorize redirects at once
    int tokenLifetimeSecs = 3600;
    int actionDelaySecs = 5;     ///< pending -> done after a remote action
    int latencyMs = 0;
    double fault429 = 0.0;
    bool noRetryAfter = false;
    double fault503 = 0.0;
    double faultDrop = 0.0;
    double faultMalformed = 0.0;

    bool operator==(const DemoOptions &) const = default;
};

} // namespace keyturn::demo
