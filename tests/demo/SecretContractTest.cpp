// The demo tenant hands out no secret a real identity provider would keep: /_demo/requests shows no
// sign-in secret, and tokens are signed with a random secret (or one kept in a private file), never
// one derived from the public seed.
#include "DemoHttp.h"
#include "common/TestSupport.h"
#include "demo/SecretLedger.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace keyturn::test;
using keyturn::demo::DemoOptions;
using keyturn::demo::DemoTenant;

namespace {

const QString kToken = QStringLiteral("/organizations/oauth2/v2.0/token");

/// keyturn-demo-tenant running as its own process.
class TenantProcess {
public:
    explicit TenantProcess(const QStringList &arguments)
    {
        m_process.start(QStringLiteral(KEYTURN_DEMO_TENANT_EXE),
            QStringList{ QStringLiteral("--devices"), QStringLiteral("20") } + arguments);
        if (!m_process.waitForStarted(10000)
            || !waitUntil([&] { return m_process.canReadLine(); }, std::chrono::seconds(10)))
            return;
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (line.startsWith(QLatin1String("listening on ")))
            m_baseUrl = QUrl(line.mid(13));
    }
    ~TenantProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QProcess m_process;
    QUrl m_baseUrl;
};

HttpResult refresh(DemoHttp &http, const QString &refreshToken)
{
    return http.postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
            { QStringLiteral("refresh_token"), refreshToken } });
}

int listStatus(DemoHttp &http, const QJsonObject &tokens)
{
    return http
        .get(kDevices + QStringLiteral("?$top=1"),
            tokens.value(QStringLiteral("access_token")).toString().toLatin1())
        .status;
}

} // namespace

