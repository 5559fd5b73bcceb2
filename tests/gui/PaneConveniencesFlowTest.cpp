// What a help desk expects of the device pane beyond its actions: each essential copied by its
// context menu (mouse, context menu key, Shift+F10), all essentials copied as "Label: value" lines
// without any token, the device's page in its cloud's Intune admin center, and F5 in the pane
// reading that one device again while F5 in the list still reloads the list.
#include "DeviceListView.h"
#include "DevicePane.h"
#include "GuiFixture.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MenuClicks.h"
#include "actions/ActionStatusTracker.h"
#include "auth/BrowserLauncher.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"
#include "devices/DeviceListLoader.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using keyturn::DeviceRecord;
using keyturn::test::fetchDemoRequests;
using keyturn::test::requestsMatching;
using keyturn::test::waitUntil;

namespace {

// The browser as the user has it: sign-in pages go to the demo tenant's automatic approval, and
// every address Keyturn opens is written down.
class RecordingBrowser final : public keyturn::BrowserLauncher {
public:
    RecordingBrowser()
        : m_demo(&m_network, QStringLiteral("helpdesk"))
    { }
    bool openUrl(const QUrl &url) override
    {
        opened.append(url);
        if (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost"))
            return m_demo.openUrl(url);
        return true;
    }
    QList<QUrl> opened;

private:
    QNetworkAccessManager m_network;
    keyturn::DemoBrowserLauncher m_demo;
};

class PaneConveniencesFlow : public keyturn::test::GuiFixture {
protected:
    bool launchAndOpenDevice()
    {
        keyturn::demo::DemoOptions o;
        o.devices = 120;
        o.seed = 17;
        if (!launch(o))
            return false;
        // Only the reads a test asks for: the next automatic poll is far away.
        keyturn::StatusTrackerConfig slow;
        slow.initialInterval = std::chrono::minutes(10);
        slow.maxInterval = std::chrono::minutes(10);
        app()->tracker()->setConfig(slow);
        window()->activateWindow();
        if (!QTest::qWaitForWindowActive(window()))
            return false;
        const DeviceRecord *device = findDevice([](const DeviceRecord &r) {
            return !r.serialNumber.isEmpty() && !r.azureADDeviceId.isEmpty()
                && !r.userPrincipalName.isEmpty();
        });
        if (!device) {
            ADD_FAILURE() << "no device with a serial number, Entra id and user";
            return false;
        }
        m_deviceId = device->id;
        return openDeviceThroughSearch(*device);
    }

    keyturn::DeviceDetails details() const { return pane()->details().value_or(keyturn::DeviceDetails{}); }
    QLabel *value(const QString &key) const
    {
        return pane()->findChild<QLabel *>(QStringLiteral("essential_%1").arg(key));
    }
    QPushButton *paneButton(const char *name) const
    {
        return pane()->findChild<QPushButton *>(QLatin1String(name));
    }

    /// The menu that opened (a popup), once it is there.
    static QMenu *openMenu()
    {
        waitUntil([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()) != nullptr; },
            std::chrono::seconds(5));
        return qobject_cast<QMenu *>(QApplication::activePopupWidget());
    }
    static QStringList entries(const QMenu *menu)
    {
        QStringList texts;
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts.append(action->text().remove(QLatin1Char('&')));
        }
        return texts;
    }
    static void clickEntry(QMenu *menu, const QString &text)
    {
        for (QAction *action : menu->actions()) {
            if (action->text().remove(QLatin1Char('&')) == text) {
                keyturn::test::clickMenuEntry(menu, action);
                return;
            }
        }
        ADD_FAILURE() << "no menu entry " << text.toStdString();
    }
    static void rightClick(QWidget *widget)
    {
        const QPoint pos(4, widget->height() / 2);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &event);
    }
    static QString clipboard() { return QGuiApplication::clipboard()->text(); }

    int deviceGets() const
    {
        return static_cast<int>(requestsMatching(
            fetchDemoRequests(demoUrl()), QStringLiteral("GET"), QLatin1Char('/') + m_deviceId)
                                    .size());
    }
    int listGets() const
    {
        return static_cast<int>(requestsMatching(
            fetchDemoRequests(demoUrl()), QStringLiteral("GET"), QStringLiteral("/managedDevices"))
                                    .size());
    }

    QString m_deviceId;
};

} // namespace

