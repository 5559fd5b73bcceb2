// What a help desk expects of the device list besides finding a device: an Encrypted filter,
// optional columns from the header's menu, export of the rows on screen to CSV, search and filters
// that survive a restart, copying a device's name and ids, and a window title naming the tenant.
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MenuClicks.h"
#include "MessageBanner.h"
#include "auth/Account.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "demo/DeviceGenerator.h"
#include "devices/DeviceRecord.h"
#include "devices/DeviceTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

constexpr int kDevices = 400;
constexpr quint32 kSeed = 23;

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(std::exchange(field, {}));
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

class ListConveniencesFlow : public keyturn::test::GuiFixture {
protected:
    bool launchList()
    {
        keyturn::demo::DemoOptions o;
        o.devices = kDevices;
        o.seed = kSeed;
        return launch(o);
    }
    QHeaderView *header() const { return table()->horizontalHeader(); }
    QComboBox *encryptionCombo() const
    {
        return list()->findChild<QComboBox *>(QStringLiteral("encryptionComboBox"));
    }
    QString statusBarText() const
    {
        return window()->findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    }

    /// The logical column whose header reads `name`, or -1.
    int columnNamed(const QString &name) const
    {
        for (int c = 0; c < table()->model()->columnCount(); ++c) {
            if (table()->model()->headerData(c, Qt::Horizontal).toString() == name)
                return c;
        }
        return -1;
    }

    QStringList visibleHeaderNames() const
    {
        QStringList names;
        for (int visual = 0; visual < header()->count(); ++visual) {
            const int logical = header()->logicalIndex(visual);
            if (!header()->isSectionHidden(logical))
                names.append(table()->model()->headerData(logical, Qt::Horizontal).toString());
        }
        return names;
    }

    /// Every row as shown: the visible columns in their visual order.
    QList<QStringList> shownRows() const
    {
        QList<int> columns;
        for (int visual = 0; visual < header()->count(); ++visual) {
            if (!header()->isSectionHidden(header()->logicalIndex(visual)))
                columns.append(header()->logicalIndex(visual));
        }
        QList<QStringList> rows;
        for (int row = 0; row < table()->model()->rowCount(); ++row) {
            QStringList values;
            for (const int column : columns)
                values.append(table()->model()->index(row, column).data().toString());
            rows.append(values);
        }
        return rows;
    }

    QStringList shownNames() const
    {
        QStringList names;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            names.append(table()->model()->index(row, DeviceTableModel::Name).data().toString());
        return names;
    }

    static void selectCombo(QComboBox *combo, const QString &text)
    {
        const int index = combo->findText(text);
        ASSERT_GE(index, 0) << text.toStdString();
        combo->setCurrentIndex(index);
    }

    /// A right-click as the window system delivers it: press, the context menu event, release.
    static void rightClick(QWidget *widget, QPoint pos)
    {
        QTest::mousePress(widget, Qt::RightButton, Qt::NoModifier, pos);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &event);
        QTest::mouseRelease(widget, Qt::RightButton, Qt::NoModifier, pos);
    }

    /// Opens a context menu with `open` and clicks its entry `text` (without '&'). Returns the
    /// menu's entries; `clicked` says whether the entry was there (a menu without it is closed).
    QStringList clickInMenu(const std::function<void()> &open, const QString &text, bool *clicked)
    {
        QStringList entries;
        bool done = false;
        *clicked = false;
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll.stop();
            done = true;
            QAction *target = nullptr;
            for (QAction *action : menu->actions()) {
                if (action->isSeparator())
                    continue;
                entries.append(action->text().remove(QLatin1Char('&')));
                if (entries.last() == text)
                    target = action;
            }
            if (!target) {
                menu->close();
                return;
            }
            keyturn::test::clickMenuEntry(menu, target);
            *clicked = true;
        });
        poll.start();
        open();
        EXPECT_TRUE(waitUntil([&] { return done; }, 5s)) << "no menu opened";
        return entries;
    }

    /// Searches for the device by name and returns its row (-1 when it is not shown).
    int searchFor(const DeviceRecord &device)
    {
        list()->searchLineEdit()->clear();
        QTest::keyClicks(list()->searchLineEdit(), device.deviceName);
        for (int row = 0; row < table()->model()->rowCount(); ++row) {
            if (table()->model()->index(row, 0).data(DeviceTableModel::DeviceIdRole).toString() == device.id)
                return row;
        }
        return -1;
    }

    void rightClickRow(int row, int column)
    {
        const QModelIndex index = table()->model()->index(row, column);
        table()->scrollTo(index);
        rightClick(table()->viewport(), table()->visualRect(index).center());
    }

    void clickCell(int row, int column)
    {
        const QModelIndex index = table()->model()->index(row, column);
        table()->scrollTo(index);
        QTest::mouseClick(
            table()->viewport(), Qt::LeftButton, Qt::NoModifier, table()->visualRect(index).center());
    }

    /// Saves in the export's dialog like a person: goes to `folder`, types `name`, clicks Save.
    QFileDialog *saveInExportDialog(const QString &folder, const QString &name)
    {
        QFileDialog *dialog = nullptr;
        waitUntil(
            [&] {
                dialog = window()->findChild<QFileDialog *>(QStringLiteral("exportCsvDialog"));
                return dialog && dialog->isVisible();
            },
            5s);
        if (!dialog || !dialog->isVisible()) {
            ADD_FAILURE() << "no save dialog";
            return nullptr;
        }
        auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QPushButton *save = nullptr;
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->isDefault() && button->isVisible())
                save = button;
        }
        if (!nameEdit || !save) {
            ADD_FAILURE() << "the save dialog has no file name box or no Save button";
            return nullptr;
        }
        dialog->setDirectory(folder);
        nameEdit->selectAll();
        QTest::keyClicks(nameEdit, name);
        QTest::mouseClick(save, Qt::LeftButton);
        return dialog;
    }
};

} // namespace

