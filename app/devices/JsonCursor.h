// JsonCursor: a strict, allocation-light pull reader over one UTF-8 JSON text (RFC 8259), for
// large list pages whose fields are read once: no DOM is built, values not asked for are
// validated and skipped. Not thread-affine; the text must outlive the cursor. On the first
// syntax error every call fails and error()/offset() say why and where.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <bit>
#include <cstring>
#include <utility>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

namespace keyturn {

class JsonCursor {
public:
    enum class Type { Object, Array, String, Number, True, False, Null, Invalid };

    explicit JsonCursor(QByteArrayView text)
        : m_p(text.data())
        , m_begin(text.data())
        , m_end(text.data() + text.size())
    { }

    /// The type of the next value (after whitespace), without consuming it.
    Type peek();

    /// Object iteration: beginObject(), then while (nextKey(&key)) { read or skip the value }.
    bool beginObject();
    /// Reads the next member's key (raw bytes between the quotes; escapes are not decoded, which
    /// is fine for the ASCII keys compared against) and its ':'. False at '}' or on an error.
    bool nextKey(QByteArrayView *key);
    /// Array iteration: beginArray(), then while (nextElement()) { read or skip the element }.
    bool beginArray();
    bool nextElement();

    /// The next value as a string (escapes decoded); false (cursor unmoved) if it is not one.
    bool readString(QString *out);
    /// The next value's raw content if it is a string (escaped: it holds backslash escapes, see
    /// decode()); false (value skipped) for anything else.
    bool readRawString(QByteArrayView *content, bool *escaped);
    /// Decodes raw string content that holds escapes.
    bool decode(QByteArrayView content, QString *out)
    {
        return decodeEscaped(content.begin(), content.end(), out);
    }
    /// The next value if it is a string, "" for anything else (which is skipped), like
    /// QJsonValue::toString().
    QString stringOrEmpty();
    /// The next value if it is a bool; false for anything else (skipped).
    bool boolOrFalse();
    /// The next value as a number; false (value skipped) if it is not one.
    bool readNumber(double *out);
    /// Skips one value of any type, validating it.
    bool skipValue();
    /// True when only whitespace is left (call after the top-level value); an error otherwise.
    bool expectEnd();

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    qsizetype offset() const { return m_errorOffset; }

private:
    /// The first '"', backslash or control character in [p, end); end when there is none.
    static const char *findSpecial(const char *p, const char *end);
    void skipSpace()
    {
        // List pages are mostly compact JSON: the common case is no whitespace at all.
        if (m_p == m_end || *m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')
            skipSpaceSlow();
    }
    void skipSpaceSlow();
    bool fail(const char *reason);
    bool expectLiteral(const char *literal, qsizetype length);
    bool scanString(const char **contentBegin, const char **contentEnd, bool *hasEscapes);
    bool decodeEscaped(const char *begin, const char *end, QString *out);
    bool skipNumber();
    bool skipValue(int depth);

    const char *m_p;
    const char *m_begin;
    const char *m_end;
    bool m_justOpened = false; // after { or [: no comma before the first member
    QString m_error;
    qsizetype m_errorOffset = -1;
};

// The per-token reads are inline: the list parser calls them about 30 times per device.

inline const char *JsonCursor::findSpecial(const char *p, const char *end)
{
#if defined(__SSE2__) || defined(_M_X64)
    // Sixteen bytes at a time: a byte is special when it is '"', '\\' or below 0x20 (as a
    // signed byte compare: bytes >= 0x80 are negative, so they are excluded first).
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i zero = _mm_setzero_si128();
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i control = _mm_andnot_si128(_mm_cmplt_epi8(bytes, zero), _mm_cmplt_epi8(bytes, space));
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)), control);
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
        if (mask)
            return p + std::countr_zero(mask);
        p += 16;
    }
#else
    // Eight bytes at a time: borrows only run upwards from a special byte, so the lowest flag is
    // exact (little-endian order).
    if constexpr (std::endian::native == std::endian::little) {
        constexpr quint64 ones = 0x0101010101010101ull;
        constexpr quint64 highs = 0x8080808080808080ull;
        while (end - p >= 8) {
            quint64 w = 0;
            std::memcpy(&w, p, 8);
            const quint64 q = w ^ (ones * '"');
            const quint64 b = w ^ (ones * '\\');
            const quint64 special
                = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs;
            if (special)
                return p + (std::countr_zero(special) >> 3);
            p += 8;
        }
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
        ++p;
    return p;
}

inline JsonCursor::Type JsonCursor::peek()
{
    skipSpace();
    if (failed() || m_p >= m_end)
        return Type::Invalid;
    switch (*m_p) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
        return Type::True;
    case 'f':
        return Type::False;
    case 'n':
        return Type::Null;
    default:
        return (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) ? Type::Number : Type::Invalid;
    }
}

inline bool JsonCursor::nextKey(QByteArrayView *key)
{
    if (failed())
        return false;
    skipSpace();
    if (m_p >= m_end)
        return fail("unterminated object");
    const bool first = std::exchange(m_justOpened, false);
    if (*m_p == '}') {
        ++m_p;
        return false;
    }
    if (!first) {
        if (*m_p != ',')
            return fail("missing comma between members");
        ++m_p;
        skipSpace();
    }
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escapes = false;
    if (m_p >= m_end || *m_p != '"')
        return fail("a member name was expected");
    if (!scanString(&begin, &end, &escapes))
        return false;
    skipSpace();
    if (m_p >= m_end || *m_p != ':')
        return fail("a colon was expected after a member name");
    ++m_p;
    *key = QByteArrayView(begin, end - begin);
    return true;
}

inline bool JsonCursor::nextElement()
{
    if (failed())
        return false;
    skipSpace();
    if (m_p >= m_end)
        return fail("unterminated array");
    const bool first = std::exchange(m_justOpened, false);
    if (*m_p == ']') {
        ++m_p;
        return false;
    }
    if (!first) {
        if (*m_p != ',')
            return fail("missing comma between array elements");
        ++m_p;
    }
    return true;
}

// On success m_p is past the closing quote and [*contentBegin, *contentEnd) is the raw content.
inline bool JsonCursor::scanString(const char **contentBegin, const char **contentEnd, bool *hasEscapes)
{
    ++m_p; // opening quote
    const char *begin = m_p;
    bool escapes = false;
    for (;;) {
        const char *c = findSpecial(m_p, m_end);
        if (c >= m_end)
            return fail("unterminated string");
        if (*c == '"') {
            m_p = c + 1;
            *contentBegin = begin;
            *contentEnd = c;
            *hasEscapes = escapes;
            return true;
        }
        if (*c != '\\') {
            m_p = c;
            return fail("control character in a string");
        }
        // Skip the escaped character (validated when decoding), so an escaped quote goes on.
        escapes = true;
        if (m_end - c < 2)
            return fail("unterminated string");
        m_p = c + 2;
    }
}

inline bool JsonCursor::readRawString(QByteArrayView *content, bool *escaped)
{
    if (peek() != Type::String) {
        skipValue();
        return false;
    }
    const char *begin = nullptr;
    const char *end = nullptr;
    if (!scanString(&begin, &end, escaped))
        return false;
    *content = QByteArrayView(begin, end - begin);
    return true;
}

} // namespace keyturn
