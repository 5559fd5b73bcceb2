// AccountMenu: the account button's menu, which is the account switcher. It lists every remembered
// account (name, UPN, tenant name and domain, cloud, its tenant's colour tag; the signed-in one
// checked, one that must sign in again says so) and offers Add another account…, the tenant's name
// and colour tag, Sign out of this account and Sign out of all accounts. It is rebuilt each time it
// opens. It only asks (signals); MainWindow acts.
#pragma once

#include <QMenu>
#include <QPointer>

class QActionGroup;

namespace keyturn {
class SignInController;
class TenantLabels;
struct Account;
} // namespace keyturn

namespace keyturn::ui {

class AccountMenu final : public QMenu {
    Q_OBJECT
public:
    /// signIn is borrowed; signOutAction (Sign out of this account) is borrowed and shown in the menu.
    AccountMenu(keyturn::SignInController *signIn, QAction *signOutAction, QWidget *parent = nullptr);

    /// Fills the menu from the remembered accounts (done before each opening).
    void rebuild();
    /// One action per remembered account, in their order; its data() is the keychain key.
    QList<QAction *> accountActions() const { return m_accountActions; }
    QAction *addAccountAction() const { return m_addAccountAction; }
    QAction *renameTenantAction() const { return m_renameTenantAction; }
    QMenu *colourTagMenu() const { return m_colourTagMenu.data(); }
    QAction *signOutOfAllAction() const { return m_signOutOfAllAction; }

    /// "Adele Vance · adele@contoso.com — Contoso (contoso.onmicrosoft.com) · Global", then
    /// " · signed in" for the signed-in one, " · sign in again" for one whose sign-in must be renewed.
    static QString entryText(
        const keyturn::Account &account, const keyturn::TenantLabels &labels, bool needsSignIn, bool current);
    /// A round swatch of colour (empty: no icon), for the menu and the tenant badge.
    static QIcon swatch(const QString &colour);

Q_SIGNALS:
    void switchRequested(const QString &keychainKey);
    void addAccountRequested();
    void renameTenantRequested();
    /// Empty colour: no tag.
    void colourTagChosen(const QString &colour);
    void signOutOfAllRequested();

private:
    keyturn::SignInController *m_signIn;
    QAction *m_signOutAction;
    QList<QAction *> m_accountActions;
    QAction *m_addAccountAction = nullptr;
    QAction *m_renameTenantAction = nullptr;
    QPointer<QMenu> m_colourTagMenu;
    QPointer<QActionGroup> m_accountGroup;
    QAction *m_signOutOfAllAction = nullptr;
};

} // namespace keyturn::ui
