#include "SignInView.h"

#include "DeviceCodeLabel.h"
#include "MessageBanner.h"
#include "auth/AuthSettings.h"
#include "auth/CloudConfig.h"
#include "auth/SignInController.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace keyturn::ui {

using keyturn::SignInController;

SignInView::SignInView(SignInController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("signInView"));

    auto *title = new QLabel(tr("Sign in to Microsoft Intune"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = new QLabel(tr("Sign in with the Entra ID account you use for the Intune admin center. "
                                "Keyturn remembers the sign-in in your system keychain, so the next "
                                "start needs no browser."),
        this);
    intro->setWordWrap(true);

    m_cloudComboBox = new QComboBox(this);
    m_cloudComboBox->setObjectName(QStringLiteral("cloudComboBox"));
    m_cloudComboBox->setAccessibleName(tr("Cloud"));
    for (const Cloud cloud : { Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5, Cloud::China })
        m_cloudComboBox->addItem(cloudDisplayName(cloud), cloudId(cloud));
    m_fixedEndpointLabel = new QLabel(this);
    m_fixedEndpointLabel->setObjectName(QStringLiteral("fixedEndpointLabel"));
    m_fixedEndpointLabel->hide();

    m_tenantLineEdit = new QLineEdit(this);
    m_tenantLineEdit->setObjectName(QStringLiteral("tenantLineEdit"));
    m_tenantLineEdit->setAccessibleName(tr("Tenant"));
    m_tenantLineEdit->setPlaceholderText(tr("organizations, contoso.onmicrosoft.com or a tenant id"));

    const AuthConfig &config = m_controller->config();
    m_cloudComboBox->setCurrentIndex(m_cloudComboBox->findData(cloudId(config.cloud)));
    m_tenantLineEdit->setText(config.tenant);

    auto *form = new QFormLayout;
    auto *cloudRow = new QHBoxLayout;
    cloudRow->addWidget(m_cloudComboBox, 1);
    cloudRow->addWidget(m_fixedEndpointLabel, 1);
    form->addRow(tr("&Cloud:"), cloudRow);
    form->addRow(tr("&Tenant:"), m_tenantLineEdit);
    if (auto *cloudLabel = qobject_cast<QLabel *>(form->labelForField(cloudRow)))
        cloudLabel->setBuddy(m_cloudComboBox);

    m_browserButton = new QPushButton(tr("Sign in with &browser"), this);
    m_browserButton->setObjectName(QStringLiteral("browserSignInButton"));
    m_browserButton->setAccessibleName(tr("Sign in with browser"));
    m_browserButton->setDefault(true);
    m_deviceCodeButton = new QPushButton(tr("Sign in with a &code"), this);
    m_deviceCodeButton->setObjectName(QStringLiteral("deviceCodeSignInButton"));
    m_deviceCodeButton->setAccessibleName(tr("Sign in with a code"));
    m_deviceCodeButton->setToolTip(tr("For machines without a browser: enter a code on another device."));

    m_backButton = new QPushButton(tr("Back to the device &list"), this);
    m_backButton->setObjectName(QStringLiteral("backToDevicesButton"));
    m_backButton->setAccessibleName(tr("Back to the device list"));
    m_backButton->hide();
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        m_banner->clear();
        Q_EMIT backRequested();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_browserButton);
    buttons->addWidget(m_deviceCodeButton);
    buttons->addStretch();
    buttons->addWidget(m_backButton);

    m_choosePage = new QWidget(this);
    auto *chooseLayout = new QVBoxLayout(m_choosePage);
    chooseLayout->setContentsMargins(0, 0, 0, 0);
    chooseLayout->addLayout(form);
    chooseLayout->addSpacing(8);
    chooseLayout->addLayout(buttons);

    m_waitingPage = new QWidget(this);
    m_waitingLabel = new QLabel(m_waitingPage);
    m_waitingLabel->setObjectName(QStringLiteral("waitingLabel"));
    m_waitingLabel->setWordWrap(true);
    m_userCodeLabel = makeDeviceCodeLabel(QStringLiteral("userCodeLabel"), m_waitingPage);
    m_verificationLabel = new QLabel(m_waitingPage);
    m_verificationLabel->setObjectName(QStringLiteral("verificationLabel"));
    m_verificationLabel->setOpenExternalLinks(true);
    m_verificationLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_copyCodeButton
        = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("C&opy code"), m_waitingPage);
    m_copyCodeButton->setObjectName(QStringLiteral("copyCodeButton"));
    m_copyCodeButton->setAccessibleName(tr("Copy code"));
    connect(m_copyCodeButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_userCodeLabel->text()); });
    m_cancelButton = new QPushButton(tr("Cancel"), m_waitingPage);
    m_cancelButton->setObjectName(QStringLiteral("cancelSignInButton"));
    m_cancelButton->setAccessibleName(tr("Cancel sign-in"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_controller->cancel(); });
    m_browserInsteadButton = new QPushButton(tr("Sign in with the &browser instead"), m_waitingPage);
    m_browserInsteadButton->setObjectName(QStringLiteral("browserInsteadButton"));
    m_browserInsteadButton->setAccessibleName(tr("Sign in with the browser instead"));
    connect(m_browserInsteadButton, &QPushButton::clicked, this, [this] {
        m_banner->clear();
        m_controller->signInWithBrowser();
    });

    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCodeLabel);
    codeRow->addWidget(m_copyCodeButton);
    codeRow->addStretch();
    auto *waitingLayout = new QVBoxLayout(m_waitingPage);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->addWidget(m_waitingLabel);
    waitingLayout->addLayout(codeRow);
    waitingLayout->addWidget(m_verificationLabel);
    auto *cancelRow = new QHBoxLayout;
    cancelRow->addWidget(m_cancelButton);
    cancelRow->addWidget(m_browserInsteadButton);
    cancelRow->addStretch();
    waitingLayout->addLayout(cancelRow);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_choosePage);
    m_pages->addWidget(m_waitingPage);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("signInBanner"));

    auto *card = new QWidget(this);
    card->setMaximumWidth(560);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(title);
    cardLayout->addWidget(intro);
    cardLayout->addSpacing(12);
    cardLayout->addWidget(m_banner);
    cardLayout->addWidget(m_pages);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *centerRow = new QHBoxLayout;
    centerRow->addStretch(1);
    centerRow->addWidget(card, 3);
    centerRow->addStretch(1);
    outer->addLayout(centerRow);
    outer->addStretch(2);

    connect(m_browserButton, &QPushButton::clicked, this, [this] {
        m_banner->clear();
        if (applyChoicesToController())
            m_controller->signInWithBrowser();
    });
    connect(m_deviceCodeButton, &QPushButton::clicked, this, [this] {
        m_banner->clear();
        if (applyChoicesToController())
            m_controller->signInWithDeviceCode();
    });
    connect(m_controller, &SignInController::stateChanged, this, [this] { onStateChanged(); });
    connect(m_controller, &SignInController::deviceCodeReady, this,
        [this](const QString &userCode, const QUrl &uri, const QString &message, int) {
            onDeviceCodeReady(userCode, uri, message);
        });
    connect(m_controller, &SignInController::signInFailed, this,
        [this](const keyturn::AuthError &error) { onFailed(error); });
    connect(m_controller, &SignInController::restoreWaitStarted, this, [this] { onRestoreWaitStarted(); });
    onStateChanged();
}

