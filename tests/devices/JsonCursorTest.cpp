// JsonCursor on its own: strings with escapes and surrogates, numbers, nesting, skipping and
// malformed text, read the way the list parser reads a page.
#include "devices/JsonCursor.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <string>

using keyturn::JsonCursor;

namespace {

// The single string value of `json` ("[...]" around it), decoded; error text when it fails.
QString stringOf(const QByteArray &json, bool *ok = nullptr)
{
    JsonCursor cursor(json);
    QString out;
    bool read = cursor.beginArray() && cursor.nextElement() && cursor.readString(&out);
    read = read && !cursor.nextElement() && cursor.expectEnd();
    if (ok)
        *ok = read;
    return read ? out : cursor.error();
}

// Skips one whole value and checks only whitespace follows.
bool skipsCleanly(const QByteArray &json, QString *error = nullptr)
{
    JsonCursor cursor(json);
    const bool ok = cursor.skipValue() && cursor.expectEnd();
    if (error)
        *error = cursor.error();
    return ok;
}

} // namespace

TEST(JsonCursor, StringsDecodeEveryEscape)
{
    EXPECT_EQ(stringOf(R"(["plain"])"), QStringLiteral("plain"));
    EXPECT_EQ(stringOf(R"([""])"), QString());
    EXPECT_EQ(stringOf(R"(["a\"b\\c\/d"])"), QStringLiteral("a\"b\\c/d"));
    EXPECT_EQ(stringOf(R"(["\b\f\n\r\t"])"), QStringLiteral("\b\f\n\r\t"));
    EXPECT_EQ(stringOf(R"(["J\u00fcrgen \u00DC"])"), QStringLiteral("J\u00fcrgen \u00dc"));
    EXPECT_EQ(stringOf("[\"J\xc3\xbcrgen\"]"), QStringLiteral("J\u00fcrgen")); // raw UTF-8
    EXPECT_EQ(stringOf(R"(["\u20ac\u0000x"])"), QString(QStringLiteral("\u20ac")) + QChar(0) + u'x');
    // A long string crosses the 16-byte scan blocks with an escape near each boundary.
    const std::string longText(40, 'x');
    EXPECT_EQ(stringOf(QByteArray::fromStdString("[\"" + longText.substr(0, 15) + "\\\"" + longText + "\"]")),
        QString::fromStdString(longText.substr(0, 15) + "\"" + longText));
}

TEST(JsonCursor, SurrogatePairsJoinAndLoneHalvesBecomeReplacementCharacters)
{
    const QString grinning = QString::fromUcs4(U"\U0001F600");
    EXPECT_EQ(stringOf(R"(["\ud83d\ude00"])"), grinning);
    EXPECT_EQ(stringOf(R"(["<\uD83D\uDE00>"])"), u'<' + grinning + u'>');
    EXPECT_EQ(stringOf("[\"\xf0\x9f\x98\x80\"]"), grinning); // the same as raw UTF-8
    const QString replacement(QChar(0xFFFD));
    EXPECT_EQ(stringOf(R"(["\ud83d"])"), replacement); // high half alone at the end
    EXPECT_EQ(stringOf(R"(["\ude00x"])"), replacement + u'x'); // low half alone
    EXPECT_EQ(stringOf(R"(["\ud83d\u0041"])"), replacement + u'A'); // high half, then not a low one
    EXPECT_EQ(stringOf(R"(["\ud83d\ud83d\ude00"])"), replacement + grinning);
}

TEST(JsonCursor, BadStringsFailWithAReasonAndWhere)
{
    const struct {
        QByteArray json;
        const char *reason;
    } cases[] = {
        { R"(["\x"])", "bad escape in a string" },
        { R"(["\u12"])", "bad \\u escape in a string" },
        { R"(["\u12g4"])", "bad \\u escape in a string" },
        { "[\"tab\tinside\"]", "control character in a string" },
        { R"(["unterminated)", "unterminated string" },
        { R"(["ends in a backslash\)", "unterminated string" },
    };
    for (const auto &c : cases) {
        bool ok = true;
        EXPECT_EQ(stringOf(c.json, &ok), QString::fromLatin1(c.reason)) << c.json.constData();
        EXPECT_FALSE(ok);
    }
    JsonCursor cursor(R"({"a": "\q"})");
    QByteArrayView key;
    ASSERT_TRUE(cursor.beginObject() && cursor.nextKey(&key));
    EXPECT_EQ(key, "a");
    QString value;
    EXPECT_FALSE(cursor.readString(&value));
    EXPECT_EQ(cursor.offset(), 10); // just after the string: escapes are checked as it is decoded
    EXPECT_FALSE(cursor.nextKey(&key)); // every call fails after the first error
    EXPECT_FALSE(cursor.expectEnd());
}

