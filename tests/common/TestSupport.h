// Small helpers shared by the suites: waiting on the event loop, temporary settings, processes.
#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace keyturn::test {

/// Spins the event loop until predicate() is true or the timeout passes; returns the last value.
bool waitUntil(
    const std::function<bool()> &predicate, std::chrono::milliseconds timeout = std::chrono::seconds(10));

struct ProcessResult {
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};
/// Runs a program to completion (bounded by timeout) and captures its output.
ProcessResult runProcess(const QString &program, const QStringList &arguments,
    std::chrono::milliseconds timeout = std::chrono::seconds(30));

} // namespace keyturn::test

#include <ostream>

/// Readable QString values in gtest failure messages.
inline void PrintTo(const QString &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}
