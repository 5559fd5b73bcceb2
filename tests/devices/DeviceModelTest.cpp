#include "common/ProxyNames.h"
#include "common/TestSupport.h"
#include "devices/DeviceFilterProxy.h"
#include "devices/DeviceTableModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>

#include <algorithm>
#include <functional>

#include <gtest/gtest.h>

using keyturn::DeviceFilterProxy;
using keyturn::DeviceRecord;
using keyturn::DeviceTableModel;
using keyturn::test::namesInOrder;

namespace {

DeviceRecord device(const char *id, const char *name, DeviceRecord::Platform platform,
    DeviceRecord::Ownership ownership, const char *user = "", const char *serial = "",
    const char *osVersion = "1.0", qint64 lastSync = 0)
{
    DeviceRecord r;
    r.id = QString::fromLatin1(id);
    r.deviceName = QString::fromLatin1(name);
    r.platform = platform;
    r.ownership = ownership;
    r.userPrincipalName = QString::fromLatin1(user);
    r.serialNumber = QString::fromLatin1(serial);
    r.osVersion = QString::fromLatin1(osVersion);
    r.lastSyncMsecs = lastSync;
    return r;
}

std::vector<DeviceRecord> fleet()
{
    using P = DeviceRecord::Platform;
    using O = DeviceRecord::Ownership;
    std::vector<DeviceRecord> v;
    v.push_back(
        device("1", "MAC-0042", P::MacOS, O::Company, "alice.jones@example.com", "C02XK1", "14.6.1", 3000));
    v.push_back(device(
        "2", "DESKTOP-AB12", P::Windows, O::Company, "bob@example.com", "PF3ABCD", "10.0.22631.4317", 1000));
    v.push_back(device("3", "mac-0007", P::MacOS, O::Personal, "", "C02ZZZ", "14.10", 2000));
    v.push_back(device("4", "iPad-7", P::IPadOS, O::Company, "carol@example.com", "DMPX1", "17.5"));
    v.push_back(
        device("5", "iPhone-3", P::IOS, O::Personal, "alice.jones@example.com", "F2LX9", "17.4.1", 5000));
    v.push_back(
        device("6", "Pixel-8", P::Android, O::Personal, "dave@example.com", "ALICESERIAL", "14", 4000));
    v.push_back(device("7", "ubuntu-box", P::Linux, O::Company, "erin@example.com", "LNX1", "22.04"));
    v.push_back(device("8", "DESKTOP-9", P::Windows, O::Personal, "frank@example.com", "PF9", "10.0.9"));
    return v;
}

} // namespace

