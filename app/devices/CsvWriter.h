// CsvWriter: writes a table as CSV that spreadsheets open as the user saw it: RFC 4180 (comma,
// CRLF, quotes where needed), UTF-8 with a byte order mark, and cells that a spreadsheet would run
// as a formula (= + - @, tab, carriage return first) prefixed with ' as OWASP advises.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

class QIODevice;

namespace keyturn {

class CsvWriter {
public:
    /// Writes to `out` (opened for writing, borrowed); the byte order mark goes first.
    explicit CsvWriter(QIODevice *out);

    /// One record: the fields in order, ended by CRLF.
    void writeRow(const QList<QString> &fields);
    /// False once a write to the device failed (what the device says is in its errorString()).
    bool ok() const { return m_ok; }
    /// Records written so far.
    qint64 rowCount() const { return m_rows; }

    /// One field as it goes into the file: defused and quoted when needed.
    static QString field(QStringView value);

private:
    void write(const QByteArray &bytes);

    QIODevice *m_out;
    qint64 m_rows = 0;
    bool m_ok = true;
};

} // namespace keyturn
