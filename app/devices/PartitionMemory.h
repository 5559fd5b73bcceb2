// PartitionMemory: remembers, per tenant (the overview's id), that a partitioned list did not prove
// complete, so that tenant's lists load one page after the other for a while (a week) instead of
// paying for partitions that do not hold. Kept in the given QSettings (the application's by default).
#pragma once

#include <QString>

class QSettings;

namespace keyturn {

class PartitionMemory {
public:
    explicit PartitionMemory(QSettings *settings = nullptr)
        : m_settings(settings)
    { }

    void setSettings(QSettings *settings) { m_settings = settings; }
    /// True when partitions did not hold for `tenant` in the week before `nowMsecs`.
    bool didNotHold(const QString &tenant, qint64 nowMsecs) const;
    void rememberDidNotHold(const QString &tenant, qint64 nowMsecs);

private:
    QSettings *m_settings;
};

} // namespace keyturn
