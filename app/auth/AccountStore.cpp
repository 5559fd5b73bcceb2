#include "auth/AccountStore.h"

#include <QScopeGuard>
#include <QSettings>

#include <memory>

namespace keyturn {

namespace {

const QString kGroup = QStringLiteral("account");
constexpr char kDeviceCode[] = "deviceCode";

template <typename Fn> auto withSettings(QSettings *given, Fn &&fn)
{
    std::unique_ptr<QSettings> own;
    if (!given) {
        own = std::make_unique<QSettings>();
        given = own.get();
    }
    given->beginGroup(kGroup);
    auto restore = qScopeGuard([given] { given->endGroup(); });
    return fn(*given);
}

} // namespace

AccountStore::AccountStore(QSettings *settings)
    : m_settings(settings)
{ }

std::optional<Account> AccountStore::load() const
{
    return withSettings(m_settings, [](QSettings &s) -> std::optional<Account> {
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
    });
}

void AccountStore::save(const Account &account)
{
    withSettings(m_settings, [&account](QSettings &s) {
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
        s.sync();
        return 0;
    });
}

void AccountStore::clear()
{
    withSettings(m_settings, [](QSettings &s) {
        s.remove(QString());
        s.sync();
        return 0;
    });
}

} // namespace keyturn
