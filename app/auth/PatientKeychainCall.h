// callPatiently: runs one TokenStore call with the store's patience. slow() runs once if the call is
// still unanswered after the store's promptDelay (a password prompt of the system may be open);
// done() runs exactly once, with the answer or with Unavailable when the store's waitLimit passes
// first; an answer that arrives after that goes to late(). Nothing runs once context is gone.
#pragma once

#include "auth/TokenStore.h"

#include <functional>

namespace keyturn {

struct PatientCallbacks {
    std::function<void()> slow;
    TokenStore::Callback done;
    TokenStore::Callback late;
};

using TokenStoreCall = std::function<void(QObject *context, TokenStore::Callback callback)>;

void callPatiently(
    TokenStore *store, QObject *context, const TokenStoreCall &call, PatientCallbacks callbacks);

} // namespace keyturn
