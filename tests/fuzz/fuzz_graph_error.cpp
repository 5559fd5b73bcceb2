// Fuzzes Graph's error envelope (with Intune's once- and twice-nested JSON messages), the response
// headers it falls back to, and Retry-After / HTTP-date parsing.
// Input: header lines ("Name: value\n") up to a blank line, then the body.
#include "core/Utc.h"
#include "graph/GraphError.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf("\n\n");
    const QByteArray head = split < 0 ? QByteArray() : input.left(split);
    const QByteArray body = split < 0 ? input : input.mid(split + 2);

    QList<QNetworkReply::RawHeaderPair> headers;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }

    for (const int status : { 400, 403, 429 }) {
        const keyturn::GraphError error = keyturn::parseGraphError(status, body, headers);
        if (error.kind != keyturn::GraphError::Kind::Http)
            std::abort();
        if (error.retryAfterSecs && (*error.retryAfterSecs < 0 || *error.retryAfterSecs > 86400))
            std::abort(); // contract: a retry delay is never negative and capped at a day
        (void)error.details();
        (void)error.summary();
    }

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, keyturn::utc());
    if (const auto secs = keyturn::parseRetryAfter(body, now); secs && (*secs < 0 || *secs > 86400))
        std::abort();
    (void)keyturn::parseHttpDate(body);
    return 0;
}
