// Fuzzes the Entra token endpoint's answers (success and error shapes) and the device code answer.
#include "auth/TokenResponse.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const keyturn::TokenResponse ok = keyturn::parseTokenResponse(200, body);
    if (ok.ok() && (ok.tokens.accessToken.isEmpty() || ok.tokens.expiresInSecs <= 0))
        std::abort(); // contract: success means a usable access token with a lifetime
    const keyturn::TokenResponse refused = keyturn::parseTokenResponse(400, body);
    if (refused.ok())
        std::abort(); // a 400 is never a token
    (void)keyturn::parseTokenError(401, body);
    (void)keyturn::parseTokenError(503, body);

    const keyturn::DeviceCodeResponse code = keyturn::parseDeviceCodeResponse(200, body);
    if (code.ok()
        && (code.intervalSecs <= 0 || code.intervalSecs > 60 || code.expiresInSecs <= 0
            || code.userCode.isEmpty()))
        std::abort(); // contract: the poll interval stays in (0, 60]
    return 0;
}
