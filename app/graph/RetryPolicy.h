// RetryPolicy: pure decisions for GET retries (which outcomes to retry, how long to wait), kept
// apart from the client so they are tested without a network.
#pragma once

#include <QNetworkReply>

#include <chrono>
#include <optional>

namespace keyturn::retry {

/// 429, 503 and 504 are worth another attempt for an idempotent request.
bool isRetryableStatus(int httpStatus);
/// Connection-level failures where a GET may be sent again (drops, refused, timeouts, proxy).
bool isRetryableNetworkError(QNetworkReply::NetworkError error);

/// Exponential back-off with full jitter: uniform in [0, min(maxDelay, base * 2^(attempt-1))],
/// attempt counting from 1. random01 is in [0, 1).
std::chrono::milliseconds backoffDelay(
    int attempt, std::chrono::milliseconds base, std::chrono::milliseconds maxDelay, double random01);

} // namespace keyturn::retry
