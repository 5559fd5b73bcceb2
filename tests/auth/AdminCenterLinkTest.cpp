// The device overview page in the Intune admin center: the cloud's own portal host, the page the
// admin center links to, the tenant in the path when known, and nothing for ids that are not ids.
#include "auth/AdminCenterLink.h"

#include <gtest/gtest.h>

using namespace keyturn;

namespace {
const QString kDevice = QStringLiteral("0f3c5a21-7d2e-4b8a-9c41-2e6f0a9d8b17");
const QString kTenant = QStringLiteral("6e1c9b40-3f7a-4d52-8e0b-91a2c3d4e5f6");
} // namespace

TEST(AdminCenterLink, PublicCloudDevicePage)
{
    EXPECT_EQ(intuneDeviceOverviewUrl(Cloud::Global, kDevice).toString(),
        QStringLiteral(
            "https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/"
            "overview/mdmDeviceId/0f3c5a21-7d2e-4b8a-9c41-2e6f0a9d8b17"));
}

TEST(AdminCenterLink, TheTenantGoesInThePathSoTheRightDirectoryOpens)
{
    EXPECT_EQ(intuneDeviceOverviewUrl(Cloud::Global, kDevice, kTenant).toString(),
        QStringLiteral("https://intune.microsoft.com/6e1c9b40-3f7a-4d52-8e0b-91a2c3d4e5f6/#view/"
                       "Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/"
                       "0f3c5a21-7d2e-4b8a-9c41-2e6f0a9d8b17"));
    EXPECT_EQ(
        intuneDeviceOverviewUrl(Cloud::Global, kDevice, QStringLiteral("contoso.onmicrosoft.com")).path(),
        QStringLiteral("/contoso.onmicrosoft.com/"));
}

TEST(AdminCenterLink, NationalCloudsUseTheirOwnAdminCenter)
{
    EXPECT_EQ(intuneDeviceOverviewUrl(Cloud::UsGovL4, kDevice).toString(),
        QStringLiteral("https://intune.microsoft.us/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/"
                       "overview/mdmDeviceId/0f3c5a21-7d2e-4b8a-9c41-2e6f0a9d8b17"));
    EXPECT_EQ(intuneDeviceOverviewUrl(Cloud::UsGovL5, kDevice).host(), QStringLiteral("intune.microsoft.us"));
    EXPECT_EQ(
        intuneDeviceOverviewUrl(Cloud::China, kDevice).host(), QStringLiteral("intune.microsoftonline.cn"));
    for (Cloud cloud : allClouds())
        EXPECT_EQ(intuneDeviceOverviewUrl(cloud, kDevice).scheme(), QStringLiteral("https"));
}

TEST(AdminCenterLink, NoPageForSomethingThatIsNotADeviceOrTenantId)
{
    EXPECT_FALSE(intuneDeviceOverviewUrl(Cloud::Global, QString()).isValid());
    EXPECT_FALSE(intuneDeviceOverviewUrl(Cloud::Global, QStringLiteral("../../me")).isValid());
    EXPECT_FALSE(intuneDeviceOverviewUrl(Cloud::Global, kDevice + QStringLiteral("?x=1")).isValid());
    EXPECT_FALSE(intuneDeviceOverviewUrl(Cloud::Global, QStringLiteral("{%1}").arg(kDevice)).isValid());
    EXPECT_FALSE(
        intuneDeviceOverviewUrl(Cloud::Global, kDevice, QStringLiteral("evil.example/#x")).isValid());
    EXPECT_FALSE(intuneDeviceOverviewUrl(Cloud::Global, kDevice, QStringLiteral("a b")).isValid());
}
