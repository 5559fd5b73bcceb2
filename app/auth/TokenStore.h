// TokenStore: the refresh token of each account in the OS keychain (qtkeychain), one item per
// account under one service name, insecure fallback off. Every call is asynchronous and calls
// back exactly once (dropped if context dies first); a job that does not finish within the
// timeout reports Unavailable. Jobs delete themselves when done, even after the store is gone.
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace keyturn {

class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, ///< no item for this key: nothing remembered
        Unavailable, ///< no Secret Service, locked or denied keychain, timeout...
    };
    struct Result {
        Status status = Status::Ok;
        QString secret; ///< the stored value after a successful read
        QString message; ///< keychain's own error text, for the "not remembered" note
    };
    using Callback = std::function<void(const Result &)>;

    explicit TokenStore(QString service = QStringLiteral("Keyturn"),
        std::chrono::milliseconds timeout = std::chrono::seconds(20), QObject *parent = nullptr);

    QString service() const { return m_service; }

    // Virtual so tests can stand in a keychain that is locked or missing.
    virtual void read(const QString &key, QObject *context, Callback callback);
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback callback);
    /// Deleting a missing item reports NotFound or Ok (the goal is reached either way).
    virtual void remove(const QString &key, QObject *context, Callback callback);

private:
    enum class Op { Read, Write, Remove };
    void run(Op op, const QString &key, const QString &secret, QObject *context, Callback callback);

    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace keyturn
