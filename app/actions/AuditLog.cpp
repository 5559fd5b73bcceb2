#include "actions/AuditLog.h"

#include "core/Logging.h"
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStandardPaths>

#include <algorithm>
#include <optional>

namespace keyturn {

namespace {

QByteArray toJsonLine(const AuditEntry &e)
{
    QJsonObject o;
    o.insert(QLatin1String("time"), e.time.toUTC().toString(Qt::ISODateWithMs));
    if (!e.entryId.isEmpty())
        o.insert(QLatin1String("entry"), e.entryId);
    o.insert(QLatin1String("account"), e.accountUpn);
    o.insert(QLatin1String("tenantId"), e.tenantId);
    o.insert(QLatin1String("deviceId"), e.deviceId);
    o.insert(QLatin1String("deviceName"), e.deviceName);
    o.insert(QLatin1String("action"), e.actionId);
    o.insert(QLatin1String("httpStatus"), e.httpStatus);
    o.insert(QLatin1String("requestId"), e.requestId);
    o.insert(QLatin1String("clientRequestId"), e.clientRequestId);
    o.insert(QLatin1String("outcome"), e.outcome);
    if (!e.errorCode.isEmpty())
        o.insert(QLatin1String("errorCode"), e.errorCode);
    if (!e.finalState.isEmpty())
        o.insert(QLatin1String("finalState"), e.finalState);
    if (e.intuneErrorCode)
        o.insert(QLatin1String("intuneErrorCode"), *e.intuneErrorCode);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<AuditEntry> fromJsonLine(const QByteArray &line)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    e.entryId = o.value(QLatin1String("entry")).toString();
    e.accountUpn = o.value(QLatin1String("account")).toString();
    e.tenantId = o.value(QLatin1String("tenantId")).toString();
    e.deviceId = o.value(QLatin1String("deviceId")).toString();
    e.deviceName = o.value(QLatin1String("deviceName")).toString();
    e.actionId = o.value(QLatin1String("action")).toString();
    e.httpStatus = o.value(QLatin1String("httpStatus")).toInt();
    e.requestId = o.value(QLatin1String("requestId")).toString();
    e.clientRequestId = o.value(QLatin1String("clientRequestId")).toString();
    e.outcome = o.value(QLatin1String("outcome")).toString();
    e.errorCode = o.value(QLatin1String("errorCode")).toString();
    e.finalState = o.value(QLatin1String("finalState")).toString();
    if (const QJsonValue code = o.value(QLatin1String("intuneErrorCode")); code.isDouble())
        e.intuneErrorCode = code.toInt();
    if (!e.time.isValid() || e.actionId.isEmpty())
        return std::nullopt;
    return e;
}

} // namespace

AuditLog::AuditLog(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                      : std::move(directory))
{ }

QString AuditLog::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("audit.jsonl"));
}

bool AuditLog::append(const AuditEntry &entry, QString *error)
{
    auto fail = [error](const QString &why) {
        qCWarning(lcActions) << "audit log:" << why;
        if (error)
            *error = why;
        return false;
    };
    // Owner-only: the log names accounts, tenants and devices.
    if (!makePrivateDirectory(m_directory))
        return fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_directory)));
    QFile file(filePath());
    if (!makePrivateFile(file.fileName()) || !file.open(QIODevice::ReadWrite | QIODevice::Append))
        return fail(
            tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    QByteArray line = toJsonLine(entry);
    // A crash mid-write can leave a last line without its newline; start a fresh line so the new
    // entry is not glued to (and lost with) the broken one.
    if (file.size() > 0 && file.seek(file.size() - 1)) {
        char last = '\n';
        if (file.getChar(&last) && last != '\n')
            line.prepend('\n');
        file.seek(file.size());
    }
    if (file.write(line) != line.size() || !file.flush())
        return fail(
            tr("Cannot write to %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    file.close();
    Q_EMIT appended(entry);
    return true;
}

QList<AuditEntry> AuditLog::readNewestFirst(int limit) const
{
    QList<AuditEntry> entries; // file order, one per action
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    QHash<QString, qsizetype> indexOfEntry;
    int skipped = 0;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        std::optional<AuditEntry> e = fromJsonLine(line);
        if (!e) {
            ++skipped;
            continue;
        }
        if (!e->entryId.isEmpty()) {
            const auto known = indexOfEntry.constFind(e->entryId);
            if (known != indexOfEntry.cend()) {
                AuditEntry &merged = entries[*known];
                if (e->isFinalStateLine()) {
                    merged.finalState = e->finalState;
                    merged.intuneErrorCode = e->intuneErrorCode;
                } else {
                    const QString finalState = merged.finalState;
                    const std::optional<int> intuneErrorCode = merged.intuneErrorCode;
                    merged = std::move(*e); // the outcome line follows its "sending" line
                    if (merged.finalState.isEmpty()) {
                        merged.finalState = finalState;
                        merged.intuneErrorCode = intuneErrorCode;
                    }
                }
                continue;
            }
            indexOfEntry.insert(e->entryId, entries.size());
        }
        entries.append(std::move(*e));
    }
    if (skipped > 0)
        qCWarning(lcActions) << "audit log: skipped" << skipped << "unreadable line(s) in" << file.fileName();
    std::reverse(entries.begin(), entries.end());
    if (limit > 0 && entries.size() > limit)
        entries.resize(limit);
    return entries;
}

} // namespace keyturn
