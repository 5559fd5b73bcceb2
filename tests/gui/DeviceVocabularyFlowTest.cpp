// One device vocabulary: for devices in every compliance state the demo tenant has, the list's
// Compliance and Ownership cells read exactly as the pane's essentials for the same device.
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

class DeviceVocabularyFlow : public keyturn::test::GuiFixture { };

TEST_F(DeviceVocabularyFlow, ListAndPaneUseTheSameWordsForComplianceAndOwnership)
{
    keyturn::demo::DemoOptions options;
    options.devices = 300;
    options.seed = 7;
    ASSERT_TRUE(launch(options));
    DeviceTableModel *model = app()->devices();
    QSet<int> states;
    int compared = 0;
    for (int state = 0; state < 8; ++state) {
        const DeviceRecord *device
            = findDevice([state](const DeviceRecord &d) { return static_cast<int>(d.compliance) == state; });
        if (!device)
            continue;
        const DeviceRecord record = *device;
        ASSERT_TRUE(openDeviceThroughSearch(record));
        const int row = model->rowOfDevice(record.id);
        ASSERT_GE(row, 0);
        const QString listCompliance = model->index(row, DeviceTableModel::Compliance).data().toString();
        const QString listOwnership = model->index(row, DeviceTableModel::Ownership).data().toString();
        EXPECT_EQ(window()->devicePane()->essential(QStringLiteral("compliance")), listCompliance)
            << record.deviceName.toStdString();
        EXPECT_EQ(window()->devicePane()->essential(QStringLiteral("ownership")), listOwnership)
            << record.deviceName.toStdString();
        states.insert(state);
        ++compared;
    }
    EXPECT_GE(compared, 4) << "the demo tenant has devices in several compliance states";
    EXPECT_TRUE(states.contains(static_cast<int>(DeviceRecord::Compliance::Unknown)))
        << "a device Intune has not evaluated is among them";
}

} // namespace
