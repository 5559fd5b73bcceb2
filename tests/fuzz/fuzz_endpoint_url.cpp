// Fuzzes the URL gates: validateEndpointUrl (custom authority / Graph roots) and
// GraphClient::isTrustedUrl (which nextLinks may be followed with the bearer token).
#include "auth/CloudConfig.h"
#include "core/Clock.h"
#include "graph/GraphClient.h"

#include <QHostAddress>

#include <cstdint>
#include <cstdlib>

namespace {

void checkTrusted(const QUrl &root, const QUrl &url)
{
    keyturn::GraphClientConfig config;
    config.graphRoot = root;
    // isTrustedUrl reads the config only: no network manager or token source is touched.
    keyturn::GraphClient client(nullptr, nullptr, keyturn::SystemClock::instance());
    client.setConfig(config);
    if (client.isTrustedUrl(url)
        && (url.host().compare(root.host(), Qt::CaseInsensitive) != 0 || !url.userInfo().isEmpty()
            || url.scheme().compare(root.scheme(), Qt::CaseInsensitive) != 0))
        std::abort(); // the bearer token must never go to another host
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text
        = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const QUrl::ParsingMode mode : { QUrl::StrictMode, QUrl::TolerantMode }) {
        const QUrl url(text, mode);
        if (keyturn::validateEndpointUrl(url).isEmpty()) {
            const QString scheme = url.scheme().toLower();
            const QString host = url.host().toLower();
            const bool loopback = host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")
                || QHostAddress(host) == QHostAddress(QHostAddress::LocalHostIPv6);
            if (scheme != QLatin1String("https") && !(scheme == QLatin1String("http") && loopback))
                std::abort(); // contract: https, or plain http on loopback only
        }
        checkTrusted(QUrl(QStringLiteral("https://graph.microsoft.com")), url);
        checkTrusted(QUrl(QStringLiteral("http://127.0.0.1:8123")), url);
    }
    return 0;
}