TEST(DeviceTableModel, PassesTheModelTesterThroughAppendReplaceAndClear)
{
    DeviceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto all = fleet();
    std::vector<DeviceRecord> first(all.begin(), all.begin() + 3);
    std::vector<DeviceRecord> second(all.begin() + 3, all.end());
    model.appendDevices(std::move(first));
    model.appendDevices(std::move(second));
    EXPECT_EQ(model.rowCount(), 8);
    EXPECT_EQ(model.columnCount(), DeviceTableModel::ColumnCount);
    model.replaceAll(fleet());
    EXPECT_EQ(model.rowCount(), 8);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(DeviceTableModel, ASnapshotKeepsItsRowsWhateverTheModelDoesMeanwhile)
{
    DeviceTableModel model;
    model.appendDevices(fleet());
    const auto shared = model.snapshot();
    EXPECT_EQ(shared.get(), &model.records()); // shared, not copied
    const std::vector<DeviceRecord> before = *shared;
    const auto sameAsBefore = [&] {
        ASSERT_EQ(shared->size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i)
            EXPECT_EQ((*shared)[i].id, before[i].id);
    };

    model.appendDevices(
        { device("9", "NEW-1", DeviceRecord::Platform::Windows, DeviceRecord::Ownership::Company) });
    sameAsBefore();
    EXPECT_EQ(model.rowCount(), static_cast<int>(before.size()) + 1);
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("9")), static_cast<int>(before.size()));

    const std::vector<DeviceRecord> taken = model.takeAll();
    sameAsBefore();
    EXPECT_EQ(taken.size(), before.size() + 1);
    EXPECT_EQ(model.rowCount(), 0);

    model.replaceAll(fleet());
    model.reserveRows(1000);
    model.clear();
    sameAsBefore();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(DeviceTableModel, ShowsWhatTheAdminCenterShows)
{
    DeviceTableModel model;
    auto records = fleet();
    records[0].managementAgent = DeviceRecord::ManagementAgent::Mdm;
    records[0].isEncrypted = true;
    records[1].managementAgent = DeviceRecord::ManagementAgent::ConfigurationManagerClientMdm;
    records[0].operatingSystem = QStringLiteral("macOS");
    model.appendDevices(std::move(records));
    const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    EXPECT_EQ(text(0, DeviceTableModel::Name), QStringLiteral("MAC-0042"));
    EXPECT_EQ(text(0, DeviceTableModel::ManagedBy), QStringLiteral("Intune"));
    EXPECT_EQ(text(1, DeviceTableModel::ManagedBy), QStringLiteral("Co-managed"));
    EXPECT_EQ(text(0, DeviceTableModel::Ownership), QStringLiteral("Corporate"));
    EXPECT_EQ(text(2, DeviceTableModel::Ownership), QStringLiteral("Personal"));
    EXPECT_EQ(text(0, DeviceTableModel::OS), QStringLiteral("macOS"));
    EXPECT_EQ(text(0, DeviceTableModel::OsVersion), QStringLiteral("14.6.1"));
    EXPECT_EQ(text(0, DeviceTableModel::PrimaryUser), QStringLiteral("alice.jones@example.com"));
    EXPECT_EQ(text(0, DeviceTableModel::Encrypted), QStringLiteral("Yes"));
    EXPECT_EQ(text(1, DeviceTableModel::Encrypted), QStringLiteral("No"));
    EXPECT_EQ(text(3, DeviceTableModel::LastCheckIn), QStringLiteral("Never"));
    EXPECT_FALSE(text(0, DeviceTableModel::LastCheckIn).isEmpty());
    EXPECT_EQ(model.index(0, DeviceTableModel::LastCheckIn).data(DeviceTableModel::RawValueRole).toLongLong(),
        3000);
    EXPECT_EQ(model.index(4, DeviceTableModel::Encrypted).data(DeviceTableModel::DeviceIdRole).toString(),
        QStringLiteral("5"));
    EXPECT_EQ(model.headerData(DeviceTableModel::PrimaryUser, Qt::Horizontal).toString(),
        QStringLiteral("Primary user UPN"));
}

TEST(DeviceTableModel, FindsRowsByIdAndDropsDuplicates)
{
    DeviceTableModel model;
    model.appendDevices(fleet());
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("4")), 3);
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("missing")), -1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    auto again = fleet();
    again.resize(2);
    again.push_back(device("9", "NEW-1", DeviceRecord::Platform::Windows, DeviceRecord::Ownership::Company));
    model.appendDevices(std::move(again));
    EXPECT_EQ(model.rowCount(), 9);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(model.record(8).deviceName, QStringLiteral("NEW-1"));
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("9")), 8);
}

TEST(DeviceFilterProxy, SearchMatchesNameUserAndSerialIgnoringCase)
{
    DeviceTableModel model;
    model.appendDevices(fleet());
    DeviceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(DeviceTableModel::Name);
    EXPECT_EQ(proxy.rowCount(), 8);

    proxy.setSearchText(QStringLiteral("mac-00"));
    EXPECT_EQ(namesInOrder(proxy), (QStringList{ QStringLiteral("mac-0007"), QStringLiteral("MAC-0042") }));
    proxy.setSearchText(QStringLiteral("ALICE"));
    // alice's two devices by user, and the Pixel whose serial contains ALICE.
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{ QStringLiteral("iPhone-3"), QStringLiteral("MAC-0042"), QStringLiteral("Pixel-8") }));
    proxy.setSearchText(QStringLiteral("pf3abcd"));
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("DESKTOP-AB12") });
    proxy.setSearchText(QStringLiteral("  "));
    EXPECT_EQ(proxy.rowCount(), 8);
    proxy.setSearchText(QStringLiteral("nothing-like-this"));
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(DeviceFilterProxy, PlatformAndOwnershipFiltersCombineWithSearch)
{
    DeviceTableModel model;
    model.appendDevices(fleet());
    DeviceFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(DeviceTableModel::Name);
    using PF = DeviceFilterProxy::PlatformFilter;
    using OF = DeviceFilterProxy::OwnershipFilter;

    proxy.setPlatformFilter(PF::MacOS);
    EXPECT_EQ(namesInOrder(proxy), (QStringList{ QStringLiteral("mac-0007"), QStringLiteral("MAC-0042") }));
    proxy.setOwnershipFilter(OF::Corporate);
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("MAC-0042") });
    proxy.setPlatformFilter(PF::IOS);
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("iPad-7") });
    proxy.setOwnershipFilter(OF::Any);
    EXPECT_EQ(namesInOrder(proxy), (QStringList{ QStringLiteral("iPad-7"), QStringLiteral("iPhone-3") }));
    proxy.setPlatformFilter(PF::LinuxOther);
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("ubuntu-box") });
    proxy.setPlatformFilter(PF::Windows);
    proxy.setOwnershipFilter(OF::Personal);
    proxy.setSearchText(QStringLiteral("desktop"));
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("DESKTOP-9") });
    proxy.setPlatformFilter(PF::All);
    proxy.setOwnershipFilter(OF::Any);
    proxy.setSearchText(QString());
    EXPECT_EQ(proxy.rowCount(), 8);
}

