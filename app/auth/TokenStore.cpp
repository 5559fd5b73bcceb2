#include "auth/TokenStore.h"

#include "core/Logging.h"

#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace keyturn {

TokenStore::TokenStore(QString service, std::chrono::milliseconds waitLimit, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_waitLimit(waitLimit)
{ }

void TokenStore::read(const QString &key, QObject *context, Callback callback)
{
    run(Op::Read, key, QString(), context, std::move(callback));
}

void TokenStore::write(const QString &key, const QString &secret, QObject *context, Callback callback)
{
    run(Op::Write, key, secret, context, std::move(callback));
}

void TokenStore::remove(const QString &key, QObject *context, Callback callback)
{
    run(Op::Remove, key, QString(), context, std::move(callback));
}

void TokenStore::run(Op op, const QString &key, const QString &secret, QObject *context, Callback callback)
{
    // Jobs are never parented to the store: a pending D-Bus call must not lose its object.
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service);
        w->setTextData(secret);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);

    struct Pending {
        QPointer<QObject> context;
        Callback callback;
        bool done = false;
        void finish(const Result &result)
        {
            if (done)
                return;
            done = true;
            if (context)
                callback(result);
        }
    };
    auto pending = std::make_shared<Pending>(Pending{ context, std::move(callback) });

    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    const QString service = m_service;
    const char *opName = op == Op::Read ? "read" : (op == Op::Write ? "write" : "delete");
    qCDebug(lcKeychain) << "keychain" << opName << "started for service" << service;
    QObject::connect(timer, &QTimer::timeout, timer, [pending, service, opName] {
        qCWarning(lcKeychain) << "keychain" << opName << "for service" << service << "timed out";
        pending->finish(
            { Status::Unavailable, QString(), TokenStore::tr("The system keychain did not answer.") });
    });
    timer->start(m_waitLimit);

    QObject::connect(job, &QKeychain::Job::finished, job, [pending, op, timer](QKeychain::Job *j) {
        timer->stop(); // the job deletes itself later; its timeout no longer applies
        Result result;
        switch (j->error()) {
        case QKeychain::NoError:
            result.status = Status::Ok;
            if (op == Op::Read)
                result.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            break;
        case QKeychain::EntryNotFound:
            result.status = Status::NotFound;
            break;
        default:
            result.status = Status::Unavailable;
            result.message = j->errorString();
            qCWarning(lcKeychain) << "keychain unavailable:" << j->error() << j->errorString();
            break;
        }
        pending->finish(result);
    });
    job->start();
}

} // namespace keyturn
