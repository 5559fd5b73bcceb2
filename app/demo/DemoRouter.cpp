#include "demo/DemoRouter.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Utc.h"
#include "demo/DemoEncoding.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace keyturn::demo {

namespace {

HttpResponse controlJson(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse controlError(int status, const QString &message)
{
    return controlJson(status, QJsonObject{ { QStringLiteral("error"), message } });
}

/// A malformed page: cut the JSON short and garble the end, keeping the 200 and the headers.
QByteArray malformed(const QByteArray &body)
{
    if (body.size() < 8)
        return QByteArrayLiteral("{\"value\":[{\"id\":\"");
    return body.left(body.size() / 2) + "\x01\"}{,]";
}

/// The real answer made 50 MB with whitespace after its opening brace: valid JSON, absurd size.
QByteArray huge(const QByteArray &body)
{
    constexpr qsizetype fiftyMegabytes = 50 * 1024 * 1024;
    QByteArray out;
    out.reserve(fiftyMegabytes + body.size());
    out.append('{');
    out.append(fiftyMegabytes, ' ');
    out.append(body.mid(1));
    return out;
}

/// What a captive portal or a TLS-inspecting proxy's login page looks like to an API client.
HttpResponse captivePortalPage()
{
    return HttpResponse::html(200,
        QStringLiteral("<!DOCTYPE html><html><head><title>Network sign-in</title></head><body>"
                       "<h1>Sign in to continue</h1><p>This network requires you to sign in before "
                       "you can reach the internet.</p></body></html>"));
}

} // namespace

DemoRouter::DemoRouter(const DemoOptions &options, const Clock &clock, QUrl baseUrl,
    const TokenMinter &minter, SecretLedger *ledger)
    : m_options(options)
    , m_clock(clock)
    , m_baseUrl(std::move(baseUrl))
    , m_directories(options.seed, options.tenants)
    , m_minter(minter)
    , m_identity(options, m_directories, m_minter, m_baseUrl, m_revocations, ledger)
    , m_graph(
          options, m_directories, m_minter, m_baseUrl, m_revocations, clock.nowMSecs() / 1000 * 1000, ledger)
    , m_faults(options)
{ }

HttpResponse DemoRouter::handle(const DemoRequest &request)
{
    HttpResponse response = route(request);
    response.setHeader("Date", httpDate(QDateTime::fromMSecsSinceEpoch(nowMs(), keyturn::utc())));
    if (!request.path.startsWith(QLatin1String("/_demo/"))) {
        const bool answered = response.delivery == HttpResponse::Delivery::Normal
            || response.delivery == HttpResponse::Delivery::TruncateAndAbort;
        m_log.record(request, answered ? response.status : 0, response.fault, response.tenant);
    }
    return response;
}

qint64 DemoRouter::nowMs() const
{
    return m_clock.nowMSecs() + m_clockOffsetMs;
}

HttpResponse DemoRouter::route(const DemoRequest &request)
{
    if (request.path.startsWith(QLatin1String("/_demo/")))
        return control(request);
    if (request.path.startsWith(QLatin1String("/beta/")) || request.path.startsWith(QLatin1String("/v1.0/")))
        return graph(request);
    if (IdentityService::handles(request.path))
        return m_identity.handle(request, nowMs());
    if (request.path == u"/" && request.method == "GET") {
        QString tenants;
        for (int t = 0; t < m_directories.size(); ++t) {
            const DemoDirectory &tenant = m_directories.at(t);
            tenants += QStringLiteral("<li>%1 (%2): tenant %3, %4 devices.</li>")
                           .arg(htmlEscape(tenant.displayName()), tenant.defaultDomain(), tenant.tenantId())
                           .arg(m_graph.store(t).liveCount());
        }
        return HttpResponse::html(200,
            QStringLiteral(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Keyturn demo tenant</title>"
                "</head><body><h1>Keyturn demo tenant</h1><ul>%1</ul></body></html>")
                .arg(tenants));
    }
    return HttpResponse::json(
        404, R"({"error":{"code":"NotFound","message":"No such endpoint on the demo tenant."}})");
}

HttpResponse DemoRouter::graph(const DemoRequest &request)
{
    GraphCall call;
    call.requestId = randomGuid();
    const QByteArray clientRequestId = request.header("client-request-id");
    call.clientRequestId = clientRequestId.isEmpty() ? randomGuid() : QString::fromLatin1(clientRequestId);
    call.nowMs = nowMs();
    const QString tenant = m_graph.tenantOf(request, call.nowMs);

    // Injected rules match on the path and the query, so a test can aim at a later page ($skiptoken).
    const QString target = request.query.isEmpty()
        ? request.path
        : request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyDecoded);
    const Fault fault = m_faults.next(target);
    HttpResponse response;
    switch (fault) {
    case Fault::TooManyRequests:
    case Fault::TooManyRequestsNoRetryAfter:
        // Throttled requests are not processed: nothing changes on the tenant.
        response = graphThrottled(call, fault == Fault::TooManyRequests ? m_faults.retryAfterSecs() : 0);
        break;
    case Fault::Unavailable:
        response = graphUnavailable(call);
        break;
    case Fault::Html:
        // A portal or proxy answered in Graph's place: the request never reached the tenant.
        response = captivePortalPage();
        break;
    default:
        // Drop, malformed and hang happen after the work was done: the outcome is unknown to the client.
        response = m_graph.handle(request, call);
        break;
    }
    switch (fault) {
    case Fault::Drop:
        response.delivery = response.status == 200 && response.body.startsWith("{\"@odata.context\"")
                && response.body.contains("\"value\":[")
            ? HttpResponse::Delivery::TruncateAndAbort
            : HttpResponse::Delivery::AbortWithoutAnswer;
        break;
    case Fault::Malformed:
        response.status = 200;
        response.body = malformed(response.body);
        break;
    case Fault::Hang:
        response.delivery = HttpResponse::Delivery::Hang;
        break;
    case Fault::Huge:
        if (response.status == 200 && response.body.startsWith('{'))
            response.body = huge(response.body);
        break;
    case Fault::ForeignNextLink: {
        // Same server, another host name: were the link followed, this tenant would log it.
        const QUrl base = request.publicBaseUrl(m_baseUrl);
        QUrl elsewhere = base;
        elsewhere.setHost(
            base.host() == u"localhost" ? QStringLiteral("127.0.0.1") : QStringLiteral("localhost"));
        response.body.replace("\"@odata.nextLink\":\"" + base.toEncoded(QUrl::StripTrailingSlash),
            "\"@odata.nextLink\":\"" + elsewhere.toEncoded(QUrl::StripTrailingSlash));
        break;
    }
    default:
        break;
    }
    response.fault = faultName(fault);
    response.tenant = tenant;
    response.delayMs += m_options.latencyMs; // on top of any server time the service spent (page-ms)
    if (fault != Fault::None)
        qCDebug(lcDemo) << "fault" << response.fault << "on" << request.method << request.path;
    return response;
}

