// JsPeer: runs peer/list-devices.js (Microsoft's JavaScript Graph client with PageIterator)
// against the tenant under Node.js, installing its npm dependency on first use.
#pragma once

#include <QString>
#include <QUrl>

namespace keyturn::bench {

struct PeerTiming {
    bool ok = false;
    double firstPageMs = 0;
    double totalMs = 0; ///< best of the runs
    int devices = 0;
    double peakRssMb = 0;
    QString error;
};

class JsPeer {
public:
    explicit JsPeer(QString peerDir);

    /// Finds node and npm and installs the peer's dependencies if node_modules is missing.
    /// False (with reason()) when Node.js is unavailable or the install failed.
    bool prepare();
    QString reason() const { return m_reason; }

    /// Lists every device `repeats` times in one Node process; reports the best run.
    PeerTiming run(const QUrl &graphRoot, const QString &select, const QString &token, int repeats) const;

private:
    QString m_dir;
    QString m_node;
    QString m_reason;
};

} // namespace keyturn::bench
