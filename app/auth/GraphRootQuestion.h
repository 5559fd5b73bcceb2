// GraphRootQuestion: asks whether a remembered sign-in may now be sent to another Graph root than
// the one it was used with. Answers once, asynchronously; a lost answer (context gone) is no answer.
#pragma once

#include <QUrl>

#include <functional>

class QObject;

namespace keyturn {

class GraphRootQuestion {
public:
    virtual ~GraphRootQuestion() = default;
    /// answer(true): send the sign-in to configuredRoot; false: keep accountRoot. Not called if
    /// context is destroyed first.
    virtual void ask(const QUrl &accountRoot, const QUrl &configuredRoot, QObject *context,
        std::function<void(bool send)> answer)
        = 0;
};

} // namespace keyturn
