#include "demo/DeviceGenerator.h"

#include "demo/DemoEncoding.h"

#include <QSet>

#include <array>
#include <cstring>
#include <random>

namespace keyturn::demo {

namespace {

constexpr std::array kFirstNames{ "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
    "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "uma", "victor", "wendy",
    "xavier", "yara", "zoe", "amir", "bianca", "chen", "dmitri", "elena", "farah", "goran", "hiro", "ines",
    "jonas", "kiri", "lena", "mateo", "noor", "oskar", "priya", "quinn" };
constexpr std::array kLastNames{ "jones", "smith", "garcia", "muller", "rossi", "tanaka", "kowalski", "novak",
    "silva", "okafor", "larsen", "dubois", "moreau", "schmidt", "nguyen", "kim", "patel", "cohen", "ivanova",
    "haddad", "fischer", "costa", "berg", "walsh", "murphy", "lopez", "weber", "sato", "khan", "ali", "meyer",
    "brown", "wilson", "taylor", "clark", "lewis", "young", "hall", "allen", "king" };

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kGiB = 1024LL * 1024 * 1024;

struct Rng {
    std::mt19937_64 engine;
    quint64 below(quint64 n) { return engine() % n; }
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<quint64>(hi - lo + 1))); }
    bool chance(int percent) { return below(100) < static_cast<quint64>(percent); }
    template <typename T, std::size_t N> T pick(const std::array<T, N> &items)
    {
        return items[static_cast<std::size_t>(below(N))];
    }
    QByteArray chars(const char *alphabet, int alphabetSize, int length)
    {
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = alphabet[below(static_cast<quint64>(alphabetSize))];
        return out;
    }
    QByteArray upperAlnum(int length) { return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 36, length); }
    QByteArray digits(int length) { return chars("0123456789", 10, length); }
    QByteArray mac()
    {
        QByteArray hex = chars("0123456789ABCDEF", 16, 12);
        return hex;
    }
};