TEST_F(ListConveniencesFlow, TheEncryptedFilterLeavesExactlyTheDemosEncryptedDevices)
{
    ASSERT_TRUE(launchList());
    ASSERT_NE(encryptionCombo(), nullptr);
    EXPECT_TRUE(encryptionCombo()->isVisible());
    EXPECT_EQ(encryptionCombo()->currentText(), QStringLiteral("Any encryption"));

    // The demo tenant's own data: the same seed generates the same devices.
    const auto generated = keyturn::demo::DeviceGenerator::generate(kDevices, kSeed, 0);
    QSet<QString> encrypted, notEncrypted;
    for (const auto &d : generated.devices)
        (d.encrypted ? encrypted : notEncrypted).insert(QString::fromUtf8(d.deviceName));
    ASSERT_FALSE(encrypted.isEmpty());
    ASSERT_FALSE(notEncrypted.isEmpty());

    selectCombo(encryptionCombo(), QStringLiteral("Encrypted"));
    const QStringList shownEncrypted = shownNames();
    EXPECT_EQ(QSet<QString>(shownEncrypted.begin(), shownEncrypted.end()), encrypted);
    EXPECT_EQ(shownEncrypted.size(), encrypted.size());
    const int encryptedColumn = columnNamed(QStringLiteral("Encrypted"));
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        ASSERT_EQ(table()->model()->index(row, encryptedColumn).data().toString(), QStringLiteral("Yes"));
    EXPECT_EQ(list()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"))->text(),
        QStringLiteral("%1 of %2 devices").arg(encrypted.size()).arg(kDevices));

    selectCombo(encryptionCombo(), QStringLiteral("Not encrypted"));
    const QStringList shownPlain = shownNames();
    EXPECT_EQ(QSet<QString>(shownPlain.begin(), shownPlain.end()), notEncrypted);

    selectCombo(encryptionCombo(), QStringLiteral("Any encryption"));
    EXPECT_EQ(table()->model()->rowCount(), kDevices);
}