TEST(DeviceFilterProxy, SortsVersionsNumericallyAndDatesByTime)
{
    DeviceTableModel model;
    model.appendDevices(fleet());
    DeviceFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setPlatformFilter(DeviceFilterProxy::PlatformFilter::Windows);
    proxy.sort(DeviceTableModel::OsVersion, Qt::AscendingOrder);
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{ QStringLiteral("DESKTOP-9"), QStringLiteral("DESKTOP-AB12") })); // 10.0.9 < 10.0.22631

    proxy.setPlatformFilter(DeviceFilterProxy::PlatformFilter::MacOS);
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{ QStringLiteral("MAC-0042"), QStringLiteral("mac-0007") })); // 14.6.1 < 14.10

    proxy.setPlatformFilter(DeviceFilterProxy::PlatformFilter::All);
    proxy.sort(DeviceTableModel::LastCheckIn, Qt::DescendingOrder);
    const QStringList byDate = namesInOrder(proxy);
    EXPECT_EQ(byDate.mid(0, 5),
        (QStringList{ QStringLiteral("iPhone-3"), QStringLiteral("Pixel-8"), QStringLiteral("MAC-0042"),
            QStringLiteral("mac-0007"), QStringLiteral("DESKTOP-AB12") }));
}

TEST(DeviceFilterProxy, NewRowsAreFilteredAndSortedAsTheyArrive)
{
    DeviceTableModel model;
    DeviceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(DeviceTableModel::Name);
    proxy.setSearchText(QStringLiteral("desktop"));
    model.appendDevices(fleet());
    // Not paced: the rows are filtered and in place at once.
    EXPECT_TRUE(proxy.isSettled());
    EXPECT_EQ(
        namesInOrder(proxy), (QStringList{ QStringLiteral("DESKTOP-9"), QStringLiteral("DESKTOP-AB12") }));
    EXPECT_EQ(proxy.recordAt(0).id, QStringLiteral("8"));

    auto more = fleet();
    for (auto &r : more) {
        r.id += QStringLiteral("-b");
        r.deviceName = QStringLiteral("A-") + r.deviceName;
    }
    model.appendDevices(std::move(more));
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{ QStringLiteral("A-DESKTOP-9"), QStringLiteral("A-DESKTOP-AB12"),
            QStringLiteral("DESKTOP-9"), QStringLiteral("DESKTOP-AB12") }));
    proxy.setSearchText(QStringLiteral("desktop-9"));
    EXPECT_EQ(
        namesInOrder(proxy), (QStringList{ QStringLiteral("A-DESKTOP-9"), QStringLiteral("DESKTOP-9") }));
}

TEST(DeviceFilterProxy, PacedArrivalsWaitToBeShownAndSettled)
{
    DeviceTableModel model;
    DeviceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.setArrivalsPaced(true);
    proxy.sort(DeviceTableModel::Name);
    QSignalSpy arrived(&proxy, &DeviceFilterProxy::rowsArrived);
    model.appendDevices(fleet());
    EXPECT_EQ(arrived.count(), 1);
    EXPECT_EQ(proxy.rowCount(), 0);
    EXPECT_EQ(proxy.unshownRowCount(), 8);
    proxy.showArrived(); // at the end, in arrival order
    EXPECT_EQ(proxy.rowCount(), 8);
    EXPECT_EQ(proxy.unshownRowCount(), 0);
    EXPECT_FALSE(proxy.isSettled());
    EXPECT_EQ(namesInOrder(proxy).first(), QStringLiteral("MAC-0042"));
    proxy.settleSort();
    EXPECT_TRUE(proxy.isSettled());
    EXPECT_EQ(namesInOrder(proxy).first(), QStringLiteral("DESKTOP-9"));

    // A search typed while rows wait still shows them, in order.
    auto more = fleet();
    for (auto &r : more) {
        r.id += QStringLiteral("-b");
        r.deviceName = QStringLiteral("A-") + r.deviceName;
    }
    model.appendDevices(std::move(more));
    EXPECT_EQ(proxy.unshownRowCount(), 8);
    proxy.setSearchText(QStringLiteral("desktop-9"));
    EXPECT_EQ(proxy.unshownRowCount(), 0);
    EXPECT_EQ(
        namesInOrder(proxy), (QStringList{ QStringLiteral("A-DESKTOP-9"), QStringLiteral("DESKTOP-9") }));

    // Unpaced again: whatever waits shows in place.
    model.appendDevices(
        { device("new", "A-DESKTOP-90", DeviceRecord::Platform::Windows, DeviceRecord::Ownership::Company) });
    proxy.setArrivalsPaced(false);
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{
            QStringLiteral("A-DESKTOP-9"), QStringLiteral("A-DESKTOP-90"), QStringLiteral("DESKTOP-9") }));
}

