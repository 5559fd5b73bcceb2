// The list parser's shared text blocks: the strings must behave like any QString (compare,
// outlive the page and the block, detach when changed, stay terminated), and text that is not
// plain ASCII (escapes, UTF-8) must come out the same as before.
#include "devices/DeviceListPage.h"
#include "devices/SharedStringBlock.h"

#include <gtest/gtest.h>

#include <vector>

using keyturn::DeviceRecord;
using keyturn::parseDevicePage;
using keyturn::SharedStringBlock;

TEST(SharedStringBlock, StringsOutliveTheBlockAndDetachWhenChanged)
{
    QString first, second, empty;
    {
        SharedStringBlock block(48, 5);
        ASSERT_TRUE(block.ascii("MAC-0042", &first));
        ASSERT_TRUE(block.ascii("alice@example.com", &second));
        ASSERT_TRUE(block.ascii("", &empty));
        QString notAscii; // room enough: refused for the byte that is not ASCII
        EXPECT_FALSE(block.ascii(QByteArrayView("J\xc3\xbcrgen"), &notAscii));
        EXPECT_TRUE(notAscii.isNull());
        QString tooLong;
        EXPECT_FALSE(block.ascii("this text does not fit in the rest of the block", &tooLong));
        EXPECT_TRUE(tooLong.isNull());
    } // the block goes; the strings hold it
    EXPECT_EQ(first, QStringLiteral("MAC-0042"));
    EXPECT_EQ(second, QStringLiteral("alice@example.com"));
    EXPECT_TRUE(empty.isEmpty());
    EXPECT_FALSE(empty.isNull());
    // Terminated, as QString's own data is.
    EXPECT_EQ(first.utf16()[first.size()], 0);
    EXPECT_EQ(second.utf16()[second.size()], 0);
    EXPECT_EQ(second.constData()[second.size()], QChar());

    QString copy = first;
    first.append(QStringLiteral("-X"));
    EXPECT_EQ(first, QStringLiteral("MAC-0042-X"));
    EXPECT_EQ(copy, QStringLiteral("MAC-0042")); // the shared original is untouched
    EXPECT_EQ(second, QStringLiteral("alice@example.com")); // and so is its neighbour
    second.clear();
    copy.replace(0, 3, QStringLiteral("PC"));
    EXPECT_EQ(copy, QStringLiteral("PC-0042"));
}

TEST(SharedStringBlock, ParsedTextSurvivesTheBodyAndMatchesWhatWasSent)
{
    std::vector<DeviceRecord> records;
    {
        QByteArray body = R"json({"value":[
 {"id":"a1","deviceName":"J\u00fcrgen \"Book\"","userPrincipalName":"J\u00DCRGEN@example.com","serialNumber":"SN-1"},
 {"id":"a2","deviceName":"Ünïcode-MAC","userPrincipalName":"","serialNumber":"ÄBC","azureADDeviceId":null},
 {"id":"a3","deviceName":"PLAIN-01","userPrincipalName":"bob@example.com","serialNumber":"X9","azureADDeviceId":"aad-3"},
 {"id":"a5","deviceName":"","userPrincipalName":"Carol@Example.com","serialNumber":"S1"},
 {"id":"","deviceName":"no id"},
 {"id":"a4","deviceName":"dup","deviceName":"Dup-Second","serialNumber":"s\\1"}
]})json";
        const keyturn::DevicePage page = parseDevicePage(body);
        ASSERT_TRUE(page.ok()) << page.error.toStdString();
        records = page.records;
        body.fill('x'); // the strings must not point into the body
    }
    ASSERT_EQ(records.size(), 5u);
    EXPECT_EQ(records[0].deviceName, QStringLiteral("J\u00fcrgen \"Book\""));
    EXPECT_EQ(records[0].userPrincipalName, QStringLiteral("J\u00dcRGEN@example.com"));
    EXPECT_EQ(records[0].searchKey, QStringLiteral("j\u00fcrgen \"book\"\nj\u00fcrgen@example.com\nsn-1"));
    EXPECT_EQ(records[1].deviceName, QStringLiteral("\u00dcn\u00efcode-MAC"));
    EXPECT_EQ(records[1].serialNumber, QStringLiteral("\u00c4BC"));
    EXPECT_TRUE(records[1].azureADDeviceId.isEmpty());
    EXPECT_EQ(records[1].searchKey, QStringLiteral("\u00fcn\u00efcode-mac\n\n\u00e4bc"));
    EXPECT_EQ(records[2].id, QStringLiteral("a3"));
    EXPECT_EQ(records[2].azureADDeviceId, QStringLiteral("aad-3"));
    EXPECT_EQ(records[2].searchKey, QStringLiteral("plain-01\nbob@example.com\nx9"));
    // An empty name keeps its place in the key, so the user is never taken for the name.
    EXPECT_EQ(records[3].searchKey, QStringLiteral("\ncarol@example.com\ns1"));
    EXPECT_EQ(records[4].deviceName, QStringLiteral("Dup-Second")); // the last of a repeated key
    EXPECT_EQ(records[4].serialNumber, QStringLiteral("s\\1"));
    // Every record gets the same key updateSearchKey() computes.
    for (const DeviceRecord &r : records) {
        DeviceRecord again = r;
        again.searchKey.clear();
        again.updateSearchKey();
        EXPECT_EQ(again.searchKey, r.searchKey) << r.id.toStdString();
    }
}

TEST(SharedStringBlock, LongValuesWithEscapesAndControlCharactersAtAnyOffset)
{
    // The string scanner reads many bytes at a time: put the special byte at every offset.
    for (int at = 0; at < 40; ++at) {
        const QByteArray before(at, 'a');
        const QByteArray after(37 - at % 7, 'b');
        const QByteArray escaped = R"({"value":[{"id":")" + before + R"(\"\\)" + after + R"("}]})";
        const keyturn::DevicePage page = parseDevicePage(escaped);
        ASSERT_TRUE(page.ok()) << at;
        ASSERT_EQ(page.records.size(), 1u);
        EXPECT_EQ(page.records[0].id, QString::fromLatin1(before + "\"\\" + after)) << at;

        const QByteArray control = R"({"value":[{"id":")" + before + '\t' + after + R"("}]})";
        EXPECT_FALSE(parseDevicePage(control).ok()) << at;
        // Names long enough for the wide paths, upper case and one non-ASCII letter anywhere.
        const QByteArray name = "DESKTOP-" + QByteArray(at, 'Q') + "Zz@" + QByteArray(at % 5, 'A');
        const QByteArray named = R"({"value":[{"id":"x","deviceName":")" + name + R"(","serialNumber":")"
            + (at % 2 ? QByteArray("S\u00c9R") : QByteArray("SER")) + R"("}]})";
        const keyturn::DevicePage withName = parseDevicePage(named);
        ASSERT_TRUE(withName.ok()) << at;
        DeviceRecord expected = withName.records[0];
        expected.searchKey.clear();
        expected.updateSearchKey();
        EXPECT_EQ(withName.records[0].searchKey, expected.searchKey) << at;
        EXPECT_TRUE(withName.records[0].searchKey.startsWith(QString::fromLatin1(name.toLower()))) << at;

        const QByteArray high = R"({"value":[{"id":")" + before + "\xc3\xa9" + after + R"("}]})";
        const keyturn::DevicePage utf8 = parseDevicePage(high);
        ASSERT_TRUE(utf8.ok()) << at;
        EXPECT_EQ(utf8.records[0].id, QString::fromUtf8(before + "\xc3\xa9" + after)) << at;
    }
}