QByteArray capitalized(const char *name)
{
    QByteArray out(name);
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

QByteArray numbered(const char *prefix, int number)
{
    return QByteArray(prefix) + QByteArray::number(number).rightJustified(4, '0');
}

const char *complianceFor(Rng &rng)
{
    const auto r = rng.below(100);
    if (r < 75)
        return "compliant";
    if (r < 90)
        return "noncompliant";
    if (r < 94)
        return "inGracePeriod";
    if (r < 97)
        return "unknown";
    if (r < 98)
        return "error";
    if (r < 99)
        return "conflict";
    return "configManager";
}

void makeWindows(Rng &rng, DeviceRecord &d, QSet<QByteArray> &names)
{
    struct Model {
        const char *manufacturer;
        const char *model;
        bool laptop;
    };
    static constexpr std::array kModels{ Model{ "Dell Inc.", "Latitude 7440", true },
        Model{ "Dell Inc.", "OptiPlex 7010", false }, Model{ "HP", "HP EliteBook 840 G10", true },
        Model{ "HP", "HP ProDesk 400 G9", false }, Model{ "LENOVO", "ThinkPad T14 Gen 4", true },
        Model{ "LENOVO", "ThinkCentre M70q Gen 4", false },
        Model{ "Microsoft Corporation", "Surface Laptop 5", true },
        Model{ "Microsoft Corporation", "Surface Pro 9", true } };
    static constexpr std::array kBuilds{ "10.0.22631.4317", "10.0.22631.4602", "10.0.19045.5131",
        "10.0.26100.2314", "10.0.26100.2605", "10.0.22621.4460" };
    const Model &m = kModels[static_cast<std::size_t>(rng.below(kModels.size()))];
    d.platform = Platform::Windows;
    d.operatingSystem = "Windows";
    d.osVersion = rng.pick(kBuilds);
    d.manufacturer = m.manufacturer;
    d.model = m.model;
    do {
        d.deviceName = m.laptop ? "LAPTOP-" + rng.upperAlnum(8) : "DESKTOP-" + rng.upperAlnum(7);
    } while (names.contains(d.deviceName));
    d.serialNumber = rng.upperAlnum(rng.range(7, 10));
    d.company = rng.chance(92);
    d.encrypted = rng.chance(85);
    const bool coManaged = d.company && rng.chance(35);
    d.managementAgent = coManaged ? "configurationManagerClientMdm" : "mdm";
    d.deviceEnrollmentType = !d.company ? "userEnrollment"
        : coManaged                     ? "windowsCoManagement"
        : rng.chance(60)                ? "windowsAzureADJoin"
                                        : "windowsAutoEnrollment";
    d.joinType = !d.company             ? "azureADRegistered"
        : (coManaged || rng.chance(20)) ? "hybridAzureADJoined"
                                        : "azureADJoined";
    d.processorArchitecture = QByteArray(m.model).contains("Surface Pro") && rng.chance(50) ? "arM64" : "x64";
    d.chassisType = m.laptop ? "laptop" : "desktop";
    d.deviceType = "desktop";
    d.autopilotEnrolled = d.company && rng.chance(55);
    d.totalStorageBytes = (rng.chance(50) ? 256 : 512) * kGiB;
    d.physicalMemoryBytes = (rng.chance(60) ? 16 : 32) * kGiB;
}

void makeMac(Rng &rng, DeviceRecord &d, int number)
{
    static constexpr std::array kModels{ "MacBook Pro", "MacBook Pro", "MacBook Air", "MacBook Air", "iMac",
        "Mac mini" };
    static constexpr std::array kVersions{ "14.6.1", "14.7.1", "15.1", "15.1.1", "15.2", "15.3" };
    d.platform = Platform::MacOS;
    d.operatingSystem = "macOS";
    d.osVersion = rng.pick(kVersions);
    d.manufacturer = "Apple";
    d.model = rng.pick(kModels);
    d.deviceName = numbered("MAC-", number);
    d.serialNumber = (rng.chance(50) ? QByteArray("C02") : QByteArray("FVF")) + rng.upperAlnum(9);
    d.company = rng.chance(85);
    d.encrypted = rng.chance(d.company ? 88 : 60);
    d.fileVaultKeyEscrowed = d.encrypted && rng.chance(88);
    d.supervised = d.company;
    d.managementAgent = "mdm";
    d.deviceEnrollmentType = d.company ? "appleBulkWithUser" : "userEnrollment";
    d.joinType = d.company ? "azureADRegistered" : "unknown";
    d.processorArchitecture = rng.chance(80) ? "arM64" : "x64";
    d.chassisType = d.model.startsWith("MacBook") ? "laptop" : "desktop";
    d.deviceType = "macMDM";
    d.totalStorageBytes = (rng.chance(50) ? 512 : 1024) * kGiB;
    d.physicalMemoryBytes = (rng.chance(50) ? 16 : 24) * kGiB;
}

void makeApple(Rng &rng, DeviceRecord &d, bool pad, int number)
{
    static constexpr std::array kPhones{ "iPhone 15", "iPhone 15 Pro", "iPhone 14", "iPhone 13",
        "iPhone SE (3rd generation)" };
    static constexpr std::array kPads{ "iPad Air (5th generation)", "iPad (10th generation)",
        "iPad Pro (11-inch) (4th generation)" };
    static constexpr std::array kVersions{ "17.6.1", "17.7", "18.1", "18.1.1", "18.2" };
    d.platform = pad ? Platform::IPadOS : Platform::IOS;
    d.operatingSystem = pad ? "iPadOS" : "iOS";
    d.osVersion = rng.pick(kVersions);
    d.manufacturer = "Apple";
    d.model = pad ? rng.pick(kPads) : rng.pick(kPhones);
    d.deviceName = numbered(pad ? "IPAD-" : "IPHONE-", number);
    d.serialNumber = rng.upperAlnum(10);
    if (!pad)
        d.imei = rng.digits(15);
    d.company = rng.chance(70);
    d.supervised = d.company && rng.chance(85);
    d.encrypted = true;
    d.managementAgent = "mdm";
    d.deviceEnrollmentType = d.company ? "appleBulkWithUser" : "appleUserEnrollment";
    d.joinType = "azureADRegistered";
    d.processorArchitecture = "unknown";
    d.chassisType = pad ? "tablet" : "phone";
    d.deviceType = pad ? "iPad" : "iPhone";
    d.totalStorageBytes = (rng.chance(50) ? 128 : 256) * kGiB;
}

void makeAndroid(Rng &rng, DeviceRecord &d, int number)
{
    struct Model {
        const char *manufacturer;
        const char *model;
    };
    static constexpr std::array kModels{ Model{ "samsung", "SM-S911B" }, Model{ "samsung", "SM-A546B" },
        Model{ "Google", "Pixel 8" }, Model{ "Google", "Pixel 7a" }, Model{ "motorola", "moto g84 5G" } };
    static constexpr std::array kVersions{ "13", "14", "14", "15" };
    const Model &m = kModels[static_cast<std::size_t>(rng.below(kModels.size()))];
    d.platform = Platform::Android;
    d.operatingSystem = "Android";
    d.osVersion = rng.pick(kVersions);
    d.manufacturer = m.manufacturer;
    d.model = m.model;
    d.deviceName = numbered("ANDROID-", number);
    d.serialNumber = rng.upperAlnum(11);
    d.imei = rng.digits(15);
    d.company = rng.chance(60);
    d.encrypted = rng.chance(95);
    // Intune manages Android Enterprise devices, corporate and personal (work profile) alike; only
    // corporate fully managed devices run Google's Cloud DPC, and Intune still reports them as "mdm".
    d.managementAgent = "mdm";
    d.deviceEnrollmentType = d.company
        ? (rng.chance(70) ? "androidEnterpriseFullyManaged" : "androidEnterpriseCorporateWorkProfile")
        : "userEnrollment";
    d.joinType = "azureADRegistered";
    d.processorArchitecture = "unknown";
    d.chassisType = "phone";
    d.deviceType = d.company ? "androidEnterprise" : "androidForWork";
    d.totalStorageBytes = 128 * kGiB;
}

} // namespace

