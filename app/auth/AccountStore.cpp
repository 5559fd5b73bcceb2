#include "auth/AccountStore.h"

#include <QSettings>

#include <algorithm>

#include <memory>

namespace keyturn {

namespace {

const QString kLegacyGroup = QStringLiteral("account"); // one remembered account (older Keyturn)
const QString kGroup = QStringLiteral("accounts");
const QString kList = QStringLiteral("list");
const QString kCurrent = QStringLiteral("current");
const QString kNeedsSignIn = QStringLiteral("needsSignIn");
constexpr char kDeviceCode[] = "deviceCode";

std::optional<Account> readAccount(const QSettings &s)
{
    Account a;
    a.upn = s.value(QStringLiteral("upn")).toString();
    a.displayName = s.value(QStringLiteral("displayName")).toString();
    a.tenantId = s.value(QStringLiteral("tenantId")).toString();
    a.objectId = s.value(QStringLiteral("objectId")).toString();
    a.clientId = s.value(QStringLiteral("clientId")).toString();
    a.authorityHost = s.value(QStringLiteral("authorityHost")).toString();
    a.graphRoot = s.value(QStringLiteral("graphRoot")).toString();
    a.signInWay = s.value(QStringLiteral("signInWay")).toString() == QLatin1String(kDeviceCode)
        ? Account::SignInWay::DeviceCode
        : Account::SignInWay::Browser;
    const auto cloud = cloudFromId(s.value(QStringLiteral("cloud")).toString());
    if (!cloud || !a.isValid())
        return std::nullopt;
    a.cloud = *cloud;
    return a;
}

void writeAccount(QSettings &s, const Account &account)
{
    s.setValue(QStringLiteral("upn"), account.upn);
    s.setValue(QStringLiteral("displayName"), account.displayName);
    s.setValue(QStringLiteral("tenantId"), account.tenantId);
    s.setValue(QStringLiteral("objectId"), account.objectId);
    s.setValue(QStringLiteral("cloud"), cloudId(account.cloud));
    s.setValue(QStringLiteral("clientId"), account.clientId);
    s.setValue(QStringLiteral("authorityHost"), account.authorityHost);
    s.setValue(QStringLiteral("graphRoot"), account.graphRoot);
    s.setValue(QStringLiteral("signInWay"),
        QLatin1String(account.signInWay == Account::SignInWay::DeviceCode ? kDeviceCode : "browser"));
}

/// The settings given, or the application's default ones for the lifetime of this object.
class SettingsAccess {
public:
    explicit SettingsAccess(QSettings *given)
    {
        if (!given) {
            m_own = std::make_unique<QSettings>();
            given = m_own.get();
        }
        m_settings = given;
        migrateLegacyAccount();
    }
    QSettings &operator*() const { return *m_settings; }

    QList<Account> accounts() const
    {
        QList<Account> list;
        const int size = m_settings->beginReadArray(kGroup + QLatin1Char('/') + kList);
        for (int i = 0; i < size; ++i) {
            m_settings->setArrayIndex(i);
            if (const auto account = readAccount(*m_settings))
                list.append(*account);
        }
        m_settings->endArray();
        return list;
    }

    void writeAccounts(const QList<Account> &list) const
    {
        m_settings->remove(kGroup + QLatin1Char('/') + kList);
        m_settings->beginWriteArray(kGroup + QLatin1Char('/') + kList, static_cast<int>(list.size()));
        for (int i = 0; i < list.size(); ++i) {
            m_settings->setArrayIndex(i);
            writeAccount(*m_settings, list.at(i));
        }
        m_settings->endArray();
    }

