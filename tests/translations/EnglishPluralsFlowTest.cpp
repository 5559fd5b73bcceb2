// Counts in English and in German follow the number: "1 device" / "2 devices", "1 Gerät" /
// "2 Geräte", from the plural forms of the translations, on screen and in the catalog.
#include "DeviceListView.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QLabel>

namespace {

QString devices(int n)
{
    return QCoreApplication::translate("keyturn::ui::DeviceListView", "%Ln devices", nullptr, n);
}

class EnglishPluralsFlow : public keyturn::test::GuiFixture { };

TEST_F(EnglishPluralsFlow, OneDeviceIsOneDevice)
{
    // English plural forms are installed for every suite (as main does for any language).
    const keyturn::ui::Translations english(QLocale(QLocale::English, QLocale::UnitedStates));
    keyturn::demo::DemoOptions options;
    options.devices = 1;
    ASSERT_TRUE(launch(options));
    const auto *count = window()->deviceListView()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("1 device"));
}

TEST(PluralForms, FollowTheNumberInEnglishAndGerman)
{
    {
        const keyturn::ui::Translations german(QLocale(QLocale::German, QLocale::Germany));
        EXPECT_EQ(devices(1), QStringLiteral("1 Gerät"));
        EXPECT_EQ(devices(2), QStringLiteral("2 Geräte"));
        EXPECT_EQ(devices(48210), QStringLiteral("48.210 Geräte"));
    }
    const keyturn::ui::Translations english(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_TRUE(english.keyturnFile().isEmpty()); // English is the source language
    EXPECT_EQ(devices(1), QStringLiteral("1 device"));
    EXPECT_EQ(devices(0), QStringLiteral("0 devices"));
}

} // namespace
