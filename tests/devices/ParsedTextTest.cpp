// The list parser's text: the strings must outlive the page body and stand alone (a change to one
// touches no other), text that is not plain ASCII (escapes, UTF-8) must come out as sent, and the
// search keys made from parsed records must be what the search compares.
#include "devices/DeviceListPage.h"
#include "devices/DeviceSearchKeys.h"

#include <gtest/gtest.h>

#include <vector>

using keyturn::DeviceRecord;
using keyturn::DeviceSearchKeys;
using keyturn::parseDevicePage;

namespace {

QString keyOf(const DeviceRecord &r)
{
    DeviceSearchKeys keys;
    keys.append(r);
    return QString::fromUtf8(keys.key(0));
}

} // namespace

TEST(ParsedText, SurvivesTheBodyAndMatchesWhatWasSent)
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
    EXPECT_EQ(keyOf(records[0]), QStringLiteral("j\u00fcrgen \"book\"\nj\u00fcrgen@example.com\nsn-1"));
    EXPECT_EQ(records[1].deviceName, QStringLiteral("\u00dcn\u00efcode-MAC"));
    EXPECT_EQ(records[1].serialNumber, QStringLiteral("\u00c4BC"));
    EXPECT_TRUE(records[1].azureADDeviceId.isEmpty());
    EXPECT_EQ(keyOf(records[1]), QStringLiteral("\u00fcn\u00efcode-mac\n\n\u00e4bc"));
    EXPECT_EQ(records[2].id, QStringLiteral("a3"));
    EXPECT_EQ(records[2].azureADDeviceId, QStringLiteral("aad-3"));
    EXPECT_EQ(keyOf(records[2]), QStringLiteral("plain-01\nbob@example.com\nx9"));
    // An empty name keeps its place in the key, so the user is never taken for the name.
    EXPECT_EQ(keyOf(records[3]), QStringLiteral("\ncarol@example.com\ns1"));
    EXPECT_EQ(records[4].deviceName, QStringLiteral("Dup-Second")); // the last of a repeated key
    EXPECT_EQ(records[4].serialNumber, QStringLiteral("s\\1"));
    // Each string stands alone: changing one leaves the others (and copies) as they were.
    const QString name = records[2].deviceName;
    records[2].deviceName.append(QStringLiteral("-X"));
    records[2].userPrincipalName[0] = u'B';
    EXPECT_EQ(name, QStringLiteral("PLAIN-01"));
    EXPECT_EQ(records[2].deviceName, QStringLiteral("PLAIN-01-X"));
    EXPECT_EQ(records[2].userPrincipalName, QStringLiteral("Bob@example.com"));
    EXPECT_EQ(records[2].serialNumber, QStringLiteral("X9"));
    EXPECT_EQ(records[3].userPrincipalName, QStringLiteral("Carol@Example.com"));
    EXPECT_EQ(records[2].serialNumber.utf16()[records[2].serialNumber.size()], 0); // terminated
}

TEST(ParsedText, LongValuesWithEscapesAndControlCharactersAtAnyOffset)
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
        const QString key = keyOf(withName.records[0]);
        EXPECT_EQ(key,
            (withName.records[0].deviceName + u'\n' + u'\n' + withName.records[0].serialNumber)
                .toCaseFolded())
            << at;
        EXPECT_TRUE(key.startsWith(QString::fromLatin1(name.toLower()))) << at;

        const QByteArray high = R"({"value":[{"id":")" + before + "\xc3\xa9" + after + R"("}]})";
        const keyturn::DevicePage utf8 = parseDevicePage(high);
        ASSERT_TRUE(utf8.ok()) << at;
        EXPECT_EQ(utf8.records[0].id, QString::fromUtf8(before + "\xc3\xa9" + after)) << at;
    }
}
