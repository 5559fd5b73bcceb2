// RefreshTokenKeeper over a keychain whose answers the test gives by hand: the caller goes on after
// the prompt delay, the newest token is written once the prompt is answered, and a write let go of
// leaves no item behind.
#include "auth/RefreshTokenKeeper.h"

#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QPointer>
#include <QSignalSpy>

using namespace keyturn;
using keyturn::test::waitUntil;
using namespace std::chrono_literals;

namespace {

/// Holds every write until answered; deletes are recorded and answered at once.
class HandAnsweredStore final : public TokenStore {
public:
    HandAnsweredStore()
        : TokenStore(QStringLiteral("KeyturnKeeperTest"))
    {
        setPromptDelay(50ms);
    }
    struct Held {
        QString key;
        QString secret;
        QPointer<QObject> context;
        Callback callback;
    };
    QList<Held> held;
    QStringList written;
    QStringList removed;

    void read(const QString &, QObject *, Callback callback) override
    {
        callback({ Status::NotFound, {}, {} });
    }
    void write(const QString &key, const QString &secret, QObject *context, Callback callback) override
    {
        held.append({ key, secret, context, std::move(callback) });
    }
    void remove(const QString &key, QObject *, Callback callback) override
    {
        removed.append(key);
        callback({ Status::Ok, {}, {} });
    }
    void answerFirst(Status status)
    {
        Held job = held.takeFirst();
        if (status == Status::Ok)
            written.append(job.secret);
        if (job.context)
            job.callback({ status, QString(), status == Status::Ok ? QString() : QStringLiteral("denied") });
    }
};

} // namespace

TEST(RefreshTokenKeeper, GoesOnAfterThePromptDelayAndWritesTheNewestTokenWhenAnswered)
{
    HandAnsweredStore store;
    RefreshTokenKeeper keeper(&store);
    QSignalSpy waiting(&keeper, &RefreshTokenKeeper::waiting);
    QSignalSpy remembered(&keeper, &RefreshTokenKeeper::rememberedAfterWait);
    QSignalSpy failed(&keeper, &RefreshTokenKeeper::failed);

    bool firstWentOn = false;
    keeper.keep(QStringLiteral("k"), QStringLiteral("rt-1"), [&] { firstWentOn = true; });
    EXPECT_FALSE(firstWentOn);
    ASSERT_TRUE(waitUntil([&] { return firstWentOn; }, 5s));
    EXPECT_EQ(waiting.size(), 1);
    EXPECT_TRUE(keeper.isWaiting());

    // Refreshes during the prompt: they go on at once, and only the newest waits in line.
    bool secondWentOn = false;
    keeper.keep(QStringLiteral("k"), QStringLiteral("rt-2"), [&] { secondWentOn = true; });
    keeper.keep(QStringLiteral("k"), QStringLiteral("rt-3"), [] {});
    EXPECT_TRUE(secondWentOn);
    ASSERT_EQ(store.held.size(), 1);

    store.answerFirst(TokenStore::Status::Ok);
    EXPECT_EQ(remembered.size(), 1);
    ASSERT_EQ(store.held.size(), 1);
    EXPECT_EQ(store.held.first().secret, QStringLiteral("rt-3"));
    store.answerFirst(TokenStore::Status::Ok);
    EXPECT_EQ(store.written, QStringList({ QStringLiteral("rt-1"), QStringLiteral("rt-3") }));
    EXPECT_TRUE(store.removed.isEmpty());
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_FALSE(keeper.isWaiting());
}

TEST(RefreshTokenKeeper, AWriteLetGoOfIsRemovedWhenItLands)
{
    HandAnsweredStore store;
    RefreshTokenKeeper keeper(&store);
    QSignalSpy remembered(&keeper, &RefreshTokenKeeper::rememberedAfterWait);
    QSignalSpy failed(&keeper, &RefreshTokenKeeper::failed);
    bool wentOn = false;
    keeper.keep(QStringLiteral("k"), QStringLiteral("rt-1"), [&] { wentOn = true; });
    ASSERT_TRUE(waitUntil([&] { return wentOn; }, 5s));

    keeper.letGo();
    EXPECT_FALSE(keeper.isWaiting());
    store.answerFirst(TokenStore::Status::Ok);
    EXPECT_EQ(store.removed, QStringList({ QStringLiteral("k") }));
    EXPECT_TRUE(remembered.isEmpty());
    EXPECT_TRUE(failed.isEmpty());
}

TEST(RefreshTokenKeeper, ANewSignInAfterLettingGoKeepsItsOwnItem)
{
    HandAnsweredStore store;
    RefreshTokenKeeper keeper(&store);
    bool wentOn = false;
    keeper.keep(QStringLiteral("k"), QStringLiteral("old"), [&] { wentOn = true; });
    ASSERT_TRUE(waitUntil([&] { return wentOn; }, 5s));
    keeper.letGo();
    keeper.keep(QStringLiteral("k"), QStringLiteral("new"), [] {});

    store.answerFirst(TokenStore::Status::Ok); // the old write lands: the new one overwrites it
    EXPECT_TRUE(store.removed.isEmpty());
    ASSERT_EQ(store.held.size(), 1);
    store.answerFirst(TokenStore::Status::Ok);
    EXPECT_EQ(store.written, QStringList({ QStringLiteral("old"), QStringLiteral("new") }));
    EXPECT_TRUE(store.removed.isEmpty());
}

TEST(RefreshTokenKeeper, NoAnswerWithinTheWaitLimitFailsAndALateItemIsRemoved)
{
    HandAnsweredStore store;
    store.setWaitLimit(200ms);
    RefreshTokenKeeper keeper(&store);
    QSignalSpy failed(&keeper, &RefreshTokenKeeper::failed);
    keeper.keep(QStringLiteral("k"), QStringLiteral("rt-1"), [] {});
    ASSERT_TRUE(waitUntil([&] { return failed.size() == 1; }, 5s));
    EXPECT_FALSE(keeper.isWaiting());

    store.answerFirst(TokenStore::Status::Ok);
    EXPECT_EQ(store.removed, QStringList({ QStringLiteral("k") }));
}