TEST(DeviceTableModel, ManyRowsInBatchesAreIndexedOnceEach)
{
    DeviceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reserveRows(50);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    std::vector<std::vector<DeviceRecord>> batches(3);
    QStringList firstSeen; // the ids in order of first appearance: what the model must hold
    QSet<QString> seen;
    for (int i = 0; i < 3000; ++i) {
        // Every tenth record reuses an id from earlier, within its batch or from an earlier one.
        const int id = i % 10 == 9 ? i / 3 : i;
        const QByteArray idText = QByteArray::number(id);
        if (!seen.contains(QString::fromLatin1(idText))) {
            seen.insert(QString::fromLatin1(idText));
            firstSeen.append(QString::fromLatin1(idText));
        }
        batches[static_cast<std::size_t>(i / 1000)].push_back(
            device(idText.constData(), QByteArray("PC-" + QByteArray::number(i)).constData(),
                DeviceRecord::Platform::Windows, DeviceRecord::Ownership::Company));
    }
    model.appendDevices(std::move(batches));
    EXPECT_EQ(inserted.count(), 1);
    ASSERT_EQ(model.rowCount(), firstSeen.size());
    EXPECT_LT(model.rowCount(), 3000); // some were duplicates
    for (int row = 0; row < model.rowCount(); ++row) {
        ASSERT_EQ(model.record(row).id, firstSeen[row]);
        ASSERT_EQ(model.rowOfDevice(firstSeen[row]), row);
    }
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("missing")), -1);

    // The same ids again add nothing; new ones go at the end.
    const int before = model.rowCount();
    std::vector<DeviceRecord> again;
    again.push_back(
        device("0", "PC-0 again", DeviceRecord::Platform::Windows, DeviceRecord::Ownership::Company));
    again.push_back(device("new", "NEW", DeviceRecord::Platform::MacOS, DeviceRecord::Ownership::Company));
    model.appendDevices(std::move(again));
    EXPECT_EQ(model.rowCount(), before + 1);
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("new")), before);
    EXPECT_EQ(model.record(0).deviceName, QStringLiteral("PC-0"));

    model.replaceAll(fleet());
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("new")), -1);
    EXPECT_EQ(model.rowOfDevice(QStringLiteral("8")), 7);
}

TEST(DeviceFilterProxy, EncryptionFilterCombinesWithTheOthers)
{
    auto records = fleet();
    for (const int row : { 0, 2, 4 })
        records[static_cast<std::size_t>(row)].isEncrypted = true;
    DeviceTableModel model;
    model.appendDevices(std::move(records));
    DeviceFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&model);
    proxy.sort(DeviceTableModel::Name);
    using EF = DeviceFilterProxy::EncryptionFilter;

    proxy.setEncryptionFilter(EF::Encrypted);
    EXPECT_EQ(namesInOrder(proxy),
        (QStringList{ QStringLiteral("iPhone-3"), QStringLiteral("mac-0007"), QStringLiteral("MAC-0042") }));
    proxy.setPlatformFilter(DeviceFilterProxy::PlatformFilter::MacOS);
    proxy.setOwnershipFilter(DeviceFilterProxy::OwnershipFilter::Corporate);
    EXPECT_EQ(namesInOrder(proxy), QStringList{ QStringLiteral("MAC-0042") });
    proxy.setPlatformFilter(DeviceFilterProxy::PlatformFilter::All);
    proxy.setOwnershipFilter(DeviceFilterProxy::OwnershipFilter::Any);
    proxy.setEncryptionFilter(EF::NotEncrypted);
    EXPECT_EQ(proxy.rowCount(), 5);
    EXPECT_FALSE(namesInOrder(proxy).contains(QStringLiteral("MAC-0042")));
    proxy.setEncryptionFilter(EF::Any);
    EXPECT_EQ(proxy.rowCount(), 8);
}

