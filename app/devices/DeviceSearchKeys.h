// DeviceSearchKeys: the device list's search text, one case-folded UTF-8 key per row
// ("name\nuser\nserial") in one contiguous buffer, so that a search is a byte scan and sorting by
// name or primary user compares folded bytes. Rows are appended in order (row = append index).
#pragma once

#include "devices/DeviceRecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace keyturn {

class DeviceSearchKeys {
public:
    void clear();
    /// Drops the keys of rows `rows` and later.
    void truncate(int rows);
    void reserve(int rows);
    /// Adds the key of the next row.
    void append(const DeviceRecord &record);
    int size() const { return static_cast<int>(m_spans.size()); }

    /// "name\nuser\nserial", each case-folded (precondition for these three: 0 <= row < size()).
    QByteArrayView key(int row) const;
    QByteArrayView name(int row) const;
    QByteArrayView user(int row) const;

    /// Search text in the keys' form: trimmed, case-folded, UTF-8, without '\n' (so a match
    /// never spans two fields or rows).
    static QByteArray foldQuery(QStringView text);
    /// Whether the row's key contains `folded` (a foldQuery() result).
    bool contains(int row, QByteArrayView folded) const;
    /// One flag per row: whether its key contains `folded` (one pass over the whole buffer).
    std::vector<std::uint8_t> rowsContaining(QByteArrayView folded) const;

private:
    struct Span {
        std::uint32_t start;
        std::uint32_t nameLength;
        std::uint32_t userLength;
        std::uint32_t length;
    };
    QByteArray m_text; // the keys, each followed by '\n'
    std::vector<Span> m_spans;
};

} // namespace keyturn