TEST(JsonCursor, RawStringsLeaveEscapesForLater)
{
    JsonCursor cursor(R"(["plain", "with \"quote\"", 7, "last"])");
    ASSERT_TRUE(cursor.beginArray());
    QByteArrayView raw;
    bool escaped = true;
    ASSERT_TRUE(cursor.nextElement());
    ASSERT_TRUE(cursor.readRawString(&raw, &escaped));
    EXPECT_EQ(raw, "plain");
    EXPECT_FALSE(escaped);
    ASSERT_TRUE(cursor.nextElement());
    ASSERT_TRUE(cursor.readRawString(&raw, &escaped));
    EXPECT_EQ(raw, R"(with \"quote\")");
    EXPECT_TRUE(escaped);
    QString decoded;
    ASSERT_TRUE(cursor.decode(raw, &decoded));
    EXPECT_EQ(decoded, QStringLiteral("with \"quote\""));
    ASSERT_TRUE(cursor.nextElement());
    EXPECT_FALSE(cursor.readRawString(&raw, &escaped)); // a number: skipped, not a string
    EXPECT_FALSE(cursor.failed());
    ASSERT_TRUE(cursor.nextElement());
    EXPECT_EQ(cursor.stringOrEmpty(), QStringLiteral("last"));
    EXPECT_FALSE(cursor.nextElement());
    EXPECT_TRUE(cursor.expectEnd());
}

TEST(JsonCursor, NumbersFollowTheGrammar)
{
    const struct {
        const char *json;
        double value;
    } good[] = { { "0", 0 }, { "-0", 0 }, { "42", 42 }, { "-17", -17 }, { "3.25", 3.25 }, { "1e3", 1000 },
        { "2E-2", 0.02 }, { "-1.5e+2", -150 }, { "9007199254740993", 9007199254740992.0 } };
    for (const auto &c : good) {
        JsonCursor cursor(c.json);
        double value = -1;
        EXPECT_TRUE(cursor.readNumber(&value)) << c.json;
        EXPECT_DOUBLE_EQ(value, c.value) << c.json;
        EXPECT_TRUE(cursor.expectEnd()) << c.json;
    }
    for (const char *bad :
        { "-", "1.", ".5", "1e", "1e+", "+1", "01", "0x10", "1.5.2", "--1", "Infinity", "NaN" }) {
        JsonCursor cursor(bad);
        double value = 0;
        const bool ok = cursor.readNumber(&value) && cursor.expectEnd();
        EXPECT_FALSE(ok) << bad;
    }
    // Out of double's range: not a usable number, and nothing after it is misread.
    JsonCursor huge("[1e400, 5]");
    double value = 0;
    ASSERT_TRUE(huge.beginArray() && huge.nextElement());
    EXPECT_FALSE(huge.readNumber(&value));
    ASSERT_TRUE(huge.nextElement());
    EXPECT_TRUE(huge.readNumber(&value));
    EXPECT_EQ(value, 5);
    // Not a number: skipped and refused.
    JsonCursor text(R"(["7"])");
    ASSERT_TRUE(text.beginArray() && text.nextElement());
    EXPECT_FALSE(text.readNumber(&value));
    EXPECT_FALSE(text.nextElement());
    EXPECT_TRUE(text.expectEnd());
}