TEST_F(PaneConveniencesFlow, RightClickOnAValueCopiesThatValue)
{
    ASSERT_TRUE(launchAndOpenDevice());
    QLabel *serial = value(QStringLiteral("serialNumber"));
    ASSERT_NE(serial, nullptr);
    QGuiApplication::clipboard()->clear();

    rightClick(serial);
    QMenu *menu = openMenu();
    ASSERT_NE(menu, nullptr);
    EXPECT_TRUE(entries(menu).contains(QStringLiteral("Copy serial number")))
        << entries(menu).join(u'|').toStdString();
    EXPECT_TRUE(entries(menu).contains(QStringLiteral("Copy all essentials")));
    clickEntry(menu, QStringLiteral("Copy serial number"));
    EXPECT_EQ(clipboard(), details().serialNumber);
    EXPECT_FALSE(details().serialNumber.isEmpty());

    rightClick(value(QStringLiteral("primaryUser")));
    menu = openMenu();
    ASSERT_NE(menu, nullptr);
    clickEntry(menu, QStringLiteral("Copy primary user"));
    EXPECT_EQ(clipboard(), details().userPrincipalName);
}

TEST_F(PaneConveniencesFlow, TheValuesTakeFocusAndTheirMenuOpensFromTheKeyboard)
{
    ASSERT_TRUE(launchAndOpenDevice());
    QLabel *intuneId = value(QStringLiteral("intuneDeviceId"));
    QLabel *entraId = value(QStringLiteral("entraDeviceId"));
    ASSERT_NE(intuneId, nullptr);
    ASSERT_NE(entraId, nullptr);
    EXPECT_NE(intuneId->focusPolicy() & Qt::TabFocus, 0) << "a value is reachable with Tab";

    // Shift+F10 on the focused value, then Enter on the entry the menu starts on.
    intuneId->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(waitUntil([&] { return QApplication::focusWidget() == intuneId; }, std::chrono::seconds(5)));
    QTest::keyClick(intuneId, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = openMenu();
    ASSERT_NE(menu, nullptr);
    ASSERT_NE(menu->activeAction(), nullptr);
    EXPECT_EQ(menu->activeAction()->text(), QStringLiteral("Copy Intune device ID"));
    QTest::keyClick(menu, Qt::Key_Return);
    EXPECT_EQ(clipboard(), m_deviceId);

    // The context menu key.
    entraId->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(waitUntil([&] { return QApplication::focusWidget() == entraId; }, std::chrono::seconds(5)));
    QTest::keyClick(entraId, Qt::Key_Menu);
    menu = openMenu();
    ASSERT_NE(menu, nullptr);
    clickEntry(menu, QStringLiteral("Copy Entra device ID"));
    EXPECT_EQ(clipboard(), details().azureADDeviceId);
    EXPECT_FALSE(details().azureADDeviceId.isEmpty());
}

TEST_F(PaneConveniencesFlow, CopyAllEssentialsHasEachLabelAndValueAndNoToken)
{
    ASSERT_TRUE(launchAndOpenDevice());
    QPushButton *copyAll = paneButton("copyAllEssentialsButton");
    ASSERT_NE(copyAll, nullptr);
    ASSERT_TRUE(copyAll->isEnabled());
    QTest::mouseClick(copyAll, Qt::LeftButton);
    const QString text = clipboard();
    const QStringList lines = text.split(QLatin1Char('\n'));
    const keyturn::DeviceDetails d = details();
    for (const auto &[label, key] :
        std::initializer_list<std::pair<const char *, const char *>>{ { "Device name", "deviceName" },
            { "Primary user", "primaryUser" }, { "Compliance", "compliance" },
            { "Operating system", "operatingSystem" }, { "OS version", "osVersion" },
            { "Serial number", "serialNumber" }, { "Model", "model" }, { "Last check-in", "lastCheckIn" },
            { "Intune device ID", "intuneDeviceId" }, { "Entra device ID", "entraDeviceId" } }) {
        const QString line
            = QStringLiteral("%1: %2").arg(QLatin1String(label), pane()->essential(QLatin1String(key)));
        EXPECT_TRUE(lines.contains(line)) << line.toStdString() << "\nin:\n" << text.toStdString();
    }
    // The values are Graph's, not only what the form happens to show.
    EXPECT_TRUE(lines.contains(QStringLiteral("Serial number: ") + d.serialNumber));
    EXPECT_TRUE(lines.contains(QStringLiteral("Primary user: ") + d.userPrincipalName));
    EXPECT_TRUE(lines.contains(QStringLiteral("Intune device ID: ") + d.id));
    EXPECT_TRUE(lines.contains(QStringLiteral("Entra device ID: ") + d.azureADDeviceId));
    EXPECT_TRUE(lines.contains(QStringLiteral("Device name: ") + d.deviceName));

    QString token;
    app()->signIn()->getAccessToken(
        false, app(), [&](const QString &accessToken, const QString &) { token = accessToken; });
    ASSERT_TRUE(waitUntil([&] { return !token.isEmpty(); }, std::chrono::seconds(5)));
    EXPECT_FALSE(text.contains(token));
    EXPECT_FALSE(text.contains(QStringLiteral("eyJ"))) << "no JWT of any kind";
    EXPECT_FALSE(text.contains(QStringLiteral("Bearer"), Qt::CaseInsensitive));

    // The same from a value's menu.
    QGuiApplication::clipboard()->clear();
    rightClick(value(QStringLiteral("model")));
    QMenu *menu = openMenu();
    ASSERT_NE(menu, nullptr);
    clickEntry(menu, QStringLiteral("Copy all essentials"));
    EXPECT_EQ(clipboard(), text);
}

TEST_F(PaneConveniencesFlow, OpenInAdminCenterOpensTheDevicePageOfThePublicCloud)
{
    RecordingBrowser browser;
    setBrowser(&browser);
    ASSERT_TRUE(launchAndOpenDevice());
    QPushButton *open = paneButton("openInAdminCenterButton");
    ASSERT_NE(open, nullptr);
    const qsizetype before = browser.opened.size();
    QTest::mouseClick(open, Qt::LeftButton);
    ASSERT_EQ(browser.opened.size(), before + 1);
    const QString tenant = app()->signIn()->account()->tenantId;
    EXPECT_EQ(browser.opened.last().toString(),
        QStringLiteral(
            "https://intune.microsoft.com/%1/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/"
            "overview/mdmDeviceId/%2")
            .arg(tenant, m_deviceId));
}

TEST_F(PaneConveniencesFlow, OpenInAdminCenterOpensTheDevicePageOfTheUsGovernmentCloud)
{
    RecordingBrowser browser;
    setBrowser(&browser);
    setCloudOption(QStringLiteral("usgov"));
    ASSERT_TRUE(launchAndOpenDevice());
    QPushButton *open = paneButton("openInAdminCenterButton");
    ASSERT_NE(open, nullptr);
    QTest::mouseClick(open, Qt::LeftButton);
    ASSERT_FALSE(browser.opened.isEmpty());
    const QString tenant = app()->signIn()->account()->tenantId;
    EXPECT_EQ(browser.opened.last().toString(),
        QStringLiteral(
            "https://intune.microsoft.us/%1/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/"
            "overview/mdmDeviceId/%2")
            .arg(tenant, m_deviceId));
}

TEST_F(PaneConveniencesFlow, TheDemoSaysWhichPageARealTenantWouldOpen)
{
    ASSERT_TRUE(launchAndOpenDevice());
    QPushButton *open = paneButton("openInAdminCenterButton");
    ASSERT_NE(open, nullptr);
    QTest::mouseClick(open, Qt::LeftButton);
    const QString message = window()->statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("https://intune.microsoft.com/"))) << message.toStdString();
    EXPECT_TRUE(message.contains(m_deviceId)) << message.toStdString();
}

