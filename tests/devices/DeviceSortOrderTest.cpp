// The sort-key engine and the search keys on their own, without a model: every column's order,
// both directions, ties, arrivals merged into a sorted list, and what a search finds.
#include "devices/DeviceSortOrder.h"
#include "devices/DeviceSearchKeys.h"
#include "devices/DeviceTableModel.h"

#include <QStringList>

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

using keyturn::DeviceRecord;
using keyturn::DeviceSearchKeys;
using keyturn::DeviceSortKey;
using keyturn::DeviceSortOrder;
using keyturn::DeviceTableModel;

namespace {

DeviceRecord device(const QString &name, const QString &user = {}, const QString &serial = {})
{
    DeviceRecord r;
    r.id = name + QStringLiteral("-id");
    r.deviceName = name;
    r.userPrincipalName = user;
    r.serialNumber = serial;
    return r;
}

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

struct Fleet {
    std::vector<DeviceRecord> records;
    DeviceSearchKeys keys;
    void add(DeviceRecord r)
    {
        keys.append(r);
        records.push_back(std::move(r));
    }
    QStringList names(const std::vector<DeviceSortKey> &order) const
    {
        QStringList out;
        for (const DeviceSortKey &k : order)
            out << records[static_cast<std::size_t>(k.row)].deviceName;
        return out;
    }
    QStringList sorted(int column, Qt::SortOrder order = Qt::AscendingOrder) const
    {
        const DeviceSortOrder engine(column, order, records, keys);
        return names(engine.sortedKeys(0, static_cast<int>(records.size()) - 1));
    }
};

} // namespace

TEST(DeviceSearchKeys, HoldFoldedNameUserAndSerial)
{
    DeviceSearchKeys keys;
    keys.append(
        device(QStringLiteral("MAC-0042"), QStringLiteral("Alice@Example.com"), QStringLiteral("C02XK1")));
    keys.append(device(QStringLiteral("J\u00dcRGEN-Book"), QString(), QStringLiteral("\u00c4BC")));
    keys.append(device(QString(), QStringLiteral("bob@example.com")));
    ASSERT_EQ(keys.size(), 3);
    EXPECT_EQ(keys.key(0), "mac-0042\nalice@example.com\nc02xk1");
    EXPECT_EQ(keys.name(0), "mac-0042");
    EXPECT_EQ(keys.user(0), "alice@example.com");
    EXPECT_EQ(QString::fromUtf8(keys.key(1)), QStringLiteral("j\u00fcrgen-book\n\n\u00e4bc"));
    EXPECT_EQ(keys.name(2), "");
    EXPECT_EQ(keys.user(2), "bob@example.com");
    keys.truncate(1);
    EXPECT_EQ(keys.size(), 1);
    keys.append(device(QStringLiteral("Other")));
    EXPECT_EQ(keys.key(1), "other\n\n");
    EXPECT_EQ(keys.key(0), "mac-0042\nalice@example.com\nc02xk1");
}

