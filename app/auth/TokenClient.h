// TokenClient: POSTs percent-encoded forms to the Entra token and device code endpoints and
// hands back the parsed answer. One callback per request, dropped if context dies first.
// Never logs a form value: they hold codes, verifiers and refresh tokens.
#pragma once

#include "auth/TokenResponse.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;

namespace keyturn {

class TokenClient : public QObject {
    Q_OBJECT
public:
    using FormFields = QList<std::pair<QString, QString>>;
    /// status 0 with error.kind Network (or Tls) when no HTTP answer arrived.
    using RawCallback
        = std::function<void(int httpStatus, const QByteArray &body, const AuthError &networkError)>;
    using TokenCallback = std::function<void(const TokenResponse &)>;

    explicit TokenClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Token endpoint: any grant. Network failures come back as AuthError::Kind::Network, a refused
    /// certificate as Kind::Tls with a description naming the host and the problem.
    void requestTokens(const QUrl &url, const FormFields &fields, QObject *context, TokenCallback callback);
    void postForm(const QUrl &url, const FormFields &fields, QObject *context, RawCallback callback);

    /// application/x-www-form-urlencoded with every key and value percent-encoded (RFC 3986
    /// unreserved characters only are left as they are).
    static QByteArray encodeForm(const FormFields &fields);

private:
    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(30);
};

} // namespace keyturn
