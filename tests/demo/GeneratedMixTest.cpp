// The demo tenant's generated devices stay plausible: compliance through ConfigMgr only for
// co-managed Windows, no personal Android device shown as managed by Google, the mix otherwise kept.
#include "demo/DeviceGenerator.h"

#include <gtest/gtest.h>

#include <cstring>

using keyturn::demo::DeviceGenerator;
using keyturn::demo::DeviceRecord;

namespace {
bool is(const char *value, const char *expected)
{
    return std::strcmp(value, expected) == 0;
}
} // namespace

TEST(GeneratedMix, ConfigMgrComplianceOnlyForCoManagedWindowsAndNoPersonalAndroidManagedByGoogle)
{
    for (const quint32 seed : { 1u, 7u, 11u, 42u }) {
        const auto generated = DeviceGenerator::generate(5000, seed, 1'780'000'000'000);
        int coManagedConfigMgr = 0, personalAndroid = 0, noncompliantMacs = 0;
        for (const DeviceRecord &d : generated.devices) {
            if (is(d.complianceState, "configManager")) {
                EXPECT_TRUE(is(d.managementAgent, "configurationManagerClientMdm"))
                    << d.deviceName.constData();
                EXPECT_NE(d.platform, keyturn::demo::Platform::MacOS) << d.deviceName.constData();
                ++coManagedConfigMgr;
            }
            if (d.platform == keyturn::demo::Platform::Android && !d.company) {
                EXPECT_FALSE(is(d.managementAgent, "googleCloudDevicePolicyController"))
                    << d.deviceName.constData();
                ++personalAndroid;
            }
            if (d.platform == keyturn::demo::Platform::MacOS && is(d.complianceState, "noncompliant"))
                ++noncompliantMacs;
        }
        EXPECT_GT(coManagedConfigMgr, 0) << "seed " << seed;
        EXPECT_GT(personalAndroid, 0) << "seed " << seed;
        EXPECT_GT(noncompliantMacs, 0) << "seed " << seed;
    }
}
