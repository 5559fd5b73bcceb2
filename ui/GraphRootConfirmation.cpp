#include "GraphRootConfirmation.h"

#include "Confirmations.h"
#include "EndpointText.h"

#include <QCoreApplication>

namespace keyturn::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::ui::GraphRootConfirmation", text);
}
} // namespace

GraphRootConfirmation::GraphRootConfirmation(QWidget *parent)
    : m_parent(parent)
{ }

void GraphRootConfirmation::ask(
    const QUrl &accountRoot, const QUrl &configuredRoot, QObject *context, std::function<void(bool)> answer)
{
    const QString was = endpointHost(accountRoot);
    const QString now = endpointHost(configuredRoot);
    ConfirmationRequest request;
    request.title = tr("Microsoft Graph host changed");
    request.question = tr("This sign-in was used with Microsoft Graph at %1. Keyturn is now set to use %2. "
                          "Send your sign-in to %2?")
                           .arg(was, now);
    request.detail = tr("No keeps using %1 and sends nothing to %2. Yes makes %2 this sign-in's Graph host.")
                         .arg(was, now);
    request.yesText = tr("Send to %1").arg(now);
    Confirmations::ask(m_parent, request, context, std::move(answer));
}

} // namespace keyturn::ui
