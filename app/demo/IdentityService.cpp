#include "demo/IdentityService.h"

#include "core/Utc.h"
#include "demo/DemoEncoding.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace keyturn::demo {

namespace {

constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;
constexpr int kDeviceCodeLifetimeSecs = 900;
const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

QByteArray randomOpaque(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return base64Url(data);
}

QString entraTimestamp(qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, keyturn::utc())
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss'Z'"));
}

HttpResponse identityJson(int status, QByteArray body)
{
    HttpResponse r = HttpResponse::json(status, std::move(body));
    r.setHeader("Cache-Control", "no-store, no-cache");
    r.setHeader("Pragma", "no-cache");
    r.setHeader("x-ms-request-id", randomGuid().toLatin1());
    return r;
}

/// Entra's error body; code 0 = no AADSTS code (slow_down).
HttpResponse entraError(
    const char *error, int code, const QString &text, const DemoRequest &request, qint64 nowMs)
{
    const QString traceId = randomGuid();
    const QByteArray clientRequestId = request.header("client-request-id");
    const QString correlationId
        = clientRequestId.isEmpty() ? randomGuid() : QString::fromLatin1(clientRequestId);
    const QString timestamp = entraTimestamp(nowMs);
    const QString description = (code ? QStringLiteral("AADSTS%1: ").arg(code) : QString()) + text
        + QStringLiteral(" Trace ID: %1 Correlation ID: %2 Timestamp: %3")
              .arg(traceId, correlationId, timestamp);
    QByteArray body = "{\"error\":";
    appendJsonString(body, QByteArray(error));
    body.append(",\"error_description\":");
    appendJsonString(body, description);
    body.append(",\"error_codes\":[").append(code ? QByteArray::number(code) : QByteArray()).append("]");
    body.append(",\"timestamp\":");
    appendJsonString(body, timestamp);
    body.append(",\"trace_id\":");
    appendJsonString(body, traceId);
    body.append(",\"correlation_id\":");
    appendJsonString(body, correlationId);
    if (code) {
        body.append(",\"error_uri\":");
        appendJsonString(body, QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code));
    }
    body.append('}');
    return identityJson(400, std::move(body));
}

HttpResponse missingParameter(const QString &name, const DemoRequest &request, qint64 nowMs)
{
    return entraError("invalid_request", 900144,
        QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name), request,
        nowMs);
}

HttpResponse page(int status, const QString &title, const QString &bodyHtml)
{
    return HttpResponse::html(status,
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                       "<body><h1>%1</h1>\n%2\n</body></html>\n")
            .arg(htmlEscape(title), bodyHtml));
}

HttpResponse errorPage(const QString &message)
{
    return page(400, QStringLiteral("Sign in: something went wrong"),
        QStringLiteral("<p>%1</p>").arg(htmlEscape(message)));
}

bool isLoopbackRedirect(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    const QString host = url.host();
    return host == u"localhost" || host == u"127.0.0.1" || host == u"::1";
}

/// Appends percent-encoded parameters to a redirect URL; Entra writes spaces as '+'.
QUrl withParameters(QUrl url, const QList<QPair<QString, QString>> &parameters)
{
    QString query = url.query(QUrl::FullyEncoded);
    for (const auto &p : parameters) {
        if (!query.isEmpty())
            query += u'&';
        QByteArray value = QUrl::toPercentEncoding(p.second);
        value.replace("%20", "+");
        query += p.first + u'=' + QString::fromLatin1(value);
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        base64Url(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)));
}

/// True when a claims parameter (JSON) declares the cp1 client capability:
/// {"access_token":{"xms_cc":{"values":["cp1"]}}}, possibly merged with other claims such as nbf.
bool declaresCp1(const QString &claims)
{
    if (claims.isEmpty())
        return false;
    const QJsonObject accessToken
        = QJsonDocument::fromJson(claims.toUtf8()).object().value(QStringLiteral("access_token")).toObject();
    return accessToken.value(QStringLiteral("xms_cc"))
        .toObject()
        .value(QStringLiteral("values"))
        .toArray()
        .contains(QStringLiteral("cp1"));
}

