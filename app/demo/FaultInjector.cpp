#include "demo/FaultInjector.h"

namespace keyturn::demo {

QByteArray faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return {};
    case Fault::TooManyRequests:
        return "429";
    case Fault::TooManyRequestsNoRetryAfter:
        return "429-no-retry-after";
    case Fault::Unavailable:
        return "503";
    case Fault::Drop:
        return "drop";
    case Fault::Malformed:
        return "malformed";
    case Fault::Hang:
        return "hang";
    case Fault::Huge:
        return "huge";
    case Fault::Html:
        return "html";
    case Fault::ForeignNextLink:
        return "foreign-next-link";
    }
    return {};
}

bool parseFault(const QString &name, Fault *fault)
{
    for (Fault f : { Fault::TooManyRequests, Fault::TooManyRequestsNoRetryAfter, Fault::Unavailable,
             Fault::Drop, Fault::Malformed, Fault::Hang, Fault::Huge, Fault::Html, Fault::ForeignNextLink }) {
        if (name == QString::fromLatin1(faultName(f))) {
            *fault = f;
            return true;
        }
    }
    return false;
}

FaultInjector::FaultInjector(const DemoOptions &options)
    : m_options(options)
    , m_rng(0x5eedfa17ULL ^ (static_cast<quint64>(options.seed) * 0x9e3779b97f4a7c15ULL))
{ }

void FaultInjector::inject(Fault fault, const QString &match, int count, int retryAfterSecs)
{
    if (count > 0)
        m_rules.append({ fault, match, count, retryAfterSecs });
}

Fault FaultInjector::next(const QString &path)
{
    // 53 random bits -> [0, 1): reproducible across standard libraries, unlike the distributions.
    const double draw = static_cast<double>(m_rng() >> 11) * (1.0 / 9007199254740992.0);
    m_retryAfterSecs = 1;

    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        Rule &rule = m_rules[i];
        if (!path.contains(rule.match))
            continue;
        const Fault fault = rule.fault;
        m_retryAfterSecs = rule.retryAfterSecs;
        if (--rule.remaining <= 0)
            m_rules.removeAt(i);
        return fault;
    }

    double threshold = m_options.fault429;
    if (draw < threshold)
        return m_options.noRetryAfter ? Fault::TooManyRequestsNoRetryAfter : Fault::TooManyRequests;
    threshold += m_options.fault503;
    if (draw < threshold)
        return Fault::Unavailable;
    threshold += m_options.faultDrop;
    if (draw < threshold)
        return Fault::Drop;
    threshold += m_options.faultMalformed;
    if (draw < threshold)
        return Fault::Malformed;
    return Fault::None;
}

} // namespace keyturn::demo
