// TenantQuestion: a confirmation question that names the tenant the action acts in ("Are you sure
// you want to sync MAC-0042 (…) in Contoso (contoso.onmicrosoft.com)?"), used while several accounts
// are remembered so the help desk cannot act in the wrong tenant unawares.
#pragma once

#include <QString>

namespace keyturn::ui {

/// question with the tenant named before its question mark; question itself when tenant is empty.
QString questionInTenant(const QString &question, const QString &tenant);

} // namespace keyturn::ui