QList<DemoUser> allUsers(const DemoDirectories &directories)
{
    QList<DemoUser> users;
    for (int t = 0; t < directories.size(); ++t)
        users.append(directories.at(t).users());
    return users;
}

QString normalizedUserCode(const QString &code)
{
    QString out = code.toUpper();
    out.remove(u'-');
    out.remove(u' ');
    return out;
}

} // namespace

IdentityService::IdentityService(const DemoOptions &options, const DemoDirectories &directories,
    const TokenMinter &minter, QUrl baseUrl, const SessionRevocations &revocations, SecretLedger *ledger)
    : m_options(options)
    , m_directories(directories)
    , m_minter(minter)
    , m_baseUrl(std::move(baseUrl))
    , m_revocations(revocations)
    , m_ledger(ledger)
{ }

void IdentityService::remember(SecretLedger::Kind kind, const QString &secret) const
{
    if (m_ledger)
        m_ledger->record(kind, secret);
}

bool IdentityService::handles(const QString &path)
{
    if (path == u"/devicelogin" || path.startsWith(QLatin1String("/devicelogin/")))
        return true;
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    return segments.size() == 4 && segments[1] == u"oauth2" && segments[2] == u"v2.0";
}

bool IdentityService::revoke(const QString &user, qint64 nowMs)
{
    const DemoUser *found = m_directories.findUser(user);
    if (!found)
        return false;
    m_revokedUpTo.insert(found->key, nowMs);
    return true;
}

HttpResponse IdentityService::handle(const DemoRequest &request, qint64 nowMs)
{
    if (request.path.startsWith(QLatin1String("/devicelogin")))
        return deviceLogin(request, nowMs);
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString tenant = segments[0];
    const QString endpoint = segments[3];
    const Authority authority = m_directories.authority(tenant);
    HttpResponse response;
    if (endpoint == u"authorize" && request.method == "GET") {
        if (!authority.known)
            return errorPage(QStringLiteral("AADSTS90002: Tenant '%1' not found.").arg(tenant));
        response = authorize(request, authority, nowMs);
    } else if ((endpoint == u"token" || endpoint == u"devicecode") && request.method == "POST") {
        if (!authority.known)
            return entraError("invalid_request", 90002,
                QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                               "and are signing into the correct cloud.")
                    .arg(tenant),
                request, nowMs);
        response
            = endpoint == u"token" ? token(request, authority, nowMs) : deviceCode(request, authority, nowMs);
    } else {
        return HttpResponse::json(404, R"({"error":"not_found"})");
    }
    // The request log names the path's tenant; /organizations: the tenant tokens were issued for.
    if (authority.tenant)
        response.tenant = authority.tenant->tenantId();
    return response;
}

QString IdentityService::notInTenant(
    const QString &account, const DemoUser &user, const QString &tenantId, const QString &clientId) const
{
    const DemoDirectory *tenant = m_directories.byTenantId(tenantId);
    return QStringLiteral("User account '%1' from identity provider 'https://sts.windows.net/%2/' does not "
                          "exist in tenant '%3' and cannot access the application '%4'(Keyturn) in that "
                          "tenant. The account needs to be added as an external user in the tenant first. "
                          "Sign out and sign in again with a different Azure Active Directory user account.")
        .arg(account, user.tenantId, tenant ? tenant->displayName() : tenantId, clientId);
}

QStringList IdentityService::missingConsent(
    const DemoUser &user, const QString &clientId, const QString &requestedScope) const
{
    const QStringList consented = m_consents.value(user.key + u' ' + clientId);
    QStringList missing;
    for (const QString &scope : requestedScope.split(u' ', Qt::SkipEmptyParts)) {
        const QString shortName = scope.section(u'/', -1);
        if (consentableScopes().contains(shortName) && !consented.contains(shortName)
            && !missing.contains(shortName))
            missing.append(shortName);
    }
    return missing;
}

