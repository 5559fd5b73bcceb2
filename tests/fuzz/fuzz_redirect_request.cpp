// Fuzzes the loopback redirect listener's request-head parser, whole and as a partial read, the way
// bytes arrive from any local process (or a browser) connecting to the port.
#include "auth/RedirectRequest.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(const QByteArray &bytes)
{
    using Kind = keyturn::RedirectRequest::Kind;
    const keyturn::RedirectRequest r = keyturn::parseRedirectRequest(bytes);
    if (r.kind == Kind::Callback && (r.method != QLatin1String("GET") || r.path != QLatin1String("/")))
        std::abort(); // contract: only GET / with a query is a callback
    if (r.kind != Kind::Callback && (!r.code.isEmpty() || !r.state.isEmpty()))
        std::abort(); // a code is read only from a callback
    if (r.kind == Kind::Incomplete && bytes.size() > keyturn::kMaxRedirectRequestBytes)
        std::abort(); // contract: an oversized head is refused, never waited for
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    check(input);
    check(input.left(input.size() / 2));
    return 0;
}
