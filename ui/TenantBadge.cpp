#include "TenantBadge.h"

#include "auth/TenantLabels.h"

namespace keyturn::ui {

TenantBadge::TenantBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("tenantBadge"));
    setAccessibleName(tr("Tenant"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextFormat(Qt::PlainText);
    hide();
}

void TenantBadge::showTenant(const QString &name, const QString &colour)
{
    m_colour = colour;
    setText(name);
    setToolTip(colour.isEmpty()
            ? tr("Acting in %1").arg(name)
            : tr("Acting in %1 (colour tag: %2)").arg(name, TenantLabels::tagName(colour)));
    setAccessibleDescription(toolTip());
    if (colour.isEmpty())
        setStyleSheet(QStringLiteral("QLabel#tenantBadge { padding: 2px 8px; font-weight: bold; }"));
    else
        setStyleSheet(
            QStringLiteral("QLabel#tenantBadge { padding: 2px 8px; font-weight: bold; color: white; "
                           "background-color: %1; border-radius: 4px; }")
                .arg(colour));
    setVisible(!name.isEmpty());
}

} // namespace keyturn::ui