QString IdentityService::grantedScopes(const DemoUser &user, const QString &clientId) const
{
    QStringList granted = user.scopes.split(u' ', Qt::SkipEmptyParts);
    for (const QString &scope : m_consents.value(user.key + u' ' + clientId)) {
        if (!granted.contains(scope))
            granted.append(scope);
    }
    return granted.join(u' ');
}

HttpResponse IdentityService::authorize(const DemoRequest &request, const Authority &authority, qint64 nowMs)
{
    const QString clientId = request.queryValue(QStringLiteral("client_id"));
    const QString redirectUri = request.queryValue(QStringLiteral("redirect_uri"));
    if (clientId.isEmpty())
        return errorPage(QStringLiteral(
            "AADSTS900144: The request body must contain the following parameter: 'client_id'."));
    if (!isLoopbackRedirect(redirectUri))
        return errorPage(
            QStringLiteral("AADSTS50011: The redirect URI '%1' specified in the request does not match the "
                           "redirect URIs configured for the application '%2'.")
                .arg(redirectUri, clientId));
    if (request.queryValue(QStringLiteral("response_type")) != u"code")
        return errorPage(
            QStringLiteral("AADSTS700054: response_type '%1' is not enabled for the application.")
                .arg(request.queryValue(QStringLiteral("response_type"))));
    const QString challenge = request.queryValue(QStringLiteral("code_challenge"));
    if (challenge.isEmpty() || request.queryValue(QStringLiteral("code_challenge_method")) != u"S256")
        return errorPage(QStringLiteral("AADSTS9002325: Proof Key for Code Exchange (S256) is required."));

    const QString state = request.queryValue(QStringLiteral("state"));
    QList<QPair<QString, QString>> stateParameter;
    if (request.hasQuery(QStringLiteral("state")))
        stateParameter.append({ QStringLiteral("state"), state });

    const auto declined = [&] {
        QList<QPair<QString, QString>> parameters{ { QStringLiteral("error"),
                                                       QStringLiteral("access_denied") },
            { QStringLiteral("error_description"),
                QStringLiteral("AADSTS65004: User declined to consent to access the app. Trace ID: %1 "
                               "Correlation ID: %2 "
                               "Timestamp: %3")
                    .arg(randomGuid(), randomGuid(), entraTimestamp(nowMs)) } };
        return HttpResponse::redirect(withParameters(QUrl(redirectUri), parameters + stateParameter));
    };
    if (request.queryValue(QStringLiteral("demo_cancel")) == u"1")
        return declined();

    QString chosen = request.queryValue(QStringLiteral("demo_user"));
    if (chosen.isEmpty())
        chosen = m_options.autoApproveUser;
    if (!chosen.isEmpty()) {
        const DemoUser *user = m_directories.findUser(chosen);
        if (!user)
            return errorPage(
                QStringLiteral("AADSTS50034: The user account '%1' does not exist in the demo tenant.")
                    .arg(chosen));
        // A tenant-specific authority signs in its own users only; Entra stops on its error page.
        if (authority.tenant && user->tenantId != authority.tenant->tenantId())
            return errorPage(QStringLiteral("AADSTS50020: ")
                + notInTenant(user->upn, *user, authority.tenant->tenantId(), clientId));
        // Incremental consent: a scope the user has not granted this client yet is asked for on the
        // consent screen; the demo grants it unless told to decline (demo_consent=deny, --deny-consent).
        const QString scope = request.queryValue(QStringLiteral("scope"));
        const QStringList missing = missingConsent(*user, clientId, scope);
        if (!missing.isEmpty()) {
            if (m_options.denyConsent || request.queryValue(QStringLiteral("demo_consent")) == u"deny")
                return declined();
            m_consents[user->key + u' ' + clientId].append(missing);
        }
        const QString code = QStringLiteral("1.demo-code.") + QString::fromLatin1(randomOpaque(32));
        remember(SecretLedger::Kind::CodeChallenge, challenge);
        remember(SecretLedger::Kind::AuthorizationCode, code);
        m_codes.insert(code,
            AuthCode{ clientId, redirectUri, challenge, request.queryValue(QStringLiteral("scope")),
                user->key, nowMs, false, declaresCp1(request.queryValue(QStringLiteral("claims"))) });
        return HttpResponse::redirect(withParameters(QUrl(redirectUri),
            QList<QPair<QString, QString>>{ { QStringLiteral("code"), code } } + stateParameter));
    }

    const QString self = m_baseUrl.toString(QUrl::StripTrailingSlash) + request.path + u'?'
        + request.query.toString(QUrl::FullyEncoded);
    QString links = QStringLiteral("<p>Pick an account to sign in to the Keyturn demo tenant.</p>\n");
    for (int t = 0; t < m_directories.size(); ++t) {
        const DemoDirectory &tenant = m_directories.at(t);
        if (authority.tenant && authority.tenant != &tenant)
            continue;
        links += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(htmlEscape(tenant.displayName()));
        for (const DemoUser &user : tenant.users()) {
            links
                += QStringLiteral("<li><a id=\"user-%1\" href=\"%2\">%3 (%4)</a></li>\n")
                       .arg(htmlEscape(user.key), htmlEscape(self + QStringLiteral("&demo_user=") + user.key),
                           htmlEscape(user.displayName), htmlEscape(user.upn));
        }
        links += QStringLiteral("</ul>\n");
    }
    links += QStringLiteral("<p><a id=\"cancel\" href=\"%1\">Cancel</a></p>")
                 .arg(htmlEscape(self + QStringLiteral("&demo_cancel=1")));
    return page(200, QStringLiteral("Sign in"), links);
}

