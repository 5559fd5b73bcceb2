#include "JsPeer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <cstdio>
#include <utility>

namespace keyturn::bench {

JsPeer::JsPeer(QString peerDir)
    : m_dir(std::move(peerDir))
{ }

bool JsPeer::prepare()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty()) {
        m_reason = QStringLiteral("Node.js not found");
        return false;
    }
    if (!QFileInfo::exists(m_dir + QStringLiteral("/list-devices.js"))) {
        m_reason = QStringLiteral("no peer script in %1").arg(m_dir);
        return false;
    }
    if (QFileInfo::exists(
            m_dir + QStringLiteral("/node_modules/@microsoft/microsoft-graph-client/package.json")))
        return true;
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (npm.isEmpty()) {
        m_reason = QStringLiteral("npm not found");
        return false;
    }
    std::fprintf(stderr, "installing the JavaScript peer's dependencies (npm install --prefix %s)\n",
        qPrintable(QDir::toNativeSeparators(m_dir)));
    QProcess install;
    install.setProcessChannelMode(QProcess::ForwardedChannels);
    install.start(npm,
        { QStringLiteral("install"), QStringLiteral("--prefix"), m_dir, QStringLiteral("--no-audit"),
            QStringLiteral("--no-fund") });
    if (!install.waitForFinished(180000) || install.exitStatus() != QProcess::NormalExit
        || install.exitCode() != 0) {
        install.kill();
        m_reason = QStringLiteral("npm install failed");
        return false;
    }
    return true;
}

PeerTiming JsPeer::run(const QUrl &graphRoot, const QString &select, const QString &token, int repeats) const
{
    PeerTiming timing;
    QProcess node;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KEYTURN_BENCH_TOKEN"), token); // not on the command line
    node.setProcessEnvironment(environment);
    node.setWorkingDirectory(m_dir);
    node.start(m_node,
        { m_dir + QStringLiteral("/list-devices.js"), graphRoot.toString(), select,
            QString::number(repeats) });
    if (!node.waitForFinished(600000) || node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        node.kill();
        node.waitForFinished(3000);
        timing.error = QString::fromUtf8(node.readAllStandardError()).trimmed();
        if (timing.error.isEmpty())
            timing.error = QStringLiteral("node failed");
        return timing;
    }
    const QByteArray out = node.readAllStandardOutput().trimmed();
    const QJsonObject result = QJsonDocument::fromJson(out.mid(out.lastIndexOf('\n') + 1)).object();
    timing.firstPageMs = result.value(QLatin1String("firstPageMs")).toDouble();
    timing.totalMs = result.value(QLatin1String("totalMs")).toDouble();
    timing.devices = result.value(QLatin1String("devices")).toInt();
    timing.peakRssMb = result.value(QLatin1String("peakRssMB")).toDouble();
    timing.ok = timing.totalMs > 0;
    if (!timing.ok)
        timing.error = QStringLiteral("unexpected peer output");
    return timing;
}

} // namespace keyturn::bench
