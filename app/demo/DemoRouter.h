// DemoRouter: the demo tenant's whole behaviour behind one call, handle(request) -> response:
// identity, Graph (with the fault injector and latency around it) for every tenant, the /_demo
// controls, and the request log (with the tenant each request was served for). Owns every service;
// lives and is called on the server thread only.
#pragma once

#include "demo/DemoDirectories.h"
#include "demo/DemoOptions.h"
#include "demo/DemoRequest.h"
#include "demo/FaultInjector.h"
#include "demo/GraphGateway.h"
#include "demo/HttpResponse.h"
#include "demo/IdentityService.h"
#include "demo/RequestLog.h"
#include "demo/SessionRevocations.h"
#include "demo/TokenMinter.h"

#include <QUrl>

namespace keyturn {
class Clock;
}

namespace keyturn::demo {

class DemoRouter {
public:
    /// minter (borrowed): signs and checks tokens. ledger (borrowed, may be null): where the identity
    /// service records the secrets it issues.
    DemoRouter(const DemoOptions &options, const Clock &clock, QUrl baseUrl, const TokenMinter &minter,
        SecretLedger *ledger = nullptr);

    HttpResponse handle(const DemoRequest &request);
    const RequestLog &requestLog() const { return m_log; }

private:
    HttpResponse route(const DemoRequest &request);
    HttpResponse graph(const DemoRequest &request);
    HttpResponse control(const DemoRequest &request);
    /// The tenant's time: the clock plus whatever POST /_demo/advance-clock added.
    qint64 nowMs() const;
    /// The tenant index and device index of a live device of any tenant; false when none has it.
    bool findDevice(const QString &id, int *tenant, qsizetype *index) const;
    HttpResponse info() const;

    DemoOptions m_options;
    const Clock &m_clock;
    QUrl m_baseUrl;
    DemoDirectories m_directories;
    const TokenMinter &m_minter;
    SessionRevocations m_revocations;
    IdentityService m_identity;
    GraphGateway m_graph;
    FaultInjector m_faults;
    RequestLog m_log;
    qint64 m_clockOffsetMs = 0;
};

} // namespace keyturn::demo
