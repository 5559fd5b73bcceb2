// Several remembered accounts in the settings: order, the last used one, sign-in-again marks,
// removal, and the one-time move of the single account an older Keyturn remembered. Tenant names
// and colour tags beside them.
#include "auth/AccountStore.h"
#include "auth/TenantLabels.h"

#include <gtest/gtest.h>

#include <QSettings>
#include <QTemporaryDir>

using namespace keyturn;

namespace {

Account makeAccount(const QString &upn, const QString &tenantId, const QString &objectId)
{
    Account a;
    a.upn = upn;
    a.displayName = upn.section(QLatin1Char('@'), 0, 0);
    a.tenantId = tenantId;
    a.objectId = objectId;
    a.clientId = QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
    a.authorityHost = QStringLiteral("login.microsoftonline.com");
    a.graphRoot = QStringLiteral("https://graph.microsoft.com");
    return a;
}

const Account kAdele
    = makeAccount(QStringLiteral("adele@contoso.com"), QStringLiteral("t-contoso"), QStringLiteral("o-1"));
const Account kAdmin
    = makeAccount(QStringLiteral("admin@contoso.com"), QStringLiteral("t-contoso"), QStringLiteral("o-2"));
const Account kFabrikam = makeAccount(
    QStringLiteral("Help@Fabrikam.onmicrosoft.com"), QStringLiteral("t-fabrikam"), QStringLiteral("o-3"));

class AccountStoreTest : public ::testing::Test {
protected:
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
};

} // namespace

TEST_F(AccountStoreTest, RemembersSeveralAccountsAndTheLastUsed)
{
    AccountStore store(&settings);
    EXPECT_FALSE(store.load().has_value());
    store.save(kAdele);
    store.save(kFabrikam);
    ASSERT_EQ(store.all().size(), 2);
    EXPECT_EQ(store.all().at(0), kAdele);
    EXPECT_EQ(store.all().at(1), kFabrikam);
    EXPECT_EQ(store.load(), kFabrikam);

    store.setCurrent(kAdele.keychainKey());
    EXPECT_EQ(store.load(), kAdele);
    // A new store over the same file sees the same (a restart).
    EXPECT_EQ(AccountStore(&settings).load(), kAdele);

    // Saving again updates in place, keeps the order, makes it the last used.
    Account renamed = kFabrikam;
    renamed.displayName = QStringLiteral("Help desk");
    store.save(renamed);
    ASSERT_EQ(store.all().size(), 2);
    EXPECT_EQ(store.all().at(1).displayName, QStringLiteral("Help desk"));
    EXPECT_EQ(store.load(), renamed);
    // Not remembered: nothing changes.
    store.setCurrent(kAdmin.keychainKey());
    EXPECT_EQ(store.load(), renamed);
}

TEST_F(AccountStoreTest, FindsByUpnOrKey)
{
    AccountStore store(&settings);
    store.save(kAdele);
    store.save(kFabrikam);
    EXPECT_EQ(store.find(QStringLiteral("help@fabrikam.onmicrosoft.com")), kFabrikam);
    EXPECT_EQ(store.find(kAdele.keychainKey()), kAdele);
    EXPECT_FALSE(store.find(QStringLiteral("nobody@contoso.com")).has_value());
}

TEST_F(AccountStoreTest, RemovingOneKeepsTheOthers)
{
    AccountStore store(&settings);
    store.save(kAdele);
    store.save(kAdmin);
    store.save(kFabrikam);
    store.setNeedsSignIn(kFabrikam.keychainKey(), true);
    store.remove(kFabrikam.keychainKey());
    ASSERT_EQ(store.all().size(), 2);
    // The last used one went: the first remaining one is now.
    EXPECT_EQ(store.load(), kAdele);
    EXPECT_FALSE(store.needsSignIn(kFabrikam.keychainKey()));
    store.clear();
    EXPECT_TRUE(store.all().isEmpty());
    EXPECT_FALSE(store.load().has_value());
}

TEST_F(AccountStoreTest, MarksAccountsThatMustSignInAgainUntilTheyDo)
{
    AccountStore store(&settings);
    store.save(kAdele);
    store.save(kAdmin);
    store.setNeedsSignIn(kAdele.keychainKey(), true);
    EXPECT_TRUE(store.needsSignIn(kAdele.keychainKey()));
    EXPECT_FALSE(store.needsSignIn(kAdmin.keychainKey()));
    store.save(kAdele); // signed in again
    EXPECT_FALSE(store.needsSignIn(kAdele.keychainKey()));
}

