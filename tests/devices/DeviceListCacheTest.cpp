// The on-disk device list cache: what is written reads back field for field through the list page
// parser, in chunks; the file and folder are owner-only; and a damaged, cut-short, foreign-account
// or other-version file is refused (never a crash), whatever the damage.
#include "devices/DeviceListCache.h"
#include "core/Utc.h"
#include "devices/DeviceListCacheFile.h"
#include "devices/DeviceListPage.h"
#include "devices/DevicePageJson.h"
#include "devices/DeviceTableModel.h"
#include "devices/DeviceVocabulary.h"

#include "common/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using keyturn::DeviceListCache;
using keyturn::DeviceListCacheFile;
using keyturn::DeviceRecord;

namespace {

/// The path's permissions for its owner, group and others (QFileDevice's own "user" bits left out):
/// owner-only means no group or other bit.
QFileDevice::Permissions ownerModes(const QString &path)
{
    const QFileDevice::Permissions all = QFileInfo(path).permissions();
    return all & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

const QString kAccount = QStringLiteral("global:tenant-1:object-1");
const QDateTime kListTime(QDate(2026, 12, 3), QTime(9, 12, 30, 250), keyturn::utc());

/// Devices with every field varied: each enum value, text that needs escaping, never-synced dates.
std::vector<DeviceRecord> makeDevices(int count)
{
    static const QString os[] = { QStringLiteral("macOS"), QStringLiteral("Windows"), QStringLiteral("iOS"),
        QStringLiteral("iPadOS"), QStringLiteral("Android"), QStringLiteral("Linux"),
        QStringLiteral("Other") };
    std::vector<DeviceRecord> devices;
    for (int i = 0; i < count; ++i) {
        DeviceRecord r;
        r.id = QStringLiteral("0b5f2c1e-1111-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        r.deviceName = i % 5 == 0 ? QStringLiteral("Zoë's \"Mac\"\\ %1\n\t\u2603").arg(i)
                                  : QStringLiteral("PC-%1").arg(i);
        r.operatingSystem = os[i % 7];
        r.osVersion = QStringLiteral("14.%1").arg(i % 9);
        r.userPrincipalName = i % 4 == 0 ? QString() : QStringLiteral("user%1@example.com").arg(i);
        r.serialNumber = QStringLiteral("C02X%1").arg(i);
        r.azureADDeviceId = i % 3 == 0 ? QString() : QStringLiteral("aad-%1").arg(i);
        r.model = QStringLiteral("MacBook Pro (%1)").arg(i % 3);
        r.lastSyncMsecs = i % 6 == 0 ? 0 : 1764000000000LL + i * 1001LL;
        r.enrolledMsecs = i % 7 == 0 ? 0 : 1700000000000LL + i * 60000LL;
        r.managementAgent = static_cast<DeviceRecord::ManagementAgent>(i % 13);
        r.ownership = static_cast<DeviceRecord::Ownership>(i % 3);
        r.compliance = static_cast<DeviceRecord::Compliance>(i % 7);
        r.joinType = static_cast<DeviceRecord::JoinType>(i % 4);
        r.platform = keyturn::platformFromOperatingSystem(r.operatingSystem);
        r.isEncrypted = i % 2 == 0;
        r.isSupervised = i % 3 == 1;
        devices.push_back(std::move(r));
    }
    return devices;
}

void expectSameDevice(const DeviceRecord &a, const DeviceRecord &b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.deviceName, b.deviceName);
    EXPECT_EQ(a.operatingSystem, b.operatingSystem);
    EXPECT_EQ(a.osVersion, b.osVersion);
    EXPECT_EQ(a.userPrincipalName, b.userPrincipalName);
    EXPECT_EQ(a.serialNumber, b.serialNumber);
    EXPECT_EQ(a.azureADDeviceId, b.azureADDeviceId);
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(a.lastSyncMsecs, b.lastSyncMsecs);
    EXPECT_EQ(a.enrolledMsecs, b.enrolledMsecs);
    EXPECT_EQ(a.managementAgent, b.managementAgent);
    EXPECT_EQ(a.ownership, b.ownership);
    EXPECT_EQ(a.compliance, b.compliance);
    EXPECT_EQ(a.platform, b.platform);
    EXPECT_EQ(a.joinType, b.joinType);
    EXPECT_EQ(a.isEncrypted, b.isEncrypted);
    EXPECT_EQ(a.isSupervised, b.isSupervised);
}

/// Every record the file gives, or nullopt (with why) when it is refused at any point.
std::optional<std::vector<DeviceRecord>> readAll(const QString &folder, const QString &account, QString *why)
{
    auto file = DeviceListCacheFile::open(folder, account, why);
    if (!file)
        return std::nullopt;
    std::vector<DeviceRecord> all;
    while (!file->atEnd()) {
        auto chunk = file->nextChunk(why);
        if (!chunk)
            return std::nullopt;
        all.insert(all.end(), chunk->begin(), chunk->end());
    }
    return all;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

class DeviceListCacheTest : public ::testing::Test {
protected:
    QString folder() const { return m_dir.path() + QStringLiteral("/keyturn/cache"); }
    QString path() const { return DeviceListCacheFile::pathFor(folder(), kAccount); }
    void write(const std::vector<DeviceRecord> &devices)
    {
        QString error;
        ASSERT_TRUE(DeviceListCacheFile::write(folder(), kAccount, kListTime, devices, &error))
            << error.toStdString();
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(DeviceListCacheTest, WhatIsWrittenReadsBackFieldForFieldInChunksOfAThousand)
{
    const auto devices = makeDevices(2503);
    write(devices);

    QString why;
    auto file = DeviceListCacheFile::open(folder(), kAccount, &why);
    ASSERT_TRUE(file) << why.toStdString();
    EXPECT_EQ(file->header().count, 2503);
    EXPECT_EQ(file->header().listTime, kListTime);
    EXPECT_EQ(file->header().accountKey, kAccount);
    std::vector<std::size_t> chunkSizes;
    std::vector<DeviceRecord> read;
    while (!file->atEnd()) {
        auto chunk = file->nextChunk(&why);
        ASSERT_TRUE(chunk) << why.toStdString();
        chunkSizes.push_back(chunk->size());
        read.insert(read.end(), chunk->begin(), chunk->end());
    }
    EXPECT_EQ(chunkSizes, (std::vector<std::size_t>{ 1000, 1000, 503 }));
    ASSERT_EQ(read.size(), devices.size());
    for (std::size_t i = 0; i < devices.size(); ++i)
        expectSameDevice(read[i], devices[i]);
}

TEST(DevicePageJson, DatesAreWrittenExactlyAsQtWritesThemAndReadBack)
{
    // Leap days, century years, before 1970, the last millisecond of a day and of 9999.
    const QDateTime dates[] = {
        QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), keyturn::utc()),
        QDateTime(QDate(2000, 2, 29), QTime(0, 0, 0, 1), keyturn::utc()),
        QDateTime(QDate(1900, 3, 1), QTime(12, 30, 5, 40), keyturn::utc()),
        QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), keyturn::utc()),
        QDateTime(QDate(1970, 1, 1), QTime(0, 0, 0, 1), keyturn::utc()),
        QDateTime(QDate(1601, 1, 1), QTime(0, 0), keyturn::utc()),
        QDateTime(QDate(2100, 12, 31), QTime(8, 9, 10, 11), keyturn::utc()),
        QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), keyturn::utc()),
    };
    std::vector<DeviceRecord> devices = makeDevices(static_cast<int>(std::size(dates)));
    for (std::size_t i = 0; i < devices.size(); ++i) {
        devices[i].enrolledMsecs = dates[i].toMSecsSinceEpoch();
        devices[i].lastSyncMsecs = dates[i].toMSecsSinceEpoch() - 1;
    }
    QByteArray json;
    keyturn::appendDevicePageJson(devices.data(), devices.size(), &json);
    for (const QDateTime &date : dates) {
        const QByteArray written
            = "\"enrolledDateTime\":\"" + date.toString(Qt::ISODateWithMs).toLatin1() + '"';
        EXPECT_TRUE(json.contains(written)) << written.toStdString();
    }
    const keyturn::DevicePage page = keyturn::parseDevicePage(json);
    ASSERT_TRUE(page.ok()) << page.error.toStdString();
    ASSERT_EQ(page.records.size(), devices.size());
    for (std::size_t i = 0; i < devices.size(); ++i)
        expectSameDevice(page.records[i], devices[i]);
}

