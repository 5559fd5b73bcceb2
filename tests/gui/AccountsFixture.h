// AccountsFixture: a GuiFixture that drives the account switcher like a person: opens it (the
// button or Ctrl+Shift+A), clicks an entry, adds an account through "Add another account…" and the
// sign-in page, and waits for the list of the account switched to.
#pragma once

#include "GuiFixture.h"

#include <functional>

class QAction;

namespace keyturn {
class DemoBrowserLauncher;
}

namespace keyturn::ui {
class AccountMenu;
}

namespace keyturn::test {

class AccountsFixture : public GuiFixture {
protected:
    void SetUp() override;
    void TearDown() override;

    bool signedIn() const;
    QString signedInUpn() const;
    keyturn::ui::AccountMenu *menu() const;

    /// Opens the switcher (its button, or Ctrl+Shift+A) and clicks the action pick finds in it.
    /// False when the menu did not open or had no such (enabled) action.
    bool clickInSwitcher(const std::function<QAction *()> &pick, bool byKeyboard = false);
    /// The switcher's entry whose text names upn, or nullptr.
    QAction *entryFor(const QString &upn) const;
    /// Adds user ("readonly", or a UPN of another demo tenant) through "Add another account…" and the
    /// sign-in page's browser button (browser is the one this fixture's app uses); waits for its list.
    bool addAccount(keyturn::DemoBrowserLauncher &browser, const QString &user);
    /// Clicks upn's entry in the switcher and waits until it is signed in with its list loaded.
    bool switchTo(const QString &upn);
    /// The UPN of a demo user key ("readonly" -> "readonly@example.com"); a UPN stays as it is.
    static QString upnOf(const QString &user);
};

} // namespace keyturn::test
