// HttpsTenant: shared pieces of the network tests. The run's certificates (made once per test
// executable), a demo tenant serving https with a chosen certificate, the tenant's request log
// read over https with the test CA trusted for that one request only, and a guard that puts the
// process-wide TLS and proxy settings back after each test.
#pragma once

#include "TestCertificates.h"
#include "demo/DemoTenant.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>

namespace keyturn::test {

/// The certificates of this test run (generated on first use).
const TestCertificates &runCertificates();

/// A started demo tenant serving https with pair; fails the test (and returns null) otherwise.
std::unique_ptr<demo::DemoTenant> startHttpsTenant(const CertificatePair &pair, int devices = 20);

/// GET /_demo/requests over https, trusting the run's CA (and the tenant's own certificate) for
/// this one observation request only. accepted: the exact certificate problems this observer
/// (never Keyturn) looks past, for tenants serving an expired or wrong-host certificate on purpose.
QJsonArray demoRequests(const demo::DemoTenant &tenant, const QList<QSslError::SslError> &accepted = {});

/// Restores QSslConfiguration's default and the proxy settings (and https_proxy/no_proxy) on exit.
class NetworkTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

private:
    QSslConfiguration m_savedTls;
    QByteArray m_savedHttpsProxy, m_savedNoProxy;
};

} // namespace keyturn::test