TEST(DemoSecrets, RequestLogShowsNoSignInSecretAfterFullFlows)
{
    DemoOptions options;
    options.devices = 10;
    DemoTenant tenant(options);
    ASSERT_TRUE(tenant.start());
    DemoHttp http(tenant);

    const QString state = QStringLiteral("state-5ecret-value-0123456789");
    const QString verifier = QStringLiteral("verifier-5ecret-0123456789-0123456789-0123456789");
    const QString code
        = http.authorizeCode(QStringLiteral("helpdesk"), verifier, kRedirect, state, kCp1Claims);
    ASSERT_FALSE(code.isEmpty());
    const HttpResult tokens = http.postForm(kToken,
        { { QStringLiteral("client_id"), kClientId },
            { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
            { QStringLiteral("code"), code }, { QStringLiteral("redirect_uri"), kRedirect },
            { QStringLiteral("code_verifier"), verifier }, { QStringLiteral("claims"), kCp1Claims } });
    ASSERT_EQ(tokens.status, 200);
    ASSERT_EQ(refresh(http, tokens.json().value(QStringLiteral("refresh_token")).toString()).status, 200);
    ASSERT_EQ(listStatus(http, tokens.json()), 200);
    const QJsonObject grant = http.postForm(QStringLiteral("/organizations/oauth2/v2.0/devicecode"),
                                      { { QStringLiteral("client_id"), kClientId } })
                                  .json();
    const QString userCode = grant.value(QStringLiteral("user_code")).toString();
    ASSERT_EQ(
        http.get(QStringLiteral("/devicelogin/approve?user_code=%1&user=readonly").arg(userCode)).status,
        200);
    ASSERT_EQ(http.postForm(kToken,
                      { { QStringLiteral("client_id"), kClientId },
                          { QStringLiteral("grant_type"),
                              QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
                          { QStringLiteral("device_code"),
                              grant.value(QStringLiteral("device_code")).toString() } })
                  .status,
        200);

    const HttpResult log = http.get(QStringLiteral("/_demo/requests"));
    ASSERT_EQ(log.status, 200);
    const QString body = QString::fromUtf8(log.body);
    QStringList secrets = tenant.issuedSecretsForTests().all();
    ASSERT_GT(secrets.size(), 6);
    secrets << state << verifier << userCode << QStringLiteral("localhost:5555") << QStringLiteral("xms_cc")
            << DemoHttp::challengeFor(verifier);
    for (const QString &secret : secrets) {
        EXPECT_FALSE(body.contains(secret)) << qPrintable(secret.left(40));
        // Also not as the first part of a JWT (its header) or a token's opaque tail.
        if (secret.count(u'.') == 2) {
            EXPECT_FALSE(body.contains(secret.section(u'.', 1, 1))) << qPrintable(secret.left(40));
        }
    }
    EXPECT_TRUE(body.contains(QStringLiteral("state=[redacted]")));
    EXPECT_TRUE(body.contains(QStringLiteral("client_id=") + kClientId)); // what is not secret stays
}

TEST(DemoSecrets, TwoRunsWithoutASecretFileRejectEachOthersTokens)
{
    TenantProcess first({});
    TenantProcess second({});
    ASSERT_TRUE(first.baseUrl().isValid());
    ASSERT_TRUE(second.baseUrl().isValid());
    DemoHttp firstHttp(first.baseUrl());
    DemoHttp secondHttp(second.baseUrl());
    const QJsonObject tokens = firstHttp.signIn(QStringLiteral("helpdesk"));
    ASSERT_EQ(listStatus(firstHttp, tokens), 200);
    EXPECT_EQ(listStatus(secondHttp, tokens), 401);
    const HttpResult r = refresh(secondHttp, tokens.value(QStringLiteral("refresh_token")).toString());
    EXPECT_EQ(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

    // Skip tokens are signed too: a next link of the first run is refused by the second.
    QUrl next(firstHttp
                  .get(kDevices + QStringLiteral("?$top=3"),
                      tokens.value(QStringLiteral("access_token")).toString().toLatin1())
                  .json()
                  .value(QStringLiteral("@odata.nextLink"))
                  .toString());
    next.setPort(second.baseUrl().port());
    const QJsonObject secondTokens = secondHttp.signIn(QStringLiteral("helpdesk"));
    EXPECT_EQ(
        secondHttp.getUrl(next, secondTokens.value(QStringLiteral("access_token")).toString().toLatin1())
            .status,
        400);
}

TEST(DemoSecrets, TheSameSecretFileKeepsTokensAcrossRestartsAndIsPrivate)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nested/demo.secret"));
    QJsonObject tokens;
    {
        TenantProcess run({ QStringLiteral("--secret-file"), path });
        ASSERT_TRUE(run.baseUrl().isValid());
        DemoHttp http(run.baseUrl());
        tokens = http.signIn(QStringLiteral("helpdesk"));
        ASSERT_EQ(listStatus(http, tokens), 200);
    }
    const QFileInfo info(path);
    ASSERT_TRUE(info.exists());
    EXPECT_EQ(info.permissions() & ~(QFile::ReadUser | QFile::WriteUser),
        QFile::Permissions(QFile::ReadOwner | QFile::WriteOwner) & ~(QFile::ReadUser | QFile::WriteUser));
    EXPECT_FALSE(info.permissions().testAnyFlags(
        QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther));
    EXPECT_FALSE(QFileInfo(dir.filePath(QStringLiteral("nested")))
                     .permissions()
                     .testAnyFlags(QFile::ReadOther | QFile::ReadGroup));

    TenantProcess again({ QStringLiteral("--secret-file"), path });
    ASSERT_TRUE(again.baseUrl().isValid());
    DemoHttp http(again.baseUrl());
    EXPECT_EQ(listStatus(http, tokens), 200);
    const HttpResult refreshed = refresh(http, tokens.value(QStringLiteral("refresh_token")).toString());
    EXPECT_EQ(refreshed.status, 200) << refreshed.body.constData();
}

TEST(DemoSecrets, AnUnsafeOrMalformedSecretFileIsRefused)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString readable = dir.filePath(QStringLiteral("readable.secret"));
    {
        TenantProcess create({ QStringLiteral("--secret-file"), readable });
        ASSERT_TRUE(create.baseUrl().isValid());
    }
    ASSERT_TRUE(QFile::setPermissions(readable, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const auto shared
        = runProcess(QStringLiteral(KEYTURN_DEMO_TENANT_EXE), { QStringLiteral("--secret-file"), readable });
    EXPECT_EQ(shared.exitCode, 2);
    EXPECT_TRUE(shared.standardError.contains(QStringLiteral("readable by others")))
        << qPrintable(shared.standardError);

    const QString malformed = dir.filePath(QStringLiteral("malformed.secret"));
    QFile file(malformed);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner));
    file.write("not a secret\n");
    file.close();
    const auto broken
        = runProcess(QStringLiteral(KEYTURN_DEMO_TENANT_EXE), { QStringLiteral("--secret-file"), malformed });
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_TRUE(broken.standardError.contains(QStringLiteral("malformed")))
        << qPrintable(broken.standardError);
    EXPECT_TRUE(broken.standardOutput.isEmpty());

    // The library refuses it too (as keyturn --demo would see it).
    DemoOptions options;
    options.secretFile = malformed;
    DemoTenant tenant(options);
    QString error;
    EXPECT_FALSE(tenant.start(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("malformed")));
}
