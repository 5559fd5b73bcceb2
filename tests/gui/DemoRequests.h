// DemoRequests: reads the demo tenant's /_demo/requests log over HTTP, so a test counts exactly
// what Keyturn sent (method, path, client-request-id, whether a bearer token came along), and
// plays the user's part on the tenant's own pages.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace keyturn::test {

struct RecordedRequest {
    QString method;
    QString path;
    QString query;
    QString clientRequestId;
    QString authorization; ///< scheme only ("Bearer") or empty
    int status = 0;
    QString fault;
    int unanswered = 0; ///< requests the tenant held unanswered as this one arrived, itself included
    QString tenant; ///< the id of the tenant it was served for (empty when none)
};

/// The path prefix of the marker requests tests send through Keyturn's network access manager.
inline const QString kTestMarkerPath = QStringLiteral("/test-marker/");
/// The requests that are not such markers.
QList<RecordedRequest> withoutMarkers(const QList<RecordedRequest> &all);

/// Fetches the log (blocking the test with an event loop, bounded). Empty list on failure.
QList<RecordedRequest> fetchDemoRequests(const QUrl &demoBaseUrl);
/// Requests whose method matches and whose path ends with pathSuffix.
QList<RecordedRequest> requestsMatching(
    const QList<RecordedRequest> &all, const QString &method, const QString &pathSuffix);
/// POSTs to a /_demo control endpoint (e.g. "/_demo/inject?fault=drop&match=rotate"); true on a 2xx answer.
bool postDemoControl(const QUrl &demoBaseUrl, const QString &pathAndQuery);
/// Approves a device code on the demo tenant's /devicelogin page as user ("helpdesk"), as a person
/// would in a browser on another device; true when the page says it is done.
bool approveDemoDeviceCode(const QUrl &demoBaseUrl, const QString &userCode, const QString &user);

} // namespace keyturn::test
