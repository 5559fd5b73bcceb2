#include "auth/PatientKeychainCall.h"

#include "core/Logging.h"

#include <QTimer>

#include <memory>

namespace keyturn {

void callPatiently(
    TokenStore *store, QObject *context, const TokenStoreCall &call, PatientCallbacks callbacks)
{
    enum class Phase { Waiting, Answered, GivenUp };
    struct State {
        Phase phase = Phase::Waiting;
        PatientCallbacks callbacks;
    };
    auto state = std::make_shared<State>(State{ Phase::Waiting, std::move(callbacks) });

    QTimer::singleShot(store->promptDelay(), context, [state] {
        if (state->phase == Phase::Waiting && state->callbacks.slow) {
            qCInfo(lcKeychain) << "the system keychain has not answered yet; a prompt may be open";
            state->callbacks.slow();
        }
    });
    QTimer::singleShot(store->waitLimit(), context, [state] {
        if (state->phase != Phase::Waiting)
            return;
        state->phase = Phase::GivenUp;
        qCWarning(lcKeychain) << "gave up waiting for the system keychain";
        state->callbacks.done({ TokenStore::Status::Unavailable, QString(),
            TokenStore::tr("The system keychain did not answer.") });
    });
    call(context, [state](const TokenStore::Result &result) {
        switch (state->phase) {
        case Phase::Waiting:
            state->phase = Phase::Answered;
            state->callbacks.done(result);
            break;
        case Phase::GivenUp:
            state->phase = Phase::Answered;
            if (state->callbacks.late)
                state->callbacks.late(result);
            break;
        case Phase::Answered:
            break;
        }
    });
}

} // namespace keyturn
