#include "auth/ClientClaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace keyturn {

namespace {

/// Merges b into a, object by object; b's leaves win.
QJsonObject merged(QJsonObject a, const QJsonObject &b)
{
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (it.value().isObject() && a.value(it.key()).isObject())
            a.insert(it.key(), merged(a.value(it.key()).toObject(), it.value().toObject()));
        else
            a.insert(it.key(), it.value());
    }
    return a;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && doc.isObject() ? doc.object() : QJsonObject();
}

} // namespace

QString claimsRequest(const QString &challengeClaimsJson)
{
    const QJsonObject capability{ { QStringLiteral("access_token"),
        QJsonObject{ { QStringLiteral("xms_cc"),
            QJsonObject{ { QStringLiteral("values"), QJsonArray{ QStringLiteral("cp1") } } } } } } };
    const QJsonObject challenge = parseObject(challengeClaimsJson.toUtf8());
    return QString::fromUtf8(QJsonDocument(merged(capability, challenge)).toJson(QJsonDocument::Compact));
}

} // namespace keyturn
