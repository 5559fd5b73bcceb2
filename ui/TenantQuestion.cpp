#include "TenantQuestion.h"

#include <QCoreApplication>

namespace keyturn::ui {

QString questionInTenant(const QString &question, const QString &tenant)
{
    if (tenant.isEmpty())
        return question;
    QString asked = question.trimmed();
    if (asked.endsWith(QLatin1Char('?'))) {
        asked.chop(1);
        //: %1 a question without its question mark ("Are you sure you want to sync MAC-0042"),
        //: %2 a tenant ("Contoso (contoso.onmicrosoft.com)")
        return QCoreApplication::translate("keyturn::ui::TenantQuestion", "%1 in %2?").arg(asked, tenant);
    }
    //: %1 a question, %2 a tenant ("Contoso (contoso.onmicrosoft.com)")
    return QCoreApplication::translate("keyturn::ui::TenantQuestion", "%1 (in %2)").arg(asked, tenant);
}

} // namespace keyturn::ui
