#include "auth/AuthError.h"

#include <QCoreApplication>
#include <QStringList>

namespace keyturn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::AuthError", text);
}

} // namespace

bool AuthError::isTransient() const
{
    return kind == Kind::Network || (kind == Kind::Server && (httpStatus >= 500 || httpStatus == 429));
}

AuthError AuthError::make(Kind kind, const QString &description)
{
    AuthError e;
    e.kind = kind;
    e.description = description;
    return e;
}

QString AuthError::userMessage() const
{
    QString message;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return tr("Sign-in was cancelled.");
    case Kind::Denied:
        message = tr("Sign-in was declined, so Keyturn did not get access.");
        break;
    case Kind::Timeout:
        message = tr("Sign-in did not finish in time. Start it again when you are ready.");
        break;
    case Kind::Network:
        message = tr("Keyturn could not reach the Microsoft sign-in service. Check the network connection "
                     "and try again.");
        break;
    case Kind::Tls:
        message = tr("Keyturn could not connect securely to the Microsoft sign-in service.");
        break;
    case Kind::Server:
        message = httpStatus >= 500
            ? tr("The Microsoft sign-in service had a problem (HTTP %1). Try again in a few minutes.")
                  .arg(httpStatus)
            : tr("The Microsoft sign-in service refused the request.");
        break;
    case Kind::Protocol:
        message = tr("The sign-in service sent an answer Keyturn does not understand.");
        break;
    case Kind::InvalidGrant:
        message = tr("Your sign-in has expired or was revoked. Please sign in again.");
        break;
    case Kind::InteractionRequired:
        message = tr("Your organization needs you to sign in again in the browser (for example for "
                     "multi-factor authentication or consent).");
        break;
    case Kind::Browser:
        message = tr("Keyturn could not start the browser sign-in. Try \"Sign in with a code\" instead.");
        break;
    }
    if (!description.isEmpty())
        message += QLatin1Char('\n') + description;
    return message;
}

QString AuthError::details() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << tr("Error: %1").arg(error);
    if (!description.isEmpty())
        lines << tr("Description: %1").arg(description);
    if (!errorCodes.isEmpty()) {
        QStringList codes;
        for (int code : errorCodes)
            codes << QString::number(code);
        lines << tr("Error codes: %1").arg(codes.join(QStringLiteral(", ")));
    }
    if (httpStatus != 0)
        lines << tr("HTTP status: %1").arg(httpStatus);
    if (!correlationId.isEmpty())
        lines << tr("Correlation ID: %1").arg(correlationId);
    if (!traceId.isEmpty())
        lines << tr("Trace ID: %1").arg(traceId);
    if (!timestamp.isEmpty())
        lines << tr("Timestamp: %1").arg(timestamp);
    if (lines.isEmpty())
        lines << userMessage();
    return lines.join(QLatin1Char('\n'));
}

} // namespace keyturn
