#include "devices/CsvWriter.h"

#include <QIODevice>

namespace keyturn {

namespace {

// What a spreadsheet may take for the start of a formula (OWASP, "CSV Injection").
bool startsLikeAFormula(QStringView value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

bool needsQuotes(QStringView value)
{
    for (const QChar c : value) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice *out)
    : m_out(out)
{
    write(QByteArrayLiteral("\xEF\xBB\xBF"));
}

QString CsvWriter::field(QStringView value)
{
    QString text;
    text.reserve(value.size() + 3);
    if (startsLikeAFormula(value))
        text += QLatin1Char('\'');
    text += value;
    if (!needsQuotes(text))
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void CsvWriter::writeRow(const QList<QString> &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += field(fields[i]);
    }
    line += QLatin1String("\r\n");
    write(line.toUtf8());
    ++m_rows;
}

void CsvWriter::write(const QByteArray &bytes)
{
    if (m_ok && m_out->write(bytes) != bytes.size())
        m_ok = false;
}

} // namespace keyturn
