// AuditLog: the local record of every remote action taken, one JSON object per line (JSON Lines)
// in <directory>/audit.jsonl. Append-only; never holds a token or an Authorization header (the
// entry has no field that could carry one). Lines that do not parse are skipped when reading.
// An action is written twice under one entry id: "sending" before the request leaves, then its
// outcome; a crash in between leaves the "sending" line. Once Intune reports the action done or
// failed, a third line under the same id records that final state. Reading merges them into one entry.
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace keyturn {

struct AuditEntry {
    QDateTime time; ///< UTC, when the line was written (the outcome's, once known)
    QString entryId; ///< shared by an action's "sending" line and its outcome line; empty in old logs
    QString accountUpn, tenantId;
    QString deviceId, deviceName;
    QString actionId;
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    QString requestId, clientRequestId;
    QString outcome; ///< "sending" (no outcome line yet) / "sent" / "failed" / "unknown"
    QString errorCode; ///< Graph error code when failed (e.g. "Forbidden"), else empty
    QString finalState; ///< Intune's final actionState ("done", "failed", ...) once reported, else empty
    std::optional<int> intuneErrorCode; ///< the action result's errorCode when it failed with one

    static QString outcomeSending() { return QStringLiteral("sending"); }
    static QString outcomeSent() { return QStringLiteral("sent"); }
    static QString outcomeFailed() { return QStringLiteral("failed"); }
    static QString outcomeUnknown() { return QStringLiteral("unknown"); }
    /// A follow-up line that only adds the final state to the entry written before it.
    bool isFinalStateLine() const { return outcome.isEmpty() && !finalState.isEmpty(); }

    bool operator==(const AuditEntry &) const = default;
};

class AuditLog final : public QObject {
    Q_OBJECT
public:
    /// directory empty: QStandardPaths::AppDataLocation. The directory is created on first append,
    /// owner-only (0700), and the file too (0600).
    explicit AuditLog(QString directory = {}, QObject *parent = nullptr);

    /// Appends one line and flushes it. False (with a reason in *error) if the file cannot be written.
    bool append(const AuditEntry &entry, QString *error = nullptr);
    /// Every readable entry, newest first (file order reversed); at most limit entries when limit > 0.
    /// Lines sharing an entry id are one entry: the last line's fields, at the first line's place;
    /// a final-state line adds its final state (and error code) to the entry's fields.
    QList<AuditEntry> readNewestFirst(int limit = 0) const;
    QString filePath() const;
    QString directory() const { return m_directory; }

Q_SIGNALS:
    /// After a successful append(), for an open audit view.
    void appended(const keyturn::AuditEntry &entry);

private:
    QString m_directory;
};

} // namespace keyturn