TEST(JsonCursor, ObjectsAndArraysNestAndSkip)
{
    const QByteArray json = R"( { "skip": {"a": [1, 2, {"b": null}], "c": "x\"}"},
        "keep" : true, "also": [ [], {}, [[false]] ], "last": "done" } )";
    JsonCursor cursor(json);
    ASSERT_TRUE(cursor.beginObject());
    QByteArrayView key;
    QStringList keys;
    bool keep = false;
    QString last;
    while (cursor.nextKey(&key)) {
        keys << QString::fromUtf8(key);
        if (key == "keep")
            keep = cursor.boolOrFalse();
        else if (key == "last")
            last = cursor.stringOrEmpty();
        else
            ASSERT_TRUE(cursor.skipValue()) << cursor.error().toStdString();
    }
    EXPECT_FALSE(cursor.failed()) << cursor.error().toStdString();
    EXPECT_TRUE(cursor.expectEnd());
    EXPECT_EQ(keys.join(u','), QStringLiteral("skip,keep,also,last"));
    EXPECT_TRUE(keep);
    EXPECT_EQ(last, QStringLiteral("done"));

    // Values of the wrong type read as QJsonValue would: "" and false, and the walk goes on.
    JsonCursor loose(R"([{"n": 1}, "yes", null, true])");
    ASSERT_TRUE(loose.beginArray());
    ASSERT_TRUE(loose.nextElement());
    EXPECT_EQ(loose.peek(), JsonCursor::Type::Object);
    EXPECT_EQ(loose.stringOrEmpty(), QString());
    ASSERT_TRUE(loose.nextElement());
    EXPECT_FALSE(loose.boolOrFalse());
    ASSERT_TRUE(loose.nextElement());
    EXPECT_EQ(loose.peek(), JsonCursor::Type::Null);
    EXPECT_FALSE(loose.boolOrFalse());
    ASSERT_TRUE(loose.nextElement());
    EXPECT_TRUE(loose.boolOrFalse());
    EXPECT_FALSE(loose.nextElement());
    EXPECT_TRUE(loose.expectEnd());
}

TEST(JsonCursor, DeepNestingIsRefusedNotRecursedInto)
{
    const QByteArray fine = QByteArray(200, '[') + QByteArray(200, ']');
    EXPECT_TRUE(skipsCleanly(fine));
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QString error;
    EXPECT_FALSE(skipsCleanly(deep, &error));
    EXPECT_EQ(error, QStringLiteral("nested too deeply"));
}

TEST(JsonCursor, MalformedTextFailsAtTheRightPlace)
{
    const struct {
        QByteArray json;
        const char *reason;
        qsizetype offset;
    } cases[] = {
        { "", "unexpected end of the text", 0 },
        { "   ", "unexpected end of the text", 3 },
        { "[1 2]", "missing comma between array elements", 3 },
        { "[1,]", "a value was expected", 3 },
        { "[1", "unterminated array", 2 },
        { R"({"a" 1})", "a colon was expected after a member name", 5 },
        { R"({"a":1 "b":2})", "missing comma between members", 7 },
        { R"({"a":1,})", "a member name was expected", 7 },
        { R"({a:1})", "a member name was expected", 1 },
        { R"({"a":1)", "unterminated object", 6 },
        { "[tru]", "invalid literal", 1 },
        { "[nul", "invalid literal", 1 },
        { "{} {}", "content after the end of the text", 3 },
        { "[-]", "invalid number", 2 },
        { "['single']", "a value was expected", 1 },
    };
    for (const auto &c : cases) {
        QString error;
        EXPECT_FALSE(skipsCleanly(c.json, &error)) << c.json.constData();
        EXPECT_EQ(error, QString::fromLatin1(c.reason)) << c.json.constData();
        JsonCursor cursor(c.json);
        cursor.skipValue();
        cursor.expectEnd();
        EXPECT_EQ(cursor.offset(), c.offset) << c.json.constData();
    }
    // The first error stays: later calls neither move it nor change the reason.
    JsonCursor cursor("[1 2] garbage");
    EXPECT_FALSE(cursor.skipValue());
    EXPECT_FALSE(cursor.expectEnd());
    EXPECT_EQ(cursor.error(), QStringLiteral("missing comma between array elements"));
    EXPECT_EQ(cursor.offset(), 3);
    EXPECT_EQ(cursor.peek(), JsonCursor::Type::Invalid);
}

TEST(JsonCursor, TypeMismatchesAtTheTopFail)
{
    JsonCursor notObject("[1]");
    EXPECT_FALSE(notObject.beginObject());
    EXPECT_EQ(notObject.error(), QStringLiteral("an object was expected"));
    JsonCursor notArray(R"({"a":1})");
    EXPECT_FALSE(notArray.beginArray());
    EXPECT_EQ(notArray.error(), QStringLiteral("an array was expected"));
    JsonCursor whitespace(" \r\n\t{ \"a\" :\n[ ] }\n");
    EXPECT_TRUE(whitespace.skipValue());
    EXPECT_TRUE(whitespace.expectEnd());
}
