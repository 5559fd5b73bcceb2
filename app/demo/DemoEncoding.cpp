#include "demo/DemoEncoding.h"
#include "core/Utc.h"

#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

namespace keyturn::demo {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &data, bool *ok)
{
    const auto result = QByteArray::fromBase64Encoding(
        data, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = static_cast<bool>(result);
    return result ? result.decoded : QByteArray();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray guidFrom(std::mt19937_64 &rng)
{
    const quint64 hi = rng();
    const quint64 lo = rng();
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.append('-');
        out.append(hex[bytes[i] >> 4]);
        out.append(hex[bytes[i] & 0x0f]);
    }
    return out;
}

QString randomGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool looksLikeGuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

QByteArray isoDate(qint64 msecsSinceEpoch, bool withMs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, keyturn::utc());
    return dt.toString(withMs ? Qt::ISODateWithMs : Qt::ISODate).toLatin1();
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0x0f]);
        }
        }
    }
    out.append(utf8.constData() + runStart, utf8.size() - runStart);
    out.append('"');
}

QList<QPair<QString, QString>> parseForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> result;
    const auto decode = [](QByteArray part) {
        part.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    };
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            result.append({ decode(pair), QString() });
        else
            result.append({ decode(pair.left(eq)), decode(pair.mid(eq + 1)) });
    }
    return result;
}

QString formValue(const QList<QPair<QString, QString>> &form, const QString &key)
{
    for (const auto &pair : form) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace keyturn::demo
