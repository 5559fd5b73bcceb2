// TenantLabels: how Keyturn names each tenant, kept in QSettings by tenant id: the display name
// and default domain read from Graph (the organization), a name the user gave it on this computer,
// and a colour tag. Without anything from Graph, the domain of the account's UPN names the tenant.
#pragma once

#include "auth/Account.h"

#include <QList>
#include <QString>

class QSettings;

namespace keyturn {

struct TenantLabel {
    QString graphName; ///< the organization's displayName, empty until read
    QString graphDomain; ///< its default verified domain, empty until read
    QString localName; ///< the user's own name for it, empty = none
    QString colour; ///< colour tag ("#2e7d32"), empty = none
};

class TenantLabels {
public:
    /// settings == nullptr uses the application's default QSettings. Not owned.
    explicit TenantLabels(QSettings *settings = nullptr);

    TenantLabel label(const QString &tenantId) const;
    void setGraphNames(const QString &tenantId, const QString &displayName, const QString &defaultDomain);
    /// Empty name: back to the name from Graph (or the domain).
    void setLocalName(const QString &tenantId, const QString &name);
    /// Empty colour (or one that is not "#rrggbb"): no tag.
    void setColour(const QString &tenantId, const QString &colour);

    /// The tenant's name: the user's, else Graph's, else the domain of the UPN, else its id.
    QString name(const Account &account) const;
    /// The tenant's domain: Graph's default domain, else the domain of the UPN.
    QString domain(const Account &account) const;
    /// "Contoso (contoso.onmicrosoft.com)", or the domain alone when it is the name.
    QString displayText(const Account &account) const;
    /// The colour tag ("#2e7d32"), or empty.
    QString colour(const Account &account) const;

    /// The colour tags offered: a name for the menu and its colour.
    struct Tag {
        const char *name; ///< translatable in context "keyturn::TenantLabels"
        const char *colour;
    };
    static QList<Tag> tags();
    /// The translated name of a colour tag ("Green"), or the colour itself when it is not one of tags().
    static QString tagName(const QString &colour);

private:
    QSettings *m_settings;
};

} // namespace keyturn
