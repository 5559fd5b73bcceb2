#include "demo/GraphGateway.h"

namespace keyturn::demo {

namespace {

/// Graph's claims challenge after a session revocation (Continuous Access Evaluation).
HttpResponse claimsChallenge(qint64 revokedAtSecs, const GraphCall &call)
{
    HttpResponse response = graphError(401, QStringLiteral("InvalidAuthenticationToken"),
        QStringLiteral("Continuous access evaluation resulted in challenge with result: InteractionRequired "
                       "and code: TokenIssuedBeforeRevocationTimestamp"),
        call);
    const QByteArray claims = R"({"access_token":{"nbf":{"essential":true,"value":")"
        + QByteArray::number(revokedAtSecs) + R"("}}})";
    response.setHeader("WWW-Authenticate",
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
        "error=\"insufficient_claims\", claims=\""
            + claims.toBase64() + '"');
    return response;
}

HttpResponse invalidToken(AccessTokenCheck::Result result, const GraphCall &call)
{
    QString message;
    switch (result) {
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

} // namespace

struct GraphGateway::Tenant {
    Tenant(const DemoOptions &options, const DemoDirectory &directory, const TokenMinter &minter,
        const QUrl &baseUrl, qint64 referenceMs, SecretLedger *ledger)
        : store(DeviceGenerator::generate(options.devices, options.seed, referenceMs,
                    { directory.number(), directory.deviceNamePrefix(), directory.defaultDomain().toUtf8() }),
            options.actionDelaySecs)
        , graph(options, directory, minter, store, baseUrl, ledger)
    { }
    DeviceStore store;
    GraphService graph;
};

GraphGateway::GraphGateway(const DemoOptions &options, const DemoDirectories &directories,
    const TokenMinter &minter, const QUrl &baseUrl, const SessionRevocations &revocations, qint64 referenceMs,
    SecretLedger *ledger)
    : m_directories(directories)
    , m_minter(minter)
    , m_revocations(revocations)
{
    for (int i = 0; i < directories.size(); ++i)
        m_tenants.push_back(
            std::make_unique<Tenant>(options, directories.at(i), minter, baseUrl, referenceMs, ledger));
}

GraphGateway::~GraphGateway() = default;

DeviceStore &GraphGateway::store(int index)
{
    return m_tenants[static_cast<std::size_t>(index)]->store;
}

const DeviceStore &GraphGateway::store(int index) const
{
    return m_tenants[static_cast<std::size_t>(index)]->store;
}

AccessTokenCheck GraphGateway::check(const DemoRequest &request, qint64 nowMs) const
{
    const QByteArray authorization = request.header("Authorization").trimmed();
    QByteArray token;
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        token = authorization.mid(7).trimmed();
    return m_minter.verifyAccessToken(token, nowMs);
}

QString GraphGateway::tenantOf(const DemoRequest &request, qint64 nowMs) const
{
    const AccessTokenCheck token = check(request, nowMs);
    return token.result == AccessTokenCheck::Result::Valid ? token.tenantId : QString();
}

HttpResponse GraphGateway::handle(const DemoRequest &request, const GraphCall &call)
{
    const AccessTokenCheck token = check(request, call.nowMs);
    const DemoUser *user
        = token.result == AccessTokenCheck::Result::Valid ? m_directories.findUser(token.userKey) : nullptr;
    int tenant = -1;
    for (int i = 0; user && i < m_directories.size(); ++i) {
        if (m_directories.at(i).tenantId() == token.tenantId && user->tenantId == token.tenantId)
            tenant = i;
    }
    if (tenant < 0)
        return invalidToken(user ? AccessTokenCheck::Result::Malformed : token.result, call);

    // Continuous Access Evaluation: a cp1 client's token issued before its user's sessions were
    // revoked gets a claims challenge. Tokens without cp1 keep working until they expire.
    if (token.cp1 && m_revocations.isRevoked(user->key, token.issuedAtSecs))
        return claimsChallenge(m_revocations.revokedAtSecs(user->key), call);

    return m_tenants[static_cast<std::size_t>(tenant)]->graph.handle(request, call, *user, token.scopes);
}

} // namespace keyturn::demo
