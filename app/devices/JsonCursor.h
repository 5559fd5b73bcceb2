// JsonCursor: a strict, allocation-light pull reader over one UTF-8 JSON text (RFC 8259), for
// large list pages whose fields are read once: no DOM is built, values not asked for are
// validated and skipped. Not thread-affine; the text must outlive the cursor. On the first
// syntax error every call fails and error()/offset() say why and where.
#pragma once

#include <QByteArrayView>
#include <QString>

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
    void skipSpace();
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

} // namespace keyturn
