#include "ProcessMemory.h"

#include <QByteArray>
#include <QFile>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace keyturn::bench {

namespace {

double statusFieldMegabytes(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return static_cast<double>(line.mid(field.size()).trimmed().split(' ').value(0).toLongLong())
                / 1024.0;
    }
    return -1;
}

} // namespace

double residentMegabytes()
{
    return statusFieldMegabytes(QByteArrayLiteral("VmRSS:"));
}

double peakResidentMegabytes()
{
    return statusFieldMegabytes(QByteArrayLiteral("VmHWM:"));
}

bool resetPeakResident()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (!clearRefs.open(QIODevice::WriteOnly))
        return false;
    return clearRefs.write("5") == 1;
}

double processCpuMilliseconds()
{
#if defined(Q_OS_UNIX)
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
#else
    return -1;
#endif
}

} // namespace keyturn::bench
