// DemoLoad: a DeviceListLoader with its GraphClient and model against an in-process demo tenant
// over real HTTP, recording how each load ended; for the loader's end-to-end tests.
#pragma once

#include "common/TestSupport.h"
#include "demo/DemoTenant.h"
#include "devices/DeviceListLoader.h"
#include "devices/DeviceTableModel.h"
#include "graph/GraphClient.h"

#include <QNetworkReply>
#include <QSet>

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

namespace keyturn::test {

struct DemoLoad {
    explicit DemoLoad(keyturn::demo::DemoOptions options)
        : tenant(std::move(options))
    {
        QString error;
        started = tenant.start(&error);
        EXPECT_TRUE(started) << error.toStdString();
        tokens.setToken(tenant.mintAccessTokenForTests(QStringLiteral("helpdesk")));
        keyturn::GraphClientConfig config;
        config.graphRoot = tenant.baseUrl();
        config.maxAttempts = 10;
        config.baseBackoff = std::chrono::milliseconds(20);
        config.maxBackoff = std::chrono::milliseconds(200);
        client.setConfig(config);
        QObject::connect(&loader, &DeviceListLoader::finished, &model, [this](int n) { finishedWith = n; });
        QObject::connect(&loader, &DeviceListLoader::failed, &model, [this](const GraphError &e) {
            failure = e;
            ++failures;
        });
    }

    bool waitForEnd()
    {
        return waitUntil(
            [this] { return finishedWith.has_value() || failures > 0; }, std::chrono::seconds(60));
    }

    QSet<QString> ids() const
    {
        QSet<QString> set;
        for (const auto &r : model.records())
            set.insert(r.id);
        return set;
    }

    // POST a control to the tenant's /_demo endpoints.
    bool control(const QString &pathAndQuery)
    {
        QUrl url = tenant.baseUrl().resolved(QUrl(pathAndQuery));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = nam.post(request, QByteArray());
        const bool done = waitUntil([reply] { return reply->isFinished(); });
        const bool ok = done && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }

    keyturn::demo::DemoTenant tenant;
    bool started = false;
    QNetworkAccessManager nam;
    keyturn::StaticAccessTokenProvider tokens{ QString() };
    keyturn::SystemClock clock;
    keyturn::GraphClient client{ &nam, &tokens, clock };
    DeviceTableModel model;
    DeviceListLoader loader{ &client, &model };
    std::optional<int> finishedWith;
    GraphError failure;
    int failures = 0;
};

inline keyturn::demo::DemoOptions options(int devices)
{
    keyturn::demo::DemoOptions o;
    o.devices = devices;
    o.seed = 7;
    return o;
}

} // namespace keyturn::test
