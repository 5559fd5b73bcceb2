// ParsePlacement: decides whether a list page is parsed right where it arrived (the UI thread) or
// on the worker thread, from the parse rate measured on earlier pages: inline only when this page
// should take at most the inline budget (2 ms), on the worker before anything was measured.
#pragma once

#include <QtGlobal>

#include <optional>

namespace keyturn {

class ParsePlacement {
public:
    /// The longest a page may be expected to hold up the thread it arrived on.
    static constexpr qint64 kInlineBudgetNsecs = 2'000'000;

    /// True when a body of `bytes` should parse where it arrived.
    bool parseInline(qsizetype bytes) const;
    /// A parse of `bytes` took `nsecs` (wherever it ran); the rate follows recent pages.
    void record(qsizetype bytes, qint64 nsecs);
    /// Nanoseconds per byte measured so far, when any page has been.
    std::optional<double> nsecsPerByte() const { return m_nsecsPerByte; }

private:
    std::optional<double> m_nsecsPerByte;
};

} // namespace keyturn