TEST_F(ListConveniencesFlow, TheHeaderMenuShowsTheSerialNumberColumn)
{
    ASSERT_TRUE(launchList());
    const int serial = columnNamed(QStringLiteral("Serial number"));
    ASSERT_GE(serial, 0) << "no Serial number column";
    // Optional columns start hidden.
    EXPECT_FALSE(visibleHeaderNames().contains(QStringLiteral("Serial number")));
    EXPECT_FALSE(visibleHeaderNames().contains(QStringLiteral("Model")));
    EXPECT_FALSE(visibleHeaderNames().contains(QStringLiteral("Enrolled")));

    bool clicked = false;
    const QStringList entries = clickInMenu(
        [&] {
            rightClick(header()->viewport(),
                QPoint(header()->sectionViewportPosition(0) + 5, header()->height() / 2));
        },
        QStringLiteral("Serial number"), &clicked);
    ASSERT_TRUE(clicked) << entries.join(QLatin1String(", ")).toStdString();
    for (const char *name : { "Device name", "Model", "Enrolled", "Encrypted" })
        EXPECT_TRUE(entries.contains(QLatin1String(name))) << name;

    ASSERT_TRUE(visibleHeaderNames().contains(QStringLiteral("Serial number")));
    EXPECT_GT(header()->sectionSize(serial), 0);
    // The column shows each device's serial number.
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        const QString id = table()->model()->index(row, 0).data(DeviceTableModel::DeviceIdRole).toString();
        const DeviceRecord *device = findDevice([&id](const DeviceRecord &d) { return d.id == id; });
        ASSERT_NE(device, nullptr);
        ASSERT_FALSE(device->serialNumber.isEmpty());
        ASSERT_EQ(table()->model()->index(row, serial).data().toString(), device->serialNumber);
    }
    // Sorting on it sorts by serial number.
    QTest::mouseClick(header()->viewport(), Qt::LeftButton, Qt::NoModifier,
        QPoint(header()->sectionViewportPosition(serial) + 5, header()->height() / 2));
    QStringList serials;
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        serials.append(table()->model()->index(row, serial).data().toString());
    const auto caseless
        = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; };
    EXPECT_TRUE(std::is_sorted(serials.begin(), serials.end(), caseless)
        || std::is_sorted(serials.rbegin(), serials.rend(), caseless));

    // The choice is remembered with the layout.
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    EXPECT_TRUE(visibleHeaderNames().contains(QStringLiteral("Serial number")));
    EXPECT_FALSE(visibleHeaderNames().contains(QStringLiteral("Model")));
}

TEST_F(ListConveniencesFlow, ExportWritesExactlyTheRowsAndColumnsOnScreen)
{
    ASSERT_TRUE(launchList());
    QAction *exportAction = window()->findChild<QAction *>(QStringLiteral("exportCsvAction"));
    ASSERT_NE(exportAction, nullptr);
    // Another layout than the default: Serial number shown, Managed by hidden, OS moved first.
    bool clicked = false;
    const auto openColumnMenu = [&] {
        rightClick(
            header()->viewport(), QPoint(header()->sectionViewportPosition(0) + 5, header()->height() / 2));
    };
    clickInMenu(openColumnMenu, QStringLiteral("Serial number"), &clicked);
    ASSERT_TRUE(clicked);
    clickInMenu(openColumnMenu, QStringLiteral("Managed by"), &clicked);
    ASSERT_TRUE(clicked);
    const int os = columnNamed(QStringLiteral("OS"));
    header()->moveSection(header()->visualIndex(os), 0);
    // A search and a filter, sorted by last check-in.
    QTest::keyClicks(list()->searchLineEdit(), QStringLiteral("desktop"));
    selectCombo(list()->ownershipComboBox(), QStringLiteral("Corporate"));
    const int lastCheckIn = columnNamed(QStringLiteral("Last check-in"));
    QTest::mouseClick(header()->viewport(), Qt::LeftButton, Qt::NoModifier,
        QPoint(header()->sectionViewportPosition(lastCheckIn) + 5, header()->height() / 2));
    const int shown = table()->model()->rowCount();
    ASSERT_GT(shown, 1);
    ASSERT_LT(shown, kDevices);

    // Ctrl+Shift+E from the search box (where Ctrl+E would move the cursor).
    window()->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window()));
    list()->searchLineEdit()->setFocus();
    QTest::keyClick(list()->searchLineEdit(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QFileDialog *dialog = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            dialog = window()->findChild<QFileDialog *>(QStringLiteral("exportCsvDialog"));
            return dialog && dialog->isVisible();
        },
        5s));
    const QString suggested
        = QStringLiteral("Keyturn devices %1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    EXPECT_EQ(dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->text(), suggested);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("help desk, export.csv"));
    ASSERT_NE(saveInExportDialog(dir.path(), QFileInfo(path).fileName()), nullptr);
    ASSERT_TRUE(waitUntil([&] { return QFile::exists(path); }, 5s));
    EXPECT_EQ(statusBarText(), QStringLiteral("Exported %1 devices to %2").arg(shown).arg(path));

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
    ASSERT_EQ(records.size(), shown + 1);
    EXPECT_EQ(records.first(), visibleHeaderNames());
    EXPECT_EQ(records.first().first(), QStringLiteral("OS"));
    EXPECT_TRUE(records.first().contains(QStringLiteral("Serial number")));
    EXPECT_FALSE(records.first().contains(QStringLiteral("Managed by")));
    EXPECT_EQ(records.mid(1), shownRows());
}

