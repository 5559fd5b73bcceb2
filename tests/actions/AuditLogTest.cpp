#include "actions/AuditLog.h"
#include "core/Utc.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace keyturn;

namespace {

AuditEntry entry(const char *action, const char *outcome, int status, int minute)
{
    AuditEntry e;
    e.time = QDateTime(QDate(2026, 11, 21), QTime(10, minute, 7, 250), keyturn::utc());
    e.accountUpn = QStringLiteral("helpdesk@example.com");
    e.tenantId = QStringLiteral("7d3a1c9e-0000-4000-8000-000000000001");
    e.deviceId = QStringLiteral("0b9c2a6e-3b39-4f0e-9d5e-6f7a8b9c0d1e");
    e.deviceName = QStringLiteral("MAC-0042");
    e.actionId = QString::fromLatin1(action);
    e.httpStatus = status;
    e.requestId = QStringLiteral("req-%1").arg(minute);
    e.clientRequestId = QStringLiteral("client-%1").arg(minute);
    e.outcome = QString::fromLatin1(outcome);
    return e;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(AuditLog, AppendsJsonLinesAndReadsThemBackNewestFirst)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AuditLog log(dir.filePath(QStringLiteral("sub/dir"))); // created on first append
    QSignalSpy appended(&log, &AuditLog::appended);
    EXPECT_TRUE(log.readNewestFirst().isEmpty());

    const AuditEntry first = entry("rotateFileVaultKey", "sent", 204, 1);
    AuditEntry second = entry("rebootNow", "failed", 403, 2);
    second.errorCode = QStringLiteral("Forbidden");
    const AuditEntry third = entry("syncDevice", "unknown", 0, 3);
    for (const AuditEntry &e : { first, second, third })
        ASSERT_TRUE(log.append(e));
    EXPECT_EQ(appended.count(), 3);

    const QList<QByteArray> lines = readFile(log.filePath()).split('\n');
    ASSERT_EQ(lines.size(), 4); // three lines, each ending in '\n'
    EXPECT_TRUE(lines.last().isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
    for (const char *key : { "time", "account", "tenantId", "deviceId", "deviceName", "action", "httpStatus",
             "requestId", "outcome" })
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    EXPECT_EQ(o.value(QLatin1String("action")).toString(), QStringLiteral("rotateFileVaultKey"));
    EXPECT_EQ(o.value(QLatin1String("httpStatus")).toInt(), 204);

    const QList<AuditEntry> back = log.readNewestFirst();
    ASSERT_EQ(back.size(), 3);
    EXPECT_EQ(back.at(0), third);
    EXPECT_EQ(back.at(1), second);
    EXPECT_EQ(back.at(2), first);
    EXPECT_EQ(log.readNewestFirst(2).size(), 2);
    EXPECT_EQ(log.readNewestFirst(2).at(0), third);
}

TEST(AuditLog, SurvivesACorruptLineAndATruncatedLastLine)
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    ASSERT_TRUE(log.append(entry("syncDevice", "sent", 204, 1)));
    {
        QFile f(log.filePath());
        ASSERT_TRUE(f.open(QIODevice::Append));
        f.write("this is not json\n{\"time\":\"2026-11-21T10:02:00Z\"}\n{\"time\":\"2026-11-21T10:0");
    }
    ASSERT_TRUE(log.append(entry("rebootNow", "sent", 204, 5)));
    const QList<AuditEntry> back = log.readNewestFirst();
    ASSERT_EQ(back.size(), 2);
    EXPECT_EQ(back.at(0).actionId, QStringLiteral("rebootNow"));
    EXPECT_EQ(back.at(1).actionId, QStringLiteral("syncDevice"));
}

TEST(AuditLog, AFileThatCannotBeWrittenIsReportedNotHidden)
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    {
        QFile f(blocker);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly)); // a file where the log wants a folder
    }
    AuditLog log(blocker);
    QString error;
    EXPECT_FALSE(log.append(entry("syncDevice", "sent", 204, 1), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(AuditLog, DefaultsToTheAppDataLocation)
{
    AuditLog log;
    EXPECT_TRUE(log.filePath().endsWith(QStringLiteral("/audit.jsonl")));
    EXPECT_TRUE(log.filePath().contains(QStringLiteral("KeyturnTests"))) << log.filePath().toStdString();
}

TEST(AuditLog, FolderAndFileAreReadableByTheOwnerOnly)
{
    QTemporaryDir root;
    // Two levels that do not exist yet, as on a first start.
    const QString directory = root.filePath(QStringLiteral("Keyturn/Keyturn"));
    AuditLog log(directory);
    ASSERT_TRUE(log.append(entry("rotateFileVaultKey", "sent", 204, 1)));

    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    for (const QString &folder : { directory, root.filePath(QStringLiteral("Keyturn")) }) {
        const QFileInfo info(folder);
        EXPECT_TRUE(info.isDir());
        EXPECT_EQ(info.permissions() & others, QFileDevice::Permissions()) << folder.toStdString();
    }
    EXPECT_EQ(QFileInfo(log.filePath()).permissions() & others, QFileDevice::Permissions());

    // A log left readable by an older version is tightened on the next append.
    QFile::setPermissions(log.filePath(), QFileInfo(log.filePath()).permissions() | QFileDevice::ReadOther);
    QFile::setPermissions(directory, QFileInfo(directory).permissions() | QFileDevice::ReadOther);
    ASSERT_TRUE(log.append(entry("rotateFileVaultKey", "sent", 204, 2)));
    EXPECT_EQ(QFileInfo(log.filePath()).permissions() & others, QFileDevice::Permissions());
    EXPECT_EQ(QFileInfo(directory).permissions() & others, QFileDevice::Permissions());
}

TEST(AuditLog, ASendingLineAndItsOutcomeAreOneEntry)
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    AuditEntry first = entry("rotateFileVaultKey", "sending", 0, 1);
    first.entryId = QStringLiteral("e1");
    AuditEntry other = entry("syncDevice", "sending", 0, 2);
    other.entryId = QStringLiteral("e2");
    AuditEntry firstDone = entry("rotateFileVaultKey", "sent", 204, 3);
    firstDone.entryId = QStringLiteral("e1");
    ASSERT_TRUE(log.append(first));
    ASSERT_TRUE(log.append(other));
    ASSERT_TRUE(log.append(firstDone));

    const QList<AuditEntry> entries = log.readNewestFirst();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(0).entryId, QStringLiteral("e2"));
    EXPECT_EQ(entries.at(0).outcome, QStringLiteral("sending")); // no outcome line: crashed or in flight
    EXPECT_EQ(entries.at(1), firstDone);
    EXPECT_EQ(log.readNewestFirst(1).size(), 1);
}

