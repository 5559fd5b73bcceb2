#include "auth/DemoBrowserLauncher.h"

#include "core/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace keyturn {

DemoBrowserLauncher::DemoBrowserLauncher(QNetworkAccessManager *network, QString demoUser, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_demoUser(std::move(demoUser))
{ }

bool DemoBrowserLauncher::openUrl(const QUrl &url)
{
    ++m_launchCount;
    m_lastUrl = url;
    QUrl target = url;
    QString query = target.query(QUrl::FullyEncoded);
    if (m_cancel)
        query += QStringLiteral("&demo_cancel=1");
    else
        query += QStringLiteral("&demo_user=") + QString::fromLatin1(QUrl::toPercentEncoding(m_demoUser));
    target.setQuery(query, QUrl::StrictMode);

    QNetworkRequest request(target);
    // Like a browser: follow the authorize 302 to http://localhost:PORT, then to the result page.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::redirected, reply, [reply](const QUrl &next) {
        const QString host = next.host();
        // Only ever follow to loopback: the demo never redirects elsewhere.
        if (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1"))
            Q_EMIT reply->redirectAllowed();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        qCDebug(lcAuth) << "demo browser finished with HTTP" << status;
        Q_EMIT finished(status);
    });
    return true;
}

} // namespace keyturn
