// FakeTokenServer: a tiny HTTP/1.1 server on 127.0.0.1 answering POSTs with canned bodies
// (WIRE.md shapes) queued per path, and recording each request's form fields. Also test JWTs.
#pragma once

#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <deque>

namespace keyturn::test {

struct CannedReply {
    int status = 200;
    QByteArray body;
};

struct RecordedRequest {
    QString method;
    QString path;
    QMap<QString, QString> form; ///< decoded form fields
    QByteArray rawBody;
};

class FakeTokenServer : public QObject {
    Q_OBJECT
public:
    explicit FakeTokenServer(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;
    /// Queues a reply for the next request whose path ends with pathSuffix ("/token", "/devicecode").
    /// When a queue is empty, the last reply given for that suffix repeats.
    void enqueue(const QString &pathSuffix, CannedReply reply);
    const QList<RecordedRequest> &requests() const { return m_requests; }
    int count(const QString &pathSuffix) const;

private:
    void serve(class QTcpSocket *socket);

    QTcpServer m_server;
    QMap<QString, std::deque<CannedReply>> m_queues;
    QMap<QString, CannedReply> m_last;
    QList<RecordedRequest> m_requests;
};

/// An unsigned JWT with the given claims (tid, oid, upn, name, scp, exp...).
QString makeTestJwt(const QVariantMap &claims);
/// A token endpoint success body for the given user and refresh token.
QByteArray tokenSuccessBody(const QString &oid, const QString &upn, const QString &refreshToken,
    const QString &scp = QStringLiteral("DeviceManagementManagedDevices.Read.All "
                                        "DeviceManagementManagedDevices.PrivilegedOperations.All"),
    int expiresIn = 3600);
QByteArray tokenErrorBody(const QString &error, int code);

} // namespace keyturn::test
