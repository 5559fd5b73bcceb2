// The tenant's name and default domain from GET /v1.0/organization, as Graph answers it.
#include "graph/OrganizationReader.h"

#include <gtest/gtest.h>

using keyturn::OrganizationReader;

TEST(OrganizationReader, ReadsTheNameAndTheDefaultDomain)
{
    const auto names = OrganizationReader::parse(
        R"json({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#organization(id,displayName,verifiedDomains)",
        "value":[{"id":"84c31ca0-ac3b-4eae-ad11-519d80233e6f","displayName":"Contoso",
        "verifiedDomains":[{"capabilities":"Email, OfficeCommunicationsOnline","isDefault":false,"isInitial":true,"name":"contoso.onmicrosoft.com","type":"Managed"},
                           {"capabilities":"Email","isDefault":true,"isInitial":false,"name":"contoso.com","type":"Managed"}]}]})json");
    ASSERT_TRUE(names.has_value());
    EXPECT_EQ(names->tenantId, QStringLiteral("84c31ca0-ac3b-4eae-ad11-519d80233e6f"));
    EXPECT_EQ(names->displayName, QStringLiteral("Contoso"));
    EXPECT_EQ(names->defaultDomain, QStringLiteral("contoso.com"));
}

TEST(OrganizationReader, FallsBackToTheInitialThenTheFirstDomain)
{
    auto names = OrganizationReader::parse(R"json({"value":[{"displayName":"Fabrikam","verifiedDomains":[
        {"name":"fabrikam.com","isDefault":false,"isInitial":false},
        {"name":"fabrikam.onmicrosoft.com","isDefault":false,"isInitial":true}]}]})json");
    ASSERT_TRUE(names.has_value());
    EXPECT_EQ(names->defaultDomain, QStringLiteral("fabrikam.onmicrosoft.com"));
    names = OrganizationReader::parse(
        R"json({"value":[{"displayName":"Fabrikam","verifiedDomains":[{"name":"fabrikam.com"}]}]})json");
    ASSERT_TRUE(names.has_value());
    EXPECT_EQ(names->defaultDomain, QStringLiteral("fabrikam.com"));
}

TEST(OrganizationReader, RefusesAnswersWithoutAName)
{
    EXPECT_FALSE(OrganizationReader::parse(R"json({"value":[]})json").has_value());
    EXPECT_FALSE(OrganizationReader::parse(R"json({"value":[{"displayName":"  "}]})json").has_value());
    EXPECT_FALSE(OrganizationReader::parse("<html>portal</html>").has_value());
    EXPECT_FALSE(OrganizationReader::parse(R"json({"value":{"displayName":"x"}})json").has_value());
}
