#include "devices/DeviceRecord.h"

#include <QCoreApplication>

#include <array>
#include <cstring>
#include <string_view>

namespace keyturn {

namespace {

template <typename Enum, std::size_t N> using Table = std::array<std::pair<std::string_view, Enum>, N>;

QLatin1String latin1(std::string_view name)
{
    return QLatin1String(name.data(), static_cast<qsizetype>(name.size()));
}

template <typename Enum, std::size_t N>
Enum lookup(QStringView value, const Table<Enum, N> &table, Enum fallback)
{
    // Graph spells the values exactly; the case-insensitive pass is for anything else.
    for (const auto &[name, e] : table) {
        if (latin1(name) == value)
            return e;
    }
    for (const auto &[name, e] : table) {
        if (value.compare(latin1(name), Qt::CaseInsensitive) == 0)
            return e;
    }
    return fallback;
}

// The exact spellings on the raw UTF-8 (no conversion); anything else as text, as above.
template <typename Enum, std::size_t N>
Enum lookup(QByteArrayView utf8, const Table<Enum, N> &table, Enum fallback)
{
    for (const auto &[name, e] : table) {
        if (utf8.size() == static_cast<qsizetype>(name.size())
            && std::memcmp(utf8.data(), name.data(), name.size()) == 0)
            return e;
    }
    return lookup(QStringView(QString::fromUtf8(utf8)), table, fallback);
}

// Graph's spelling of e (the table's first entry for it); the Unknown spelling when absent.
template <typename Enum, std::size_t N> QLatin1String graphName(Enum e, const Table<Enum, N> &table)
{
    for (const auto &[name, value] : table) {
        if (value == e)
            return latin1(name);
    }
    return QLatin1String("unknown");
}

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn", text);
}

} // namespace

namespace {

const auto &managementAgentTable()
{
    using A = DeviceRecord::ManagementAgent;
    static const Table<A, 13> table{ {
        { "mdm", A::Mdm },
        { "configurationManagerClientMdm", A::ConfigurationManagerClientMdm },
        { "eas", A::Eas },
        { "easMdm", A::EasMdm },
        { "intuneClient", A::IntuneClient },
        { "easIntuneClient", A::EasIntuneClient },
        { "configurationManagerClient", A::ConfigurationManagerClient },
        { "configurationManagerClientMdmEas", A::ConfigurationManagerClientMdmEas },
        { "unknown", A::Unknown },
        { "jamf", A::Jamf },
        { "googleCloudDevicePolicyController", A::GoogleCloudDevicePolicyController },
        { "microsoft365ManagedMdm", A::Microsoft365ManagedMdm },
        { "windowsManagementCloudApi", A::WindowsManagementCloudApi },
    } };
    return table;
}

} // namespace

DeviceRecord::ManagementAgent managementAgentFromString(QStringView value)
{
    using A = DeviceRecord::ManagementAgent;
    return lookup(value, managementAgentTable(), A::Unknown);
}

DeviceRecord::ManagementAgent managementAgentFromUtf8(QByteArrayView value)
{
    using A = DeviceRecord::ManagementAgent;
    return lookup(value, managementAgentTable(), A::Unknown);
}

QLatin1String managementAgentGraphName(DeviceRecord::ManagementAgent value)
{
    return graphName(value, managementAgentTable());
}

namespace {

const auto &ownershipTable()
{
    using O = DeviceRecord::Ownership;
    static const Table<O, 3> table{ { { "company", O::Company }, { "personal", O::Personal },
        { "unknown", O::Unknown } } };
    return table;
}

} // namespace

DeviceRecord::Ownership ownershipFromString(QStringView value)
{
    using O = DeviceRecord::Ownership;
    return lookup(value, ownershipTable(), O::Unknown);
}

DeviceRecord::Ownership ownershipFromUtf8(QByteArrayView value)
{
    using O = DeviceRecord::Ownership;
    return lookup(value, ownershipTable(), O::Unknown);
}

