#include "DevicePane.h"

#include "Confirmations.h"
#include "DeviceEssentialsView.h"
#include "DeviceSecretViewer.h"
#include "DeviceText.h"
#include "MessageBanner.h"
#include "TenantQuestion.h"
#include "actions/ActionCatalog.h"
#include "actions/ActionResultText.h"
#include "actions/ActionRunner.h"
#include "actions/ActionStatusTracker.h"
#include "actions/DeviceId.h"
#include "graph/GraphError.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace keyturn::ui {

namespace {
constexpr int kActionColumns = 2;

/// The remote actions, then the keys and passwords, in the order the pane shows them.
const QList<RemoteAction> &paneEntries()
{
    static const QList<RemoteAction> entries = remoteActionCatalog() + secretReadCatalog();
    return entries;
}

// "Your sign-in lacks ..." after "Sync: " reads "Sync: your sign-in lacks ..." (names such as
// "iOS" or "BitLocker" keep their case).
QString sentenceTail(const QString &reason)
{
    if (reason.size() < 2 || !reason.at(0).isUpper() || !reason.at(1).isLower())
        return reason;
    return reason.at(0).toLower() + reason.mid(1);
}
// The pane's line for a reason: a missing permission names the built-in roles only (the custom
// role's permission, different per action, stays in the button's tooltip), so that the actions
// needing the same role share one line.
QString paneReason(const RemoteAction &action, const QString &reason)
{
    if (reason != action.permissionReason() || !action.rolesSource)
        return reason;
    //: %1 is a Graph permission, %2 built-in Intune roles ("the Help Desk Operator role")
    return DevicePane::tr("Your sign-in lacks %1. An Intune administrator can assign %2.")
        .arg(action.requiredScope, QCoreApplication::translate("keyturn::RemoteAction", action.rolesSource));
}

// Keeps a word-wrapped label at least as tall as its text at its width: the scroll area's
// layout would otherwise squeeze it and cut lines off.
class WrappedHeight final : public QObject {
public:
    using QObject::QObject;
    static void update(QLabel *label)
    {
        const int height = label->heightForWidth(label->width());
        if (height > 0 && label->minimumHeight() != height)
            label->setMinimumHeight(height);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            update(static_cast<QLabel *>(watched));
        return false;
    }
};
// Calls back after each resize of the watched widget.
class ResizeWatcher final : public QObject {
public:
    ResizeWatcher(std::function<void()> onResize, QObject *parent)
        : QObject(parent)
        , m_onResize(std::move(onResize))
    { }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            m_onResize();
        return false;
    }

private:
    std::function<void()> m_onResize;
};
} // namespace

