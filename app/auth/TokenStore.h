// TokenStore: the refresh token of each account in the OS keychain (qtkeychain), one item per
// account under one service name, insecure fallback off. Every call is asynchronous and calls
// back exactly once (dropped if context dies first); a job that does not finish within the wait
// limit (10 minutes: a password prompt of the system may be open) reports Unavailable. Jobs delete
// themselves when done, even after the store is gone.
//
// Waiting rule: qtkeychain on Linux talks to the Secret Service through libsecret (KWallet over
// QtDBus on KDE). A service that shows a prompt answers the D-Bus call at once and only the prompt
// waits for the person, so the job stays open as long as the prompt; a service that never answers
// fails the D-Bus call itself after about 25 s (NoReply), which ends the job with an error.
// Keyturn therefore waits up to the limit, and says after promptDelay() that it is waiting.
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
        std::chrono::milliseconds waitLimit = std::chrono::minutes(10), QObject *parent = nullptr);

    QString service() const { return m_service; }
    /// After this long unanswered, a job may be waiting for a person at a keychain prompt.
    std::chrono::milliseconds promptDelay() const { return m_promptDelay; }
    void setPromptDelay(std::chrono::milliseconds delay) { m_promptDelay = delay; }
    /// A job unanswered this long is given up (Unavailable), whatever it waits for.
    std::chrono::milliseconds waitLimit() const { return m_waitLimit; }
    void setWaitLimit(std::chrono::milliseconds limit) { m_waitLimit = limit; }

    // Virtual so tests can stand in a keychain that is locked or missing.
    virtual void read(const QString &key, QObject *context, Callback callback);
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback callback);
    /// Deleting a missing item reports NotFound or Ok (the goal is reached either way).
    virtual void remove(const QString &key, QObject *context, Callback callback);

private:
    enum class Op { Read, Write, Remove };
    void run(Op op, const QString &key, const QString &secret, QObject *context, Callback callback);

    QString m_service;
    std::chrono::milliseconds m_waitLimit;
    std::chrono::milliseconds m_promptDelay = std::chrono::milliseconds(2500);
};

} // namespace keyturn