HttpResponse IdentityService::token(const DemoRequest &request, const Authority &authority, qint64 nowMs)
{
    const auto form = parseForm(request.body);
    if (formValue(form, QStringLiteral("client_id")).isEmpty())
        return missingParameter(QStringLiteral("client_id"), request, nowMs);
    const QString grantType = formValue(form, QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return missingParameter(QStringLiteral("grant_type"), request, nowMs);
    if (grantType == u"authorization_code")
        return redeemCode(form, request, authority, nowMs);
    if (grantType == u"refresh_token")
        return redeemRefresh(form, request, authority, nowMs);
    if (grantType == kDeviceCodeGrant)
        return redeemDeviceCode(form, request, nowMs);
    return entraError("unsupported_grant_type", 70003,
        QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType), request, nowMs);
}

HttpResponse IdentityService::redeemCode(const QList<QPair<QString, QString>> &form,
    const DemoRequest &request, const Authority &authority, qint64 nowMs)
{
    const QString code = formValue(form, QStringLiteral("code"));
    if (code.isEmpty())
        return missingParameter(QStringLiteral("code"), request, nowMs);
    remember(SecretLedger::Kind::AuthorizationCode, code);
    remember(SecretLedger::Kind::CodeVerifier, formValue(form, QStringLiteral("code_verifier")));
    auto it = m_codes.find(code);
    if (it == m_codes.end())
        return entraError("invalid_grant", 9002313,
            QStringLiteral("Invalid request. Request is malformed or invalid."), request, nowMs);
    if (it->redeemed)
        return entraError("invalid_grant", 54005,
            QStringLiteral("OAuth2 Authorization code was already redeemed, please retry with a new valid "
                           "code or use an existing refresh token."),
            request, nowMs);
    if (nowMs - it->issuedMs > kCodeLifetimeMs)
        return entraError("invalid_grant", 70008,
            QStringLiteral("The provided authorization code or refresh token has expired due to "
                           "inactivity. Send a new interactive authorization request for this user and "
                           "resource."),
            request, nowMs);
    if (formValue(form, QStringLiteral("client_id")) != it->clientId)
        return entraError("invalid_grant", 700005,
            QStringLiteral("Provided Authorization Code is intended to use against other tenant or client."),
            request, nowMs);
    if (formValue(form, QStringLiteral("redirect_uri")) != it->redirectUri)
        return entraError("invalid_request", 50011,
            QStringLiteral("The redirect URI '%1' specified in the request does not match the redirect "
                           "URI used in the authorization request.")
                .arg(formValue(form, QStringLiteral("redirect_uri"))),
            request, nowMs);
    if (s256(formValue(form, QStringLiteral("code_verifier"))) != it->challenge)
        return entraError("invalid_grant", 501481,
            QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the "
                           "authorization request."),
            request, nowMs);
    const DemoUser *user = m_directories.findUser(it->userKey);
    if (authority.tenant && user->tenantId != authority.tenant->tenantId())
        return entraError("invalid_grant", 50020,
            notInTenant(QStringLiteral("{EmailHidden}"), *user, authority.tenant->tenantId(), it->clientId),
            request, nowMs);
    it->redeemed = true;
    return tokens(*user, it->clientId, it->scope + u' ' + formValue(form, QStringLiteral("scope")), nowMs,
        it->cp1 || declaresCp1(formValue(form, QStringLiteral("claims"))));
}