TEST(DeviceSearchKeys, FindTextInAnyFieldButNeverAcrossFields)
{
    DeviceSearchKeys keys;
    keys.append(
        device(QStringLiteral("MAC-0042"), QStringLiteral("alice@example.com"), QStringLiteral("C02XK1")));
    keys.append(
        device(QStringLiteral("J\u00fcrgen"), QStringLiteral("juergen@example.com"), QStringLiteral("SN-1")));
    keys.append(device(QStringLiteral("mac-0043"), QString(), QStringLiteral("XK")));
    const auto find = [&keys](const QString &text) {
        const QByteArray query = DeviceSearchKeys::foldQuery(text);
        const std::vector<std::uint8_t> all = keys.rowsContaining(query);
        QList<int> rows;
        for (int row = 0; row < keys.size(); ++row) {
            EXPECT_EQ(keys.contains(row, query), all[static_cast<std::size_t>(row)] != 0) << row;
            if (all[static_cast<std::size_t>(row)])
                rows << row;
        }
        return rows;
    };
    EXPECT_EQ(find(QStringLiteral("mac-00")), (QList<int>{ 0, 2 }));
    EXPECT_EQ(find(QStringLiteral("  ALICE ")), (QList<int>{ 0 }));
    EXPECT_EQ(find(QStringLiteral("xk")), (QList<int>{ 0, 2 }));
    EXPECT_EQ(find(QStringLiteral("J\u00dcR")), (QList<int>{ 1 })); // folded like the keys
    EXPECT_EQ(find(QStringLiteral("sn-1")), (QList<int>{ 1 }));
    EXPECT_EQ(find(QStringLiteral("42alice")), QList<int>{}); // name and user are separate
    EXPECT_EQ(find(QStringLiteral("42\nalice")), QList<int>{}); // a typed newline does not join them
    EXPECT_EQ(find(QStringLiteral("xk1mac")), QList<int>{}); // nor do two rows
    EXPECT_EQ(find(QString()), (QList<int>{ 0, 1, 2 }));
    EXPECT_EQ(find(QStringLiteral("example.com")), (QList<int>{ 0, 1 }));
}

TEST(DeviceSortOrder, NamesSortCaseInsensitivelyWithLongCommonPrefixes)
{
    Fleet fleet;
    for (const char *name : { "workstation-0000000010", "WORKSTATION-0000000002", "b", "A",
             "workstation-000000001", "\u00c4rger", "Zeta", "a" })
        fleet.add(device(QString::fromUtf8(name)));
    // Equal folded names keep arrival order ("A" before "a").
    // Folded bytes compare digit by digit: "...0002" < "...001" < "...0010".
    const QStringList expected = texts({ "A", "a", "b", "WORKSTATION-0000000002", "workstation-000000001",
        "workstation-0000000010", "Zeta", "\u00c4rger" });
    EXPECT_EQ(fleet.sorted(DeviceTableModel::Name), expected);
    QStringList descending = expected;
    std::reverse(descending.begin(), descending.end());
    EXPECT_EQ(fleet.sorted(DeviceTableModel::Name, Qt::DescendingOrder), descending);
    // Arrival order is the rows' order.
    QStringList arrival;
    for (const DeviceRecord &r : fleet.records)
        arrival << r.deviceName;
    EXPECT_EQ(fleet.sorted(-1), arrival);
}

