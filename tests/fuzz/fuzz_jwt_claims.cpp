// Fuzzes the JWT claims reader on both whole tokens and bare payloads (base64url of JSON), so the
// fuzzer reaches the JSON claims without having to learn base64 first.
#include "auth/JwtClaims.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)keyturn::decodeJwtClaims(QString::fromUtf8(input));
    const QByteArray payload = input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString token = QStringLiteral("eyJhbGciOiJub25lIn0.%1.sig").arg(QString::fromLatin1(payload));
    (void)keyturn::decodeJwtClaims(token);
    return 0;
}
