#include "auth/TenantLabels.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

#include <memory>

namespace keyturn {

namespace {

constexpr char kContext[] = "keyturn::TenantLabels";

QString groupOf(const QString &tenantId)
{
    return QStringLiteral("tenants/") + tenantId + QLatin1Char('/');
}

QString upnDomain(const Account &account)
{
    const qsizetype at = account.upn.lastIndexOf(QLatin1Char('@'));
    return at >= 0 ? account.upn.mid(at + 1).toLower() : QString();
}

template <typename Fn> auto withSettings(QSettings *given, Fn &&fn)
{
    std::unique_ptr<QSettings> own;
    if (!given) {
        own = std::make_unique<QSettings>();
        given = own.get();
    }
    return fn(*given);
}

void setOrRemove(QSettings &s, const QString &key, const QString &value)
{
    if (value.isEmpty())
        s.remove(key);
    else
        s.setValue(key, value);
}

} // namespace

TenantLabels::TenantLabels(QSettings *settings)
    : m_settings(settings)
{ }

TenantLabel TenantLabels::label(const QString &tenantId) const
{
    if (tenantId.isEmpty())
        return {};
    return withSettings(m_settings, [&](QSettings &s) {
        const QString group = groupOf(tenantId);
        TenantLabel label;
        label.graphName = s.value(group + QStringLiteral("graphName")).toString();
        label.graphDomain = s.value(group + QStringLiteral("graphDomain")).toString();
        label.localName = s.value(group + QStringLiteral("localName")).toString();
        label.colour = s.value(group + QStringLiteral("colour")).toString();
        return label;
    });
}

void TenantLabels::setGraphNames(
    const QString &tenantId, const QString &displayName, const QString &defaultDomain)
{
    if (tenantId.isEmpty())
        return;
    withSettings(m_settings, [&](QSettings &s) {
        setOrRemove(s, groupOf(tenantId) + QStringLiteral("graphName"), displayName.trimmed());
        setOrRemove(s, groupOf(tenantId) + QStringLiteral("graphDomain"), defaultDomain.trimmed().toLower());
        s.sync();
        return 0;
    });
}

void TenantLabels::setLocalName(const QString &tenantId, const QString &name)
{
    if (tenantId.isEmpty())
        return;
    withSettings(m_settings, [&](QSettings &s) {
        setOrRemove(s, groupOf(tenantId) + QStringLiteral("localName"), name.simplified());
        s.sync();
        return 0;
    });
}

void TenantLabels::setColour(const QString &tenantId, const QString &colour)
{
    if (tenantId.isEmpty())
        return;
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-f]{6}$"));
    const QString tag = colour.trimmed().toLower();
    withSettings(m_settings, [&](QSettings &s) {
        setOrRemove(
            s, groupOf(tenantId) + QStringLiteral("colour"), rgb.match(tag).hasMatch() ? tag : QString());
        s.sync();
        return 0;
    });
}

QString TenantLabels::name(const Account &account) const
{
    const TenantLabel l = label(account.tenantId);
    if (!l.localName.isEmpty())
        return l.localName;
    if (!l.graphName.isEmpty())
        return l.graphName;
    const QString domain = upnDomain(account);
    return domain.isEmpty() ? account.tenantId : domain;
}

QString TenantLabels::domain(const Account &account) const
{
    const TenantLabel l = label(account.tenantId);
    return l.graphDomain.isEmpty() ? upnDomain(account) : l.graphDomain;
}

QString TenantLabels::displayText(const Account &account) const
{
    const QString n = name(account);
    const QString d = domain(account);
    if (d.isEmpty() || n.compare(d, Qt::CaseInsensitive) == 0)
        return n;
    //: %1 a tenant's name ("Contoso"), %2 its domain ("contoso.onmicrosoft.com")
    return QCoreApplication::translate(kContext, "%1 (%2)").arg(n, d);
}

QString TenantLabels::colour(const Account &account) const
{
    return label(account.tenantId).colour;
}

QList<TenantLabels::Tag> TenantLabels::tags()
{
    return {
        { QT_TRANSLATE_NOOP("keyturn::TenantLabels", "Red"), "#c62828" },
        { QT_TRANSLATE_NOOP("keyturn::TenantLabels", "Orange"), "#ef6c00" },
        { QT_TRANSLATE_NOOP("keyturn::TenantLabels", "Green"), "#2e7d32" },
        { QT_TRANSLATE_NOOP("keyturn::TenantLabels", "Blue"), "#1565c0" },
        { QT_TRANSLATE_NOOP("keyturn::TenantLabels", "Purple"), "#6a1b9a" },
    };
}

QString TenantLabels::tagName(const QString &colour)
{
    for (const Tag &tag : tags()) {
        if (colour.compare(QLatin1String(tag.colour), Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate(kContext, tag.name);
    }
    return colour;
}

} // namespace keyturn
