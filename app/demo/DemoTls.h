// DemoTls: reads the demo tenant's https identity (a PEM certificate chain and its private key)
// into a server-side TLS configuration. Used by DemoHttpServer before it listens.
#pragma once

#include <QString>
#include <QtNetwork/qtnetworkglobal.h>

#include <optional>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace keyturn::demo {

#if QT_CONFIG(ssl)
/// The leaf certificate first in certificateFile (intermediates may follow), the key in keyFile
/// (RSA or EC, unencrypted). nullopt with a message naming the file and the problem on failure.
std::optional<QSslConfiguration> loadServerTlsConfiguration(
    const QString &certificateFile, const QString &keyFile, QString *error);
#endif

} // namespace keyturn::demo
