// Proves the test session talks to a real Secret Service: a qtkeychain write, read, delete and
// read-after-delete round trip, with the item visible to secret-tool in between.
#include "common/TestSupport.h"

#include <gtest/gtest.h>

#include <QUuid>
#include <qt6keychain/keychain.h>

using keyturn::test::runProcess;
using keyturn::test::waitUntil;

namespace {

const QString kService = QStringLiteral("KeyturnTest");

template <typename Job> QKeychain::Error runJob(Job &job)
{
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &job, [&finished] { finished = true; });
    job.start();
    EXPECT_TRUE(waitUntil([&] { return finished; }, std::chrono::seconds(20)))
        << "keychain job did not finish";
    return job.error();
}

} // namespace

TEST(KeychainRoundTrip, WriteReadDeleteAgainstRealSecretService)
{
    const QString key
        = QStringLiteral("roundtrip:%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString secret
        = QStringLiteral("secret-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

    QKeychain::WritePasswordJob write(kService);
    write.setAutoDelete(false);
    write.setInsecureFallback(false);
    write.setKey(key);
    write.setTextData(secret);
    ASSERT_EQ(runJob(write), QKeychain::NoError) << write.errorString().toStdString();

    // The item is in the Secret Service itself, not in a file of ours: secret-tool finds it.
    const auto lookup = runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key });
    EXPECT_EQ(lookup.exitCode, 0) << lookup.standardError.toStdString();
    EXPECT_EQ(lookup.standardOutput.trimmed(), secret);

    QKeychain::ReadPasswordJob read(kService);
    read.setAutoDelete(false);
    read.setInsecureFallback(false);
    read.setKey(key);
    ASSERT_EQ(runJob(read), QKeychain::NoError) << read.errorString().toStdString();
    EXPECT_EQ(read.textData(), secret);

    QKeychain::DeletePasswordJob remove(kService);
    remove.setAutoDelete(false);
    remove.setInsecureFallback(false);
    remove.setKey(key);
    ASSERT_EQ(runJob(remove), QKeychain::NoError) << remove.errorString().toStdString();

    QKeychain::ReadPasswordJob readAgain(kService);
    readAgain.setAutoDelete(false);
    readAgain.setInsecureFallback(false);
    readAgain.setKey(key);
    EXPECT_EQ(runJob(readAgain), QKeychain::EntryNotFound);

    const auto lookupAfter = runProcess(QStringLiteral("secret-tool"),
        { QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key });
    EXPECT_TRUE(lookupAfter.standardOutput.trimmed().isEmpty());
}