TEST_F(ListConveniencesFlow, AFailedExportSaysWhyAndCanBeTriedAgain)
{
    ASSERT_TRUE(launchList());
    QAction *exportAction = window()->findChild<QAction *>(QStringLiteral("exportCsvAction"));
    ASSERT_NE(exportAction, nullptr);
    QTemporaryDir dir;
    // A folder that is not there (removed meanwhile, a network share gone): nothing can be written.
    const QString bad = dir.filePath(QStringLiteral("gone/devices.csv"));

    exportAction->trigger();
    ASSERT_NE(saveInExportDialog(dir.path(), QStringLiteral("gone/devices.csv")), nullptr);
    keyturn::ui::MessageBanner *banner = list()->banner();
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); }, 5s));
    EXPECT_EQ(banner->kind(), keyturn::ui::MessageBanner::Kind::Error);
    EXPECT_TRUE(
        banner->text().startsWith(QStringLiteral("The device list could not be exported to %1: ").arg(bad)))
        << banner->text().toStdString();
    EXPECT_GT(banner->text().size(),
        QStringLiteral("The device list could not be exported to %1: ").arg(bad).size());
    EXPECT_EQ(statusBarText(), QStringLiteral("Export failed"));
    // Nothing is lost: the list is as it was, and nothing was left behind.
    EXPECT_EQ(table()->model()->rowCount(), kDevices);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());

    ASSERT_TRUE(banner->actionButton()->isVisible());
    EXPECT_EQ(banner->actionButton()->text(), QStringLiteral("Try again"));
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
    const QString good = dir.filePath(QStringLiteral("devices.csv"));
    ASSERT_NE(saveInExportDialog(dir.path(), QStringLiteral("devices.csv")), nullptr);
    ASSERT_TRUE(waitUntil([&] { return QFile::exists(good); }, 5s));
    EXPECT_EQ(statusBarText(), QStringLiteral("Exported %1 devices to %2").arg(kDevices).arg(good));
}

TEST_F(ListConveniencesFlow, SearchAndFiltersSurviveARestart)
{
    ASSERT_TRUE(launchList());
    ASSERT_NE(encryptionCombo(), nullptr);
    QTest::keyClicks(list()->searchLineEdit(), QStringLiteral("mac-"));
    selectCombo(list()->ownershipComboBox(), QStringLiteral("Corporate"));
    selectCombo(encryptionCombo(), QStringLiteral("Not encrypted"));
    const QStringList before = shownNames();
    ASSERT_FALSE(before.isEmpty());
    ASSERT_LT(before.size(), kDevices);

    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    // The controls show what hides rows, so the user sees why the list is short.
    EXPECT_EQ(list()->searchLineEdit()->text(), QStringLiteral("mac-"));
    EXPECT_EQ(list()->ownershipComboBox()->currentText(), QStringLiteral("Corporate"));
    EXPECT_EQ(encryptionCombo()->currentText(), QStringLiteral("Not encrypted"));
    EXPECT_EQ(list()->platformComboBox()->currentText(), QStringLiteral("All platforms"));
    EXPECT_EQ(shownNames(), before);
    EXPECT_EQ(list()->findChild<QLabel *>(QStringLiteral("deviceCountLabel"))->text(),
        QStringLiteral("%1 of %2 devices").arg(before.size()).arg(kDevices));

    // Cleared, it stays cleared.
    list()->searchLineEdit()->clear();
    selectCombo(list()->ownershipComboBox(), QStringLiteral("Any ownership"));
    selectCombo(encryptionCombo(), QStringLiteral("Any encryption"));
    ASSERT_TRUE(restart(QStringLiteral("helpdesk")));
    EXPECT_TRUE(list()->searchLineEdit()->text().isEmpty());
    EXPECT_EQ(table()->model()->rowCount(), kDevices);
}

