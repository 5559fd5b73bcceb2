#include "ConsentDialog.h"

#include "DeviceCodeLabel.h"
#include "auth/SignInController.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace keyturn::ui {

using Way = keyturn::ScopeGrants::ConsentWay;

ConsentDialog::ConsentDialog(keyturn::SignInController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("consentDialog"));
    setWindowTitle(tr("Permission needed"));
    setWindowModality(Qt::WindowModal);

    m_instruction = new QLabel(this);
    m_instruction->setObjectName(QStringLiteral("consentInstructionLabel"));
    m_instruction->setWordWrap(true);
    m_instruction->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_userCode = makeDeviceCodeLabel(QStringLiteral("consentUserCodeLabel"), this);
    m_copyCode = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("C&opy code"), this);
    m_copyCode->setObjectName(QStringLiteral("consentCopyCodeButton"));
    m_copyCode->setAccessibleName(tr("Copy code"));
    connect(m_copyCode, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_userCode->text()); });

    m_verification = new QLabel(this);
    m_verification->setObjectName(QStringLiteral("consentVerificationLabel"));
    m_verification->setOpenExternalLinks(true);
    m_verification->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_verification->setWordWrap(true);

    m_useCode = new QPushButton(tr("Use a &code instead"), this);
    m_useCode->setObjectName(QStringLiteral("useCodeInsteadButton"));
    m_useCode->setAccessibleName(tr("Use a code instead"));
    m_useCode->setToolTip(tr("Approve the permission by entering a code on any device with a browser"));
    connect(
        m_useCode, &QPushButton::clicked, this, [this] { m_controller->switchConsentWay(Way::DeviceCode); });
    m_useBrowser = new QPushButton(tr("Use the &browser instead"), this);
    m_useBrowser->setObjectName(QStringLiteral("useBrowserInsteadButton"));
    m_useBrowser->setAccessibleName(tr("Use the browser instead"));
    connect(
        m_useBrowser, &QPushButton::clicked, this, [this] { m_controller->switchConsentWay(Way::Browser); });
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelConsentButton"));
    m_cancel->setAccessibleName(tr("Cancel the permission request"));
    connect(m_cancel, &QPushButton::clicked, this, &ConsentDialog::reject);

    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCode);
    codeRow->addWidget(m_copyCode);
    codeRow->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_useCode);
    buttons->addWidget(m_useBrowser);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_instruction);
    layout->addLayout(codeRow);
    layout->addWidget(m_verification);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    setMinimumWidth(440);

    connect(m_controller, &keyturn::SignInController::consentWaiting, this, &ConsentDialog::onWaiting);
    connect(m_controller, &keyturn::SignInController::consentCodeReady, this,
        [this](const QString &userCode, const QUrl &uri, int) { onCodeReady(userCode, uri); });
    connect(m_controller, &keyturn::SignInController::consentEnded, this, [this] {
        m_userCode->clear();
        QDialog::done(QDialog::Accepted);
    });
}

void ConsentDialog::reject()
{
    // The request ends through the controller; consentEnded closes the dialog.
    if (m_controller->consentScope().isEmpty())
        QDialog::reject();
    else
        m_controller->cancelConsent();
}

void ConsentDialog::onWaiting(const QString &scope)
{
    m_scope = scope;
    const bool browser = m_controller->runningConsentWay() == Way::Browser;
    const QString who = m_controller->signedInAs();
    m_instruction->setText(browser
            ? tr("Finish in your browser: sign in as %1 and accept the permission %2.").arg(who, scope)
            : tr("Requesting a code to approve the permission %1…").arg(scope));
    m_userCode->clear();
    m_verification->clear();
    showCode(false);
    m_useCode->setVisible(browser);
    m_useBrowser->setVisible(!browser);
    if (!isVisible())
        open();
    m_cancel->setFocus(Qt::OtherFocusReason);
}

void ConsentDialog::onCodeReady(const QString &userCode, const QUrl &verificationUri)
{
    m_userCode->setText(userCode);
    const QString address = verificationUri.toString().toHtmlEscaped();
    m_verification->setText(tr("Open <a href=\"%1\">%1</a> on any device, enter the code, and sign in as %2.")
                                .arg(address, m_controller->signedInAs().toHtmlEscaped()));
    m_instruction->setText(tr("Keyturn needs the permission %1. Approve it with this code:").arg(m_scope));
    showCode(true);
    m_copyCode->setFocus(Qt::OtherFocusReason);
}

void ConsentDialog::showCode(bool shown)
{
    m_userCode->setVisible(shown);
    m_copyCode->setVisible(shown);
    m_verification->setVisible(shown);
    // The code and the wrapped address come and go: the dialog grows (or shrinks) to show them whole.
    adjustSize();
}

} // namespace keyturn::ui
