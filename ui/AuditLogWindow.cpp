#include "AuditLogWindow.h"

#include "DeviceText.h"
#include "actions/AuditLog.h"
#include "auth/TenantLabels.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyturn::ui {

AuditLogWindow::AuditLogWindow(AuditLog *log, QWidget *parent)
    : QDialog(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("auditLogWindow"));
    setWindowTitle(tr("Audit log"));
    resize(980, 480);

    m_table = new QTableWidget(0, 9, this);
    m_table->setObjectName(QStringLiteral("auditLogTable"));
    m_table->setAccessibleName(tr("Audit log entries"));
    m_table->setHorizontalHeaderLabels({ tr("Time"), tr("Action"), tr("Device"), tr("Outcome"),
        tr("HTTP status"), tr("Account"), tr("Tenant"), tr("Request ID"), tr("Device ID") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("auditLogPathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setText(tr("Stored in %1").arg(m_log->filePath()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refresh = buttons->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("reloadAuditLogButton"));
    connect(refresh, &QPushButton::clicked, this, &AuditLogWindow::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_pathLabel);
    layout->addWidget(buttons);

    connect(m_log, &AuditLog::appended, this, [this] { reload(); });
    reload();
}

QString AuditLogWindow::outcomeText(const QString &outcome)
{
    // "sending" with no outcome line: Keyturn stopped (or is still waiting) before Intune answered.
    if (outcome == AuditEntry::outcomeSending())
        return tr("sending…, outcome unknown");
    return outcome;
}

QString AuditLogWindow::outcomeText(const AuditEntry &entry)
{
    if (entry.finalState.isEmpty())
        return outcomeText(entry.outcome);
    QString final = entry.finalState;
    if (entry.intuneErrorCode)
        //: %1 Intune's final state ("failed"), %2 its error code in hexadecimal
        final = tr("%1, error code %2")
                    .arg(final,
                        QStringLiteral("0x")
                            + QString::number(static_cast<quint32>(*entry.intuneErrorCode), 16)
                                  .toUpper()
                                  .rightJustified(8, QLatin1Char('0')));
    //: %1 the request's outcome ("sent"), %2 Intune's final state ("done")
    return tr("%1 → %2").arg(
        outcomeText(entry.outcome.isEmpty() ? AuditEntry::outcomeSent() : entry.outcome), final);
}

QString AuditLogWindow::tenantText(const AuditEntry &entry)
{
    if (entry.tenantId.isEmpty())
        return QStringLiteral("—");
    Account account;
    account.upn = entry.accountUpn;
    account.tenantId = entry.tenantId;
    // The tenant's name as Keyturn shows it now, and its id: the id is what Intune's own log shows.
    //: %1 a tenant's name ("Contoso (contoso.onmicrosoft.com)"), %2 its tenant id
    return tr("%1 · %2").arg(TenantLabels().displayText(account), entry.tenantId);
}

void AuditLogWindow::reload()
{
    const QList<AuditEntry> entries = m_log->readNewestFirst();
    m_table->setRowCount(static_cast<int>(entries.size()));
    int row = 0;
    for (const AuditEntry &entry : entries) {
        const QStringList cells{ text::dateTime(entry.time), text::actionName(entry.actionId),
            entry.deviceName, outcomeText(entry),
            entry.httpStatus ? QString::number(entry.httpStatus) : QStringLiteral("—"), entry.accountUpn,
            tenantText(entry), entry.requestId, entry.deviceId };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        ++row;
    }
    m_table->resizeColumnsToContents();
}

} // namespace keyturn::ui