HttpResponse IdentityService::redeemRefresh(const QList<QPair<QString, QString>> &form,
    const DemoRequest &request, const Authority &authority, qint64 nowMs)
{
    const QString refreshToken = formValue(form, QStringLiteral("refresh_token"));
    if (refreshToken.isEmpty())
        return missingParameter(QStringLiteral("refresh_token"), request, nowMs);
    remember(SecretLedger::Kind::RefreshToken, refreshToken);
    const auto claims = m_minter.verifyRefreshToken(refreshToken.toLatin1());
    const DemoUser *user = claims ? m_directories.findUser(claims->userKey) : nullptr;
    if (!claims || !user || claims->tenantId != user->tenantId)
        return entraError("invalid_grant", 9002313,
            QStringLiteral("Invalid request. Request is malformed or invalid."), request, nowMs);
    // The token is bound to the user's home tenant: another tenant's endpoint does not know the user.
    if (authority.tenant && authority.tenant->tenantId() != claims->tenantId)
        return entraError("invalid_grant", 50020,
            notInTenant(
                QStringLiteral("{EmailHidden}"), *user, authority.tenant->tenantId(), claims->clientId),
            request, nowMs);
    if (claims->issuedMs <= m_revokedUpTo.value(user->key, -1))
        return entraError("invalid_grant", 50173,
            QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth token "
                           "is needed. The user might have changed or reset their password."),
            request, nowMs);
    if (m_usedRefreshTokens.contains(claims->tokenId))
        return entraError("invalid_grant", 70000,
            QStringLiteral("The provided value for the 'refresh_token' is not valid: the refresh token "
                           "was already used."),
            request, nowMs);
    if (claims->clientId != formValue(form, QStringLiteral("client_id")))
        return entraError("invalid_grant", 70000,
            QStringLiteral("The refresh token was issued to a different client."), request, nowMs);
    if (m_revocations.isRevoked(user->key, claims->issuedMs / 1000)) {
        // Sessions revoked (CAE): whatever claims come with it, only an interactive sign-in helps.
        const auto utc = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, keyturn::utc())
                .toString(QStringLiteral("MM/dd/yyyy hh:mm:ss"));
        };
        return entraError("interaction_required", 50173,
            QStringLiteral(
                "The provided grant has expired due to it being revoked, a fresh auth token is "
                "needed. The user might have changed or reset their password. The grant was issued "
                "on '%1' and the TokensValidFrom date (before which tokens are not valid) for this "
                "user is '%2'.")
                .arg(utc(claims->issuedMs), utc(m_revocations.revokedAtSecs(user->key) * 1000)),
            request, nowMs);
    }
    if (!missingConsent(*user, claims->clientId, formValue(form, QStringLiteral("scope"))).isEmpty()) {
        // Entra's answer to a silent request for a scope the user never granted: ask interactively.
        HttpResponse response = entraError("invalid_grant", 65001,
            QStringLiteral("The user or administrator has not consented to use the application with ID "
                           "'%1' named 'Keyturn'. Send an interactive authorization request for this user "
                           "and resource.")
                .arg(claims->clientId),
            request, nowMs);
        response.body.replace("\"error_codes\"", "\"suberror\":\"consent_required\",\"error_codes\"");
        return response;
    }
    m_usedRefreshTokens.insert(claims->tokenId);
    return tokens(*user, claims->clientId, formValue(form, QStringLiteral("scope")), nowMs,
        claims->cp1 || declaresCp1(formValue(form, QStringLiteral("claims"))));
}

