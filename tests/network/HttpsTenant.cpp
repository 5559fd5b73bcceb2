#include "HttpsTenant.h"

#include "common/TestSupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QSslCertificate>

#include <chrono>

namespace keyturn::test {

using namespace std::chrono_literals;

const TestCertificates &runCertificates()
{
    static const TestCertificates certificates;
    return certificates;
}

std::unique_ptr<demo::DemoTenant> startHttpsTenant(const CertificatePair &pair, int devices)
{
    demo::DemoOptions options;
    options.devices = devices;
    options.tlsCertificateFile = pair.certificate;
    options.tlsKeyFile = pair.key;
    options.autoApproveUser = QStringLiteral("helpdesk");
    auto tenant = std::make_unique<demo::DemoTenant>(options);
    QString error;
    if (!tenant->start(&error)) {
        ADD_FAILURE() << "the https demo tenant did not start: " << error.toStdString();
        return nullptr;
    }
    return tenant;
}

QJsonArray demoRequests(const demo::DemoTenant &tenant, const QList<QSslError::SslError> &accepted)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(tenant.baseUrl().resolved(QUrl(QStringLiteral("/_demo/requests"))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> served = QSslCertificate::fromPath(tenant.options().tlsCertificateFile);
    tls.addCaCertificates(QSslCertificate::fromPath(runCertificates().caCertificate()));
    tls.addCaCertificates(served); // the self-signed one is its own issuer
    request.setSslConfiguration(tls);
    QNetworkReply *reply = nam.get(request);
    if (!accepted.isEmpty() && !served.isEmpty()) {
        QList<QSslError> exact;
        for (const QSslError::SslError error : accepted)
            exact << QSslError(error, served.first());
        reply->ignoreSslErrors(exact);
    }
    waitUntil([&] { return reply->isFinished(); }, 5s);
    const QByteArray body = reply->readAll();
    EXPECT_EQ(reply->error(), QNetworkReply::NoError) << reply->errorString().toStdString();
    delete reply;
    return QJsonDocument::fromJson(body).array();
}

void NetworkTest::SetUp()
{
    ASSERT_TRUE(runCertificates().ok()) << runCertificates().error().toStdString();
    m_savedTls = QSslConfiguration::defaultConfiguration();
    m_savedHttpsProxy = qgetenv("https_proxy");
    m_savedNoProxy = qgetenv("no_proxy");
}

void NetworkTest::TearDown()
{
    QSslConfiguration::setDefaultConfiguration(m_savedTls);
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    const auto restore = [](const char *name, const QByteArray &value) {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    };
    restore("https_proxy", m_savedHttpsProxy);
    restore("no_proxy", m_savedNoProxy);
}

} // namespace keyturn::test
