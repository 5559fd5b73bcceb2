// Keyturn in German, started as main starts it under LANG=de_DE.UTF-8 (the system locale's
// translations installed before any widget): the main window, the device pane, a confirmation and
// the About dialog speak German, and no text on them is left in its English source form.
#include "AboutDialog.h"
#include "ConfirmationDialog.h"
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "ScreenTexts.h"
#include "Translations.h"
#include "common/TestSupport.h"
#include "devices/DeviceRecord.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using keyturn::DeviceRecord;
using keyturn::test::screenTexts;
using keyturn::test::TsMessage;
using keyturn::test::untranslatedTexts;

namespace {

/// The letter after a single '&' in text ("&Datei" -> 'd'), or a null character.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

/// The actions of a menu (or the menu bar) whose accelerator letter another one uses too.
QStringList sharedMnemonics(const QList<QAction *> &actions)
{
    QHash<QChar, QStringList> byLetter;
    for (const QAction *action : actions) {
        if (!action->isSeparator() && !mnemonic(action->text()).isNull())
            byLetter[mnemonic(action->text())].append(action->text());
    }
    QStringList shared;
    for (const QStringList &texts : std::as_const(byLetter)) {
        if (texts.size() > 1)
            shared.append(texts);
    }
    return shared;
}

class GermanFlow : public keyturn::test::GuiFixture {
protected:
    void SetUp() override
    {
        ASSERT_EQ(QLocale::system().language(), QLocale::German)
            << "run with LANG=de_DE.UTF-8 (ctest sets it for this suite)";
        m_translations = std::make_unique<keyturn::ui::Translations>(QLocale::system());
        ASSERT_EQ(m_translations->keyturnFile(), QStringLiteral(":/i18n/keyturn_de.qm"));
        QString error;
        m_catalog
            = keyturn::test::readTsFile(QStringLiteral(KEYTURN_TRANSLATIONS_DIR "/keyturn_de.ts"), &error);
        ASSERT_FALSE(m_catalog.isEmpty()) << error.toStdString();
    }

    void TearDown() override
    {
        GuiFixture::TearDown();
        m_translations.reset();
    }

    /// Fails naming every text of widget that is still in English.
    void expectNoEnglish(const QWidget *widget, const char *where) const
    {
        const QStringList left = untranslatedTexts(screenTexts(widget), m_catalog);
        EXPECT_TRUE(left.isEmpty()) << where << " shows untranslated: "
                                    << left.join(QStringLiteral(" | ")).toStdString();
    }

    std::unique_ptr<keyturn::ui::Translations> m_translations;
    QList<TsMessage> m_catalog;
};

TEST_F(GermanFlow, MainWindowPaneConfirmationAndAboutSpeakGerman)
{
    keyturn::demo::DemoOptions options;
    options.devices = 300;
    options.seed = 7;
    ASSERT_TRUE(launch(options));
    keyturn::ui::MainWindow *main = window();

    // The main window: menus, column headers, the count, the cells' vocabulary.
    QStringList menus;
    for (const QAction *menu : main->menuBar()->actions())
        menus.append(menu->text());
    EXPECT_EQ(menus,
        QStringList({ QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe") }));
    EXPECT_TRUE(sharedMnemonics(main->menuBar()->actions()).isEmpty());
    for (const QAction *menu : main->menuBar()->actions())
        EXPECT_TRUE(sharedMnemonics(menu->menu()->actions()).isEmpty())
            << menu->text().toStdString() << ": "
            << sharedMnemonics(menu->menu()->actions()).join(u' ').toStdString();
    const auto *count = main->deviceListView()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("300 Geräte"));
    const auto *table = main->deviceListView()->findChild<QTableView *>();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Gerätename"));
    expectNoEnglish(main, "the main window");

    // The pane of a corporate, encrypted Mac.
    const DeviceRecord *mac = findDevice([](const DeviceRecord &d) {
        return d.platform == DeviceRecord::Platform::MacOS && d.ownership == DeviceRecord::Ownership::Company
            && d.isEncrypted;
    });
    ASSERT_NE(mac, nullptr);
    ASSERT_TRUE(openDeviceThroughSearch(*mac));
    keyturn::ui::DevicePane *pane = main->devicePane();
    QToolButton *rotate = pane->actionButton(QStringLiteral("rotateFileVaultKey"));
    ASSERT_NE(rotate, nullptr);
    EXPECT_EQ(rotate->text(), QStringLiteral("FileVault-Schlüssel rotieren"));
    EXPECT_EQ(pane->actionButton(QStringLiteral("syncDevice"))->text(), QStringLiteral("Synchronisieren"));
    EXPECT_EQ(pane->actionButton(QStringLiteral("viewFileVaultKey"))->text(),
        QStringLiteral("FileVault-Schlüssel anzeigen"));
    const QStringList paneTexts = screenTexts(pane);
    EXPECT_TRUE(paneTexts.contains(QStringLiteral("Seriennummer"))) << paneTexts.join(u'|').toStdString();
    EXPECT_TRUE(paneTexts.contains(QStringLiteral("Status der Geräteaktionen")))
        << paneTexts.join(u'|').toStdString();
    // Windows-only actions on a Mac: the reason under the buttons, in German.
    EXPECT_TRUE(pane->reasonsLabel()->text().contains(QStringLiteral("ist für Windows-Geräte verfügbar")))
        << pane->reasonsLabel()->text().toStdString();
    expectNoEnglish(main, "the main window with the device pane");

    // The confirmation.
    QTest::mouseClick(rotate, Qt::LeftButton);
    keyturn::ui::ConfirmationDialog *dialog = waitForConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->question().startsWith(
        QStringLiteral("Möchten Sie den FileVault-Wiederherstellungsschlüssel von %1 (Seriennummer ")
            .arg(mac->deviceName)))
        << dialog->question().toStdString();
    EXPECT_EQ(dialog->yesButton()->text(), QStringLiteral("&Ja"));
    EXPECT_EQ(dialog->noButton()->text(), QStringLiteral("&Nein"));
    expectNoEnglish(dialog, "the confirmation");
    ASSERT_TRUE(answerConfirmation(dialog, false));

    // The About dialog, with Qt's own button text from Qt's German translation.
    QAction *aboutAction = main->findChild<QAction *>(QStringLiteral("aboutAction"));
    ASSERT_NE(aboutAction, nullptr);
    EXPECT_EQ(aboutAction->text(), QStringLiteral("&Über Keyturn"));
    aboutAction->trigger();
    keyturn::ui::AboutDialog *about = nullptr;
    ASSERT_TRUE(keyturn::test::waitUntil([&] {
        about = main->findChild<keyturn::ui::AboutDialog *>();
        return about && about->isVisible();
    }));
    EXPECT_EQ(about->windowTitle(), QStringLiteral("Über Keyturn"));
    const auto *aboutText = about->findChild<QLabel *>(QStringLiteral("aboutText"));
    ASSERT_NE(aboutText, nullptr);
    EXPECT_TRUE(aboutText->text().contains(QStringLiteral("Intune-Remoteaktionen für einzelne Geräte")));
    const QPushButton *close = about->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
    ASSERT_NE(close, nullptr);
    EXPECT_EQ(QString(close->text()).remove(u'&'), QStringLiteral("Schließen"));
    expectNoEnglish(about, "the About dialog");
    about->close();
}

} // namespace
