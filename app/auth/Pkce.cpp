#include "auth/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace keyturn {

namespace {

QByteArray randomBytes(qsizetype count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (qsizetype i = 0; i < count; ++i)
        bytes[i] = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return bytes;
}

} // namespace

QString base64UrlEncode(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString pkceVerifierFromBytes(const QByteArray &octets)
{
    return base64UrlEncode(octets);
}

QString pkceS256Challenge(const QString &verifier)
{
    return base64UrlEncode(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
}

PkcePair generatePkce()
{
    PkcePair pair;
    pair.verifier = pkceVerifierFromBytes(randomBytes(32));
    pair.challenge = pkceS256Challenge(pair.verifier);
    return pair;
}

QString generateOAuthState()
{
    return base64UrlEncode(randomBytes(32));
}

} // namespace keyturn
