#include "demo/SkipToken.h"

#include "demo/DemoEncoding.h"

namespace keyturn::demo {

namespace {

QByteArray signatureOf(const SkipTokenPosition &position, const TokenMinter &minter)
{
    return base64Url(
        minter.signOpaque("skip:" + position.lastDeviceName + '\n' + position.lastDeviceId).left(12));
}

/// Reads a quoted OData string starting at *at (the opening quote); '' is a quote inside.
std::optional<QByteArray> readQuoted(const QByteArray &text, qsizetype *at)
{
    if (*at >= text.size() || text[*at] != '\'')
        return std::nullopt;
    QByteArray out;
    for (qsizetype i = *at + 1; i < text.size(); ++i) {
        if (text[i] != '\'') {
            out.append(text[i]);
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '\'') {
            out.append('\'');
            ++i;
            continue;
        }
        *at = i + 1;
        return out;
    }
    return std::nullopt;
}

bool readLiteral(const QByteArray &text, qsizetype *at, const QByteArray &literal)
{
    if (text.mid(*at, literal.size()) != literal)
        return false;
    *at += literal.size();
    return true;
}

} // namespace

QByteArray makeSkipToken(const SkipTokenPosition &position, const TokenMinter &minter)
{
    QByteArray name = position.lastDeviceName;
    name.replace('\'', "''");
    return "LastDeviceName='" + name + "',LastDeviceId='" + position.lastDeviceId + "',Sig='"
        + signatureOf(position, minter) + '\'';
}

std::optional<SkipTokenPosition> readSkipToken(const QString &token, const TokenMinter &minter)
{
    const QByteArray text = token.toUtf8();
    qsizetype at = 0;
    SkipTokenPosition position;
    if (!readLiteral(text, &at, "LastDeviceName="))
        return std::nullopt;
    const auto name = readQuoted(text, &at);
    if (!name || !readLiteral(text, &at, ",LastDeviceId="))
        return std::nullopt;
    const auto id = readQuoted(text, &at);
    if (!id || !readLiteral(text, &at, ",Sig="))
        return std::nullopt;
    const auto signature = readQuoted(text, &at);
    if (!signature || at != text.size())
        return std::nullopt;
    position.lastDeviceName = *name;
    position.lastDeviceId = *id;
    if (!looksLikeGuid(QString::fromLatin1(position.lastDeviceId))
        || !equalConstantTime(*signature, signatureOf(position, minter)))
        return std::nullopt;
    return position;
}

QByteArray percentEncodeLowercase(const QByteArray &text)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(text.size() * 2);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.append(ch);
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    return out;
}

} // namespace keyturn::demo
