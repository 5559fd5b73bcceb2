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

#include <functional>

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

    /// Starts the demo tenant with this seed and compares list and pane for the first device of
    /// each value of 0 <= key(device) < count. Returns the values found.
    QSet<int> compareOneDevicePer(
        quint32 seed, int count, const std::function<int(const DeviceRecord &)> &key)
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = seed;
        QSet<int> found;
        if (!launch(options))
            return found;
        for (int value = 0; value < count && !HasFatalFailure(); ++value) {
            const DeviceRecord *device = findDevice([&](const DeviceRecord &d) { return key(d) == value; });
            if (!device)
                continue;
            const DeviceRecord record = *device;
            EXPECT_NE(record.lastSyncMsecs, 0) << "the list read the check-in date";
            compareListAndPane(record);
            found.insert(value);
        }
        return found;
    }
};

TEST_F(DeviceVocabularyFlow, ListAndPaneUseTheSameWordsForComplianceAndOwnership)
{
    const QSet<int> states
        = compareOneDevicePer(7, 8, [](const DeviceRecord &d) { return static_cast<int>(d.compliance); });
    EXPECT_GE(states.size(), 4) << "the demo tenant has devices in several compliance states";
    EXPECT_TRUE(states.contains(static_cast<int>(DeviceRecord::Compliance::Unknown)))
        << "a device Intune has not evaluated is among them";
}

TEST_F(DeviceVocabularyFlow, ListAndPaneAgreeOnPlatformAndDates)
{
    const QSet<int> platforms
        = compareOneDevicePer(11, 7, [](const DeviceRecord &d) { return static_cast<int>(d.platform); });
    for (const auto platform : { DeviceRecord::Platform::Windows, DeviceRecord::Platform::MacOS,
             DeviceRecord::Platform::IOS, DeviceRecord::Platform::Android })
        EXPECT_TRUE(platforms.contains(static_cast<int>(platform))) << static_cast<int>(platform);
}

} // namespace