GeneratedDevices DeviceGenerator::generate(
    int count, quint32 seed, qint64 referenceMs, const DeviceTenant &tenant)
{
    GeneratedDevices out;
    const int n = std::max(0, count);
    // Tenant 1 keeps the stream it always had; the others step away from it by a 64-bit odd constant.
    const quint64 stream = static_cast<quint64>(std::max(1, tenant.number) - 1) * 0x9e3779b97f4a7c15ULL;
    Rng rng{ std::mt19937_64((0xde71ce5ULL * (static_cast<quint64>(seed) + 1)) ^ stream) };

    const auto userCount = static_cast<std::size_t>(std::max(10, n * 3 / 4 + 1));
    out.users.reserve(userCount);
    for (std::size_t i = 0; i < userCount; ++i) {
        const char *first = kFirstNames[i % kFirstNames.size()];
        const char *last = kLastNames[(i / kFirstNames.size()) % kLastNames.size()];
        const std::size_t round = i / (kFirstNames.size() * kLastNames.size());
        const QByteArray suffix
            = round ? QByteArray::number(static_cast<qulonglong>(round + 1)) : QByteArray();
        DeviceUser user;
        user.id = guidFrom(rng.engine);
        user.upn = QByteArray(first) + '.' + last + suffix + '@' + tenant.userDomain;
        user.displayName
            = capitalized(first) + ' ' + capitalized(last) + (round ? ' ' + suffix : QByteArray());
        out.users.push_back(std::move(user));
    }

    QSet<QByteArray> windowsNames;
    int macs = 0, phones = 0, pads = 0, androids = 0;
    out.devices.resize(static_cast<std::size_t>(n));
    for (auto &d : out.devices) {
        d.id = guidFrom(rng.engine);
        d.azureADDeviceId = guidFrom(rng.engine);
        const auto r = rng.below(100);
        if (r < 40) {
            makeWindows(rng, d, windowsNames);
            windowsNames.insert(d.deviceName);
        } else if (r < 70) {
            makeMac(rng, d, ++macs);
        } else if (r < 78) {
            makeApple(rng, d, false, ++phones);
        } else if (r < 85) {
            makeApple(rng, d, true, ++pads);
        } else {
            makeAndroid(rng, d, ++androids);
        }
        d.complianceState = complianceFor(rng);
        // Only Configuration Manager clients (co-managed Windows) report compliance through
        // ConfigMgr; any other device drawn that way is compliant (no extra draw: ids stay).
        if (std::strcmp(d.complianceState, "configManager") == 0
            && std::strcmp(d.managementAgent, "configurationManagerClientMdm") != 0)
            d.complianceState = "compliant";
        d.wiFiMacAddress = rng.mac();
        d.userIndex = rng.chance(8) ? -1 : static_cast<int>(rng.below(userCount));
        d.lastSyncMs = referenceMs - static_cast<qint64>(rng.below(30 * kDayMs));
        d.enrolledMs = d.lastSyncMs - static_cast<qint64>(rng.below(900 * kDayMs)) - kDayMs;
        d.freeStorageBytes = d.totalStorageBytes / 100 * static_cast<qint64>(rng.range(10, 80));
        if (!tenant.namePrefix.isEmpty())
            d.deviceName.prepend(tenant.namePrefix);
    }
    return out;
}

} // namespace keyturn::demo
