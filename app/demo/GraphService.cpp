#include "demo/GraphService.h"

#include "demo/DemoEncoding.h"
#include "demo/DeviceSerializer.h"
#include "demo/ODataFilter.h"

namespace keyturn::demo {

namespace {

constexpr int kMaxPageSize = 1000;
const QString kDevicesPrefix = QStringLiteral("/beta/deviceManagement/managedDevices");
const QString kCoManagedPrefix = QStringLiteral("/beta/deviceManagement/comanagedDevices");

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

} // namespace

GraphService::GraphService(const DemoOptions &options, const DemoDirectory &directory,
    const TokenMinter &minter, DeviceStore &store, QUrl baseUrl)
    : m_options(options)
    , m_directory(directory)
    , m_minter(minter)
    , m_store(store)
    , m_baseUrl(std::move(baseUrl))
{ }

const QStringList &GraphService::actionNames()
{
    static const QStringList names{ QStringLiteral("rotateFileVaultKey"), QStringLiteral("syncDevice"),
        QStringLiteral("rebootNow"), QStringLiteral("shutDown"), QStringLiteral("rotateBitLockerKeys"),
        QStringLiteral("rotateLocalAdminPassword") };
    return names;
}

QString GraphService::rootUrl() const
{
    return m_baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/beta");
}

HttpResponse GraphService::handle(const DemoRequest &request, const GraphCall &call)
{
    // 1. Authentication, as the Graph gateway does it before anything else.
    const QByteArray authorization = request.header("Authorization").trimmed();
    QByteArray token;
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        token = authorization.mid(7).trimmed();
    const AccessTokenCheck check = m_minter.verifyAccessToken(token, call.nowMs);
    const DemoUser *user
        = check.result == AccessTokenCheck::Result::Valid ? m_directory.findUser(check.userKey) : nullptr;
    if (!user) {
        QString message;
        switch (check.result) {
        case AccessTokenCheck::Result::Empty:
            message = QStringLiteral("Access token is empty.");
            break;
        case AccessTokenCheck::Result::Expired:
            message = QStringLiteral("Lifetime validation failed, the token is expired.");
            break;
        case AccessTokenCheck::Result::WrongAudience:
            message = QStringLiteral("Access token validation failure. Invalid audience.");
            break;
        default:
            message = QStringLiteral("Access token validation failure.");
        }
        HttpResponse response = graphError(401, QStringLiteral("InvalidAuthenticationToken"), message, call);
        response.setHeader("WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/"
            "authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
        return response;
    }

    // 2. Routing.
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

    const bool canRead = user->hasScope(kScopeRead) || user->hasScope(kScopePrivileged)
        || user->scopes.contains(QLatin1String("DeviceManagementManagedDevices.ReadWrite.All"));
    const QStringList readScopes{ QLatin1String(kScopeRead),
        QStringLiteral("DeviceManagementManagedDevices.ReadWrite.All") };

    if (rest.isEmpty() && !comanaged && isGet) {
        if (!canRead)
            return graphError(403, QStringLiteral("Forbidden"), insufficientScope(readScopes), call);
        return list(request, call);
    }
    if (segments.size() == 1 && rest.startsWith(u'/') && isGet && !comanaged) {
        if (!canRead)
            return graphError(403, QStringLiteral("Forbidden"), insufficientScope(readScopes), call);
        return get(segments[0], call);
    }
    if (segments.size() == 2 && rest.startsWith(u'/')) {
        const QString operation = stripNamespace(segments[1]);
        if (operation == u"getFileVaultKey()" && isGet)
            return fileVaultKey(segments[0], *user, call);
        if (actionNames().contains(operation) && isPost && (!comanaged || operation == u"rotateFileVaultKey"))
            return action(segments[0], operation, *user, call);
    }
    const QString last = request.path.section(u'/', -1);
    return graphError(400, QStringLiteral("BadRequest"),
        QStringLiteral("Resource not found for the segment '%1'.").arg(last.isEmpty() ? request.path : last),
        call);
}

QByteArray GraphService::skipToken(qsizetype position) const
{
    const QByteArray payload = "p=" + QByteArray::number(position);
    return base64Url(payload + '.' + m_minter.signOpaque(payload).left(12));
}

qsizetype GraphService::parseSkipToken(const QString &token) const
{
    bool ok = false;
    const QByteArray raw = fromBase64Url(token.toLatin1(), &ok);
    const qsizetype dot = raw.indexOf('.');
    if (!ok || dot < 0)
        return -1;
    const QByteArray payload = raw.left(dot);
    if (!equalConstantTime(raw.mid(dot + 1), m_minter.signOpaque(payload).left(12))
        || !payload.startsWith("p="))
        return -1;
    const qsizetype position = payload.mid(2).toLongLong(&ok);
    return ok && position >= 0 ? position : -1;
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
    auto filter = ODataFilter::parse(filterText, &filterError);
    if (!filter)
        return graphError(400, QStringLiteral("BadRequest"), filterError, call);

    qsizetype position = 0;
    if (request.hasQuery(QStringLiteral("$skiptoken"))) {
        position = parseSkipToken(request.queryValue(QStringLiteral("$skiptoken")));
        if (position < 0)
            return graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid skip token."), call);
    }

    // Count every match (Intune sends @odata.count on every page), collect this page's.
    qsizetype count = 0;
    QList<qsizetype> page;
    qsizetype nextPosition = -1;
    const qsizetype total = m_store.size();
    for (qsizetype i = 0; i < total; ++i) {
        if (m_store.isDeleted(i) || !filter->matches(m_store.device(i)))
            continue;
        ++count;
        if (i < position)
            continue;
        if (page.size() < top)
            page.append(i);
        else if (nextPosition < 0)
            nextPosition = i;
    }

    QByteArray body;
    body.reserve(page.size() * (properties.isEmpty() ? 3000 : 60 + 40 * properties.size()) + 512);
    body.append("{\"@odata.context\":");
    QString context = rootUrl() + QStringLiteral("/$metadata#deviceManagement/managedDevices");
    if (!properties.isEmpty()) {
        QStringList names;
        for (int p : properties)
            names.append(DeviceSerializer::propertyNames()[p]);
        context += u'(' + names.join(u',') + u')';
    }
    appendJsonString(body, context);
    body.append(",\"@odata.count\":").append(QByteArray::number(count));
    if (nextPosition >= 0) {
        QByteArray next = (rootUrl() + QStringLiteral("/deviceManagement/managedDevices?$top=")).toUtf8();
        next.append(QByteArray::number(top));
        const QByteArray safe = "',()";
        if (!select.isEmpty())
            next.append("&$select=").append(QUrl::toPercentEncoding(select, safe));
        if (!filterText.isEmpty())
            next.append("&$filter=").append(QUrl::toPercentEncoding(filterText, safe));
        next.append("&$skiptoken=").append(skipToken(nextPosition));
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

HttpResponse GraphService::get(const QString &id, const GraphCall &call)
{
    HttpResponse error;
    const qsizetype index = resolve(id, {}, call, &error);
    if (index < 0)
        return error;
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, rootUrl() + QStringLiteral("/$metadata#deviceManagement/managedDevices/$entity"));
    body.append(',');
    QByteArray object;
    DeviceSerializer::appendDetail(object, m_store, index, call.nowMs);
    body.append(object.mid(1)); // merge into the object opened above
    return graphJson(200, std::move(body), call);
}

HttpResponse GraphService::action(
    const QString &id, const QString &action, const DemoUser &user, const GraphCall &call)
{
    if (!user.hasScope(kScopePrivileged))
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

HttpResponse GraphService::fileVaultKey(const QString &id, const DemoUser &user, const GraphCall &call)
{
    if (!user.hasScope(kScopePrivileged))
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
    const QByteArray material = m_minter.signOpaque(
        "filevault:" + d.id + ':' + QByteArray::number(m_store.completedKeyRotations(index, call.nowMs)));
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray key;
    for (int i = 0; i < 24; ++i) {
        if (i && i % 4 == 0)
            key.append('-');
        key.append(alphabet[static_cast<unsigned char>(material[i]) % 32]);
    }
    QByteArray body = "{\"@odata.context\":";
    appendJsonString(body, rootUrl() + QStringLiteral("/$metadata#Edm.String"));
    body.append(",\"value\":");
    appendJsonString(body, key);
    body.append('}');
    return graphJson(200, std::move(body), call);
}

} // namespace keyturn::demo
