#include "devices/JsonCursor.h"

#include <cstring>

#include <utility>

namespace keyturn {

namespace {
constexpr int kMaxDepth = 256; // deeper nesting is refused rather than recursed into

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

void JsonCursor::skipSpaceSlow()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

bool JsonCursor::fail(const char *reason)
{
    if (m_error.isEmpty()) {
        m_error = QString::fromLatin1(reason);
        m_errorOffset = m_p - m_begin;
    }
    m_p = m_end;
    return false;
}

bool JsonCursor::beginObject()
{
    if (peek() != Type::Object)
        return fail("an object was expected");
    ++m_p;
    m_justOpened = true;
    return true;
}

bool JsonCursor::beginArray()
{
    if (peek() != Type::Array)
        return fail("an array was expected");
    ++m_p;
    m_justOpened = true;
    return true;
}

bool JsonCursor::decodeEscaped(const char *begin, const char *end, QString *out)
{
    QByteArray utf8;
    utf8.reserve(end - begin);
    for (const char *c = begin; c < end; ++c) {
        if (*c != '\\') {
            utf8.append(*c);
            continue;
        }
        if (++c >= end)
            return fail("bad escape in a string");
        switch (*c) {
        case '"':
        case '\\':
        case '/':
            utf8.append(*c);
            break;
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            if (end - c < 5)
                return fail("bad \\u escape in a string");
            char32_t unit = 0;
            for (int i = 1; i <= 4; ++i) {
                const int h = hexValue(c[i]);
                if (h < 0)
                    return fail("bad \\u escape in a string");
                unit = (unit << 4) | static_cast<char32_t>(h);
            }
            c += 4;
            char32_t codePoint = unit;
            // A surrogate pair arrives as two escapes.
            if (unit >= 0xD800 && unit <= 0xDBFF && end - c >= 7 && c[1] == '\\' && c[2] == 'u') {
                char32_t low = 0;
                bool ok = true;
                for (int i = 3; i <= 6; ++i) {
                    const int h = hexValue(c[i]);
                    ok = ok && h >= 0;
                    low = (low << 4) | static_cast<char32_t>(h < 0 ? 0 : h);
                }
                if (ok && low >= 0xDC00 && low <= 0xDFFF) {
                    codePoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    c += 6;
                }
            }
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
                codePoint = 0xFFFD; // a lone surrogate
            const QString s = QString::fromUcs4(&codePoint, 1);
            utf8.append(s.toUtf8());
            break;
        }
        default:
            return fail("bad escape in a string");
        }
    }
    *out = QString::fromUtf8(utf8);
    return true;
}

bool JsonCursor::readString(QString *out)
{
    if (peek() != Type::String)
        return false;
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escapes = false;
    if (!scanString(&begin, &end, &escapes))
        return false;
    if (!escapes) {
        *out = QString::fromUtf8(begin, end - begin);
        return true;
    }
    return decodeEscaped(begin, end, out);
}

QString JsonCursor::stringOrEmpty()
{
    QString s;
    if (!readString(&s))
        skipValue();
    return s;
}

bool JsonCursor::boolOrFalse()
{
    const Type type = peek();
    if (type == Type::True)
        return expectLiteral("true", 4);
    if (type == Type::False)
        expectLiteral("false", 5);
    else
        skipValue();
    return false;
}

bool JsonCursor::expectLiteral(const char *literal, qsizetype length)
{
    if (m_end - m_p < length || std::memcmp(m_p, literal, static_cast<std::size_t>(length)) != 0)
        return fail("invalid literal");
    m_p += length;
    return true;
}

bool JsonCursor::skipNumber()
{
    const char *start = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    const auto digit = [this] { return m_p < m_end && *m_p >= '0' && *m_p <= '9'; };
    if (!digit())
        return fail("invalid number");
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (digit())
            ++m_p;
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digit())
            return fail("invalid number");
        while (digit())
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digit())
            return fail("invalid number");
        while (digit())
            ++m_p;
    }
    return m_p > start;
}

bool JsonCursor::readNumber(double *out)
{
    if (peek() != Type::Number) {
        skipValue();
        return false;
    }
    const char *start = m_p;
    if (!skipNumber())
        return false;
    bool ok = false;
    *out = QByteArray::fromRawData(start, m_p - start).toDouble(&ok);
    return ok;
}

bool JsonCursor::skipValue()
{
    return skipValue(0);
}

bool JsonCursor::skipValue(int depth)
{
    if (depth > kMaxDepth)
        return fail("nested too deeply");
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escapes = false;
    switch (peek()) {
    case Type::Object: {
        beginObject();
        QByteArrayView key;
        while (nextKey(&key)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !failed();
    }
    case Type::Array:
        beginArray();
        while (nextElement()) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !failed();
    case Type::String:
        if (!scanString(&begin, &end, &escapes))
            return false;
        if (escapes) {
            QString ignored;
            return decodeEscaped(begin, end, &ignored); // validates the escapes
        }
        return true;
    case Type::Number:
        return skipNumber();
    case Type::True:
        return expectLiteral("true", 4);
    case Type::False:
        return expectLiteral("false", 5);
    case Type::Null:
        return expectLiteral("null", 4);
    case Type::Invalid:
        break;
    }
    return fail(m_p >= m_end ? "unexpected end of the text" : "a value was expected");
}

bool JsonCursor::expectEnd()
{
    skipSpace();
    if (failed())
        return false;
    return m_p == m_end || fail("content after the end of the text");
}

} // namespace keyturn
