#include "demo/GraphService.h"

#include "demo/DemoEncoding.h"
#include "demo/DeviceSecrets.h"
#include "demo/DeviceSerializer.h"
#include "demo/ODataFilter.h"
#include "demo/OrganizationResource.h"
#include "demo/SkipToken.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>
#include <vector>

namespace keyturn::demo {

namespace {

/// Marks the `count` live devices enrolled last: the ones a lagging overview does not count yet.
std::vector<bool> newestEnrolled(const DeviceStore &store, int count)
{
    std::vector<bool> marked(static_cast<std::size_t>(store.size()), false);
    if (count <= 0)
        return marked;
    std::vector<std::pair<qint64, qsizetype>> live;
    live.reserve(marked.size());
    for (qsizetype i = 0; i < store.size(); ++i) {
        if (!store.isDeleted(i))
            live.emplace_back(store.device(i).enrolledMs, i);
    }
    const auto newest = live.begin() + std::min<std::ptrdiff_t>(count, std::ssize(live));
    std::partial_sort(live.begin(), newest, live.end(), std::greater<>());
    for (auto it = live.begin(); it != newest; ++it)
        marked[static_cast<std::size_t>(it->second)] = true;
    return marked;
}

constexpr int kMaxPageSize = 1000;
const QString kDevicesPrefix = QStringLiteral("/beta/deviceManagement/managedDevices");
const QString kCoManagedPrefix = QStringLiteral("/beta/deviceManagement/comanagedDevices");
const QString kOverviewPath = QStringLiteral("/beta/deviceManagement/managedDeviceOverview");
const QString kDeviceManagementPrefix = QStringLiteral("/beta/deviceManagement");
/// Microsoft Intune's application id, the first part of Intune's realm.
const QString kIntuneAppId = QStringLiteral("0000000a-0000-0000-c000-000000000000");

QString stripNamespace(const QString &segment)
{
    return segment.startsWith(QLatin1String("microsoft.graph.")) ? segment.mid(16) : segment;
}

bool appliesTo(const QString &action, const DeviceRecord &d)
{
    const bool apple = d.platform == Platform::IOS || d.platform == Platform::IPadOS;
    if (action == u"rotateFileVaultKey")
        return d.platform == Platform::MacOS && d.company;
    if (action == u"syncDevice")
        return true;
    if (action == u"rebootNow")
        return d.platform == Platform::Windows || d.platform == Platform::MacOS || (apple && d.supervised)
            || (d.platform == Platform::Android && d.company);
    if (action == u"shutDown")
        return d.platform == Platform::MacOS || (apple && d.supervised);
    if (action == u"rotateBitLockerKeys" || action == u"rotateLocalAdminPassword")
        return d.platform == Platform::Windows;
    return false;
}

QString insufficientScope(const QStringList &scopes)
{
    return QStringLiteral(
               "Application is not authorized to perform this operation. Application must have one of the "
               "following scopes: ")
        + scopes.join(QStringLiteral(", "));
}

/// Where Intune's front end would have served a Graph path: collection('<id>') and
/// microsoft.management.services.api.<action> segments.
QString fefPath(const QString &graphPath)
{
    QStringList out;
    for (const QString &segment : graphPath.mid(6).split(u'/', Qt::SkipEmptyParts)) {
        if (looksLikeGuid(segment) && !out.isEmpty())
            out.last() += QStringLiteral("('%1')").arg(segment);
        else if (out.size() >= 2 && out.last().endsWith(u')'))
            out.append(QStringLiteral("microsoft.management.services.api.")
                + stripNamespace(segment).remove(QStringLiteral("()")));
        else
            out.append(segment);
    }
    return out.join(u'/');
}

} // namespace

GraphService::GraphService(const DemoOptions &options, const DemoDirectory &directory,
    const TokenMinter &minter, DeviceStore &store, QUrl baseUrl, SecretLedger *ledger)
    : m_options(options)
    , m_directory(directory)
    , m_minter(minter)
    , m_store(store)
    , m_baseUrl(std::move(baseUrl))
    , m_ledger(ledger)
    , m_directorySecrets(store, minter, ledger)
{ }

const QStringList &GraphService::actionNames()
{
    static const QStringList names{ QStringLiteral("rotateFileVaultKey"), QStringLiteral("syncDevice"),
        QStringLiteral("rebootNow"), QStringLiteral("shutDown"), QStringLiteral("rotateBitLockerKeys"),
        QStringLiteral("rotateLocalAdminPassword") };
    return names;
}

QString GraphService::rootUrl(const DemoRequest &request) const
{
    return request.publicBaseUrl(m_baseUrl).toString(QUrl::StripTrailingSlash) + QStringLiteral("/beta");
}

HttpResponse GraphService::handle(
    const DemoRequest &request, const GraphCall &call, const DemoUser &user, const QString &granted)
{
    // The organization: any user of the tenant, with a scope that reads it.
    if (OrganizationResource::handles(request.path))
        return OrganizationResource::handle(request, m_directory, granted, call,
            request.publicBaseUrl(m_baseUrl).toString(QUrl::StripTrailingSlash)
                + request.path.section(u'/', 0, 1));

    // Intune itself: a user without an Intune role is refused on every deviceManagement call.
    if (!user.intuneRole
        && (request.path == kDeviceManagementPrefix
            || request.path.startsWith(kDeviceManagementPrefix + u'/')))
        return intuneNoRole(call, fefPath(request.path),
            QStringLiteral("urn:intune:service,%1,%2").arg(kIntuneAppId, m_directory.tenantId()));

    // Entra's device secrets (v1.0): scopes and Entra roles, no Intune role involved.
    if (DirectorySecretsService::handles(request.path))
        return m_directorySecrets.handle(request, user, granted, call,
            request.publicBaseUrl(m_baseUrl).toString(QUrl::StripTrailingSlash) + QStringLiteral("/v1.0"));

    // Routing.
    QString rest;
    if (request.path.startsWith(kDevicesPrefix))
        rest = request.path.mid(kDevicesPrefix.size());
    else if (request.path.startsWith(kCoManagedPrefix))
        rest = request.path.mid(kCoManagedPrefix.size());
    else
        rest = QStringLiteral("\x01");
    const bool comanaged = request.path.startsWith(kCoManagedPrefix);
    if (rest.endsWith(u'/'))
        rest.chop(1);
    const QStringList segments = rest.split(u'/', Qt::SkipEmptyParts);
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";

    // Graph authorizes by the token's scopes, not by who the user is.
    const bool canRead = scopeListHas(granted, kScopeRead) || scopeListHas(granted, kScopePrivileged)
        || scopeListHas(granted, "DeviceManagementManagedDevices.ReadWrite.All");
    const QStringList readScopes{ QLatin1String(kScopeRead),
        QStringLiteral("DeviceManagementManagedDevices.ReadWrite.All") };

    if (request.path == kOverviewPath && isGet) {
        if (!canRead)
            return graphError(403, QStringLiteral("Forbidden"), insufficientScope(readScopes), call);
        return overview(request, call);
    }
    if (rest.isEmpty() && !comanaged && isGet) {
        if (!canRead)
            return graphError(403, QStringLiteral("Forbidden"), insufficientScope(readScopes), call);
        return list(request, call);
    }
    if (segments.size() == 1 && rest.startsWith(u'/') && isGet && !comanaged) {
        if (!canRead)
            return graphError(403, QStringLiteral("Forbidden"), insufficientScope(readScopes), call);
        return get(request, segments[0], call);
    }
    if (segments.size() == 2 && rest.startsWith(u'/')) {
        const QString operation = stripNamespace(segments[1]);
        // Graph accepts a function call with and without its empty parentheses.
        if ((operation == u"getFileVaultKey()" || operation == u"getFileVaultKey") && isGet)
            return fileVaultKey(request, segments[0], granted, call);
        if (actionNames().contains(operation) && isPost && (!comanaged || operation == u"rotateFileVaultKey"))
            return action(segments[0], operation, granted, call);
    }
    const QString last = request.path.section(u'/', -1);
    return graphError(400, QStringLiteral("BadRequest"),
        QStringLiteral("Resource not found for the segment '%1'.").arg(last.isEmpty() ? request.path : last),
        call);
}

HttpResponse GraphService::list(const DemoRequest &request, const GraphCall &call)
{
    int top = kMaxPageSize;
    const QString topText = request.queryValue(QStringLiteral("$top"));
    if (request.hasQuery(QStringLiteral("$top"))) {
        bool ok = false;
        top = topText.toInt(&ok);
        if (!ok || top < 0)
            return graphError(400, QStringLiteral("BadRequest"),
                QStringLiteral("Invalid value '%1' for $top query option found. The $top query option "
                               "requires a non-negative integer value.")
                    .arg(topText),
                call);
        top = std::min(top, kMaxPageSize);
    }

    const QString select = request.queryValue(QStringLiteral("$select"));
    QList<int> properties;
    QString unknown;
    if (!DeviceSerializer::resolveSelect(select, &properties, &unknown))
        return graphError(400, QStringLiteral("BadRequest"),
            QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.managedDevice'.")
                .arg(unknown),
            call);

    const QString filterText = request.queryValue(QStringLiteral("$filter"));
    QString filterError;
    auto filter = ODataFilter::parse(filterText, &filterError, { !m_options.ignoreDateFilters });
    if (!filter)
        return graphError(400, QStringLiteral("BadRequest"), filterError, call);

    // Keyset paging in list order: the token names the last device of the previous page.
    qsizetype position = 0;
    if (request.hasQuery(QStringLiteral("$skiptoken"))) {
        const auto after = readSkipToken(request.queryValue(QStringLiteral("$skiptoken")), m_minter);
        if (!after)
            return graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid skip token."), call);
        position = m_store.orderPositionAfter(after->lastDeviceName, after->lastDeviceId);
    }

    // An unfiltered list may end early, as real Intune lists were seen to: cut at endEarlyAfter.
    qsizetype limit = top;
    bool endsEarly = false;
    if (m_options.endEarlyAfter > 0 && filterText.trimmed().isEmpty()) {
        const qsizetype left = std::max<qsizetype>(0, m_options.endEarlyAfter - m_store.liveBefore(position));
        if (left <= limit) {
            limit = left;
            endsEarly = true;
        }
    }

    QList<qsizetype> page;
    bool more = false;
    const std::vector<qsizetype> &order = m_store.listOrder();
    // True once the page is full and one more device matched.
    const auto take = [&](qsizetype i) {
        if (m_store.isDeleted(i) || !filter->matches(m_store.device(i)))
            return false;
        if (page.size() < limit) {
            page.append(i);
            return false;
        }
        more = !endsEarly;
        return true;
    };
    if (const std::optional<QByteArray> system = filter->requiredOperatingSystem()) {
        // As a database would: only that system's devices are looked at (an index, in list order).
        const std::vector<qsizetype> &positions = m_store.orderPositionsOf(*system);
        for (auto it = std::lower_bound(positions.begin(), positions.end(), position); it != positions.end();
             ++it) {
            if (take(order[static_cast<std::size_t>(*it)]))
                break;
        }
    } else {
        for (auto p = static_cast<std::size_t>(position); p < order.size(); ++p) {
            if (take(order[p]))
                break;
        }
    }

    const QString root = rootUrl(request);
    QByteArray body;
    body.reserve(page.size() * (properties.isEmpty() ? 3000 : 60 + 40 * properties.size()) + 512);
    body.append("{\"@odata.context\":");
    QString context = root + QStringLiteral("/$metadata#deviceManagement/managedDevices");
    if (!properties.isEmpty()) {
        QStringList names;
        for (int p : properties)
            names.append(DeviceSerializer::propertyNames()[p]);
        context += u'(' + names.join(u',') + u')';
    }
    appendJsonString(body, context);
    // As Intune does: the number of devices in this page, never the tenant's total.
    body.append(",\"@odata.count\":").append(QByteArray::number(page.size()));
    if (more && !page.isEmpty()) {
        QByteArray next = (root + QStringLiteral("/deviceManagement/managedDevices?$top=")).toUtf8();
        next.append(QByteArray::number(top));
        const QByteArray safe = "',()";
        if (!select.isEmpty())
            next.append("&$select=").append(QUrl::toPercentEncoding(select, safe));
        if (!filterText.isEmpty())
            next.append("&$filter=").append(QUrl::toPercentEncoding(filterText, safe));
        const DeviceRecord &last = m_store.device(page.last());
        next.append("&$skiptoken=")
            .append(percentEncodeLowercase(makeSkipToken({ last.deviceName, last.id }, m_minter)));
        body.append(",\"@odata.nextLink\":");
        appendJsonString(body, next);
    }
    body.append(",\"value\":[");
    for (qsizetype k = 0; k < page.size(); ++k) {
        if (k)
            body.append(',');
        DeviceSerializer::appendListItem(body, m_store, page[k], properties);
    }
    body.append("]}");
    HttpResponse response = graphJson(200, std::move(body), call);
    response.delayMs = m_options.pageMs; // server time per page; the server answers others meanwhile
    return response;
}

HttpResponse GraphService::overview(const DemoRequest &request, const GraphCall &call)
{
    qint64 enrolled = 0, windows = 0, macOS = 0, ios = 0, android = 0, androidFullyManaged = 0,
           androidCorporateWorkProfile = 0, androidWorkProfile = 0, configMgr = 0;
    const std::vector<bool> notYetCounted = newestEnrolled(m_store, m_options.overviewLag);
    for (qsizetype i = 0; i < m_store.size(); ++i) {
        if (m_store.isDeleted(i) || notYetCounted[static_cast<std::size_t>(i)])
            continue;
        const DeviceRecord &d = m_store.device(i);
        ++enrolled;
        switch (d.platform) {
        case Platform::Windows:
            ++windows;
            break;
        case Platform::MacOS:
            ++macOS;
            break;
        case Platform::IOS:
        case Platform::IPadOS:
            ++ios;
            break;
        case Platform::Android: {
            ++android;
            const QByteArray type(d.deviceEnrollmentType);
            if (type == "androidEnterpriseFullyManaged")
                ++androidFullyManaged;
            else if (type == "androidEnterpriseCorporateWorkProfile")
                ++androidCorporateWorkProfile;
            else
                ++androidWorkProfile;
            break;
        }
        }
        if (QByteArray(d.managementAgent) == "configurationManagerClientMdm")
            ++configMgr;
    }
    const auto field = [](QByteArray &out, const char *name, qint64 value) {
        out.append(",\"").append(name).append("\":").append(QByteArray::number(value));
    };
    QByteArray os = "{\"@odata.type\":\"#microsoft.graph.deviceOperatingSystemSummary\"";
    field(os, "androidCount", android);
    field(os, "iosCount", ios);
    field(os, "macOSCount", macOS);
    field(os, "windowsMobileCount", 0);
    field(os, "windowsCount", windows);
    field(os, "unknownCount", 0);
    field(os, "androidDedicatedCount", 0);
    field(os, "androidDeviceAdminCount", 0);
    field(os, "androidFullyManagedCount", androidFullyManaged);
    field(os, "androidWorkProfileCount", androidWorkProfile);
    field(os, "androidCorporateWorkProfileCount", androidCorporateWorkProfile);
    field(os, "configMgrDeviceCount", configMgr);
    field(os, "aospUserlessCount", 0);
    field(os, "aospUserAssociatedCount", 0);
    field(os, "linuxCount", 0);
    field(os, "chromeOSCount", 0);
    os.append('}');
    QByteArray exchange = "{\"@odata.type\":\"#microsoft.graph.deviceExchangeAccessStateSummary\"";
    field(exchange, "allowedDeviceCount", 0);
    field(exchange, "blockedDeviceCount", 0);
    field(exchange, "quarantinedDeviceCount", 0);
    field(exchange, "unknownDeviceCount", 0);
    field(exchange, "unavailableDeviceCount", enrolled);
    exchange.append('}');

    QByteArray body = "{\"@odata.context\":";
    appendJsonString(
        body, rootUrl(request) + QStringLiteral("/$metadata#deviceManagement/managedDeviceOverview/$entity"));
    body.append(",\"id\":");
    appendJsonString(body, m_directory.tenantId());
    field(body, "enrolledDeviceCount", enrolled);
    field(body, "mdmEnrolledCount", enrolled);
    field(body, "dualEnrolledDeviceCount", 0);
    body.append(",\"managedDeviceModelsAndManufacturers\":null,\"lastModifiedDateTime\":\"")
        .append(isoDate(call.nowMs))
        .append("\",\"deviceOperatingSystemSummary\":")
        .append(os)
        .append(",\"deviceExchangeAccessStateSummary\":")
        .append(exchange)
        .append('}');
    return graphJson(200, std::move(body), call);
}

qsizetype GraphService::resolve(
    const QString &id, const QString &operation, const GraphCall &call, HttpResponse *error) const
{
    if (!looksLikeGuid(id)) {
        *error = graphError(400, QStringLiteral("BadRequest"),
            QStringLiteral("The key value '%1' is not a valid Guid.").arg(id), call);
        return -1;
    }
    const qsizetype index = m_store.indexOf(id);
    if (index < 0)
        *error = graphError(
            404, QStringLiteral("ResourceNotFound"), intuneNestedMessage(call, id, operation), call);
    return index;
}

HttpResponse GraphService::get(const DemoRequest &request, const QString &id, const GraphCall &call)
{
    HttpResponse error;
    const qsizetype index = resolve(id, {}, call, &error);
    if (index < 0)
        return error;
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(
        body, rootUrl(request) + QStringLiteral("/$metadata#deviceManagement/managedDevices/$entity"));
    body.append(',');
    QByteArray object;
    DeviceSerializer::appendDetail(object, m_store, index, call.nowMs);
    body.append(object.mid(1)); // merge into the object opened above
    return graphJson(200, std::move(body), call);
}

HttpResponse GraphService::action(
    const QString &id, const QString &action, const QString &grantedScopes, const GraphCall &call)
{
    if (!scopeListHas(grantedScopes, kScopePrivileged))
        return graphError(
            403, QStringLiteral("Forbidden"), insufficientScope({ QLatin1String(kScopePrivileged) }), call);
    HttpResponse error;
    const qsizetype index = resolve(id, action, call, &error);
    if (index < 0)
        return error;
    const DeviceRecord &d = m_store.device(index);
    if (!appliesTo(action, d))
        return graphError(400, QStringLiteral("BadRequest"), intuneNestedMessage(call, id, action), call);
    bool willFail = false;
    if (action == u"rotateFileVaultKey")
        willFail = !d.encrypted || !d.fileVaultKeyEscrowed;
    else if (action == u"rotateBitLockerKeys")
        willFail = !d.encrypted;
    m_store.recordAction(index, action.toLatin1(), call.nowMs, willFail);
    HttpResponse response = HttpResponse::noContent();
    addGraphHeaders(response, call);
    response.headers.removeIf([](const auto &h) { return h.first == "Content-Type"; });
    return response;
}

HttpResponse GraphService::fileVaultKey(
    const DemoRequest &request, const QString &id, const QString &grantedScopes, const GraphCall &call)
{
    if (!scopeListHas(grantedScopes, kScopePrivileged))
        return graphError(
            403, QStringLiteral("Forbidden"), insufficientScope({ QLatin1String(kScopePrivileged) }), call);
    HttpResponse error;
    const qsizetype index = resolve(id, QStringLiteral("getFileVaultKey"), call, &error);
    if (index < 0)
        return error;
    const DeviceRecord &d = m_store.device(index);
    if (d.platform != Platform::MacOS || !d.encrypted || !d.fileVaultKeyEscrowed)
        return graphError(404, QStringLiteral("ResourceNotFound"),
            intuneNestedMessage(call, id, QStringLiteral("getFileVaultKey")), call);
    // The key changes with every completed rotation, like a freshly escrowed personal recovery key.
    const QByteArray key = fileVaultRecoveryKey(
        m_minter, d, static_cast<int>(m_store.completedRuns(index, "rotateFileVaultKey", call.nowMs).size()));
    if (m_ledger)
        m_ledger->record(SecretLedger::Kind::DeviceSecret, QString::fromLatin1(key));
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, rootUrl(request) + QStringLiteral("/$metadata#Edm.String"));
    body.append(",\"value\":");
    appendJsonString(body, key);
    body.append('}');
    return graphJson(200, std::move(body), call);
}

} // namespace keyturn::demo
