#include "graph/OrganizationReader.h"

#include "graph/GraphClient.h"
#include "graph/GraphReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace keyturn {

void OrganizationReader::read(GraphClient *client, QObject *context, Callback callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,displayName,verifiedDomains"));
    GraphReply *reply = client->get(QStringLiteral("organization"), query, { QStringLiteral("v1.0"), {} });
    QPointer<QObject> guard(context);
    QObject::connect(reply, &GraphReply::finished, reply, [reply, guard, callback = std::move(callback)] {
        if (!guard)
            return;
        if (reply->error().kind != GraphError::Kind::None) {
            callback(std::nullopt, reply->error().message);
            return;
        }
        const auto names = parse(reply->body());
        callback(names, names ? QString() : QStringLiteral("no organization in the answer"));
    });
}

std::optional<OrganizationNames> OrganizationReader::parse(const QByteArray &body)
{
    const QJsonArray organizations
        = QJsonDocument::fromJson(body).object().value(QLatin1String("value")).toArray();
    if (organizations.isEmpty())
        return std::nullopt;
    const QJsonObject organization = organizations.first().toObject();
    OrganizationNames names;
    names.tenantId = organization.value(QLatin1String("id")).toString();
    names.displayName = organization.value(QLatin1String("displayName")).toString().simplified();
    QString initial, first;
    for (const QJsonValue &value : organization.value(QLatin1String("verifiedDomains")).toArray()) {
        const QJsonObject domain = value.toObject();
        const QString name = domain.value(QLatin1String("name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        if (domain.value(QLatin1String("isDefault")).toBool() && names.defaultDomain.isEmpty())
            names.defaultDomain = name;
        if (domain.value(QLatin1String("isInitial")).toBool() && initial.isEmpty())
            initial = name;
        if (first.isEmpty())
            first = name;
    }
    if (names.defaultDomain.isEmpty())
        names.defaultDomain = initial.isEmpty() ? first : initial;
    if (names.displayName.isEmpty())
        return std::nullopt;
    return names;
}

} // namespace keyturn