void SignInView::setFixedEndpointDescription(const QString &description)
{
    m_fixedEndpoints = !description.isEmpty();
    m_fixedEndpointLabel->setText(description);
    m_fixedEndpointLabel->setVisible(m_fixedEndpoints);
    m_cloudComboBox->setVisible(!m_fixedEndpoints);
}

void SignInView::showReauthentication(const QString &loginHint, const keyturn::AuthError &error)
{
    QString text = loginHint.isEmpty()
        ? tr("Your sign-in has expired. Please sign in again.")
        : tr("Your sign-in as %1 has expired. Please sign in again.").arg(loginHint);
    if (error.kind == keyturn::AuthError::Kind::InteractionRequired) {
        // A revoked session, a changed policy or multi-factor authentication that is due.
        text = loginHint.isEmpty()
            ? tr("Your organization asks you to sign in again. The device list reloads once you are back.")
            : tr("Your organization asks you to sign in again as %1. The device list reloads once you are "
                 "back.")
                  .arg(loginHint);
    }
    m_tenantLineEdit->setText(m_controller->config().tenant);
    m_banner->showMessage(MessageBanner::Kind::Warning, text, error.details());
}

void SignInView::setAddingAccount(bool adding)
{
    m_addingAccount = adding;
    if (adding) {
        m_banner->clear();
        m_tenantLineEdit->setText(m_controller->config().tenant);
    }
    onStateChanged();
}

