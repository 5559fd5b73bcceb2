// GraphErrors: Graph's response headers and error envelope, as WIRE.md records them, including
// Intune's JSON-in-a-string message for 400/404 and the 429 innerError extras.
#pragma once

#include "demo/HttpResponse.h"

#include <QString>

namespace keyturn::demo {

/// Per-request identifiers every Graph response carries.
struct GraphCall {
    QString requestId;
    QString clientRequestId; ///< echoed from the request, or a fresh GUID
    qint64 nowMs = 0;
};

/// Content-Type, request-id, client-request-id, OData-Version (Date is added for every response).
void addGraphHeaders(HttpResponse &response, const GraphCall &call);
HttpResponse graphJson(int status, QByteArray body, const GraphCall &call);
HttpResponse graphError(int status, const QString &code, const QString &message, const GraphCall &call);
/// Entra's 403 Authorization_RequestDenied "Insufficient privileges to complete the operation."
HttpResponse graphInsufficientPrivileges(const GraphCall &call);
/// Entra's 405 Request_BadRequest for a directory resource asked with another method than its own.
HttpResponse graphMethodNotAllowed(const QByteArray &method, const GraphCall &call);
/// Intune's nested message: a JSON document as a string, naming the FEF URL of the operation.
QString intuneNestedMessage(const GraphCall &call, const QString &deviceId, const QString &operation);

/// Intune's answer to a user without an Intune role or licence: 401 UnknownError whose message nests
/// Intune's Forbidden error twice (fefPath: the call's path at Intune, e.g.
/// deviceManagement/managedDevices), with WWW-Authenticate: Bearer realm="<realm>" in the nested
/// HttpHeaders and on the response.
HttpResponse intuneNoRole(const GraphCall &call, const QString &fefPath, const QString &realm);

/// Intune's 429; Retry-After: retryAfterSecs unless it is 0 (Intune often sends none).
HttpResponse graphThrottled(const GraphCall &call, int retryAfterSecs);
HttpResponse graphUnavailable(const GraphCall &call);

} // namespace keyturn::demo
