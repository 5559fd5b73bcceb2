#include "AccountsFixture.h"

#include "AccountMenu.h"
#include "Confirmations.h"
#include "KeyturnApp.h"
#include "MainWindow.h"
#include "MenuClicks.h"
#include "SignInView.h"
#include "auth/DemoBrowserLauncher.h"
#include "auth/SignInController.h"
#include "common/TestSupport.h"

#include <QApplication>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace std::chrono_literals;

namespace keyturn::test {

void AccountsFixture::SetUp()
{
    keyturn::ui::Confirmations::clearNextAnswer();
}

void AccountsFixture::TearDown()
{
    keyturn::ui::Confirmations::clearNextAnswer();
    GuiFixture::TearDown();
}

bool AccountsFixture::signedIn() const
{
    return app()->signIn()->state() == keyturn::SignInController::State::SignedIn;
}

QString AccountsFixture::signedInUpn() const
{
    const auto account = app()->signIn()->account();
    return account ? account->upn : QString();
}

keyturn::ui::AccountMenu *AccountsFixture::menu() const
{
    return window()->accountMenu();
}

QString AccountsFixture::upnOf(const QString &user)
{
    return user.contains(QLatin1Char('@')) ? user : user + QStringLiteral("@example.com");
}

bool AccountsFixture::clickInSwitcher(const std::function<QAction *()> &pick, bool byKeyboard)
{
    bool clicked = false;
    QTimer::singleShot(300, window(), [&] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        QAction *action = pick();
        if (!action || !action->isEnabled()) {
            popup->close();
            return;
        }
        clickMenuEntry(popup, action);
        clicked = true;
    });
    if (byKeyboard) {
        window()->activateWindow();
        QTest::keyClick(window(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    } else {
        // The pointer travels onto the button first, as a person's does (Qt 6.8 tracks where it is).
        QTest::mouseMove(window()->accountButton());
        QTest::mouseClick(window()->accountButton(), Qt::LeftButton);
    }
    waitUntil([&] { return clicked; }, 5s);
    return clicked;
}

QAction *AccountsFixture::entryFor(const QString &upn) const
{
    for (QAction *action : menu()->accountActions()) {
        if (action->text().contains(upn, Qt::CaseInsensitive))
            return action;
    }
    return nullptr;
}

bool AccountsFixture::addAccount(keyturn::DemoBrowserLauncher &browser, const QString &user)
{
    if (!clickInSwitcher([&] { return menu()->addAccountAction(); }))
        return false;
    keyturn::ui::SignInView *view = window()->signInView();
    EXPECT_TRUE(view->isVisible());
    EXPECT_TRUE(view->backButton()->isVisible());
    browser.setDemoUser(user);
    QTest::mouseClick(view->browserButton(), Qt::LeftButton);
    const QString upn = upnOf(user);
    return waitUntil([&] { return signedIn() && signedInUpn().compare(upn, Qt::CaseInsensitive) == 0; }, 20s)
        && waitForListLoaded();
}

bool AccountsFixture::switchTo(const QString &upn)
{
    return clickInSwitcher([&] { return entryFor(upn); })
        && waitUntil([&] { return signedIn() && signedInUpn().compare(upn, Qt::CaseInsensitive) == 0; }, 20s)
        && waitForListLoaded();
}

} // namespace keyturn::test