DevicePane::DevicePane(ActionRunner *runner, ActionStatusTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_tracker(tracker)
{
    setObjectName(QStringLiteral("devicePane"));
    // Holds focus while an action is in flight, so the keys do not land in the device list.
    setFocusPolicy(Qt::ClickFocus);

    m_placeholder = new QLabel(tr("Select a device to see its details and remote actions."), this);
    m_placeholder->setObjectName(QStringLiteral("devicePanePlaceholder"));
    static_cast<QLabel *>(m_placeholder)->setAlignment(Qt::AlignCenter);
    static_cast<QLabel *>(m_placeholder)->setWordWrap(true);

    m_content = new QWidget(this);
    m_titleLabel = new QLabel(m_content);
    m_titleLabel->setObjectName(QStringLiteral("deviceTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_subtitleLabel = new QLabel(m_content);
    m_subtitleLabel->setObjectName(QStringLiteral("deviceSubtitleLabel"));
    m_subtitleLabel->setTextFormat(Qt::PlainText);
    m_refreshButton = new QToolButton(m_content);
    m_refreshButton->setObjectName(QStringLiteral("refreshDeviceButton"));
    m_refreshButton->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refreshButton->setToolTip(tr("Refresh this device (F5)"));
    m_refreshButton->setAccessibleName(tr("Refresh this device"));
    connect(m_refreshButton, &QToolButton::clicked, this, &DevicePane::refreshDevice);
    m_updatedLabel = new QLabel(m_content);
    m_updatedLabel->setObjectName(QStringLiteral("deviceUpdatedLabel"));
    m_updatedLabel->setTextFormat(Qt::PlainText);
    m_updatedLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_banner = new MessageBanner(m_content);
    m_banner->setObjectName(QStringLiteral("devicePaneBanner"));
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        if (!m_deviceId.isEmpty())
            showDevice(m_deviceId, m_titleLabel->text());
    });

    auto *layout = new QVBoxLayout(m_content);
    auto *header = new QGridLayout;
    header->addWidget(m_titleLabel, 0, 0);
    header->addWidget(m_refreshButton, 0, 1, Qt::AlignRight);
    header->addWidget(m_subtitleLabel, 1, 0);
    header->addWidget(m_updatedLabel, 1, 1, Qt::AlignRight);
    header->setColumnStretch(0, 1);
    layout->addLayout(header);
    buildActions();
    auto *actionsBox = new QWidget(m_content);
    auto *grid = new QGridLayout(actionsBox);
    grid->setContentsMargins(0, 4, 0, 4);
    int index = 0;
    for (const RemoteAction &action : paneEntries()) {
        QToolButton *button = m_actionButtons.value(action.id);
        button->setParent(actionsBox);
        grid->addWidget(button, index / kActionColumns, index % kActionColumns);
        ++index;
    }
    layout->addWidget(actionsBox);
    m_reasonsLabel = new QLabel(m_content);
    m_reasonsLabel->setObjectName(QStringLiteral("unavailableReasonsLabel"));
    m_reasonsLabel->setAccessibleName(tr("Why some actions are unavailable"));
    m_reasonsLabel->setTextFormat(Qt::PlainText);
    m_reasonsLabel->setWordWrap(true);
    // Selectable by keyboard too: the label takes focus, so the reasons are reachable by Tab.
    m_reasonsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_reasonsLabel->installEventFilter(new WrappedHeight(m_reasonsLabel));
    m_reasonsLabel->hide();
    layout->addWidget(m_reasonsLabel);
    layout->addWidget(m_banner);
    // Right under the actions: what became of them is visible without scrolling.
    layout->addWidget(buildStatusBox());
    m_essentials = new DeviceEssentialsView(m_content);
    connect(m_essentials, &DeviceEssentialsView::openInAdminCenterRequested, this,
        &DevicePane::openInAdminCenterRequested);
    layout->addWidget(m_essentials);

    layout->addStretch();

    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Content follows the pane's width (labels wrap) instead of scrolling sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_content);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_tracker, &ActionStatusTracker::detailsUpdated, this,
        [this](const keyturn::DeviceDetails &details) { onDetails(details); });
    connect(m_tracker, &ActionStatusTracker::failed, this,
        [this](const keyturn::GraphError &error) { onDetailsFailed(error); });
    connect(m_tracker, &ActionStatusTracker::waiting, this, [this](int seconds) {
        m_banner->showMessage(MessageBanner::Kind::Information,
            tr("Intune asked Keyturn to wait %1 before reading this device again. Keyturn goes on by itself.")
                .arg(text::waitDuration(seconds)));
    });
    connect(m_runner, &ActionRunner::started, this, [this](const QString &actionId, const QString &deviceId) {
        if (deviceId == m_deviceId) {
            if (const RemoteAction *action = findRemoteAction(actionId))
                m_banner->showMessage(MessageBanner::Kind::Information,
                    tr("Sending %1 to %2…").arg(action->label(), m_titleLabel->text()));
        }
        updateActionButtons();
    });
    connect(m_runner, &ActionRunner::finished, this,
        [this](const keyturn::ActionOutcome &outcome) { onActionFinished(outcome); });
    clearDevice();
}

void DevicePane::buildActions()
{
    for (const RemoteAction &action : paneEntries()) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("action_%1").arg(action.id));
        button->setText(action.label());
        button->setIcon(QIcon(action.iconName));
        button->setIconSize(QSize(20, 20));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(false);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setAccessibleName(action.label());
        button->setFocusPolicy(Qt::StrongFocus);
        const QString id = action.id;
        connect(button, &QToolButton::clicked, this, [this, id] { onActionClicked(id); });
        m_actionButtons.insert(action.id, button);
    }
}

