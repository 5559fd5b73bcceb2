#include "TenantProcess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>

#include <algorithm>

namespace keyturn::bench {

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