TEST_F(ListConveniencesFlow, CtrlCCopiesTheSelectedDevicesName)
{
    ASSERT_TRUE(launchList());
    QApplication::clipboard()->clear();
    // The cell clicked is the compliance state; the name is what gets copied.
    clickCell(3, DeviceTableModel::Compliance);
    const QString name = table()->model()->index(3, DeviceTableModel::Name).data().toString();
    ASSERT_FALSE(name.isEmpty());
    QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QApplication::clipboard()->text(), name);
}

TEST_F(ListConveniencesFlow, TheRowMenuCopiesTheDevicesValuesAndOpensIt)
{
    ASSERT_TRUE(launchList());
    // A device with a primary user and an Entra device id, so every entry is there.
    const DeviceRecord *device = findDevice(
        [](const DeviceRecord &d) { return !d.userPrincipalName.isEmpty() && !d.azureADDeviceId.isEmpty(); });
    ASSERT_NE(device, nullptr);
    const int row = searchFor(*device);
    ASSERT_GE(row, 0);

    const QList<std::pair<QString, QString>> copies{
        { QStringLiteral("Copy name"), device->deviceName },
        { QStringLiteral("Copy serial number"), device->serialNumber },
        { QStringLiteral("Copy primary user"), device->userPrincipalName },
        { QStringLiteral("Copy Intune device ID"), device->id },
        { QStringLiteral("Copy Entra device ID"), device->azureADDeviceId },
    };
    for (const auto &[entry, value] : copies) {
        QApplication::clipboard()->setText(QStringLiteral("before"));
        bool clicked = false;
        const QStringList entries
            = clickInMenu([&] { rightClickRow(row, DeviceTableModel::OsVersion); }, entry, &clicked);
        ASSERT_TRUE(clicked) << entry.toStdString() << " not in "
                             << entries.join(QLatin1String(", ")).toStdString();
        EXPECT_EQ(QApplication::clipboard()->text(), value) << entry.toStdString();
    }

    bool clicked = false;
    const QStringList entries
        = clickInMenu([&] { rightClickRow(row, DeviceTableModel::Name); }, QStringLiteral("Open"), &clicked);
    ASSERT_TRUE(clicked);
    EXPECT_EQ(entries.first(), QStringLiteral("Open"));
    keyturn::ui::DevicePane *pane = window()->devicePane();
    ASSERT_TRUE(waitUntil([&] { return pane->isVisible() && pane->deviceId() == device->id; }, 5s));

    // A device without a primary user has no entry to copy one.
    const DeviceRecord *userless
        = findDevice([](const DeviceRecord &d) { return d.userPrincipalName.isEmpty(); });
    if (userless) {
        const int userlessRow = searchFor(*userless);
        ASSERT_GE(userlessRow, 0);
        const QStringList without = clickInMenu(
            [&] { rightClickRow(userlessRow, DeviceTableModel::Name); }, QStringLiteral("-"), &clicked);
        EXPECT_FALSE(without.contains(QStringLiteral("Copy primary user")));
        EXPECT_TRUE(without.contains(QStringLiteral("Copy name")));
    }
}

TEST_F(ListConveniencesFlow, TheWindowTitleNamesTheDemoTenantUntilSignOut)
{
    ASSERT_TRUE(launchList());
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn - Demo tenant (example.com)"));
    window()->signOutAction()->trigger();
    ASSERT_TRUE(waitUntil(
        [&] { return app()->signIn()->state() == keyturn::SignInController::State::SignedOut; }, 10s));
    EXPECT_EQ(window()->windowTitle(), QStringLiteral("Keyturn"));
}

TEST(WindowTitle, NamesARealTenantByItsSignInDomain)
{
    keyturn::Account account;
    account.upn = QStringLiteral("alex@contoso.onmicrosoft.com");
    account.tenantId = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    account.authorityHost = QStringLiteral("login.microsoftonline.com");
    EXPECT_EQ(keyturn::ui::MainWindow::windowTitleFor(account),
        QStringLiteral("Keyturn - contoso.onmicrosoft.com"));
    // A guest's UPN ends in the tenant's own domain.
    account.upn = QStringLiteral("pat_fabrikam.com#EXT#@contoso.onmicrosoft.com");
    EXPECT_EQ(keyturn::ui::MainWindow::windowTitleFor(account),
        QStringLiteral("Keyturn - contoso.onmicrosoft.com"));
    account.upn.clear();
    EXPECT_EQ(keyturn::ui::MainWindow::windowTitleFor(account),
        QStringLiteral("Keyturn - 72f988bf-86f1-41af-91ab-2d7cd011db47"));
}
