// DevicePane: one device, as the admin center's device page shows it. The name as title, a row of
// remote-action buttons (disabled when an action does not apply, the reasons written under them as
// selectable text, one line per reason, also reachable from the keyboard and screen readers), the
// device action status list (right under the actions, with Intune's reason and the likely causes of
// a failed action), kept fresh by the ActionStatusTracker while the pane shows the device, and the
// essentials from the single-device GET (DeviceEssentialsView: copyable, FileVault prerequisites for
// Macs, the device's admin center page). Refresh (F5 while the focus is in the pane) reads the device
// again at once; the header says when it was last read. An action Intune reports pending is disabled
// until it ends. Clicking an action asks Yes/No through Confirmations (a warning for those that
// interrupt the device's user) and, on Yes, hands it to the ActionRunner once.
// The pane borrows the runner and tracker; it owns only its widgets.
#pragma once

#include "actions/DeviceDetails.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>

class QKeyEvent;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace keyturn {
class ActionRunner;
class ActionStatusTracker;
struct ActionOutcome;
struct GraphError;
struct RemoteAction;
} // namespace keyturn

namespace keyturn::ui {

class DeviceEssentialsView;
class DeviceSecretViewer;
class MessageBanner;

class DevicePane final : public QWidget {
    Q_OBJECT
public:
    DevicePane(
        keyturn::ActionRunner *runner, keyturn::ActionStatusTracker *tracker, QWidget *parent = nullptr);

    /// Shows deviceId (loading its details); nameHint is the title until the details arrive.
    void showDevice(const QString &deviceId, const QString &nameHint = {});
    /// No device: stops tracking and shows a hint.
    void clearDevice();
    /// Keyboard focus to the first enabled action, now or once the details have arrived.
    void focusFirstAction();
    /// Where the "Show … key/password" buttons go (borrowed; null: those buttons stay disabled).
    void setSecretViewer(DeviceSecretViewer *viewer);
    /// The token's scp values: decide which actions the sign-in may run.
    void setGrantedScopes(const QStringList &scopes);
    /// The tenant the confirmation questions name ("Contoso (contoso.onmicrosoft.com)"); empty: none.
    void setTenantForQuestions(const QString &tenant) { m_tenantForQuestions = tenant; }
    /// Reads the device shown from Graph again now (details and action status), not the list.
    void refreshDevice();

    /// The narrowest width that shows the content without clipping (the action buttons' row).
    int minimumContentWidth() const;

    QString deviceId() const { return m_deviceId; }
    std::optional<keyturn::DeviceDetails> details() const { return m_details; }
    QToolButton *actionButton(const QString &actionId) const { return m_actionButtons.value(actionId); }
    MessageBanner *banner() const { return m_banner; }
    QTableWidget *statusTable() const { return m_statusTable; }
    /// Why the failed actions failed: Intune's reason and the likely causes (hidden when none failed).
    QLabel *failureLabel() const { return m_failureLabel; }
    /// The reasons under the action buttons (hidden when every action can run).
    QLabel *reasonsLabel() const { return m_reasonsLabel; }
    QLabel *titleLabel() const { return m_titleLabel; }
    /// The value shown for an essentials row, by its object name suffix (e.g. "serialNumber").
    QString essential(const QString &key) const;
    DeviceEssentialsView *essentialsView() const { return m_essentials; }
    QToolButton *refreshButton() const { return m_refreshButton; }
    /// "Updated 10:42:13": when the device shown was last read from Graph.
    QLabel *updatedLabel() const { return m_updatedLabel; }

Q_SIGNALS:
    /// After an action's request finished (sent, failed or unknown).
    void actionFinished(const keyturn::ActionOutcome &outcome);
    /// Escape inside the pane: the user is done with this device.
    void closeRequested();
    /// "Open in Intune admin center" for the device shown.
    void openInAdminCenterRequested(const QString &intuneDeviceId);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildActions();
    QWidget *buildStatusBox();
    /// "Rotate FileVault recovery key sent at 10:42 is still pending." while Intune reports it so.
    QString pendingReason(const keyturn::RemoteAction &action) const;
    void updateActionButtons();
    /// Gives focus back to the action whose confirmation was answered once it can take it.
    void returnFocusToAction();
    void onDetails(const keyturn::DeviceDetails &details);
    void onDetailsFailed(const keyturn::GraphError &error);
    /// "Updated 10:42:13" from the tracker's last answer (empty before the first).
    void showUpdatedTime(bool lastReadFailed = false);
    void onActionClicked(const QString &actionId);
    void onActionFinished(const keyturn::ActionOutcome &outcome);
    void fillStatus(const keyturn::DeviceDetails &details);
    void fitStatusTable();
    void fillFailures(const QList<keyturn::DeviceActionResult> &results);

    keyturn::ActionRunner *m_runner;
    DeviceSecretViewer *m_secretViewer = nullptr;
    keyturn::ActionStatusTracker *m_tracker;
    QString m_deviceId;
    std::optional<keyturn::DeviceDetails> m_details;
    QStringList m_grantedScopes;
    QString m_tenantForQuestions;
    bool m_confirming = false;
    bool m_focusFirstActionPending = false;
    QString m_refocusActionId; // the action whose confirmation was answered, while it is disabled
    // Actions Intune accepted from this pane (UTC send time) until the details report them: the
    // button stays disabled meanwhile instead of offering the same action again at once.
    QHash<QString, QDateTime> m_sentAt;

    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_subtitleLabel = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QHash<QString, QToolButton *> m_actionButtons;
    QLabel *m_reasonsLabel = nullptr; // why disabled actions cannot run (hidden when all can)
    MessageBanner *m_banner = nullptr;
    DeviceEssentialsView *m_essentials = nullptr;
    QTableWidget *m_statusTable = nullptr;
    QLabel *m_statusHint = nullptr;
    QLabel *m_failureLabel = nullptr;
};

} // namespace keyturn::ui
