// ODataFilter: the $filter subset Intune's managedDevices list honours, quirks included: eq on
// operatingSystem, managedDeviceOwnerType/ownerType, complianceState, serialNumber; contains on
// deviceName (startswith behaves as contains; case-insensitive); and/or/parentheses. `or` across
// different properties, or any unsupported property/operator, makes the whole filter a no-op.
#pragma once

#include "demo/DeviceRecord.h"

#include <QString>

#include <memory>
#include <optional>

namespace keyturn::demo {

class ODataFilter {
public:
    /// nullopt with *error set when the text does not parse (Graph answers 400).
    static std::optional<ODataFilter> parse(const QString &text, QString *error);

    ODataFilter();
    ~ODataFilter();
    ODataFilter(ODataFilter &&) noexcept;
    ODataFilter &operator=(ODataFilter &&) noexcept;

    /// True when the filter is silently ignored (matches every device).
    bool ignored() const { return !m_root; }
    bool matches(const DeviceRecord &device) const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

} // namespace keyturn::demo