TEST(AuditLog, AFinalStateLineAddsIntunesFinalStateToItsEntry)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AuditLog log(dir.path());
    AuditEntry sending = entry("rotateFileVaultKey", "sending", 0, 1);
    sending.entryId = QStringLiteral("e1");
    AuditEntry sent = entry("rotateFileVaultKey", "sent", 204, 1);
    sent.entryId = QStringLiteral("e1");
    AuditEntry other = entry("syncDevice", "sent", 204, 2);
    other.entryId = QStringLiteral("e2");
    AuditEntry final;
    final.time = QDateTime(QDate(2026, 11, 21), QTime(10, 5), keyturn::utc());
    final.entryId = QStringLiteral("e1");
    final.deviceId = sent.deviceId;
    final.deviceName = sent.deviceName;
    final.actionId = sent.actionId;
    final.finalState = QStringLiteral("failed");
    final.intuneErrorCode = -2016281112;
    ASSERT_TRUE(final.isFinalStateLine());
    for (const AuditEntry &e : { sending, sent, other, final })
        ASSERT_TRUE(log.append(e));

    const QList<QByteArray> lines = readFile(log.filePath()).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 4);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    EXPECT_EQ(last.value(QLatin1String("finalState")).toString(), QStringLiteral("failed"));
    EXPECT_EQ(last.value(QLatin1String("intuneErrorCode")).toInt(), -2016281112);

    const QList<AuditEntry> entries = log.readNewestFirst();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(0).entryId, QStringLiteral("e2"));
    EXPECT_TRUE(entries.at(0).finalState.isEmpty());
    AuditEntry expected = sent;
    expected.finalState = QStringLiteral("failed");
    expected.intuneErrorCode = -2016281112;
    EXPECT_EQ(entries.at(1), expected); // the outcome line's fields, plus the final state
}
