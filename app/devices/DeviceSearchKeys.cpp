#include "devices/DeviceSearchKeys.h"

#include <QString>

#include <cstring>

namespace keyturn {

namespace {

// Appends `text` case-folded as UTF-8: ASCII inline (the common case), anything else through
// QString::toCaseFolded(), which is also what foldQuery() applies to the search text.
void appendFolded(QByteArray &out, const QString &text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *next = out.data() + at;
    for (const QChar c : text) {
        char16_t u = c.unicode();
        if (u >= 0x80) {
            out.truncate(at);
            out.append(text.toCaseFolded().toUtf8());
            return;
        }
        if (u >= u'A' && u <= u'Z')
            u = static_cast<char16_t>(u + (u'a' - u'A'));
        *next++ = static_cast<char>(u);
    }
}

// The first occurrence of `needle` (not empty) in [from, end), or nullptr: memchr for its first
// byte, then a compare. Qt's indexOf() prepares a skip table on every call, which costs more
// than it saves on keys of a few dozen bytes and on one-letter queries.
const char *find(const char *from, const char *end, QByteArrayView needle)
{
    const auto n = static_cast<std::size_t>(needle.size());
    const char first = needle.front();
    while (static_cast<std::size_t>(end - from) >= n) {
        const auto *at = static_cast<const char *>(
            std::memchr(from, first, static_cast<std::size_t>(end - from) - n + 1));
        if (!at)
            return nullptr;
        if (n == 1 || std::memcmp(at + 1, needle.data() + 1, n - 1) == 0)
            return at;
        from = at + 1;
    }
    return nullptr;
}

} // namespace

void DeviceSearchKeys::clear()
{
    m_text.clear();
    m_spans.clear();
}

void DeviceSearchKeys::truncate(int rows)
{
    if (rows < 0 || rows >= size())
        return;
    m_text.truncate(m_spans[static_cast<std::size_t>(rows)].start);
    m_spans.resize(static_cast<std::size_t>(rows));
}

void DeviceSearchKeys::reserve(int rows)
{
    if (rows <= size())
        return;
    m_spans.reserve(static_cast<std::size_t>(rows));
    // About 64 bytes a device (a name, an e-mail address, a serial number); more grows as needed.
    m_text.reserve(static_cast<qsizetype>(rows) * 64);
}

void DeviceSearchKeys::append(const DeviceRecord &r)
{
    Span span{};
    span.start = static_cast<std::uint32_t>(m_text.size());
    appendFolded(m_text, r.deviceName);
    span.nameLength = static_cast<std::uint32_t>(m_text.size()) - span.start;
    m_text.append('\n');
    appendFolded(m_text, r.userPrincipalName);
    span.userLength = static_cast<std::uint32_t>(m_text.size()) - span.start - span.nameLength - 1;
    m_text.append('\n');
    appendFolded(m_text, r.serialNumber);
    span.length = static_cast<std::uint32_t>(m_text.size()) - span.start;
    m_text.append('\n');
    m_spans.push_back(span);
}

QByteArrayView DeviceSearchKeys::key(int row) const
{
    const Span &s = m_spans[static_cast<std::size_t>(row)];
    return QByteArrayView(m_text.constData() + s.start, s.length);
}

QByteArrayView DeviceSearchKeys::name(int row) const
{
    const Span &s = m_spans[static_cast<std::size_t>(row)];
    return QByteArrayView(m_text.constData() + s.start, s.nameLength);
}

QByteArrayView DeviceSearchKeys::user(int row) const
{
    const Span &s = m_spans[static_cast<std::size_t>(row)];
    return QByteArrayView(m_text.constData() + s.start + s.nameLength + 1, s.userLength);
}

QByteArray DeviceSearchKeys::foldQuery(QStringView text)
{
    QString folded = text.trimmed().toString().toCaseFolded();
    folded.remove(QLatin1Char('\n'));
    return folded.toUtf8();
}

bool DeviceSearchKeys::contains(int row, QByteArrayView folded) const
{
    if (folded.isEmpty())
        return true;
    const QByteArrayView k = key(row);
    return find(k.data(), k.data() + k.size(), folded) != nullptr;
}

std::vector<std::uint8_t> DeviceSearchKeys::rowsContaining(QByteArrayView folded) const
{
    std::vector<std::uint8_t> hits(m_spans.size(), folded.isEmpty() ? 1 : 0);
    if (folded.isEmpty() || m_spans.empty())
        return hits;
    // One scan of the buffer: after a hit, the search goes on at the next row's key. A hit never
    // spans rows: the query holds no '\n' and every key ends with one.
    const char *const begin = m_text.constData();
    const char *const end = begin + m_text.size();
    std::size_t row = 0;
    const char *from = begin;
    while (const char *at = find(from, end, folded)) {
        const auto offset = static_cast<std::uint64_t>(at - begin);
        while (m_spans[row].start + m_spans[row].length < offset)
            ++row;
        hits[row] = 1;
        if (++row == m_spans.size())
            break;
        from = begin + m_spans[row].start;
    }
    return hits;
}

} // namespace keyturn
