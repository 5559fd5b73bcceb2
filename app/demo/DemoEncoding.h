// DemoEncoding: small pure helpers shared by the demo tenant's services: base64url, HMAC,
// deterministic GUIDs, Graph/HTTP date formats, JSON string escaping and form decoding.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <random>

namespace keyturn::demo {

QByteArray base64Url(const QByteArray &data);
/// Empty (and *ok = false) when the input is not base64url.
QByteArray fromBase64Url(const QByteArray &data, bool *ok = nullptr);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);
/// Constant-time comparison, for signatures.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

/// A version-4 shaped lowercase GUID drawn from rng (deterministic for a seeded engine).
QByteArray guidFrom(std::mt19937_64 &rng);
/// A fresh random GUID (request ids, trace ids: not part of the reproducible data).
QString randomGuid();
bool looksLikeGuid(QStringView text);

/// 2025-01-02T03:04:05Z (Graph's date-time format); never-set dates are 0001-01-01T00:00:00Z.
QByteArray isoDate(qint64 msecsSinceEpoch, bool withMs = false);
inline constexpr const char *kNeverSetDate = "0001-01-01T00:00:00Z";
/// RFC 7231 IMF-fixdate for the Date header.
QByteArray httpDate(const QDateTime &utc);

/// Appends text as a JSON string literal (with quotes).
void appendJsonString(QByteArray &out, const QByteArray &utf8);
inline void appendJsonString(QByteArray &out, const QString &text)
{
    appendJsonString(out, text.toUtf8());
}

/// application/x-www-form-urlencoded body -> decoded key/value pairs ('+' is a space).
QList<QPair<QString, QString>> parseForm(const QByteArray &body);
QString formValue(const QList<QPair<QString, QString>> &form, const QString &key);

QString htmlEscape(const QString &text);

} // namespace keyturn::demo
