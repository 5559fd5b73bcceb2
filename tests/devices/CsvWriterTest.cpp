// CsvWriter: what a spreadsheet reads back is what the list showed, and nothing in a cell runs.
#include "devices/CsvWriter.h"

#include <QBuffer>

#include <gtest/gtest.h>

using keyturn::CsvWriter;

namespace {

QByteArray csvOf(const QList<QList<QString>> &rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    for (const QList<QString> &row : rows)
        writer.writeRow(row);
    EXPECT_TRUE(writer.ok());
    EXPECT_EQ(writer.rowCount(), rows.size());
    return buffer.data();
}

const QByteArray kBom("\xEF\xBB\xBF");

// A device that refuses every write, like a full disk.
class FullDevice final : public QIODevice {
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(QStringLiteral("No space left on device"));
        return -1;
    }
};

} // namespace

TEST(CsvWriter, StartsWithAByteOrderMarkAndEndsRecordsWithCrLf)
{
    EXPECT_EQ(csvOf({}), kBom);
    EXPECT_EQ(csvOf({ { QStringLiteral("Device name"), QStringLiteral("OS") },
                  { QStringLiteral("MAC-0042"), QStringLiteral("macOS") } }),
        kBom + "Device name,OS\r\nMAC-0042,macOS\r\n");
}

TEST(CsvWriter, QuotesFieldsWithCommasQuotesAndLineBreaksOnly)
{
    EXPECT_EQ(CsvWriter::field(u"plain text"), QStringLiteral("plain text"));
    EXPECT_EQ(CsvWriter::field(u"Smith, Alice"), QStringLiteral("\"Smith, Alice\""));
    EXPECT_EQ(CsvWriter::field(u"iPad Pro (11\") 4"), QStringLiteral("\"iPad Pro (11\"\") 4\""));
    EXPECT_EQ(CsvWriter::field(u"two\nlines"), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(CsvWriter::field(u"a\r\nb"), QStringLiteral("\"a\r\nb\""));
    EXPECT_EQ(CsvWriter::field(u""), QString());
    EXPECT_EQ(csvOf({ { QString(), QStringLiteral("x,y"), QString() } }), kBom + ",\"x,y\",\r\n");
}

TEST(CsvWriter, CellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe)
{
    EXPECT_EQ(
        CsvWriter::field(u"=HYPERLINK(\"http://x\")"), QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
    EXPECT_EQ(CsvWriter::field(u"+1 555"), QStringLiteral("'+1 555"));
    EXPECT_EQ(CsvWriter::field(u"-2+3"), QStringLiteral("'-2+3"));
    EXPECT_EQ(CsvWriter::field(u"@SUM(A1)"), QStringLiteral("'@SUM(A1)"));
    EXPECT_EQ(CsvWriter::field(u"\tcmd"), QStringLiteral("'\tcmd"));
    EXPECT_EQ(CsvWriter::field(u"\r=1"), QStringLiteral("\"'\r=1\""));
    // Only the first character counts.
    EXPECT_EQ(CsvWriter::field(u"MAC-0042"), QStringLiteral("MAC-0042"));
    EXPECT_EQ(CsvWriter::field(u"a=b"), QStringLiteral("a=b"));
}

TEST(CsvWriter, WritesUtf8)
{
    const QString name = QStringLiteral("Jürgen’s MacBook 💻");
    EXPECT_EQ(csvOf({ { name } }), kBom + name.toUtf8() + "\r\n");
}

TEST(CsvWriter, AFailedWriteIsReported)
{
    FullDevice device;
    device.open(QIODevice::WriteOnly);
    CsvWriter writer(&device);
    writer.writeRow({ QStringLiteral("a") });
    EXPECT_FALSE(writer.ok());
    EXPECT_EQ(device.errorString(), QStringLiteral("No space left on device"));
}
