#include "demo/GraphErrors.h"

#include "demo/DemoEncoding.h"

namespace keyturn::demo {

void addGraphHeaders(HttpResponse &response, const GraphCall &call)
{
    response.setHeader("Content-Type",
        "application/json; odata.metadata=minimal; odata.streaming=true; "
        "IEEE754Compatible=false; charset=utf-8");
    response.setHeader("request-id", call.requestId.toLatin1());
    response.setHeader("client-request-id", call.clientRequestId.toLatin1());
    response.setHeader("OData-Version", "4.0");
    response.setHeader("Cache-Control", "no-cache");
}

HttpResponse graphJson(int status, QByteArray body, const GraphCall &call)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    addGraphHeaders(response, call);
    return response;
}

namespace {
QByteArray errorBody(const QString &code, const QString &message, const GraphCall &call, bool throttled)
{
    QByteArray body = "{\"error\":{\"code\":";
    appendJsonString(body, code);
    body.append(",\"message\":");
    appendJsonString(body, message);
    body.append(",\"innerError\":{");
    if (throttled)
        body.append("\"code\":\"429\",\"status\":\"429\",");
    body.append("\"date\":\"").append(isoDate(call.nowMs)).append("\",\"request-id\":");
    appendJsonString(body, call.requestId);
    body.append(",\"client-request-id\":");
    appendJsonString(body, call.clientRequestId);
    body.append("}}}");
    return body;
}
} // namespace

HttpResponse graphError(int status, const QString &code, const QString &message, const GraphCall &call)
{
    return graphJson(status, errorBody(code, message, call, false), call);
}

HttpResponse graphInsufficientPrivileges(const GraphCall &call)
{
    return graphError(403, QStringLiteral("Authorization_RequestDenied"),
        QStringLiteral("Insufficient privileges to complete the operation."), call);
}

HttpResponse graphMethodNotAllowed(const QByteArray &method, const GraphCall &call)
{
    return graphError(405, QStringLiteral("Request_BadRequest"),
        QStringLiteral("The HTTP method '%1' is not allowed for this resource.")
            .arg(QString::fromLatin1(method)),
        call);
}

namespace {

const QString kFefRoot
    = QStringLiteral("https://fef.msua06.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/");

/// Intune's version-3 error document, as the string Graph puts in a message.
QString intuneDocument(const GraphCall &call, const QString &fefPath, const QByteArray &httpHeaders)
{
    const QString url = kFefRoot + fefPath + QStringLiteral("?api-version=2024-07-01");
    const QString inner = QStringLiteral("An error has occurred - Operation ID (for customer support): "
                                         "00000000-0000-0000-0000-000000000000 - Activity ID: %1 - Url: %2")
                              .arg(call.requestId, url);
    QByteArray message;
    appendJsonString(message, inner);
    QByteArray headers;
    appendJsonString(headers, httpHeaders);
    return QStringLiteral(
        "{\r\n  \"_version\": 3,\r\n  \"Message\": %1,\r\n  \"CustomApiErrorPhrase\": \"\",\r\n"
        "  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": %2\r\n}")
        .arg(QString::fromUtf8(message), QString::fromUtf8(headers));
}

} // namespace

QString intuneNestedMessage(const GraphCall &call, const QString &deviceId, const QString &operation)
{
    QString path = QStringLiteral("deviceManagement/managedDevices('%1')").arg(deviceId);
    if (!operation.isEmpty())
        path += QStringLiteral("/microsoft.management.services.api.") + operation;
    return intuneDocument(call, path, "{}");
}

HttpResponse intuneNoRole(const GraphCall &call, const QString &fefPath, const QString &realm)
{
    const QByteArray challenge = "Bearer realm=\"" + realm.toLatin1() + '"';
    QByteArray headers = "{\"WWW-Authenticate\":";
    appendJsonString(headers, challenge);
    headers.append('}');
    QByteArray outer = "{\"ErrorCode\":\"Forbidden\",\"Message\":";
    appendJsonString(outer, intuneDocument(call, fefPath, headers));
    outer.append(",\"Target\":null,\"Details\":null,\"InnerError\":null,\"InstanceAnnotations\":[]}");
    HttpResponse response = graphError(401, QStringLiteral("UnknownError"), QString::fromUtf8(outer), call);
    response.setHeader("WWW-Authenticate", challenge);
    return response;
}

HttpResponse graphThrottled(const GraphCall &call, int retryAfterSecs)
{
    HttpResponse response = graphJson(429,
        errorBody(QStringLiteral("TooManyRequests"),
            QStringLiteral(
                "Too many requests from Identifier:%1 under category:throttle.intune.devicemanagement. "
                "Please try again later.")
                .arg(call.clientRequestId),
            call, true),
        call);
    if (retryAfterSecs > 0)
        response.setHeader("Retry-After", QByteArray::number(retryAfterSecs));
    return response;
}

HttpResponse graphUnavailable(const GraphCall &call)
{
    HttpResponse response = graphError(503, QStringLiteral("ServiceUnavailable"),
        QStringLiteral("The service is temporarily unavailable. Please retry later."), call);
    return response;
}

} // namespace keyturn::demo
