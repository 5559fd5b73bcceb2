// DemoTenant: the simulated Entra ID + Intune Graph, served on 127.0.0.1 from its own thread so the
// UI thread never waits on it. start() returns once the socket listens (or failed); the object
// that called start() owns the tenant; destroying it stops the server and joins the thread.
#pragma once

#include "demo/DemoOptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace keyturn::demo {

class DemoTenant final : public QObject {
    Q_OBJECT
public:
    explicit DemoTenant(DemoOptions options, QObject *parent = nullptr);
    ~DemoTenant() override;

    /// Binds 127.0.0.1:options.port and starts serving. False with a reason in *error on failure.
    bool start(QString *error = nullptr);
    /// Stops serving; idempotent. Called by the destructor.
    void stop();

    quint16 port() const;
    /// http://127.0.0.1:PORT — the root for both the authority and the Graph URLs.
    QUrl baseUrl() const;
    const DemoOptions &options() const { return m_options; }

private:
    DemoOptions m_options;
    struct Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace keyturn::demo
