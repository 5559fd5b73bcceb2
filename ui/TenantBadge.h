// TenantBadge: the tenant Keyturn acts in, named beside the account button in the tenant's colour
// tag (white text on the colour), so the help desk sees at a glance which tenant it is in. Without a
// tag it is plain text; without a tenant it is hidden.
#pragma once

#include <QLabel>

namespace keyturn::ui {

class TenantBadge final : public QLabel {
    Q_OBJECT
public:
    explicit TenantBadge(QWidget *parent = nullptr);

    /// name empty: hidden. colour "#rrggbb" or empty (no tag).
    void showTenant(const QString &name, const QString &colour);
    QString colour() const { return m_colour; }

private:
    QString m_colour;
};

} // namespace keyturn::ui