HttpResponse IdentityService::redeemDeviceCode(
    const QList<QPair<QString, QString>> &form, const DemoRequest &request, qint64 nowMs)
{
    const QString code = formValue(form, QStringLiteral("device_code"));
    if (code.isEmpty())
        return missingParameter(QStringLiteral("device_code"), request, nowMs);
    auto it = m_deviceCodes.find(code);
    if (it == m_deviceCodes.end() || it->clientId != formValue(form, QStringLiteral("client_id")))
        return entraError("invalid_grant", 70000,
            QStringLiteral("The provided value for 'device_code' is not valid."), request, nowMs);
    if (nowMs - it->issuedMs > kDeviceCodeLifetimeSecs * 1000LL)
        return entraError("expired_token", 70020,
            QStringLiteral("The provided value for the input parameter 'device_code' is not valid. This "
                           "device code has expired."),
            request, nowMs);
    if (it->state == DeviceCode::State::Declined)
        return entraError("authorization_declined", 70000,
            QStringLiteral("The user declined the sign-in request."), request, nowMs);
    if (it->state == DeviceCode::State::Spent)
        return entraError("invalid_grant", 54005,
            QStringLiteral("The device code was already redeemed, please start a new sign-in."), request,
            nowMs);
    // Timers may fire a little early: tolerate 20% of the interval before asking to slow down.
    const qint64 minimumGapMs = m_options.deviceCodeIntervalSecs * 800LL;
    const bool tooSoon = it->lastPollMs > 0 && nowMs - it->lastPollMs < minimumGapMs;
    it->lastPollMs = nowMs;
    if (tooSoon)
        return entraError("slow_down", 0,
            QStringLiteral("The client is polling too quickly and should back off."), request, nowMs);
    const DemoUser *autoApprove = m_directories.findUser(m_options.autoApproveUser);
    if (it->state == DeviceCode::State::Pending && !m_options.autoApproveUser.isEmpty() && autoApprove) {
        if (!it->tenantId.isEmpty() && autoApprove->tenantId != it->tenantId) {
            it->state = DeviceCode::State::Spent;
            return entraError("invalid_grant", 50020,
                notInTenant(QStringLiteral("{EmailHidden}"), *autoApprove, it->tenantId, it->clientId),
                request, nowMs);
        }
        it->state = DeviceCode::State::Approved;
        it->userKey = autoApprove->key;
    } else if (it->state == DeviceCode::State::Approved) {
        it->state = DeviceCode::State::Spent;
        return tokens(*m_directories.findUser(it->userKey), it->clientId, it->scope, nowMs,
            it->cp1 || declaresCp1(formValue(form, QStringLiteral("claims"))));
    }
    return entraError("authorization_pending", 70016,
        QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling."), request,
        nowMs);
}

