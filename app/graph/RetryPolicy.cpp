#include "graph/RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace keyturn::retry {

bool isRetryableStatus(int httpStatus)
{
    return httpStatus == 429 || httpStatus == 503 || httpStatus == 504;
}

bool isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout (user aborts are handled before)
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds backoffDelay(
    int attempt, std::chrono::milliseconds base, std::chrono::milliseconds maxDelay, double random01)
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceiling = std::min(
        static_cast<double>(maxDelay.count()), static_cast<double>(base.count()) * std::ldexp(1.0, exponent));
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<qint64>(std::floor(ceiling * r)));
}

} // namespace keyturn::retry