QWidget *DevicePane::buildStatusBox()
{
    auto *statusBox = new QGroupBox(tr("Device action status"), m_content);
    statusBox->setObjectName(QStringLiteral("actionStatusGroupBox"));
    m_statusTable = new QTableWidget(0, 4, statusBox);
    m_statusTable->setObjectName(QStringLiteral("actionStatusTable"));
    m_statusTable->setAccessibleName(tr("Device action status"));
    m_statusTable->setHorizontalHeaderLabels(
        { tr("Action"), tr("Status"), tr("Date/Time"), tr("Last update") });
    m_statusTable->verticalHeader()->hide();
    m_statusTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_statusTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    // As wide as the pane: the action's name wraps so that the status and both times stay in view
    // without scrolling sideways; the rows grow to their text whenever the width changes.
    m_statusTable->setWordWrap(true);
    m_statusTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_statusTable->installEventFilter(new ResizeWatcher([this] { fitStatusTable(); }, m_statusTable));
    connect(m_statusTable->horizontalHeader(), &QHeaderView::sectionResized, this,
        &DevicePane::fitStatusTable, Qt::QueuedConnection);
    m_statusTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statusTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_statusTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_statusHint = new QLabel(tr("No remote actions have been taken on this device."), statusBox);
    m_statusHint->setObjectName(QStringLiteral("actionStatusHint"));
    m_failureLabel = new QLabel(statusBox);
    m_failureLabel->setObjectName(QStringLiteral("actionFailureLabel"));
    m_failureLabel->setAccessibleName(tr("Why actions failed"));
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_failureLabel->setFocusPolicy(Qt::StrongFocus);
    m_failureLabel->installEventFilter(new WrappedHeight(m_failureLabel));
    m_failureLabel->hide();
    auto *statusLayout = new QVBoxLayout(statusBox);
    statusLayout->addWidget(m_statusHint);
    statusLayout->addWidget(m_statusTable);
    statusLayout->addWidget(m_failureLabel);
    return statusBox;
}

void DevicePane::setSecretViewer(DeviceSecretViewer *viewer)
{
    m_secretViewer = viewer;
    connect(viewer, &DeviceSecretViewer::busyChanged, this, [this] { updateActionButtons(); });
    connect(
        viewer, &DeviceSecretViewer::failed, this, [this](const QString &message, const QString &details) {
            m_banner->showMessage(MessageBanner::Kind::Error, message, details);
        });
    updateActionButtons();
}

QString DevicePane::essential(const QString &key) const
{
    return m_essentials->value(key);
}

void DevicePane::showDevice(const QString &deviceId, const QString &nameHint)
{
    const bool sameDevice = deviceId == m_deviceId;
    m_deviceId = deviceId;
    if (!sameDevice) {
        m_sentAt.clear();
        m_focusFirstActionPending = false;
        m_refocusActionId.clear();
        m_details.reset();
        m_banner->clear();
        m_statusTable->setRowCount(0);
        m_essentials->showLoading();
        m_updatedLabel->clear();
        m_failureLabel->clear();
        m_failureLabel->hide();
    }
    m_titleLabel->setText(nameHint.isEmpty() ? tr("Device") : nameHint);
    m_subtitleLabel->setText(tr("Loading device details…"));
    m_stack->setCurrentIndex(1);
    updateActionButtons();
    m_tracker->track(deviceId);
}

void DevicePane::clearDevice()
{
    m_focusFirstActionPending = false;
    m_refocusActionId.clear();
    m_deviceId.clear();
    m_details.reset();
    m_tracker->stop();
    m_stack->setCurrentIndex(0);
}

void DevicePane::refreshDevice()
{
    if (m_deviceId.isEmpty())
        return;
    m_updatedLabel->setText(tr("Refreshing…"));
    m_tracker->refresh();
}

