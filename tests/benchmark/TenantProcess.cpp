#include "TenantProcess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

#include <algorithm>

namespace keyturn::bench {

double TenantProcess::cpuMilliseconds() const
{
#if defined(Q_OS_UNIX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_process.processId()));
    if (m_process.processId() <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    // Fields 14 and 15 (utime, stime, in clock ticks) follow the command name in parentheses.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = fields[11].toDouble() + fields[12].toDouble();
    return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
#else
    return -1;
#endif
}

TenantProcess::~TenantProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

bool TenantProcess::start(const QString &program, int devices, unsigned seed, int latencyMs, int timeoutMs,
    QString *error, const QStringList &extraArguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    m_process.start(program,
        QStringList{ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--devices"),
            QString::number(devices), QStringLiteral("--seed"), QString::number(seed),
            QStringLiteral("--latency-ms"), QString::number(latencyMs) }
            + extraArguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning
            || !m_process.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_process.canReadLine())
                break;
            *error = QStringLiteral("%1 did not report its address").arg(program);
            return false;
        }
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    static const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix)) {
        *error = QStringLiteral("unexpected first line from the tenant: %1").arg(line);
        return false;
    }
    m_baseUrl = QUrl(line.mid(prefix.size()), QUrl::StrictMode);
    m_startupMs = timer.elapsed();
    // Later output is not read: keep the pipe from filling up.
    m_process.setReadChannel(QProcess::StandardOutput);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
        [this] { m_process.readAllStandardOutput(); });
    return m_baseUrl.isValid();
}

} // namespace keyturn::bench
