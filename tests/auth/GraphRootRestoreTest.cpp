// A remembered sign-in meets a changed Graph root: the question comes before any keychain read or
// token request; No keeps the account's root, Yes moves the account (and the saved settings) to
// the new one. Fake token endpoint over real HTTP, the real keyring of the test session.
#include "auth/AccountStore.h"
#include "auth/AuthSettings.h"
#include "auth/BrowserLauncher.h"
#include "auth/GraphRootQuestion.h"
#include "auth/SignInController.h"
#include "auth/TokenStore.h"
#include "core/Clock.h"

#include "FakeTokenServer.h"
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace keyturn;
using namespace keyturn::test;

namespace {

const QString kOid = QStringLiteral("99999999-8888-7777-6666-555555555555");
const QString kTid = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kUpn = QStringLiteral("hana@example.com");
const QUrl kOtherGraph(QStringLiteral("http://127.0.0.1:9/graph-elsewhere"));

class NoBrowser final : public BrowserLauncher {
public:
    bool openUrl(const QUrl &) override
    {
        ++launches;
        return false;
    }
    int launches = 0;
};

/// Records the question and keeps the answer for the test to give later.
class HeldQuestion final : public GraphRootQuestion {
public:
    void ask(const QUrl &accountRoot, const QUrl &configuredRoot, QObject *context,
        std::function<void(bool)> answer) override
    {
        ++asks;
        askedAccountRoot = accountRoot;
        askedConfiguredRoot = configuredRoot;
        m_context = context;
        m_answer = std::move(answer);
    }
    void answer(bool send)
    {
        if (m_context && m_answer)
            std::exchange(m_answer, {})(send);
    }
    int asks = 0;
    QUrl askedAccountRoot, askedConfiguredRoot;

private:
    QPointer<QObject> m_context;
    std::function<void(bool)> m_answer;
};

class GraphRootRestore : public ::testing::Test {
protected:
    void SetUp() override
    {
        signedInConfig.authorityRoot = server.baseUrl();
        signedInConfig.graphRoot = server.baseUrl();
        Account account;
        account.upn = kUpn;
        account.tenantId = kTid;
        account.objectId = kOid;
        account.clientId = signedInConfig.clientId;
        account.authorityHost = Account::authorityHostOf(signedInConfig.authorityRoot);
        account.graphRoot = Account::graphRootOf(signedInConfig.graphRoot, signedInConfig.authorityRoot);
        AccountStore(&settings).save(account);
        saveAuthConfig(settings, signedInConfig);
        bool written = false;
        QObject context;
        store.write(account.keychainKey(), QStringLiteral("rt-1"), &context,
            [&](const TokenStore::Result &r) { written = r.status == TokenStore::Status::Ok; });
        ASSERT_TRUE(waitUntil([&] { return written; }));
        keychainKey = account.keychainKey();
        server.enqueue(
            QStringLiteral("/token"), { 200, tokenSuccessBody(kOid, kUpn, QStringLiteral("rt-2")) });
    }
    void TearDown() override
    {
        bool removed = false;
        QObject context;
        store.remove(keychainKey, &context, [&](const TokenStore::Result &) { removed = true; });
        waitUntil([&] { return removed; });
    }
    std::unique_ptr<SignInController> startWithGraphRoot(const QUrl &graphRoot)
    {
        auto controller = std::make_unique<SignInController>(&network, &store, &browser, clock);
        controller->setSettings(&settings);
        AuthConfig config = signedInConfig;
        config.graphRoot = graphRoot;
        controller->setConfig(config);
        controller->setRetryBaseDelay(std::chrono::milliseconds(10));
        return controller;
    }

    FakeTokenServer server;
    QNetworkAccessManager network;
    ManualClock clock;
    QTemporaryDir dir;
    QSettings settings{ dir.filePath(QStringLiteral("keyturn.ini")), QSettings::IniFormat };
    TokenStore store{
        QStringLiteral("KeyturnTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
    };
    NoBrowser browser;
    AuthConfig signedInConfig;
    QString keychainKey;
};

} // namespace

TEST_F(GraphRootRestore, TheSameRootRestoresWithoutAsking)
{
    HeldQuestion question;
    auto controller = startWithGraphRoot(QUrl(server.baseUrl().toString() + QLatin1Char('/')));
    controller->setGraphRootQuestion(&question);
    QSignalSpy finished(controller.get(), &SignInController::restoreFinished);
    controller->restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.first().first().toBool());
    EXPECT_EQ(question.asks, 0);
}