HttpResponse DemoRouter::control(const DemoRequest &request)
{
    const QString path = request.path;
    if (path == u"/_demo/requests") {
        if (request.method == "GET") {
            HttpResponse r = HttpResponse::json(200, m_log.toJson());
            return r;
        }
        if (request.method == "DELETE") {
            m_log.clear();
            return HttpResponse::noContent();
        }
        return controlError(405, QStringLiteral("GET or DELETE"));
    }
    if (path == u"/_demo/info" && request.method == "GET")
        return info();
    if (request.method != "POST")
        return controlError(405, QStringLiteral("Use POST for /_demo controls."));
    if (path == u"/_demo/inject") {
        Fault fault = Fault::None;
        if (!parseFault(request.queryValue(QStringLiteral("fault")), &fault))
            return controlError(400,
                QStringLiteral("fault must be drop, 429, 429-no-retry-after, 503, malformed, hang, huge, "
                               "html or foreign-next-link"));
        int count = 1;
        if (request.hasQuery(QStringLiteral("count"))) {
            bool ok = false;
            count = request.queryValue(QStringLiteral("count")).toInt(&ok);
            if (!ok || count < 1)
                return controlError(400, QStringLiteral("count must be a positive integer"));
        }
        int retryAfter = 1;
        if (request.hasQuery(QStringLiteral("retry-after"))) {
            bool ok = false;
            retryAfter = request.queryValue(QStringLiteral("retry-after")).toInt(&ok);
            if (!ok || retryAfter < 1 || retryAfter > 86400)
                return controlError(400, QStringLiteral("retry-after must be 1 to 86400 seconds"));
        }
        m_faults.inject(fault, request.queryValue(QStringLiteral("match")), count, retryAfter);
        return HttpResponse::noContent();
    }
    if (path == u"/_demo/advance-clock") {
        // Moves the tenant's clock forward: tokens expire, actions finish, as if time had passed.
        bool ok = false;
        const qint64 seconds = request.queryValue(QStringLiteral("seconds")).toLongLong(&ok);
        if (!ok || seconds < 1 || seconds > 400LL * 24 * 3600)
            return controlError(400, QStringLiteral("seconds must be a positive number of seconds"));
        m_clockOffsetMs += seconds * 1000;
        return HttpResponse::noContent();
    }
    if (path == u"/_demo/revoke-sessions") {
        // Continuous Access Evaluation: tokens issued before now are revoked (cp1 clients get a
        // claims challenge, refresh tokens need a new interactive sign-in).
        const DemoUser *user = m_directories.findUser(request.queryValue(QStringLiteral("user")));
        if (!user)
            return controlError(404, QStringLiteral("unknown user"));
        const qint64 atSecs = nowMs() / 1000;
        m_revocations.revoke(user->key, atSecs);
        return controlJson(200,
            QJsonObject{ { QStringLiteral("user"), user->key }, { QStringLiteral("revokedAt"), atSecs } });
    }
    if (path == u"/_demo/revoke") {
        if (!m_identity.revoke(request.queryValue(QStringLiteral("user")), nowMs()))
            return controlError(400, QStringLiteral("unknown user"));
        return HttpResponse::noContent();
    }
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    int tenant = 0;
    qsizetype index = -1;
    if (segments.size() == 4 && segments[1] == u"devices" && segments[3] == u"delete") {
        if (!findDevice(segments[2], &tenant, &index) || !m_graph.store(tenant).remove(segments[2]))
            return controlError(404, QStringLiteral("no such device"));
        return HttpResponse::noContent();
    }
    if (segments.size() == 4 && segments[1] == u"devices" && segments[3] == u"fail-next-action") {
        // The next remote action sent to the device ends as failed (with Intune's errorCode when given).
        if (!findDevice(segments[2], &tenant, &index))
            return controlError(404, QStringLiteral("no such device"));
        std::optional<int> errorCode;
        if (request.hasQuery(QStringLiteral("errorCode"))) {
            bool ok = false;
            errorCode = request.queryValue(QStringLiteral("errorCode")).toInt(&ok);
            if (!ok)
                return controlError(400, QStringLiteral("errorCode must be an integer"));
        }
        m_graph.store(tenant).failNextAction(index, errorCode);
        return HttpResponse::noContent();
    }
    return controlError(404, QStringLiteral("unknown /_demo control"));
}