HttpResponse IdentityService::tokens(
    const DemoUser &user, const QString &clientId, const QString &requestedScope, qint64 nowMs, bool cp1)
{
    QString resource = QStringLiteral("https://graph.microsoft.com");
    for (const QString &scope : requestedScope.split(u' ', Qt::SkipEmptyParts)) {
        if (scope.contains(QLatin1String("://")) && scope.count(u'/') >= 3) {
            resource = scope.left(scope.lastIndexOf(u'/'));
            break;
        }
    }
    // Entra puts every scope the client holds for the resource in the token, asked for or not.
    const QString scopes = grantedScopes(user, clientId);
    QStringList granted;
    for (const QString &scope : scopes.split(u' ', Qt::SkipEmptyParts)) {
        const bool openId
            = scope == u"openid" || scope == u"profile" || scope == u"email" || scope == u"offline_access";
        granted.append(openId ? scope : resource + u'/' + scope);
    }

    const int lifetime = m_options.tokenLifetimeSecs;
    QByteArray body = R"({"token_type":"Bearer","scope":)";
    appendJsonString(body, granted.join(u' '));
    body.append(",\"expires_in\":").append(QByteArray::number(lifetime));
    body.append(",\"ext_expires_in\":").append(QByteArray::number(lifetime));
    const QByteArray accessToken = m_minter.mintAccessToken(user, scopes, nowMs, lifetime, cp1);
    const QByteArray refreshToken = m_minter.mintRefreshToken(user, clientId, nowMs, cp1);
    const QByteArray idToken = m_minter.mintIdToken(user, clientId, nowMs, lifetime);
    remember(SecretLedger::Kind::AccessToken, QString::fromLatin1(accessToken));
    remember(SecretLedger::Kind::RefreshToken, QString::fromLatin1(refreshToken));
    remember(SecretLedger::Kind::IdToken, QString::fromLatin1(idToken));
    body.append(",\"access_token\":");
    appendJsonString(body, accessToken);
    body.append(",\"refresh_token\":");
    appendJsonString(body, refreshToken);
    body.append(",\"id_token\":");
    appendJsonString(body, idToken);
    body.append('}');
    HttpResponse response = identityJson(200, std::move(body));
    response.tenant = user.tenantId;
    return response;
}

HttpResponse IdentityService::deviceCode(const DemoRequest &request, const Authority &authority, qint64 nowMs)
{
    const auto form = parseForm(request.body);
    const QString clientId = formValue(form, QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return missingParameter(QStringLiteral("client_id"), request, nowMs);
    QString userCode;
    do {
        userCode.clear();
        for (int i = 0; i < 8; ++i) {
            if (i == 4)
                userCode += u'-';
            userCode += QChar(u'A' + QRandomGenerator::global()->bounded(26));
        }
    } while (findUserCode(userCode));
    const QString code = QStringLiteral("DAQABAAEAAAD.") + QString::fromLatin1(randomOpaque(48));
    remember(SecretLedger::Kind::DeviceCode, code);
    DeviceCode entry;
    entry.userCode = userCode;
    entry.clientId = clientId;
    entry.scope = formValue(form, QStringLiteral("scope"));
    entry.cp1 = declaresCp1(formValue(form, QStringLiteral("claims")));
    entry.issuedMs = nowMs;
    if (authority.tenant)
        entry.tenantId = authority.tenant->tenantId();
    m_deviceCodes.insert(code, entry);

    const QString verificationUri
        = m_baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/devicelogin");
    QByteArray body = "{\"user_code\":";
    appendJsonString(body, userCode);
    body.append(",\"device_code\":");
    appendJsonString(body, code);
    body.append(",\"verification_uri\":");
    appendJsonString(body, verificationUri);
    body.append(",\"expires_in\":").append(QByteArray::number(kDeviceCodeLifetimeSecs));
    body.append(",\"interval\":").append(QByteArray::number(m_options.deviceCodeIntervalSecs));
    body.append(",\"message\":");
    appendJsonString(body,
        QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                       "authenticate.")
            .arg(verificationUri, userCode));
    body.append('}');
    return identityJson(200, std::move(body));
}