QLatin1String ownershipGraphName(DeviceRecord::Ownership value)
{
    return graphName(value, ownershipTable());
}

namespace {

const auto &complianceTable()
{
    using C = DeviceRecord::Compliance;
    static const Table<C, 7> table{ {
        { "unknown", C::Unknown },
        { "compliant", C::Compliant },
        { "noncompliant", C::Noncompliant },
        { "conflict", C::Conflict },
        { "error", C::Error },
        { "inGracePeriod", C::InGracePeriod },
        { "configManager", C::ConfigManager },
    } };
    return table;
}

} // namespace

DeviceRecord::Compliance complianceFromString(QStringView value)
{
    using C = DeviceRecord::Compliance;
    return lookup(value, complianceTable(), C::Unknown);
}

DeviceRecord::Compliance complianceFromUtf8(QByteArrayView value)
{
    using C = DeviceRecord::Compliance;
    return lookup(value, complianceTable(), C::Unknown);
}

QLatin1String complianceGraphName(DeviceRecord::Compliance value)
{
    return graphName(value, complianceTable());
}

namespace {

const auto &joinTypeTable()
{
    using J = DeviceRecord::JoinType;
    static const Table<J, 4> table{ {
        { "unknown", J::Unknown },
        { "azureADJoined", J::AzureADJoined },
        { "azureADRegistered", J::AzureADRegistered },
        { "hybridAzureADJoined", J::HybridAzureADJoined },
    } };
    return table;
}

} // namespace

DeviceRecord::JoinType joinTypeFromString(QStringView value)
{
    using J = DeviceRecord::JoinType;
    return lookup(value, joinTypeTable(), J::Unknown);
}

DeviceRecord::JoinType joinTypeFromUtf8(QByteArrayView value)
{
    using J = DeviceRecord::JoinType;
    return lookup(value, joinTypeTable(), J::Unknown);
}

QLatin1String joinTypeGraphName(DeviceRecord::JoinType value)
{
    return graphName(value, joinTypeTable());
}

QString managedByText(DeviceRecord::ManagementAgent agent)
{
    using A = DeviceRecord::ManagementAgent;
    switch (agent) {
    case A::Mdm:
    case A::EasMdm:
        return tr("Intune");
    case A::IntuneClient:
    case A::EasIntuneClient:
        return tr("Intune PC agent");
    case A::ConfigurationManagerClientMdm:
    case A::ConfigurationManagerClientMdmEas:
        return tr("Co-managed");
    case A::ConfigurationManagerClient:
        return tr("ConfigMgr");
    case A::Eas:
        return tr("Exchange ActiveSync");
    case A::Jamf:
        return tr("Jamf");
    case A::GoogleCloudDevicePolicyController:
        return tr("Google");
    case A::Microsoft365ManagedMdm:
        return tr("Microsoft 365");
    case A::WindowsManagementCloudApi:
        return tr("Windows Management Cloud API");
    case A::Unknown:
        break;
    }
    return tr("Unknown");
}

QString ownershipText(DeviceRecord::Ownership ownership)
{
    switch (ownership) {
    case DeviceRecord::Ownership::Company:
        return tr("Corporate");
    case DeviceRecord::Ownership::Personal:
        return tr("Personal");
    case DeviceRecord::Ownership::Unknown:
        break;
    }
    return tr("Unknown");
}

QString complianceText(DeviceRecord::Compliance compliance)
{
    using C = DeviceRecord::Compliance;
    switch (compliance) {
    case C::Compliant:
        return tr("Compliant");
    case C::Noncompliant:
        return tr("Not compliant");
    case C::Conflict:
        return tr("Conflict");
    case C::Error:
        return tr("Error");
    case C::InGracePeriod:
        return tr("In grace period");
    case C::ConfigManager:
        return tr("See ConfigMgr");
    case C::Unknown:
        break;
    }
    return tr("Unknown");
}

} // namespace keyturn
