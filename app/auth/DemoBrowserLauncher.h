// DemoBrowserLauncher: a BrowserLauncher for the demo tenant (--demo-user) and tests. Instead of
// a browser it GETs the authorize URL with &demo_user=<user> (or &demo_cancel=1) appended and
// follows the redirects to the loopback listener, like a browser whose user clicked at once.
#pragma once

#include "auth/BrowserLauncher.h"

#include <QObject>

class QNetworkAccessManager;

namespace keyturn {

class DemoBrowserLauncher : public QObject, public BrowserLauncher {
    Q_OBJECT
public:
    DemoBrowserLauncher(QNetworkAccessManager *network, QString demoUser, QObject *parent = nullptr);

    bool openUrl(const QUrl &url) override;
    int launchCount() const { return m_launchCount; }
    QUrl lastUrl() const { return m_lastUrl; }
    void setDemoUser(const QString &user) { m_demoUser = user; }
    /// Answer the next authorize pages with &demo_cancel=1 (the user declines).
    void setCancel(bool cancel) { m_cancel = cancel; }

Q_SIGNALS:
    /// The simulated browser reached its last page (HTTP status of it, 0 if none).
    void finished(int httpStatus);

private:
    QNetworkAccessManager *m_network;
    QString m_demoUser;
    bool m_cancel = false;
    int m_launchCount = 0;
    QUrl m_lastUrl;
};

} // namespace keyturn