void SignInView::showMissingKeychainItem(const QString &loginHint)
{
    m_banner->showMessage(MessageBanner::Kind::Warning,
        tr("Keyturn remembered your sign-in as %1, but it is no longer in the system keychain. Please sign "
           "in again.")
            .arg(loginHint));
    m_tenantLineEdit->setText(m_controller->config().tenant);
}

bool SignInView::applyChoicesToController()
{
    // The typed tenant gets the same check as --tenant: a refused one sends nothing.
    const QString tenant = m_tenantLineEdit->text().trimmed();
    if (!tenant.isEmpty() && !isValidTenant(tenant)) {
        m_banner->showMessage(MessageBanner::Kind::Error, invalidTenantMessage(tenant));
        m_tenantLineEdit->setFocus(Qt::OtherFocusReason);
        m_tenantLineEdit->selectAll();
        return false;
    }
    AuthConfig config = m_controller->config();
    if (!m_fixedEndpoints) {
        const auto cloud = cloudFromId(m_cloudComboBox->currentData().toString());
        if (cloud && *cloud != config.cloud) {
            AuthConfig fresh = AuthConfig::forCloud(*cloud);
            fresh.clientId = config.clientId;
            config = fresh;
        }
    }
    config.tenant = tenant.isEmpty() ? QStringLiteral("organizations") : tenant;
    m_controller->setConfig(config);
    return true;
}

void SignInView::onStateChanged()
{
    using State = SignInController::State;
    const State state = m_controller->state();
    const bool waiting = state == State::WaitingForBrowser || state == State::WaitingForDeviceCode
        || state == State::RedeemingCode || state == State::RestoringSession;
    m_pages->setCurrentWidget(waiting ? m_waitingPage : m_choosePage);
    const bool deviceCode = state == State::WaitingForDeviceCode;
    m_userCodeLabel->setVisible(deviceCode && !m_userCodeLabel->text().isEmpty());
    m_copyCodeButton->setVisible(deviceCode && !m_userCodeLabel->text().isEmpty());
    m_verificationLabel->setVisible(deviceCode);
    m_cancelButton->setVisible(state != State::RestoringSession && state != State::RedeemingCode);
    if (state != State::RestoringSession)
        m_waitingForKeychain = false;
    m_browserInsteadButton->setVisible(m_waitingForKeychain);
    m_backButton->setVisible(m_addingAccount && state == State::SignedIn);
    switch (state) {
    case State::WaitingForBrowser:
        m_waitingLabel->setText(
            tr("Finish signing in in your browser. Keyturn waits for up to five minutes."));
        break;
    case State::WaitingForDeviceCode:
        if (m_userCodeLabel->text().isEmpty())
            m_waitingLabel->setText(tr("Requesting a sign-in code…"));
        break;
    case State::RedeemingCode:
        m_waitingLabel->setText(tr("Completing sign-in…"));
        break;
    case State::RestoringSession:
        m_waitingLabel->setText(m_waitingForKeychain
                ? tr("Waiting for the system keychain: a password prompt may be open.")
                : tr("Signing you in…"));
        break;
    case State::SignedOut:
    case State::SignedIn:
        m_userCodeLabel->clear();
        m_verificationLabel->clear();
        break;
    }
}

void SignInView::onDeviceCodeReady(
    const QString &userCode, const QUrl &verificationUri, const QString &message)
{
    Q_UNUSED(message)
    m_userCodeLabel->setText(userCode);
    const QString address = verificationUri.toString().toHtmlEscaped();
    m_verificationLabel->setText(
        tr("Open <a href=\"%1\">%1</a> on any device and enter the code.").arg(address));
    m_waitingLabel->setText(tr("Waiting for you to enter the code…"));
    onStateChanged();
}

void SignInView::onRestoreWaitStarted()
{
    m_waitingForKeychain = true;
    onStateChanged();
    if (isVisible() && !m_browserInsteadButton->hasFocus())
        m_browserInsteadButton->setFocus(Qt::OtherFocusReason);
}

void SignInView::onFailed(const keyturn::AuthError &error)
{
    if (error.kind == keyturn::AuthError::Kind::Cancelled) {
        m_banner->clear();
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Error, error.userMessage(), error.details());
}

} // namespace keyturn::ui