    QString value(const QString &key) const
    {
        return m_settings->value(kGroup + QLatin1Char('/') + key).toString();
    }
    QStringList list(const QString &key) const
    {
        return m_settings->value(kGroup + QLatin1Char('/') + key).toStringList();
    }
    void setValue(const QString &key, const QVariant &value) const
    {
        m_settings->setValue(kGroup + QLatin1Char('/') + key, value);
    }

private:
    /// Moves the one account remembered by an older Keyturn into the list, once.
    void migrateLegacyAccount()
    {
        if (!m_settings->childGroups().contains(kLegacyGroup))
            return;
        m_settings->beginGroup(kLegacyGroup);
        const std::optional<Account> legacy = readAccount(*m_settings);
        m_settings->endGroup();
        if (legacy) {
            QList<Account> list = accounts();
            const bool known = std::any_of(list.cbegin(), list.cend(),
                [&](const Account &a) { return a.keychainKey() == legacy->keychainKey(); });
            if (!known) {
                list.append(*legacy);
                writeAccounts(list);
            }
            if (value(kCurrent).isEmpty())
                setValue(kCurrent, legacy->keychainKey());
        }
        m_settings->remove(kLegacyGroup);
        m_settings->sync();
    }

    std::unique_ptr<QSettings> m_own;
    QSettings *m_settings = nullptr;
};

} // namespace

AccountStore::AccountStore(QSettings *settings)
    : m_settings(settings)
{ }

QList<Account> AccountStore::all() const
{
    return SettingsAccess(m_settings).accounts();
}

std::optional<Account> AccountStore::load() const
{
    const SettingsAccess access(m_settings);
    const QList<Account> list = access.accounts();
    if (list.isEmpty())
        return std::nullopt;
    const QString current = access.value(kCurrent);
    for (const Account &account : list) {
        if (account.keychainKey() == current)
            return account;
    }
    return list.first();
}

std::optional<Account> AccountStore::find(const QString &upnOrKey) const
{
    const QList<Account> list = all();
    for (const Account &account : list) {
        if (account.keychainKey() == upnOrKey)
            return account;
    }
    for (const Account &account : list) {
        if (account.upn.compare(upnOrKey, Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

void AccountStore::save(const Account &account)
{
    const SettingsAccess access(m_settings);
    QList<Account> list = access.accounts();
    const QString key = account.keychainKey();
    const auto it
        = std::find_if(list.begin(), list.end(), [&](const Account &a) { return a.keychainKey() == key; });
    if (it == list.end())
        list.append(account);
    else
        *it = account;
    access.writeAccounts(list);
    access.setValue(kCurrent, key);
    QStringList needing = access.list(kNeedsSignIn);
    if (needing.removeAll(key) > 0)
        access.setValue(kNeedsSignIn, needing);
    (*access).sync();
}

void AccountStore::setCurrent(const QString &keychainKey)
{
    const SettingsAccess access(m_settings);
    const QList<Account> list = access.accounts();
    if (std::none_of(
            list.cbegin(), list.cend(), [&](const Account &a) { return a.keychainKey() == keychainKey; }))
        return;
    access.setValue(kCurrent, keychainKey);
    (*access).sync();
}

void AccountStore::remove(const QString &keychainKey)
{
    const SettingsAccess access(m_settings);
    QList<Account> list = access.accounts();
    list.removeIf([&](const Account &a) { return a.keychainKey() == keychainKey; });
    access.writeAccounts(list);
    if (access.value(kCurrent) == keychainKey)
        access.setValue(kCurrent, list.isEmpty() ? QString() : list.first().keychainKey());
    QStringList needing = access.list(kNeedsSignIn);
    if (needing.removeAll(keychainKey) > 0)
        access.setValue(kNeedsSignIn, needing);
    (*access).sync();
}

void AccountStore::clear()
{
    const SettingsAccess access(m_settings);
    (*access).remove(kGroup);
    (*access).sync();
}

void AccountStore::setNeedsSignIn(const QString &keychainKey, bool needs)
{
    const SettingsAccess access(m_settings);
    QStringList needing = access.list(kNeedsSignIn);
    if (needs == needing.contains(keychainKey))
        return;
    if (needs)
        needing.append(keychainKey);
    else
        needing.removeAll(keychainKey);
    access.setValue(kNeedsSignIn, needing);
    (*access).sync();
}

bool AccountStore::needsSignIn(const QString &keychainKey) const
{
    return SettingsAccess(m_settings).list(kNeedsSignIn).contains(keychainKey);
}

} // namespace keyturn
