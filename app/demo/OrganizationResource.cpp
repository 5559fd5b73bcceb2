#include "demo/OrganizationResource.h"

#include "demo/DemoDirectory.h"
#include "demo/DemoEncoding.h"
#include "demo/DemoRequest.h"

namespace keyturn::demo {

namespace {

/// The organization properties served, in Graph's model order; only the first three carry values
/// for a User.Read token, the others read null.
const QStringList &propertyNames()
{
    static const QStringList names{ QStringLiteral("id"), QStringLiteral("displayName"),
        QStringLiteral("verifiedDomains"), QStringLiteral("deletedDateTime"),
        QStringLiteral("businessPhones"), QStringLiteral("city"), QStringLiteral("country"),
        QStringLiteral("countryLetterCode"), QStringLiteral("createdDateTime"), QStringLiteral("postalCode"),
        QStringLiteral("preferredLanguage"), QStringLiteral("state"), QStringLiteral("street"),
        QStringLiteral("tenantType") };
    return names;
}

bool mayReadOrganization(const QString &scopes)
{
    for (const char *scope : { "User.Read", "Organization.Read.All", "Directory.Read.All",
             "Organization.ReadWrite.All", "Directory.ReadWrite.All" }) {
        if (scopeListHas(scopes, scope))
            return true;
    }
    return false;
}

void appendDomains(QByteArray &out, const DemoDirectory &tenant)
{
    out.append('[');
    bool first = true;
    for (const VerifiedDomain &domain : tenant.domains()) {
        if (!first)
            out.append(',');
        first = false;
        out.append(R"({"capabilities":"Email, OfficeCommunicationsOnline","isDefault":)")
            .append(domain.isDefault ? "true" : "false")
            .append(",\"isInitial\":")
            .append(domain.isInitial ? "true" : "false")
            .append(",\"name\":");
        appendJsonString(out, domain.name);
        out.append(R"(,"type":"Managed"})");
    }
    out.append(']');
}

void appendProperty(QByteArray &out, const QString &name, const DemoDirectory &tenant)
{
    out.append('"').append(name.toLatin1()).append("\":");
    if (name == u"id")
        appendJsonString(out, tenant.tenantId());
    else if (name == u"displayName")
        appendJsonString(out, tenant.displayName());
    else if (name == u"verifiedDomains")
        appendDomains(out, tenant);
    else if (name == u"businessPhones")
        out.append("[]");
    else
        out.append("null");
}

} // namespace

bool OrganizationResource::handles(const QString &path)
{
    for (const char *root : { "/v1.0/organization", "/beta/organization" }) {
        if (path == QLatin1String(root) || path == QLatin1String(root) + u'/')
            return true;
    }
    return false;
}

HttpResponse OrganizationResource::handle(const DemoRequest &request, const DemoDirectory &tenant,
    const QString &grantedScopes, const GraphCall &call, const QString &root)
{
    if (request.method != "GET")
        return graphMethodNotAllowed(request.method, call);
    if (!mayReadOrganization(grantedScopes))
        return graphInsufficientPrivileges(call);

    QStringList selected;
    const QString select = request.queryValue(QStringLiteral("$select"));
    for (const QString &raw : select.split(u',', Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed();
        qsizetype found = -1;
        for (qsizetype i = 0; i < propertyNames().size() && found < 0; ++i) {
            if (propertyNames()[i].compare(name, Qt::CaseInsensitive) == 0)
                found = i;
        }
        if (found < 0)
            return graphError(400, QStringLiteral("Request_BadRequest"),
                QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.organization'.")
                    .arg(name),
                call);
        if (!selected.contains(propertyNames()[found]))
            selected.append(propertyNames()[found]);
    }

    QString context = root + QStringLiteral("/$metadata#organization");
    if (!selected.isEmpty())
        context += u'(' + selected.join(u',') + u')';
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, context);
    body.append(",\"value\":[{");
    const QStringList &properties = selected.isEmpty() ? propertyNames() : selected;
    for (qsizetype i = 0; i < properties.size(); ++i) {
        if (i)
            body.append(',');
        appendProperty(body, properties[i], tenant);
    }
    body.append("}]}");
    return graphJson(200, std::move(body), call);
}

} // namespace keyturn::demo