TEST_F(PaneConveniencesFlow, F5InThePaneReadsThatDeviceOnceAndF5InTheListReloadsTheList)
{
    ASSERT_TRUE(launchAndOpenDevice());
    const int devicesBefore = deviceGets();
    const int listsBefore = listGets();
    ASSERT_GE(devicesBefore, 1);

    // Enter in the list put the focus on the device's first action, in the pane.
    QWidget *inPane = QApplication::focusWidget();
    ASSERT_TRUE(inPane && pane()->isAncestorOf(inPane));
    QTest::keyClick(inPane, Qt::Key_F5);
    EXPECT_FALSE(app()->loader()->isLoading()) << "F5 in the pane does not reload the list";
    ASSERT_TRUE(waitUntil([&] { return deviceGets() == devicesBefore + 1; }, std::chrono::seconds(10)));
    // The pane says when it read the device.
    QLabel *updated = pane()->findChild<QLabel *>(QStringLiteral("deviceUpdatedLabel"));
    ASSERT_NE(updated, nullptr);
    ASSERT_TRUE(waitUntil(
        [&] { return updated->text().startsWith(QStringLiteral("Updated ")); }, std::chrono::seconds(10)))
        << updated->text().toStdString();
    EXPECT_EQ(deviceGets(), devicesBefore + 1);
    EXPECT_EQ(listGets(), listsBefore);
    EXPECT_EQ(pane()->deviceId(), m_deviceId);

    // The pane's own Refresh button does the same.
    QToolButton *refresh = pane()->findChild<QToolButton *>(QStringLiteral("refreshDeviceButton"));
    ASSERT_NE(refresh, nullptr);
    EXPECT_EQ(refresh->toolTip(), QStringLiteral("Refresh this device (F5)"));
    QTest::mouseClick(refresh, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return deviceGets() == devicesBefore + 2; }, std::chrono::seconds(10)));
    EXPECT_EQ(listGets(), listsBefore);

    // F5 in the list still reloads the list.
    QTableView *table = window()->deviceListView()->tableView();
    table->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(waitUntil([&] { return QApplication::focusWidget() == table; }, std::chrono::seconds(5)));
    QTest::keyClick(table, Qt::Key_F5);
    EXPECT_TRUE(app()->loader()->isLoading());
    ASSERT_TRUE(waitUntil([&] { return !app()->loader()->isLoading(); }, std::chrono::seconds(30)));
    EXPECT_GT(listGets(), listsBefore);
}
