// AuditLogWindow: the local audit log of remote actions, one row per action with its final outcome,
// newest first, refreshed as lines are appended. Borrows the AuditLog.
#pragma once

#include <QDialog>

class QTableWidget;
class QLabel;

namespace keyturn {
class AuditLog;
struct AuditEntry;
} // namespace keyturn

namespace keyturn::ui {

class AuditLogWindow final : public QDialog {
    Q_OBJECT
public:
    explicit AuditLogWindow(keyturn::AuditLog *log, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    /// The Outcome column's text for an entry's outcome.
    static QString outcomeText(const QString &outcome);
    /// The Outcome column: the request's outcome, then Intune's final state once reported
    /// ("sent → done", "sent → failed, error code 0x87D1FDE8").
    static QString outcomeText(const keyturn::AuditEntry &entry);
    /// The tenant column: its name as known now and its id ("—" for an entry without one).
    static QString tenantText(const keyturn::AuditEntry &entry);

private:
    keyturn::AuditLog *m_log;
    QTableWidget *m_table = nullptr;
    QLabel *m_pathLabel = nullptr;
};

} // namespace keyturn::ui
