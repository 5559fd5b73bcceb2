// One device vocabulary: for devices in every compliance state and on every platform the demo
// tenant has, the list's Compliance, Ownership, OS, Last check-in and Enrolled cells read exactly as
// the pane's essentials for the same device, and the pane decides the platform as the list does.
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QSet>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;

namespace {

class DeviceVocabularyFlow : public keyturn::test::GuiFixture {
protected:
    /// Opens the device's pane and compares its essentials with the device's list row.
    void compareListAndPane(const DeviceRecord &record)
    {
        ASSERT_TRUE(openDeviceThroughSearch(record));
        DeviceTableModel *model = app()->devices();
        const int row = model->rowOfDevice(record.id);
        ASSERT_GE(row, 0);
        const auto cell
            = [&](DeviceTableModel::Column column) { return model->index(row, column).data().toString(); };
        keyturn::ui::DevicePane *pane = window()->devicePane();
        const std::string name = record.deviceName.toStdString();
        EXPECT_EQ(pane->essential(QStringLiteral("compliance")), cell(DeviceTableModel::Compliance)) << name;
        EXPECT_EQ(pane->essential(QStringLiteral("ownership")), cell(DeviceTableModel::Ownership)) << name;
        EXPECT_EQ(pane->essential(QStringLiteral("operatingSystem")), cell(DeviceTableModel::OS)) << name;
        EXPECT_EQ(pane->essential(QStringLiteral("lastCheckIn")), cell(DeviceTableModel::LastCheckIn))
            << name;
        EXPECT_EQ(pane->essential(QStringLiteral("enrolled")), cell(DeviceTableModel::Enrolled)) << name;
        ASSERT_TRUE(pane->details().has_value());
        EXPECT_EQ(pane->details()->platform(), record.platform) << name;
    }
};

TEST_F(DeviceVocabularyFlow, ListAndPaneUseTheSameWordsForComplianceAndOwnership)
{
    keyturn::demo::DemoOptions options;
    options.devices = 300;
    options.seed = 7;
    ASSERT_TRUE(launch(options));
    QSet<int> states;
    for (int state = 0; state < 8; ++state) {
        const DeviceRecord *device
            = findDevice([state](const DeviceRecord &d) { return static_cast<int>(d.compliance) == state; });
        if (!device)
            continue;
        compareListAndPane(DeviceRecord(*device));
        states.insert(state);
    }
    EXPECT_GE(states.size(), 4) << "the demo tenant has devices in several compliance states";
    EXPECT_TRUE(states.contains(static_cast<int>(DeviceRecord::Compliance::Unknown)))
        << "a device Intune has not evaluated is among them";
}

TEST_F(DeviceVocabularyFlow, ListAndPaneAgreeOnPlatformAndDates)
{
    keyturn::demo::DemoOptions options;
    options.devices = 300;
    options.seed = 11;
    ASSERT_TRUE(launch(options));
    QSet<int> platforms;
    for (int platform = 0; platform < 7; ++platform) {
        const DeviceRecord *device = findDevice(
            [platform](const DeviceRecord &d) { return static_cast<int>(d.platform) == platform; });
        if (!device)
            continue;
        const DeviceRecord record = *device;
        EXPECT_NE(record.lastSyncMsecs, 0) << "the list read the check-in date";
        compareListAndPane(record);
        platforms.insert(platform);
    }
    for (const auto platform : { DeviceRecord::Platform::Windows, DeviceRecord::Platform::MacOS,
             DeviceRecord::Platform::IOS, DeviceRecord::Platform::Android })
        EXPECT_TRUE(platforms.contains(static_cast<int>(platform))) << static_cast<int>(platform);
}

} // namespace