TEST_F(AccountStoreTest, MovesTheSingleAccountOfAnOlderKeyturnOnce)
{
    // Exactly what the one-account Keyturn wrote.
    settings.beginGroup(QStringLiteral("account"));
    settings.setValue(QStringLiteral("upn"), kAdele.upn);
    settings.setValue(QStringLiteral("displayName"), kAdele.displayName);
    settings.setValue(QStringLiteral("tenantId"), kAdele.tenantId);
    settings.setValue(QStringLiteral("objectId"), kAdele.objectId);
    settings.setValue(QStringLiteral("cloud"), QStringLiteral("global"));
    settings.setValue(QStringLiteral("clientId"), kAdele.clientId);
    settings.setValue(QStringLiteral("authorityHost"), kAdele.authorityHost);
    settings.setValue(QStringLiteral("graphRoot"), kAdele.graphRoot);
    settings.setValue(QStringLiteral("signInWay"), QStringLiteral("deviceCode"));
    settings.endGroup();
    settings.sync();

    Account expected = kAdele;
    expected.signInWay = Account::SignInWay::DeviceCode;
    AccountStore store(&settings);
    EXPECT_EQ(store.load(), expected);
    EXPECT_FALSE(settings.childGroups().contains(QStringLiteral("account")));
    // Read from the file anew: moved for good, and only once.
    QSettings reread(settings.fileName(), QSettings::IniFormat);
    ASSERT_EQ(AccountStore(&reread).all().size(), 1);
    AccountStore(&reread).save(kFabrikam);
    EXPECT_EQ(AccountStore(&reread).all().size(), 2);
}

TEST_F(AccountStoreTest, ADamagedOlderAccountIsDroppedNotMoved)
{
    settings.setValue(QStringLiteral("account/upn"), QStringLiteral("x@contoso.com"));
    settings.setValue(QStringLiteral("account/cloud"), QStringLiteral("mars"));
    AccountStore store(&settings);
    EXPECT_TRUE(store.all().isEmpty());
    EXPECT_FALSE(settings.childGroups().contains(QStringLiteral("account")));
}

TEST_F(AccountStoreTest, TenantsAreNamedByTheUserThenGraphThenTheDomain)
{
    TenantLabels labels(&settings);
    EXPECT_EQ(labels.name(kFabrikam), QStringLiteral("fabrikam.onmicrosoft.com"));
    EXPECT_EQ(labels.displayText(kFabrikam), QStringLiteral("fabrikam.onmicrosoft.com"));
    labels.setGraphNames(kFabrikam.tenantId, QStringLiteral(" Fabrikam "), QStringLiteral("Fabrikam.com"));
    EXPECT_EQ(labels.displayText(kFabrikam), QStringLiteral("Fabrikam (fabrikam.com)"));
    labels.setLocalName(kFabrikam.tenantId, QStringLiteral("  Fabrikam  test  "));
    EXPECT_EQ(labels.displayText(kFabrikam), QStringLiteral("Fabrikam test (fabrikam.com)"));
    labels.setLocalName(kFabrikam.tenantId, QString());
    EXPECT_EQ(labels.name(kFabrikam), QStringLiteral("Fabrikam"));
    // Another tenant is untouched; a UPN without a domain falls back to the tenant id.
    EXPECT_EQ(labels.displayText(kAdele), QStringLiteral("contoso.com"));
    Account bare = kAdmin;
    bare.upn.clear();
    EXPECT_EQ(labels.displayText(bare), QStringLiteral("t-contoso"));
}

TEST_F(AccountStoreTest, ColourTagsAreRgbOrNothing)
{
    TenantLabels labels(&settings);
    labels.setColour(kAdele.tenantId, QStringLiteral("#2E7D32"));
    EXPECT_EQ(labels.colour(kAdele), QStringLiteral("#2e7d32"));
    EXPECT_EQ(labels.colour(kAdmin), QStringLiteral("#2e7d32")); // same tenant
    EXPECT_EQ(TenantLabels::tagName(QStringLiteral("#2e7d32")), QStringLiteral("Green"));
    labels.setColour(kAdele.tenantId, QStringLiteral("red; background: url(x)"));
    EXPECT_TRUE(labels.colour(kAdele).isEmpty());
    EXPECT_TRUE(labels.colour(kFabrikam).isEmpty());
}
