// FaultInjector: decides, once per Graph request and in arrival order, which fault (if any) it
// gets: first any rule queued by POST /_demo/inject whose match is in the path or query, else a draw from
// its own PRNG seeded by the tenant seed (so the same seed gives the same fault sequence).
#pragma once

#include "demo/DemoOptions.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <random>

namespace keyturn::demo {

enum class Fault {
    None,
    TooManyRequests,
    TooManyRequestsNoRetryAfter,
    Unavailable,
    Drop,
    Malformed,
    Hang,
    Huge, ///< the real answer padded with whitespace to 50 MB (still valid JSON)
    Html, ///< a 200 text/html page, as a captive portal or an inspecting proxy sends
    ForeignNextLink ///< the page's @odata.nextLink points at another host
};

/// "429", "429-no-retry-after", "503", "drop", "malformed", "hang", "huge", "html",
/// "foreign-next-link" ("" for None).
QByteArray faultName(Fault fault);
/// Parses the names above; false for anything else.
bool parseFault(const QString &name, Fault *fault);

class FaultInjector {
public:
    explicit FaultInjector(const DemoOptions &options);

    /// Queues a fault for the next `count` Graph requests whose path or query contains `match`;
    /// a 429 carries Retry-After: retryAfterSecs.
    void inject(Fault fault, const QString &match, int count, int retryAfterSecs = 1);
    /// Draws the fault of the next Graph request (always consumes one PRNG draw).
    Fault next(const QString &path);
    /// The Retry-After of the fault next() drew last (1 s unless an injected rule said otherwise).
    int retryAfterSecs() const { return m_retryAfterSecs; }

private:
    struct Rule {
        Fault fault;
        QString match;
        int remaining;
        int retryAfterSecs;
    };
    int m_retryAfterSecs = 1;
    DemoOptions m_options;
    std::mt19937_64 m_rng;
    QList<Rule> m_rules;
};

} // namespace keyturn::demo
