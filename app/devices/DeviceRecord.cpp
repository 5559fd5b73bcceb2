#include "devices/DeviceRecord.h"

#include <QCoreApplication>

#include <array>

namespace keyturn {

namespace {

template <typename Enum, std::size_t N>
Enum lookup(QStringView value, const std::array<std::pair<const char *, Enum>, N> &table, Enum fallback)
{
    // Graph spells the values exactly; the case-insensitive pass is for anything else.
    for (const auto &[name, e] : table) {
        if (QLatin1String(name) == value)
            return e;
    }
    for (const auto &[name, e] : table) {
        if (value.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return e;
    }
    return fallback;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("DeviceRecord", text);
}

} // namespace

void DeviceRecord::updateSearchKey()
{
    // One allocation; ASCII is folded inline (the common case), anything else by Qt afterwards.
    QString key(deviceName.size() + userPrincipalName.size() + serialNumber.size() + 2, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(key.data());
    bool ascii = true;
    const auto copy = [&out, &ascii](const QString &part) {
        for (const QChar c : part) {
            char16_t u = c.unicode();
            if (u >= u'A' && u <= u'Z')
                u = static_cast<char16_t>(u + (u'a' - u'A'));
            else if (u >= 0x80)
                ascii = false;
            *out++ = u;
        }
    };
    copy(deviceName);
    *out++ = u'\n';
    copy(userPrincipalName);
    *out++ = u'\n';
    copy(serialNumber);
    searchKey = ascii ? std::move(key) : std::move(key).toCaseFolded();
}

DeviceRecord::ManagementAgent managementAgentFromString(QStringView value)
{
    using A = DeviceRecord::ManagementAgent;
    static const std::array<std::pair<const char *, A>, 13> table{ {
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
    return lookup(value, table, A::Unknown);
}

DeviceRecord::Ownership ownershipFromString(QStringView value)
{
    using O = DeviceRecord::Ownership;
    static const std::array<std::pair<const char *, O>, 2> table{ { { "company", O::Company },
        { "personal", O::Personal } } };
    return lookup(value, table, O::Unknown);
}

DeviceRecord::Compliance complianceFromString(QStringView value)
{
    using C = DeviceRecord::Compliance;
    static const std::array<std::pair<const char *, C>, 6> table{ {
        { "compliant", C::Compliant },
        { "noncompliant", C::Noncompliant },
        { "conflict", C::Conflict },
        { "error", C::Error },
        { "inGracePeriod", C::InGracePeriod },
        { "configManager", C::ConfigManager },
    } };
    return lookup(value, table, C::Unknown);
}

DeviceRecord::JoinType joinTypeFromString(QStringView value)
{
    using J = DeviceRecord::JoinType;
    static const std::array<std::pair<const char *, J>, 3> table{ {
        { "azureADJoined", J::AzureADJoined },
        { "azureADRegistered", J::AzureADRegistered },
        { "hybridAzureADJoined", J::HybridAzureADJoined },
    } };
    return lookup(value, table, J::Unknown);
}

DeviceRecord::Platform platformFromOperatingSystem(QStringView os)
{
    using P = DeviceRecord::Platform;
    if (os.startsWith(QLatin1String("Windows"), Qt::CaseInsensitive))
        return P::Windows;
    if (os.compare(QLatin1String("macOS"), Qt::CaseInsensitive) == 0
        || os.startsWith(QLatin1String("Mac OS"), Qt::CaseInsensitive))
        return P::MacOS;
    if (os.compare(QLatin1String("iOS"), Qt::CaseInsensitive) == 0)
        return P::IOS;
    if (os.compare(QLatin1String("iPadOS"), Qt::CaseInsensitive) == 0)
        return P::IPadOS;
    if (os.startsWith(QLatin1String("Android"), Qt::CaseInsensitive))
        return P::Android;
    if (os.startsWith(QLatin1String("Linux"), Qt::CaseInsensitive)
        || os.compare(QLatin1String("Ubuntu"), Qt::CaseInsensitive) == 0)
        return P::Linux;
    return P::Other;
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
