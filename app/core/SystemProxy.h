// SystemProxy: Keyturn's requests go through the proxy the system is configured with. On Linux
// Qt asks libproxy (https_proxy/http_proxy/no_proxy, desktop settings, PAC) or, without libproxy,
// reads the *_proxy variables; on macOS and Windows it reads the OS settings. Some Qt builds do
// this by default (Debian's: feature system-proxies), others not, hence the explicit call. Qt never
// proxies a request to localhost or a loopback address, so the loopback sign-in redirect and a
// local demo tenant stay direct.
#pragma once

namespace keyturn {

/// Makes every QNetworkAccessManager of this process ask the system for its proxy. Call once at
/// start-up, before any request.
void useSystemProxy();

} // namespace keyturn