IdentityService::DeviceCode *IdentityService::findUserCode(const QString &userCode)
{
    const QString wanted = normalizedUserCode(userCode);
    for (auto &entry : m_deviceCodes) {
        if (normalizedUserCode(entry.userCode) == wanted)
            return &entry;
    }
    return nullptr;
}

HttpResponse IdentityService::deviceLogin(const DemoRequest &request, qint64 nowMs)
{
    const QString userCode = request.queryValue(QStringLiteral("user_code"));
    const auto usable = [&](DeviceCode *entry) {
        return entry && entry->state == DeviceCode::State::Pending
            && nowMs - entry->issuedMs <= kDeviceCodeLifetimeSecs * 1000LL;
    };
    if (request.path == u"/devicelogin/approve" || request.path == u"/devicelogin/decline") {
        DeviceCode *entry = findUserCode(userCode);
        if (!usable(entry))
            return errorPage(QStringLiteral("The code '%1' is not valid or has expired.").arg(userCode));
        if (request.path.endsWith(QLatin1String("decline"))) {
            entry->state = DeviceCode::State::Declined;
            return page(200, QStringLiteral("Sign-in declined"),
                QStringLiteral("<p>You declined the sign-in. You can close this window.</p>"));
        }
        const DemoUser *user = m_directories.findUser(request.queryValue(QStringLiteral("user")));
        if (!user)
            return errorPage(
                QStringLiteral("Unknown demo user '%1'.").arg(request.queryValue(QStringLiteral("user"))));
        if (!entry->tenantId.isEmpty() && user->tenantId != entry->tenantId)
            return errorPage(QStringLiteral("AADSTS50020: ")
                + notInTenant(user->upn, *user, entry->tenantId, entry->clientId));
        entry->state = DeviceCode::State::Approved;
        entry->userKey = user->key;
        // Approving the sign-in on the device login page grants the scopes it asked for.
        m_consents[user->key + u' ' + entry->clientId].append(
            missingConsent(*user, entry->clientId, entry->scope));
        return page(200, QStringLiteral("You're signed in"),
            QStringLiteral("<p>You're signed in as %1 (%2) on the device. You can close this window.</p>")
                .arg(htmlEscape(user->displayName), htmlEscape(user->upn)));
    }
    QString html = QStringLiteral("<form action=\"/devicelogin/approve\" method=\"get\">"
                                  "<label>Code <input name=\"user_code\" value=\"%1\"></label> "
                                  "<label>Account <select name=\"user\">")
                       .arg(htmlEscape(userCode));
    const QList<DemoUser> users = allUsers(m_directories);
    for (const DemoUser &user : users)
        html += QStringLiteral("<option value=\"%1\">%2 (%3)</option>")
                    .arg(htmlEscape(user.key), htmlEscape(user.displayName), htmlEscape(user.upn));
    html += QStringLiteral("</select></label> <button type=\"submit\">Approve</button></form>\n<ul>\n");
    for (auto &entry : m_deviceCodes) {
        if (!usable(&entry))
            continue;
        html += QStringLiteral("<li>%1:").arg(entry.userCode);
        for (const DemoUser &user : users)
            html += QStringLiteral(
                " <a href=\"/devicelogin/approve?user_code=%1&amp;user=%2\">approve as %3 (%4)</a>")
                        .arg(entry.userCode, htmlEscape(user.key), htmlEscape(user.displayName),
                            htmlEscape(user.upn));
        html += QStringLiteral(" <a href=\"/devicelogin/decline?user_code=%1\">decline</a></li>\n")
                    .arg(entry.userCode);
    }
    html += QStringLiteral("</ul>");
    return page(200, QStringLiteral("Enter code"), html);
}

} // namespace keyturn::demo
