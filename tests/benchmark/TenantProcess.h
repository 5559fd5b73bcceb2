// TenantProcess: one keyturn-demo-tenant child process for one benchmark configuration. start()
// waits for its "listening on URL" line; the destructor stops the process.
#pragma once

#include <QProcess>
#include <QString>
#include <QUrl>

namespace keyturn::bench {

class TenantProcess {
public:
    TenantProcess() = default;
    ~TenantProcess();
    TenantProcess(const TenantProcess &) = delete;
    TenantProcess &operator=(const TenantProcess &) = delete;

    /// Starts `program --port 0 --devices N --seed S --latency-ms L` plus `extraArguments` (e.g.
    /// --page-ms 500); false with *error set when it fails or says nothing within timeoutMs.
    bool start(const QString &program, int devices, unsigned seed, int latencyMs, int timeoutMs,
        QString *error, const QStringList &extraArguments = {});
    QUrl baseUrl() const { return m_baseUrl; }
    /// Milliseconds from launch to the "listening on" line (data generation included).
    qint64 startupMsecs() const { return m_startupMs; }
    /// CPU time (user + system) the tenant has used so far in ms, from /proc; -1 where unknown.
    double cpuMilliseconds() const;

private:
    QProcess m_process;
    QUrl m_baseUrl;
    qint64 m_startupMs = 0;
};

} // namespace keyturn::bench
