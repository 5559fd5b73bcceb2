// GraphRootConfirmation: the GraphRootQuestion asked through Confirmations (a window-modal Yes/No,
// No by default), naming the account's Graph host and the newly configured one.
#pragma once

#include "auth/GraphRootQuestion.h"

#include <QPointer>
#include <QWidget>

namespace keyturn::ui {

class GraphRootConfirmation final : public keyturn::GraphRootQuestion {
public:
    /// The question is shown over parent (not owned; may be destroyed first).
    explicit GraphRootConfirmation(QWidget *parent);

    void ask(const QUrl &accountRoot, const QUrl &configuredRoot, QObject *context,
        std::function<void(bool send)> answer) override;

private:
    QPointer<QWidget> m_parent;
};

} // namespace keyturn::ui
