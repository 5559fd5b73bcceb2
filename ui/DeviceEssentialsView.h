// DeviceEssentialsView: the essentials of one device, each value selectable and copyable (right-click,
// the context menu key or Shift+F10 on a focused value: "Copy <label>", "Copy all essentials"), plus
// the FileVault prerequisites for Macs and the way to the device's page in the Intune admin center.
// It shows only what the single-device GET returned: nothing it copies ever holds a token.
#pragma once

#include "actions/DeviceDetails.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QMenu;
class QPoint;
class QPushButton;

namespace keyturn::ui {

class DeviceEssentialsView final : public QWidget {
    Q_OBJECT
public:
    explicit DeviceEssentialsView(QWidget *parent = nullptr);

    /// Every value reads "Loading…"; nothing to copy or open until showDetails().
    void showLoading();
    void showDetails(const keyturn::DeviceDetails &details);

    /// The value shown for a row, by its key (e.g. "serialNumber"); empty for an unknown key.
    QString value(const QString &key) const;
    /// The row's value label (object name "essential_<key>"), for focus and tests.
    QLabel *valueLabel(const QString &key) const { return m_values.value(key); }
    /// "Label: value", one line per row in the form's order.
    QString allEssentialsText() const;
    /// The menu a value's right-click opens (not yet shown); the caller owns it.
    QMenu *createContextMenu(const QString &key, QWidget *parent);

    QPushButton *copyAllButton() const { return m_copyAllButton; }
    QPushButton *adminCenterButton() const { return m_adminCenterButton; }

Q_SIGNALS:
    /// "Open in Intune admin center" for the device shown (its Intune device id).
    void openInAdminCenterRequested(const QString &intuneDeviceId);

private:
    struct Row {
        QString key;
        QString label;
        QString copyText; // the menu entry: "Copy serial number"
    };
    void addRow(const QString &key, const QString &label, const QString &copyText);
    void setValue(const QString &key, const QString &value);
    void copyToClipboard(const QString &text);
    void showContextMenu(const QString &key, const QPoint &pos);

    QList<Row> m_rows;
    QHash<QString, QLabel *> m_values;
    QFormLayout *m_form = nullptr;
    QPushButton *m_copyAllButton = nullptr;
    QPushButton *m_adminCenterButton = nullptr;
    QString m_intuneDeviceId; // of the details shown; empty while loading
    QGroupBox *m_fileVaultBox = nullptr;
    QLabel *m_fileVaultEncryptedLabel = nullptr;
};

} // namespace keyturn::ui