TEST_F(GraphRootRestore, AskedBeforeAnyTokenRequestAndNoKeepsTheAccountsRoot)
{
    HeldQuestion question;
    auto controller = startWithGraphRoot(kOtherGraph);
    controller->setGraphRootQuestion(&question);
    QSignalSpy finished(controller.get(), &SignInController::restoreFinished);
    controller->restoreSession();
    ASSERT_EQ(question.asks, 1);
    EXPECT_EQ(question.askedAccountRoot, server.baseUrl());
    EXPECT_EQ(question.askedConfiguredRoot, kOtherGraph);

    // While the question is open: no token request, and nobody gets an access token.
    std::optional<QString> token;
    QObject caller;
    controller->getAccessToken(false, &caller, [&](const QString &t, const QString &) { token = t; });
    QTest::qWait(200);
    EXPECT_EQ(server.requests().size(), 0);
    EXPECT_FALSE(token.has_value());
    EXPECT_EQ(controller->state(), SignInController::State::RestoringSession);

    question.answer(false);
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.first().first().toBool());
    ASSERT_TRUE(token.has_value());
    EXPECT_FALSE(token->isEmpty());
    EXPECT_EQ(controller->config().graphRoot, server.baseUrl());
    ASSERT_TRUE(controller->account().has_value());
    EXPECT_EQ(controller->account()->graphRootUrl(controller->config().authorityRoot), server.baseUrl());
    // Nothing remembered changed: the next start asks again.
    EXPECT_EQ(AccountStore(&settings).load()->graphRoot, QStringLiteral("loopback"));
    EXPECT_EQ(loadAuthConfig(settings).graphRoot, server.baseUrl());
    EXPECT_EQ(browser.launches, 0);
}

TEST_F(GraphRootRestore, YesMovesTheAccountAndTheSettingsToTheNewRoot)
{
    HeldQuestion question;
    auto controller = startWithGraphRoot(kOtherGraph);
    controller->setGraphRootQuestion(&question);
    QSignalSpy finished(controller.get(), &SignInController::restoreFinished);
    controller->restoreSession();
    ASSERT_EQ(question.asks, 1);
    EXPECT_EQ(server.requests().size(), 0);
    question.answer(true);
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.first().first().toBool());
    ASSERT_TRUE(controller->account().has_value());
    EXPECT_EQ(controller->account()->graphRootUrl(controller->config().authorityRoot), kOtherGraph);
    EXPECT_EQ(AccountStore(&settings).load()->graphRoot, kOtherGraph.toString());
    EXPECT_EQ(loadAuthConfig(settings).graphRoot, kOtherGraph);

    // The next start with the new root restores without asking.
    controller.reset();
    HeldQuestion again;
    auto next = startWithGraphRoot(kOtherGraph);
    next->setGraphRootQuestion(&again);
    QSignalSpy nextFinished(next.get(), &SignInController::restoreFinished);
    next->restoreSession();
    ASSERT_TRUE(waitUntil([&] { return nextFinished.size() == 1; }));
    EXPECT_TRUE(nextFinished.first().first().toBool());
    EXPECT_EQ(again.asks, 0);
}

TEST_F(GraphRootRestore, WithNobodyToAskTheAccountsRootIsKept)
{
    auto controller = startWithGraphRoot(kOtherGraph);
    QSignalSpy finished(controller.get(), &SignInController::restoreFinished);
    controller->restoreSession();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.first().first().toBool());
    EXPECT_EQ(controller->config().graphRoot, server.baseUrl());
}

TEST_F(GraphRootRestore, SignOutWhileAskingDropsTheLateAnswer)
{
    HeldQuestion question;
    auto controller = startWithGraphRoot(kOtherGraph);
    controller->setGraphRootQuestion(&question);
    controller->restoreSession();
    ASSERT_EQ(question.asks, 1);
    controller->signOut();
    question.answer(true);
    QTest::qWait(200);
    EXPECT_EQ(server.requests().size(), 0);
    EXPECT_EQ(controller->state(), SignInController::State::SignedOut);
}