TEST(DeviceSortOrder, EveryColumnSortsByItsValueThenByName)
{
    using C = DeviceRecord::Compliance;
    Fleet fleet;
    const auto add = [&fleet](const char *name, const char *version, C compliance, qint64 sync,
                         const char *os, const char *user) {
        DeviceRecord r = device(QString::fromLatin1(name), QString::fromLatin1(user));
        r.osVersion = QString::fromLatin1(version);
        r.compliance = compliance;
        r.lastSyncMsecs = sync;
        r.enrolledMsecs = -sync;
        r.operatingSystem = QString::fromLatin1(os);
        r.isEncrypted = sync % 2 == 0;
        fleet.add(std::move(r));
    };
    add("d", "10.0.22631", C::Compliant, 4, "Windows", "zed@x");
    add("b", "14.10", C::Noncompliant, 1, "macOS", "Amy@x");
    add("a", "14.9.1", C::InGracePeriod, 3, "MACOS", "");
    add("c", "10.0.9", C::Unknown, 2, "iOS", "bob@x");
    add("e", "beta-2", C::Error, 5, "Android", "amy@x");
    EXPECT_EQ(fleet.sorted(DeviceTableModel::OsVersion), (texts({ "e", "c", "d", "a", "b" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::Compliance), (texts({ "b", "a", "e", "c", "d" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::LastCheckIn), (texts({ "b", "c", "a", "d", "e" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::Enrolled), (texts({ "e", "d", "a", "c", "b" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::OS), (texts({ "e", "c", "a", "b", "d" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::PrimaryUser), (texts({ "a", "b", "e", "c", "d" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::Encrypted), (texts({ "a", "b", "e", "c", "d" })));
    EXPECT_EQ(fleet.sorted(DeviceTableModel::OS, Qt::DescendingOrder), (texts({ "d", "b", "a", "c", "e" })));
}

TEST(DeviceSortOrder, ArrivalsMergedIntoASortedListGiveTheSameOrderAsOneSort)
{
    std::mt19937 rng(7);
    Fleet fleet;
    for (int i = 0; i < 3000; ++i) {
        DeviceRecord r = device(QStringLiteral("Host-%1").arg(rng() % 500),
            QStringLiteral("user%1@example.com").arg(rng() % 40), QStringLiteral("SN%1").arg(rng() % 90));
        r.operatingSystem = (rng() % 2) ? QStringLiteral("Windows") : QStringLiteral("macOS");
        r.osVersion = QStringLiteral("%1.%2").arg(rng() % 15).arg(rng() % 3);
        if (rng() % 10 == 0)
            r.osVersion += QStringLiteral("-beta");
        fleet.add(std::move(r));
    }
    for (const int column :
        { int(DeviceTableModel::Name), int(DeviceTableModel::OS), int(DeviceTableModel::OsVersion),
            int(DeviceTableModel::PrimaryUser), int(DeviceTableModel::SerialNumber) }) {
        for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            const DeviceSortOrder engine(column, order, fleet.records, fleet.keys);
            const std::vector<DeviceSortKey> once = engine.sortedKeys(0, 2999);
            std::vector<DeviceSortKey> merged = engine.sortedKeys(0, 999);
            for (int first = 1000; first < 3000; first += 1000) {
                std::vector<DeviceSortKey> added;
                for (int row = first + 999; row >= first; --row)
                    added.push_back(engine.key(row));
                merged = engine.merged(merged, std::move(added));
            }
            ASSERT_EQ(merged.size(), once.size());
            for (std::size_t i = 0; i < once.size(); ++i)
                ASSERT_EQ(merged[i].row, once[i].row) << "column " << column << " at " << i;
            for (std::size_t i = 1; i < once.size(); ++i)
                ASSERT_FALSE(engine.less(once[i], once[i - 1])) << "column " << column << " at " << i;
        }
    }
}

TEST(DeviceSortOrder, VersionsCompareSegmentBySegment)
{
    EXPECT_LT(DeviceSortOrder::compareVersions(u"10.0.9", u"10.0.22631.4317"), 0);
    EXPECT_GT(DeviceSortOrder::compareVersions(u"14.10", u"14.9.1"), 0);
    EXPECT_EQ(DeviceSortOrder::compareVersions(u"17.05", u"17.5"), 0);
    EXPECT_LT(DeviceSortOrder::compareVersions(u"", u"1"), 0);
    EXPECT_LT(DeviceSortOrder::compareVersions(u"14", u"14.0"), 0);
    quint64 a = 0, b = 0;
    ASSERT_TRUE(DeviceSortOrder::packVersion(u"14", &a));
    ASSERT_TRUE(DeviceSortOrder::packVersion(u"14.0", &b));
    EXPECT_LT(a, b);
    ASSERT_TRUE(DeviceSortOrder::packVersion(u"10.0.22631.4317", &a));
    ASSERT_TRUE(DeviceSortOrder::packVersion(u"10.0.9", &b));
    EXPECT_GT(a, b);
    EXPECT_FALSE(DeviceSortOrder::packVersion(u"1.2.3.4.5", &a)); // more than four segments
    EXPECT_FALSE(DeviceSortOrder::packVersion(u"70000", &a)); // a segment too large
    EXPECT_FALSE(DeviceSortOrder::packVersion(u"14.", &a));
    EXPECT_FALSE(DeviceSortOrder::packVersion(u"", &a));
    EXPECT_FALSE(DeviceSortOrder::packVersion(u"17.5-beta", &a));
}