TEST_F(DeviceListCacheTest, AnEmptyListIsKeptToo)
{
    write({});
    QString why;
    const auto read = readAll(folder(), kAccount, &why);
    ASSERT_TRUE(read) << why.toStdString();
    EXPECT_TRUE(read->empty());
}

TEST_F(DeviceListCacheTest, TheFileIsOwnerOnlyInAnOwnerOnlyFolderAndNamedByAHashOfTheAccount)
{
    write(makeDevices(10));
    EXPECT_EQ(ownerModes(path()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_EQ(ownerModes(folder()), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    EXPECT_FALSE(QFileInfo(path()).fileName().contains(QStringLiteral("tenant-1")));
    EXPECT_NE(DeviceListCacheFile::pathFor(folder(), kAccount),
        DeviceListCacheFile::pathFor(folder(), QStringLiteral("global:tenant-1:object-2")));
    // Rewritten over an existing file: still owner-only.
    write(makeDevices(3));
    EXPECT_EQ(ownerModes(path()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_F(DeviceListCacheTest, AFileOfAnotherAccountIsRefused)
{
    write(makeDevices(5));
    const QString other = QStringLiteral("global:tenant-2:object-9");
    ASSERT_TRUE(QFile::copy(path(), DeviceListCacheFile::pathFor(folder(), other)));
    QString why;
    EXPECT_FALSE(readAll(folder(), other, &why));
    EXPECT_TRUE(why.contains(QStringLiteral("another account"))) << why.toStdString();
}

TEST_F(DeviceListCacheTest, AFileOfAnotherFormatVersionIsRefused)
{
    write(makeDevices(5));
    QByteArray bytes = readBytes(path());
    const qsizetype lineEnd = bytes.indexOf('\n');
    QByteArray header = bytes.mid(33, lineEnd - 33);
    header.replace("\"version\":1", "\"version\":2");
    const QByteArray digest = QCryptographicHash::hash(header, QCryptographicHash::Md5).toHex();
    writeBytes(path(), digest + ' ' + header + bytes.mid(lineEnd));
    QString why;
    EXPECT_FALSE(readAll(folder(), kAccount, &why));
    EXPECT_TRUE(why.contains(QStringLiteral("version"))) << why.toStdString();
}

TEST_F(DeviceListCacheTest, AFileCutShortAnywhereIsRefused)
{
    write(makeDevices(1500));
    const QByteArray bytes = readBytes(path());
    QRandomGenerator random(14);
    std::vector<qsizetype> cuts{ 0, 1, 32, 33, bytes.indexOf('\n'), bytes.indexOf('\n') + 1,
        bytes.size() - 1 };
    for (int i = 0; i < 60; ++i)
        cuts.push_back(random.bounded(bytes.size()));
    for (const qsizetype cut : cuts) {
        writeBytes(path(), bytes.left(cut));
        QString why;
        EXPECT_FALSE(readAll(folder(), kAccount, &why)) << "cut at " << cut;
        if (cut > 0) {
            EXPECT_FALSE(why.isEmpty()) << "cut at " << cut;
        }
    }
}

TEST_F(DeviceListCacheTest, AnyDamagedByteIsNoticed)
{
    write(makeDevices(1200));
    const QByteArray bytes = readBytes(path());
    QRandomGenerator random(7);
    for (int i = 0; i < 150; ++i) {
        QByteArray damaged = bytes;
        const auto at = random.bounded(damaged.size());
        damaged[at] = static_cast<char>(damaged[at] ^ (1 + random.bounded(255)));
        writeBytes(path(), damaged);
        QString why;
        EXPECT_FALSE(readAll(folder(), kAccount, &why)) << "byte " << at;
    }
    // Garbage of every kind, not a crash.
    for (const QByteArray &garbage : { QByteArray(), QByteArray("\n"), QByteArray(5000, '\0'),
             QByteArray("{\"format\":\"keyturn-device-list\"}\n"), QByteArray(100000, '{') }) {
        writeBytes(path(), garbage);
        QString why;
        EXPECT_FALSE(readAll(folder(), kAccount, &why));
    }
}

TEST_F(DeviceListCacheTest, LoadAppendsTheListAndAnUnusableFileIsDeleted)
{
    write(makeDevices(2100));
    keyturn::DeviceTableModel model;
    DeviceListCache cache(folder());
    QSignalSpy found(&cache, &DeviceListCache::listFound);
    QSignalSpy loaded(&cache, &DeviceListCache::loaded);
    cache.load(kAccount, &model);
    ASSERT_TRUE(loaded.wait(10000));
    ASSERT_EQ(found.count(), 1);
    EXPECT_EQ(found.first().at(0).toInt(), 2100);
    EXPECT_EQ(found.first().at(1).toDateTime(), kListTime);
    EXPECT_EQ(loaded.first().at(0).toInt(), 2100);
    EXPECT_EQ(model.rowCount(), 2100);

    QByteArray bytes = readBytes(path());
    bytes[bytes.size() / 2] = '#';
    writeBytes(path(), bytes);
    keyturn::DeviceTableModel second;
    QSignalSpy unusable(&cache, &DeviceListCache::unusable);
    cache.load(kAccount, &second);
    ASSERT_TRUE(unusable.wait(10000));
    EXPECT_FALSE(unusable.first().at(0).toString().isEmpty());
    EXPECT_FALSE(QFile::exists(path())) << "a damaged file is deleted, to be replaced by the next list";
}

TEST_F(DeviceListCacheTest, SaveThenRemoveLeavesNoFile)
{
    DeviceListCache cache(folder());
    QSignalSpy saved(&cache, &DeviceListCache::saved);
    cache.save(kAccount, kListTime, makeDevices(20));
    ASSERT_TRUE(saved.wait(10000));
    EXPECT_TRUE(saved.first().at(0).toBool());
    EXPECT_TRUE(QFile::exists(path()));
    cache.remove(kAccount);
    cache.waitForDone();
    EXPECT_FALSE(QFile::exists(path()));
}

TEST_F(DeviceListCacheTest, ACancelledLoadAppendsNothingMore)
{
    write(makeDevices(5000));
    keyturn::DeviceTableModel model;
    DeviceListCache cache(folder());
    QSignalSpy loaded(&cache, &DeviceListCache::loaded);
    cache.load(kAccount, &model);
    cache.cancelLoad();
    cache.waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(loaded.count(), 0);
}
