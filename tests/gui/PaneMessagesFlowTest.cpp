// The device pane's messages as a user sees them: banners that look different per kind (checked
// on the rendered pixels, in a light and a dark palette) and the reasons for disabled actions.
#include "Confirmations.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"

#include <QImage>
#include <QLabel>
#include <QPalette>
#include <QPixmap>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::test::waitUntil;
using keyturn::ui::MessageBanner;

namespace {

bool isCorporateEncryptedMac(const DeviceRecord &d)
{
    return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
        && d.isEncrypted;
}

int colourDistance(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

// What the banner looks like: its background (between the border and the text) and whether its
// icon paints anything on that background.
struct BannerLook {
    QRgb background = 0;
    bool iconPainted = false;
};

BannerLook lookOf(MessageBanner *banner)
{
    const QImage image = banner->grab().toImage();
    BannerLook look;
    look.background = image.pixel(image.width() / 2, 3);
    const auto *icon = banner->findChild<QLabel *>(QStringLiteral("bannerIcon"));
    if (!icon || !icon->isVisible())
        return look;
    const QRect area = icon->geometry();
    int differing = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (colourDistance(image.pixel(x, y), look.background) > 60)
                ++differing;
        }
    }
    look.iconPainted = differing > area.width() * area.height() / 8;
    return look;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
    return p;
}

class PaneMessagesFlow : public keyturn::test::GuiFixture {
protected:
    bool launchAs(const QString &user)
    {
        keyturn::demo::DemoOptions options;
        options.devices = 300;
        options.seed = 7;
        options.actionDelaySecs = 2;
        keyturn::ui::Confirmations::clearNextAnswer();
        return launch(options, user);
    }
};

} // namespace

TEST_F(PaneMessagesFlow, SuccessAndErrorBannersLookDifferentInLightAndDarkPalettes)
{
    ASSERT_TRUE(launchAs(QStringLiteral("helpdesk")));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    const DeviceRecord device = *mac;
    ASSERT_TRUE(openDeviceThroughSearch(device));

    keyturn::ui::Confirmations::setNextAnswer(true);
    QTest::mouseClick(pane()->actionButton(QStringLiteral("rotateFileVaultKey")), Qt::LeftButton);
    MessageBanner *banner = pane()->banner();
    ASSERT_TRUE(
        waitUntil([&] { return banner->isVisible() && banner->kind() == MessageBanner::Kind::Success; },
            std::chrono::seconds(10)));
    EXPECT_TRUE(banner->accessibleDescription().startsWith(QStringLiteral("Success: ")))
        << banner->accessibleDescription().toStdString();

    for (const bool dark : { false, true }) {
        SCOPED_TRACE(dark ? "dark palette" : "light palette");
        if (dark)
            window()->setPalette(darkPalette());
        const QRgb windowColour = pane()->grab().toImage().pixel(1, 1);
        banner->showMessage(MessageBanner::Kind::Success,
            QStringLiteral("Rotate FileVault recovery key sent to %1").arg(device.deviceName));
        const BannerLook success = lookOf(banner);
        banner->showMessage(MessageBanner::Kind::Error,
            QStringLiteral(
                "Intune is temporarily unavailable. Rotate FileVault recovery key was not carried out."));
        const BannerLook error = lookOf(banner);
        EXPECT_TRUE(banner->accessibleDescription().startsWith(QStringLiteral("Error: ")));

        EXPECT_GT(colourDistance(success.background, windowColour), 30) << "success looks like the window";
        EXPECT_GT(colourDistance(error.background, windowColour), 30) << "error looks like the window";
        EXPECT_GT(colourDistance(error.background, success.background), 30) << "error looks like success";
        EXPECT_TRUE(success.iconPainted);
        EXPECT_TRUE(error.iconPainted);
        // The tint follows the palette: dark on a dark window, light on a light one.
        EXPECT_EQ(QColor(error.background).lightness() < 128, dark);
    }
}

TEST_F(PaneMessagesFlow, ReadOnlySignInSeesWhyEachActionIsUnavailableInThePane)
{
    ASSERT_TRUE(launchAs(QStringLiteral("readonly")));
    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));

    auto *reasons = pane()->findChild<QLabel *>(QStringLiteral("unavailableReasonsLabel"));
    ASSERT_NE(reasons, nullptr);
    ASSERT_TRUE(waitUntil([&] { return reasons->isVisible(); }, std::chrono::seconds(5)));
    const QString text = reasons->text();
    // Rotating and showing the key need the same permission: one line.
    EXPECT_TRUE(text.contains(
        QStringLiteral("Rotate FileVault recovery key, Show FileVault recovery key: your "
                       "sign-in lacks DeviceManagementManagedDevices.PrivilegedOperations.All")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Help Desk Operator"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Endpoint Security Manager"))) << text.toStdString();
    // Actions that need the same role share one line.
    EXPECT_TRUE(text.contains(QStringLiteral("Sync, Restart, Shut down: your sign-in lacks")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Rotate BitLocker keys is available for Windows devices")))
        << text.toStdString();

    // Under the buttons, wholly shown (wrapped, not cut), selectable and reachable by Tab.
    QToolButton *fileVault = pane()->actionButton(QStringLiteral("rotateFileVaultKey"));
    const QPoint below = reasons->mapTo(pane(), QPoint(0, 0));
    const QPoint button = fileVault->mapTo(pane(), QPoint(0, fileVault->height()));
    EXPECT_GT(below.y(), button.y());
    EXPECT_GE(reasons->height(), reasons->heightForWidth(reasons->width()));
    EXPECT_LE(reasons->width(), pane()->width());
    EXPECT_TRUE(reasons->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard));
    EXPECT_NE(reasons->focusPolicy(), Qt::NoFocus);
}

TEST_F(PaneMessagesFlow, DeviceRulesAreExplainedInThePaneForEveryone)
{
    ASSERT_TRUE(launchAs(QStringLiteral("helpdesk")));
    const DeviceRecord *windows
        = findDevice([](const DeviceRecord &d) { return d.platform == DeviceRecord::Platform::Windows; });
    ASSERT_NE(windows, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*windows));
    auto *reasons = pane()->findChild<QLabel *>(QStringLiteral("unavailableReasonsLabel"));
    ASSERT_NE(reasons, nullptr);
    ASSERT_TRUE(waitUntil([&] { return reasons->isVisible(); }, std::chrono::seconds(5)));
    EXPECT_TRUE(reasons->text().contains(
        QStringLiteral("Rotate FileVault recovery key is available for corporate-owned macOS devices")))
        << reasons->text().toStdString();
    EXPECT_FALSE(reasons->text().contains(QStringLiteral("sign-in lacks")));

    const DeviceRecord *mac = findDevice(isCorporateEncryptedMac);
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    // Only the Windows-only actions remain unavailable on a corporate, encrypted Mac.
    EXPECT_FALSE(reasons->text().contains(QStringLiteral("FileVault"))) << reasons->text().toStdString();
}
