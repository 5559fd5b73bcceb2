#include "devices/DeviceSearchKeys.h"

#include <QString>

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
    return folded.isEmpty() || key(row).indexOf(folded) >= 0;
}

std::vector<std::uint8_t> DeviceSearchKeys::rowsContaining(QByteArrayView folded) const
{
    std::vector<std::uint8_t> hits(m_spans.size(), folded.isEmpty() ? 1 : 0);
    if (folded.isEmpty() || m_spans.empty())
        return hits;
    // One scan of the buffer: after a hit, the search goes on at the next row's key. A hit never
    // spans rows: the query holds no '\n' and every key ends with one.
    const QByteArrayView text(m_text);
    std::size_t row = 0;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(folded, from);
        if (at < 0)
            break;
        while (m_spans[row].start + m_spans[row].length < static_cast<std::uint64_t>(at))
            ++row;
        hits[row] = 1;
        if (++row == m_spans.size())
            break;
        from = m_spans[row].start;
    }
    return hits;
}

} // namespace keyturn