bool DevicePane::event(QEvent *event)
{
    // F5 (or the platform's Refresh key) while the focus is in the pane refreshes this device, not
    // the list: the pane claims the key before the window's Refresh shortcut sees it.
    if (event->type() == QEvent::ShortcutOverride && !m_deviceId.isEmpty()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_F5 && key->modifiers() == Qt::NoModifier)
            || key->matches(QKeySequence::Refresh)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void DevicePane::keyPressEvent(QKeyEvent *event)
{
    if (!m_deviceId.isEmpty()
        && ((event->key() == Qt::Key_F5 && event->modifiers() == Qt::NoModifier)
            || event->matches(QKeySequence::Refresh))) {
        refreshDevice();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !m_deviceId.isEmpty()) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

int DevicePane::minimumContentWidth() const
{
    return m_content->minimumSizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width()
        + 2 * m_scroll->frameWidth();
}

void DevicePane::focusFirstAction()
{
    m_focusFirstActionPending = !m_details;
    if (!m_details) {
        setFocus(Qt::OtherFocusReason);
        return;
    }
    for (const RemoteAction &action : paneEntries()) {
        if (QToolButton *button = m_actionButtons.value(action.id); button->isEnabled()) {
            button->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    setFocus(Qt::OtherFocusReason);
}

void DevicePane::returnFocusToAction()
{
    QToolButton *button = m_actionButtons.value(m_refocusActionId);
    if (!button)
        return;
    if (!button->isEnabled()) {
        if (m_details && !m_runner->isRunning(m_refocusActionId, m_details->id)
            && m_reasonsLabel->isVisible()) {
            // Done, but the action cannot run again yet (e.g. still pending): the line that says why.
            m_refocusActionId.clear();
            m_reasonsLabel->setFocus(Qt::OtherFocusReason);
            return;
        }
        setFocus(Qt::OtherFocusReason); // until the request is done
        return;
    }
    m_refocusActionId.clear();
    // Only when the user has not moved on to another part of the window meanwhile.
    const QWidget *focused = QApplication::focusWidget();
    if (!focused || focused == this || isAncestorOf(focused) || focused->window() != window())
        button->setFocus(Qt::OtherFocusReason);
}

void DevicePane::setGrantedScopes(const QStringList &scopes)
{
    m_grantedScopes = scopes;
    updateActionButtons();
}

void DevicePane::updateActionButtons()
{
    // Reasons in catalog order; actions that share a reason share its line.
    QStringList reasons;
    QHash<QString, QStringList> labelsByReason;
    for (const RemoteAction &action : paneEntries()) {
        QToolButton *button = m_actionButtons.value(action.id);
        if (!m_details) {
            button->setEnabled(false);
            button->setToolTip(tr("Loading device details…"));
            continue;
        }
        Applicability applicability = evaluate(action, *m_details, m_grantedScopes);
        if (applicability.applicable) {
            if (const QString pending = pendingReason(action); !pending.isEmpty())
                applicability = { false, pending };
        }
        if (!applicability.applicable) {
            const QString reason = paneReason(action, applicability.reason);
            if (!labelsByReason.contains(reason))
                reasons.append(reason);
            labelsByReason[reason].append(action.label());
        }
        const bool secret = action.kind == RemoteAction::Kind::SecretRead;
        if (secret && !m_secretViewer)
            applicability = { false, tr("Keys and passwords are not available here.") };
        const bool running = secret ? m_secretViewer && m_secretViewer->isBusy()
                                    : m_runner->isRunning(action.id, m_details->id);
        button->setEnabled(applicability.applicable && !running && !m_confirming);
        if (!applicability.applicable)
            button->setToolTip(applicability.reason);
        else if (running)
            button->setToolTip(tr("Sending %1…").arg(action.label()));
        else
            button->setToolTip(action.confirmationDetail());
        button->setAccessibleDescription(button->toolTip());
    }
    QStringList lines;
    for (const QString &reason : std::as_const(reasons)) {
        const QStringList labels = labelsByReason.value(reason);
        // A reason that starts with the action's name says which action it is about.
        if (labels.size() == 1 && reason.startsWith(labels.first()))
            lines.append(reason);
        else
            //: %1 lists action names ("Sync, Restart"), %2 is why they cannot run
            lines.append(tr("%1: %2").arg(labels.join(QStringLiteral(", ")), sentenceTail(reason)));
    }
    m_reasonsLabel->setText(lines.join(QLatin1Char('\n')));
    m_reasonsLabel->setVisible(!lines.isEmpty());
    WrappedHeight::update(m_reasonsLabel);
    if (!m_refocusActionId.isEmpty() && !m_confirming)
        returnFocusToAction();
}

QString DevicePane::pendingReason(const RemoteAction &action) const
{
    const DeviceActionResult *result = m_details ? m_details->actionResult(action.id) : nullptr;
    QDateTime sent;
    if (result && result->isInProgress())
        sent = result->started;
    else if (m_sentAt.contains(action.id))
        sent = m_sentAt.value(action.id); // accepted just now; Intune's list does not show it yet
    else
        return {};
    if (!sent.isValid())
        //: %1 is an action label ("Rotate FileVault recovery key")
        return tr("%1 is still pending.").arg(action.label());
    //: %1 is an action label ("Rotate FileVault recovery key"), %2 the local time it was sent (10:42)
    return tr("%1 sent at %2 is still pending.")
        .arg(action.label(), sent.toLocalTime().toString(QStringLiteral("hh:mm")));
}

void DevicePane::onDetails(const DeviceDetails &details)
{
    if (details.id.compare(m_deviceId, Qt::CaseInsensitive) != 0)
        return;
    m_details = details;
    // Once Intune lists an action sent from here (started no earlier than shortly before it was
    // sent: clocks differ a little), its own state decides; after a few minutes without, too.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_sentAt.removeIf([&](const QHash<QString, QDateTime>::iterator it) {
        const DeviceActionResult *result = details.actionResult(it.key());
        return (result && result->started.isValid() && result->started >= it.value().addSecs(-120))
            || it.value().secsTo(now) > 300;
    });
    m_titleLabel->setText(details.deviceName);
    QStringList subtitle{ details.operatingSystem, details.osVersion, text::ownership(details.ownership) };
    subtitle.removeAll(QString());
    m_subtitleLabel->setText(subtitle.join(QStringLiteral(" · ")));
    m_essentials->showDetails(details);
    fillStatus(details);
    showUpdatedTime();
    if (m_banner->kind() == MessageBanner::Kind::Error && m_banner->actionButton()->isVisible())
        m_banner->clear(); // a load error that the new details answer
    updateActionButtons();
    if (m_focusFirstActionPending)
        focusFirstAction();
}

void DevicePane::showUpdatedTime(bool lastReadFailed)
{
    const QDateTime read = m_tracker->lastUpdated();
    if (!read.isValid()) {
        m_updatedLabel->clear();
        return;
    }
    const QString time = read.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    //: %1 is the local time the device was last read from Graph ("10:42:13")
    m_updatedLabel->setText(
        lastReadFailed ? tr("Refresh failed · updated %1").arg(time) : tr("Updated %1").arg(time));
}

void DevicePane::onDetailsFailed(const GraphError &error)
{
    if (m_details)
        showUpdatedTime(true);
    else
        m_updatedLabel->clear();
    if (error.code == invalidDeviceIdCode()) {
        m_details.reset();
        m_subtitleLabel->setText(tr("Device details could not be loaded."));
        m_banner->showMessage(MessageBanner::Kind::Error, error.message);
        updateActionButtons();
        return;
    }
    if (error.httpStatus == 404) {
        m_details.reset();
        m_subtitleLabel->setText(tr("This device no longer exists in Intune."));
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("This device was not found. It may have been deleted or retired; refresh the list."),
            error.details());
        updateActionButtons();
        return;
    }
    if (m_details) {
        // Details already shown: a failed status poll is not worth interrupting the user for.
        return;
    }
    m_subtitleLabel->setText(tr("Device details could not be loaded."));
    m_banner->showMessage(MessageBanner::Kind::Error, error.summary(), error.details(), tr("Retry"));
}

void DevicePane::fillStatus(const DeviceDetails &details)
{
    QList<DeviceActionResult> results = details.actionResults;
    std::sort(results.begin(), results.end(),
        [](const DeviceActionResult &a, const DeviceActionResult &b) { return a.started > b.started; });
    m_statusTable->setRowCount(static_cast<int>(results.size()));
    int row = 0;
    for (const DeviceActionResult &result : std::as_const(results)) {
        const QStringList cells{ text::actionName(result.actionName), text::actionState(result.actionState),
            text::dateTime(result.started), text::dateTime(result.lastUpdated) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_statusTable->setItem(row, column, item);
        }
        ++row;
    }
    m_statusHint->setVisible(results.isEmpty());
    m_statusTable->setVisible(!results.isEmpty());
    fitStatusTable();
    fillFailures(results);
}

void DevicePane::fitStatusTable()
{
    // As tall as its rows (a few at most, then it scrolls), so that none hides below the fold.
    m_statusTable->resizeRowsToContents();
    const int shownRows = std::min(m_statusTable->rowCount(), 5);
    int height = m_statusTable->horizontalHeader()->sizeHint().height() + 2 * m_statusTable->frameWidth();
    for (int r = 0; r < shownRows; ++r)
        height += m_statusTable->rowHeight(r);
    if (m_statusTable->height() != height)
        m_statusTable->setFixedHeight(height);
}

void DevicePane::fillFailures(const QList<DeviceActionResult> &results)
{
    QStringList paragraphs;
    for (const DeviceActionResult &result : results) {
        if (result.actionState != u"failed")
            continue;
        const RemoteAction *action = findRemoteAction(result.actionName);
        const QString label = action ? action->label() : text::actionName(result.actionName);
        QStringList lines;
        //: %1 action label, %2 when Intune last updated it
        lines.append(tr("%1 failed (%2).").arg(label, text::dateTime(result.lastUpdated)));
        const QString reason = intuneReason(result);
        lines.append(reason.isEmpty() ? tr("Intune gave no reason.") : reason);
        const QStringList causes = likelyFailureCauses(result.actionName);
        if (!causes.isEmpty()) {
            lines.append(tr("Likely causes:"));
            for (const QString &cause : causes)
                lines.append(QStringLiteral("• ") + cause);
        }
        paragraphs.append(lines.join(QLatin1Char('\n')));
    }
    m_failureLabel->setText(paragraphs.join(QStringLiteral("\n\n")));
    m_failureLabel->setVisible(!paragraphs.isEmpty());
    WrappedHeight::update(m_failureLabel);
}

void DevicePane::onActionClicked(const QString &actionId)
{
    const RemoteAction *action = findRemoteAction(actionId);
    if (!action || !m_details || m_confirming)
        return;
    if (!evaluate(*action, *m_details, m_grantedScopes).applicable
        || m_runner->isRunning(actionId, m_details->id))
        return;
    if (action->kind == RemoteAction::Kind::SecretRead) {
        // The viewer asks its own question, reads fresh from Graph and shows the secret in its dialog.
        if (m_secretViewer && action->secret)
            m_secretViewer->view(*action->secret, *m_details);
        return;
    }
    m_confirming = true;
    updateActionButtons();
    const DeviceDetails device = *m_details;
    ConfirmationRequest request;
    request.title = action->label();
    request.question = questionInTenant(action->confirmationQuestion(device), m_tenantForQuestions);
    request.detail = action->confirmationDetail();
    request.yesText = tr("&Yes");
    if (action->destructive) {
        // Restart and Shut down interrupt whoever is using the device.
        const QString name = device.deviceName.isEmpty() ? device.id : device.deviceName;
        //: %1 is a device name
        request.question += QLatin1Char(' ') + tr("The user of %1 may lose unsaved work.").arg(name);
        request.warning = true;
    }
    Confirmations::ask(window(), request, this, [this, actionId, device](bool yes) {
        m_confirming = false;
        const RemoteAction *confirmed = findRemoteAction(actionId);
        if (device.id == m_deviceId)
            m_refocusActionId = actionId;
        if (yes && confirmed && device.id == m_deviceId)
            m_runner->run(*confirmed, device);
        updateActionButtons();
    });
}

void DevicePane::onActionFinished(const ActionOutcome &outcome)
{
    if (outcome.deviceId == m_deviceId
        && (outcome.result == ActionOutcome::Result::Sent
            || outcome.result == ActionOutcome::Result::Unknown))
        m_sentAt.insert(outcome.actionId, QDateTime::currentDateTimeUtc());
    if (outcome.deviceId == m_deviceId) {
        switch (outcome.result) {
        case ActionOutcome::Result::Sent:
            m_banner->showMessage(MessageBanner::Kind::Success, outcome.message, outcome.details);
            m_tracker->actionSent(m_deviceId);
            break;
        case ActionOutcome::Result::Failed:
            m_banner->showMessage(MessageBanner::Kind::Error, outcome.message, outcome.details);
            break;
        case ActionOutcome::Result::Unknown:
            m_banner->showMessage(MessageBanner::Kind::Warning, outcome.message, outcome.details);
            m_tracker->actionSent(m_deviceId);
            break;
        case ActionOutcome::Result::Cancelled:
            break;
        }
    }
    updateActionButtons();
    Q_EMIT actionFinished(outcome);
}

} // namespace keyturn::ui