TEST(DeviceFilterProxy, SortsByTheOptionalColumns)
{
    auto records = fleet();
    const char *models[] = { "MacBook Pro", "Latitude 7440", "iMac", "iPad Air", "iPhone 15", "Pixel 8",
        "ThinkPad T14", "latitude 5440" };
    for (std::size_t i = 0; i < records.size(); ++i) {
        records[i].model = QString::fromLatin1(models[i]);
        records[i].enrolledMsecs = static_cast<qint64>((i * 5) % 8) * 1000;
    }
    DeviceTableModel model;
    model.appendDevices(std::move(records));
    DeviceFilterProxy proxy;
    proxy.setSourceModel(&model);
    const auto column = [&proxy](int c) {
        QStringList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out.append(proxy.index(row, c).data().toString());
        return out;
    };

    proxy.sort(DeviceTableModel::SerialNumber, Qt::AscendingOrder);
    EXPECT_EQ(column(DeviceTableModel::SerialNumber),
        (QStringList{ QStringLiteral("ALICESERIAL"), QStringLiteral("C02XK1"), QStringLiteral("C02ZZZ"),
            QStringLiteral("DMPX1"), QStringLiteral("F2LX9"), QStringLiteral("LNX1"),
            QStringLiteral("PF3ABCD"), QStringLiteral("PF9") }));
    proxy.sort(DeviceTableModel::Model, Qt::DescendingOrder);
    EXPECT_EQ(column(DeviceTableModel::Model),
        (QStringList{ QStringLiteral("ThinkPad T14"), QStringLiteral("Pixel 8"),
            QStringLiteral("MacBook Pro"), QStringLiteral("Latitude 7440"), QStringLiteral("latitude 5440"),
            QStringLiteral("iPhone 15"), QStringLiteral("iPad Air"), QStringLiteral("iMac") }));
    proxy.sort(DeviceTableModel::Enrolled, Qt::AscendingOrder);
    QList<qint64> enrolled;
    for (int row = 0; row < proxy.rowCount(); ++row)
        enrolled.append(proxy.recordAt(row).enrolledMsecs);
    EXPECT_TRUE(std::is_sorted(enrolled.begin(), enrolled.end()));
    EXPECT_EQ(proxy.index(0, DeviceTableModel::Enrolled).data().toString(), QString()); // 0 = not known
    EXPECT_FALSE(proxy.index(1, DeviceTableModel::Enrolled).data().toString().isEmpty());

    // Rows arriving while sorted by a text column merge into place.
    auto more = fleet();
    for (auto &r : more) {
        r.id += QStringLiteral("-b");
        r.model = QStringLiteral("Mac mini");
    }
    proxy.sort(DeviceTableModel::Model, Qt::AscendingOrder);
    model.appendDevices(std::move(more));
    proxy.settleSort();
    const QStringList byModel = column(DeviceTableModel::Model);
    EXPECT_TRUE(std::is_sorted(byModel.begin(), byModel.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; }));
    EXPECT_EQ(byModel.count(QStringLiteral("Mac mini")), 8);
}

TEST(DeviceTableModel, OptionalColumnsShowSerialModelAndEnrollment)
{
    auto records = fleet();
    records[0].model = QStringLiteral("MacBook Air");
    records[0].enrolledMsecs = QDateTime(QDate(2024, 3, 1), QTime(9, 30)).toMSecsSinceEpoch();
    DeviceTableModel model;
    model.appendDevices(std::move(records));
    EXPECT_EQ(model.headerData(DeviceTableModel::SerialNumber, Qt::Horizontal).toString(),
        QStringLiteral("Serial number"));
    EXPECT_EQ(model.headerData(DeviceTableModel::Model, Qt::Horizontal).toString(), QStringLiteral("Model"));
    EXPECT_EQ(
        model.headerData(DeviceTableModel::Enrolled, Qt::Horizontal).toString(), QStringLiteral("Enrolled"));
    EXPECT_EQ(model.index(0, DeviceTableModel::SerialNumber).data().toString(), QStringLiteral("C02XK1"));
    EXPECT_EQ(model.index(0, DeviceTableModel::Model).data().toString(), QStringLiteral("MacBook Air"));
    EXPECT_EQ(model.index(0, DeviceTableModel::Enrolled).data().toString(),
        QLocale().toString(QDateTime(QDate(2024, 3, 1), QTime(9, 30)), QLocale::ShortFormat));
    EXPECT_TRUE(DeviceTableModel::isOptionalColumn(DeviceTableModel::Model));
    EXPECT_FALSE(DeviceTableModel::isOptionalColumn(DeviceTableModel::Encrypted));
}
