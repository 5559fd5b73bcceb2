#include "AccountMenu.h"

#include "auth/Account.h"
#include "auth/SignInController.h"
#include "auth/TenantLabels.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace keyturn::ui {

AccountMenu::AccountMenu(SignInController *signIn, QAction *signOutAction, QWidget *parent)
    : QMenu(parent)
    , m_signIn(signIn)
    , m_signOutAction(signOutAction)
{
    setObjectName(QStringLiteral("accountMenu"));
    setAccessibleName(tr("Accounts"));
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &AccountMenu::rebuild);
    rebuild();
}

QIcon AccountMenu::swatch(const QString &colour)
{
    if (colour.isEmpty())
        return {};
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(colour));
    painter.drawEllipse(QRectF(2, 2, 12, 12));
    return QIcon(pixmap);
}

QString AccountMenu::entryText(
    const Account &account, const TenantLabels &labels, bool needsSignIn, bool current)
{
    const QString who = account.displayName.isEmpty() || account.displayName == account.upn
        ? account.upn
        //: %1 a person's name, %2 their user principal name
        : tr("%1 · %2").arg(account.displayName, account.upn);
    //: %1 who ("Adele Vance · adele@contoso.com"), %2 the tenant, %3 the cloud ("Global")
    QString text = tr("%1 — %2 · %3").arg(who, labels.displayText(account), cloudDisplayName(account.cloud));
    if (current)
        //: %1 an account's menu entry; it is the one signed in
        text = tr("%1 · signed in").arg(text);
    if (needsSignIn)
        //: %1 an account's menu entry; the account's sign-in has to be renewed
        text = tr("%1 · sign in again").arg(text);
    // A literal & would become a mnemonic.
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

void AccountMenu::rebuild()
{
    clear(); // deletes the actions made here last time; the borrowed sign-out action stays
    delete m_colourTagMenu;
    delete m_accountGroup;
    m_accountActions.clear();
    const TenantLabels labels;
    const std::optional<Account> signedIn = m_signIn->account();
    const std::optional<Account> lastUsed = m_signIn->lastUsedAccount();
    const QString currentKey
        = signedIn ? signedIn->keychainKey() : (lastUsed ? lastUsed->keychainKey() : QString());
    if (signedIn) {
        QAction *info
            = addAction(tr("Signed in as %1 in %2").arg(signedIn->upn, labels.displayText(*signedIn)));
        info->setObjectName(QStringLiteral("accountInfoAction"));
        info->setEnabled(false);
        addSeparator();
    }

    m_accountGroup = new QActionGroup(this);
    m_accountGroup->setExclusive(true);
    for (const Account &account : m_signIn->rememberedAccounts()) {
        const bool needsSignIn = m_signIn->needsSignIn(account);
        const bool current = signedIn && account.keychainKey() == currentKey;
        QAction *entry
            = addAction(swatch(labels.colour(account)), entryText(account, labels, needsSignIn, current));
        entry->setObjectName(QStringLiteral("accountEntry"));
        entry->setData(account.keychainKey());
        entry->setCheckable(true);
        entry->setChecked(current);
        entry->setToolTip(
            needsSignIn ? tr("Sign in again as %1").arg(account.upn) : tr("Switch to %1").arg(account.upn));
        m_accountGroup->addAction(entry);
        const QString key = account.keychainKey();
        connect(entry, &QAction::triggered, this, [this, key] { Q_EMIT switchRequested(key); });
        m_accountActions.append(entry);
    }
    addSeparator();

    m_addAccountAction = addAction(tr("&Add another account…"));
    m_addAccountAction->setObjectName(QStringLiteral("addAccountAction"));
    connect(m_addAccountAction, &QAction::triggered, this, &AccountMenu::addAccountRequested);

    m_renameTenantAction = addAction(tr("&Rename this tenant…"));
    m_renameTenantAction->setObjectName(QStringLiteral("renameTenantAction"));
    m_renameTenantAction->setEnabled(signedIn.has_value());
    connect(m_renameTenantAction, &QAction::triggered, this, &AccountMenu::renameTenantRequested);

    m_colourTagMenu = new QMenu(tr("&Colour tag"), this);
    addMenu(m_colourTagMenu);
    m_colourTagMenu->setObjectName(QStringLiteral("colourTagMenu"));
    m_colourTagMenu->setEnabled(signedIn.has_value());
    const QString currentColour = signedIn ? labels.colour(*signedIn) : QString();
    auto *colours = new QActionGroup(m_colourTagMenu);
    colours->setExclusive(true);
    auto addColour = [&](const QString &name, const QString &colour) {
        QAction *choice = m_colourTagMenu->addAction(swatch(colour), name);
        choice->setCheckable(true);
        choice->setChecked(colour.compare(currentColour, Qt::CaseInsensitive) == 0);
        choice->setData(colour);
        colours->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, colour] { Q_EMIT colourTagChosen(colour); });
    };
    addColour(tr("None"), QString());
    for (const TenantLabels::Tag &tag : TenantLabels::tags())
        addColour(QCoreApplication::translate("keyturn::TenantLabels", tag.name), QLatin1String(tag.colour));
    addSeparator();

    addAction(m_signOutAction);
    m_signOutOfAllAction = addAction(tr("Sign out of a&ll accounts…"));
    m_signOutOfAllAction->setObjectName(QStringLiteral("signOutOfAllAction"));
    m_signOutOfAllAction->setEnabled(!m_accountActions.isEmpty());
    connect(m_signOutOfAllAction, &QAction::triggered, this, &AccountMenu::signOutOfAllRequested);
}

} // namespace keyturn::ui