bool DemoRouter::findDevice(const QString &id, int *tenant, qsizetype *index) const
{
    for (int t = 0; t < m_directories.size(); ++t) {
        const qsizetype found = m_graph.store(t).indexOf(id);
        if (found >= 0) {
            *tenant = t;
            *index = found;
            return true;
        }
    }
    return false;
}

HttpResponse DemoRouter::info() const
{
    const auto usersOf = [](const DemoDirectory &tenant) {
        QJsonArray users;
        for (const DemoUser &user : tenant.users()) {
            users.append(QJsonObject{ { QStringLiteral("user"), user.key },
                { QStringLiteral("upn"), user.upn }, { QStringLiteral("name"), user.displayName },
                { QStringLiteral("oid"), user.objectId }, { QStringLiteral("scp"), user.scopes } });
        }
        return users;
    };
    QJsonArray tenants;
    for (int t = 0; t < m_directories.size(); ++t) {
        const DemoDirectory &tenant = m_directories.at(t);
        tenants.append(QJsonObject{ { QStringLiteral("id"), tenant.tenantId() },
            { QStringLiteral("name"), tenant.displayName() },
            { QStringLiteral("domain"), tenant.defaultDomain() },
            { QStringLiteral("devices"), m_graph.store(t).liveCount() },
            { QStringLiteral("users"), usersOf(tenant) } });
    }
    // The first tenant's id, devices and users at the top, as before there were several.
    return controlJson(200,
        QJsonObject{ { QStringLiteral("tenantId"), m_directories.first().tenantId() },
            { QStringLiteral("devices"), m_graph.store(0).liveCount() },
            { QStringLiteral("users"), usersOf(m_directories.first()) },
            { QStringLiteral("tenants"), tenants } });
}

} // namespace keyturn::demo
