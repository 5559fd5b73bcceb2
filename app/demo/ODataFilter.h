// ODataFilter: the $filter subset Intune's managedDevices list honours, quirks included: eq on
// operatingSystem, managedDeviceOwnerType/ownerType, complianceState, serialNumber; contains on
// deviceName (startswith behaves as contains; case-insensitive); ge/gt/lt/le on enrolledDateTime and
// lastSyncDateTime against an unquoted UTC DateTimeOffset literal, compared at whole seconds as the
// list shows them; and/or/parentheses. `or` across different properties, `ne`, `not`, or any
// unsupported property/operator makes the whole filter a no-op (every device matches).
#pragma once

#include "demo/DeviceRecord.h"

#include <QString>

#include <memory>
#include <optional>

namespace keyturn::demo {

/// How a tenant reads $filter.
struct ODataDialect {
    /// False: date comparisons count as unsupported, so a filter holding one is silently ignored
    /// (as some tenants were reported to do).
    bool honourDateRanges = true;
};

class ODataFilter {
public:
    using Dialect = ODataDialect;
    /// nullopt with *error set when the text does not parse (Graph answers 400).
    static std::optional<ODataFilter> parse(const QString &text, QString *error, Dialect dialect = {});

    ODataFilter();
    ~ODataFilter();
    ODataFilter(ODataFilter &&) noexcept;
    ODataFilter &operator=(ODataFilter &&) noexcept;

    /// True when the filter is silently ignored (matches every device).
    bool ignored() const { return !m_root; }
    bool matches(const DeviceRecord &device) const;
    /// The operatingSystem every match must have (`operatingSystem eq 'x'`, alone or in an `and`),
    /// so a list may look only at those devices; nullopt when the filter does not require one.
    std::optional<QByteArray> requiredOperatingSystem() const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

} // namespace keyturn::demo
