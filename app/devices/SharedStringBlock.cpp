#include "devices/SharedStringBlock.h"

#include <limits>
#include <type_traits>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define KEYTURN_SSE2 1
#endif

namespace keyturn {

// The block relies on QString's storage being a QArrayDataPointer over a QTypedArrayData header
// with a public reference count (Qt 6.0 to at least 6.8). Should a Qt release change that, the
// build stops here instead of the strings going wrong at run time.
static_assert(std::is_same_v<QString::DataPointer, QArrayDataPointer<char16_t>>);
static_assert(
    std::is_constructible_v<QString::DataPointer, QTypedArrayData<char16_t> *, char16_t *, qsizetype>);

namespace {

// Widens bytes to UTF-16 units; false when one is not ASCII (the output is then partial).
bool widenAscii(const char *in, qsizetype n, char16_t *out)
{
    qsizetype i = 0;
#ifdef KEYTURN_SSE2
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        if (_mm_movemask_epi8(bytes) != 0)
            return false;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_unpacklo_epi8(bytes, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 8), _mm_unpackhi_epi8(bytes, zero));
    }
#endif
    unsigned char any = 0;
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        any |= c;
        out[i] = c;
    }
    return any < 0x80;
}

// Copies UTF-16 units lower-casing A-Z; false when one is not ASCII (the output is then partial).
bool foldAscii(const char16_t *in, qsizetype n, char16_t *out)
{
    qsizetype i = 0;
#ifdef KEYTURN_SSE2
    const __m128i beforeA = _mm_set1_epi16('A' - 1);
    const __m128i afterZ = _mm_set1_epi16('Z' + 1);
    const __m128i caseBit = _mm_set1_epi16(0x20);
    const __m128i highBits = _mm_set1_epi16(static_cast<short>(0xFF80));
    for (; i + 8 <= n; i += 8) {
        const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(units, highBits), _mm_setzero_si128())) != 0xFFFF)
            return false;
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi16(units, beforeA), _mm_cmplt_epi16(units, afterZ));
        _mm_storeu_si128(
            reinterpret_cast<__m128i *>(out + i), _mm_add_epi16(units, _mm_and_si128(upper, caseBit)));
    }
#endif
    char16_t any = 0;
    for (; i < n; ++i) {
        char16_t u = in[i];
        any |= u;
        if (u >= u'A' && u <= u'Z')
            u = static_cast<char16_t>(u + (u'a' - u'A'));
        out[i] = u;
    }
    return any < 0x80;
}

} // namespace

SharedStringBlock::SharedStringBlock(qsizetype units, qsizetype strings)
{
    if (units <= 0 || strings <= 0 || strings > std::numeric_limits<int>::max() / 2)
        return;
    // The same allocation QString makes for itself: a QString may free it, and may grow in place
    // into the rest of the block once it is the block's last user.
    auto [header, data] = QTypedArrayData<char16_t>::allocate(units);
    if (!header)
        return;
    m_header = header;
    m_next = data;
    m_end = data + units;
    // One atomic add for all the strings instead of one per string; what is not handed out is
    // given back when the block goes.
    m_unusedRefs = strings;
    m_header->ref_.fetchAndAddRelaxed(static_cast<int>(strings));
}

SharedStringBlock::~SharedStringBlock()
{
    if (!m_header)
        return;
    const int release = static_cast<int>(m_unusedRefs) + 1; // + the block's own reference
    if (m_header->ref_.fetchAndAddOrdered(-release) == release)
        QTypedArrayData<char16_t>::deallocate(m_header);
}

char16_t *SharedStringBlock::claim(qsizetype length)
{
    if (!m_header || m_unusedRefs == 0 || length < 0 || m_end - m_next <= length)
        return nullptr;
    return m_next;
}

QString SharedStringBlock::commit(char16_t *text, qsizetype length)
{
    if (length == 0)
        return QString(0, Qt::Uninitialized); // empty, not null, as QString::fromUtf8("") gives
    text[length] = u'\0'; // QString's data is always terminated (utf16() relies on it)
    m_next = text + length + 1;
    --m_unusedRefs; // the QString owns one of the references taken up front
    return QString(QString::DataPointer(m_header, text, length));
}

bool SharedStringBlock::ascii(QByteArrayView utf8, QString *out)
{
    char16_t *text = claim(utf8.size());
    if (!text || !widenAscii(utf8.data(), utf8.size(), text))
        return false; // the units written are simply claimed again by the next string
    *out = commit(text, utf8.size());
    return true;
}

bool SharedStringBlock::foldedAscii(std::initializer_list<QStringView> parts, QString *out)
{
    qsizetype length = parts.size() > 0 ? static_cast<qsizetype>(parts.size()) - 1 : 0;
    for (const QStringView part : parts)
        length += part.size();
    char16_t *text = claim(length);
    if (!text)
        return false;
    char16_t *next = text;
    bool first = true;
    for (const QStringView part : parts) {
        if (!first)
            *next++ = u'\n'; // also after an empty part: the key's layout is fixed
        first = false;
        if (!foldAscii(part.utf16(), part.size(), next))
            return false;
        next += part.size();
    }
    *out = commit(text, length);
    return true;
}

} // namespace keyturn
