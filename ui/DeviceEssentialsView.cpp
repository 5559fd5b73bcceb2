#include "DeviceEssentialsView.h"

#include "DeviceText.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyturn::ui {

namespace {

// A value label that takes keyboard focus and opens its context menu from the keyboard too: the
// context menu key and Shift+F10, wherever the platform does not turn those into a menu itself.
class ValueLabel final : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        const bool menuKey = event->key() == Qt::Key_Menu && event->modifiers() == Qt::NoModifier;
        const bool shiftF10 = event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier;
        if (menuKey || shiftF10) {
            const QPoint pos(rect().left() + 4, rect().center().y());
            QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, pos, mapToGlobal(pos));
            QCoreApplication::sendEvent(this, &menuEvent);
            event->accept();
            return;
        }
        QLabel::keyPressEvent(event);
    }
};

} // namespace

DeviceEssentialsView::DeviceEssentialsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("deviceEssentialsView"));
    auto *essentialsBox = new QGroupBox(tr("Essentials"), this);
    essentialsBox->setObjectName(QStringLiteral("essentialsGroupBox"));
    auto *essentialsLayout = new QVBoxLayout(essentialsBox);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    essentialsLayout->addLayout(m_form);
    addRow(QStringLiteral("deviceName"), tr("Device name"), tr("Copy device name"));
    addRow(QStringLiteral("primaryUser"), tr("Primary user"), tr("Copy primary user"));
    addRow(QStringLiteral("ownership"), tr("Ownership"), tr("Copy ownership"));
    addRow(QStringLiteral("compliance"), tr("Compliance"), tr("Copy compliance"));
    addRow(QStringLiteral("encrypted"), tr("Encrypted"), tr("Copy encryption"));
    addRow(QStringLiteral("operatingSystem"), tr("Operating system"), tr("Copy operating system"));
    addRow(QStringLiteral("osVersion"), tr("OS version"), tr("Copy OS version"));
    addRow(QStringLiteral("serialNumber"), tr("Serial number"), tr("Copy serial number"));
    addRow(QStringLiteral("model"), tr("Model"), tr("Copy model"));
    addRow(QStringLiteral("manufacturer"), tr("Manufacturer"), tr("Copy manufacturer"));
    addRow(QStringLiteral("enrolled"), tr("Enrolled"), tr("Copy enrollment date"));
    addRow(QStringLiteral("lastCheckIn"), tr("Last check-in"), tr("Copy last check-in"));
    addRow(QStringLiteral("intuneDeviceId"), tr("Intune device ID"), tr("Copy Intune device ID"));
    addRow(QStringLiteral("entraDeviceId"), tr("Entra device ID"), tr("Copy Entra device ID"));

    m_copyAllButton = new QPushButton(
        QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy all essentials"), essentialsBox);
    m_copyAllButton->setObjectName(QStringLiteral("copyAllEssentialsButton"));
    m_copyAllButton->setToolTip(tr("Copy every essential as \"Label: value\" lines, ready to paste"));
    connect(m_copyAllButton, &QPushButton::clicked, this, [this] { copyToClipboard(allEssentialsText()); });
    m_adminCenterButton = new QPushButton(tr("Open in Intune admin center"), essentialsBox);
    m_adminCenterButton->setObjectName(QStringLiteral("openInAdminCenterButton"));
    m_adminCenterButton->setToolTip(tr("Open this device's page in the Microsoft Intune admin center"));
    connect(m_adminCenterButton, &QPushButton::clicked, this, [this] {
        if (!m_intuneDeviceId.isEmpty())
            Q_EMIT openInAdminCenterRequested(m_intuneDeviceId);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyAllButton);
    buttons->addWidget(m_adminCenterButton);
    buttons->addStretch();
    essentialsLayout->addLayout(buttons);

    m_fileVaultBox = new QGroupBox(tr("FileVault recovery key rotation needs"), this);
    m_fileVaultBox->setObjectName(QStringLiteral("fileVaultGroupBox"));
    auto *fileVaultLayout = new QVBoxLayout(m_fileVaultBox);
    m_fileVaultEncryptedLabel = new QLabel(m_fileVaultBox);
    m_fileVaultEncryptedLabel->setObjectName(QStringLiteral("fileVaultEncryptedLabel"));
    m_fileVaultEncryptedLabel->setWordWrap(true);
    auto *escrowLabel = new QLabel(
        tr("• The personal recovery key escrowed in Intune (the FileVault policy's \"Escrow location\" "
           "setting). Without an escrowed key the rotation fails."),
        m_fileVaultBox);
    escrowLabel->setWordWrap(true);
    auto *roleLabel = new QLabel(tr("• A role with Remote tasks / Rotate FileVault key: Help Desk Operator, "
                                    "Endpoint Security Manager, or a custom role."),
        m_fileVaultBox);
    roleLabel->setWordWrap(true);
    fileVaultLayout->addWidget(m_fileVaultEncryptedLabel);
    fileVaultLayout->addWidget(escrowLabel);
    fileVaultLayout->addWidget(roleLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(essentialsBox);
    layout->addWidget(m_fileVaultBox);
    showLoading();
}

void DeviceEssentialsView::addRow(const QString &key, const QString &label, const QString &copyText)
{
    auto *value = new ValueLabel(this);
    value->setObjectName(QStringLiteral("essential_%1").arg(key));
    value->setAccessibleName(label);
    value->setTextFormat(Qt::PlainText);
    // Selectable by keyboard too: the value takes focus (Tab), and its menu opens from the keyboard.
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setFocusPolicy(Qt::StrongFocus);
    value->setWordWrap(true);
    value->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(value, &QWidget::customContextMenuRequested, this,
        [this, key](const QPoint &pos) { showContextMenu(key, pos); });
    m_form->addRow(label, value);
    m_values.insert(key, value);
    m_rows.append({ key, label, copyText });
}

void DeviceEssentialsView::showLoading()
{
    m_intuneDeviceId.clear();
    for (QLabel *label : std::as_const(m_values))
        label->setText(tr("Loading…"));
    m_copyAllButton->setEnabled(false);
    m_adminCenterButton->setEnabled(false);
    m_fileVaultBox->hide();
}

void DeviceEssentialsView::showDetails(const DeviceDetails &d)
{
    setValue(QStringLiteral("deviceName"), d.deviceName);
    setValue(QStringLiteral("primaryUser"), d.userPrincipalName);
    setValue(QStringLiteral("ownership"), text::ownership(d.ownership));
    setValue(QStringLiteral("compliance"), text::compliance(d.complianceState));
    setValue(QStringLiteral("encrypted"), text::yesNo(d.isEncrypted));
    setValue(QStringLiteral("operatingSystem"), d.operatingSystem);
    setValue(QStringLiteral("osVersion"), d.osVersion);
    setValue(QStringLiteral("serialNumber"), d.serialNumber);
    setValue(QStringLiteral("model"), d.model);
    setValue(QStringLiteral("manufacturer"), d.manufacturer);
    setValue(QStringLiteral("enrolled"), text::dateTime(d.enrolled));
    setValue(QStringLiteral("lastCheckIn"), text::dateTime(d.lastSync));
    setValue(QStringLiteral("intuneDeviceId"), d.id);
    setValue(QStringLiteral("entraDeviceId"), d.azureADDeviceId);
    m_intuneDeviceId = d.id;
    m_copyAllButton->setEnabled(true);
    m_adminCenterButton->setEnabled(!d.id.isEmpty());

    m_fileVaultBox->setVisible(d.isMac());
    m_fileVaultEncryptedLabel->setText(d.isEncrypted
            ? tr("• Disk encrypted by an Intune FileVault policy: yes")
            : tr("• Disk encrypted by an Intune FileVault policy: no — this device is not encrypted"));
}

QString DeviceEssentialsView::value(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

void DeviceEssentialsView::setValue(const QString &key, const QString &value)
{
    if (QLabel *label = m_values.value(key))
        label->setText(value.isEmpty() ? QStringLiteral("—") : value);
}

QString DeviceEssentialsView::allEssentialsText() const
{
    QStringList lines;
    for (const Row &row : m_rows)
        //: One line of "Copy all essentials": %1 is the row's label, %2 its value
        lines.append(tr("%1: %2").arg(row.label, value(row.key)));
    return lines.join(QLatin1Char('\n'));
}

QMenu *DeviceEssentialsView::createContextMenu(const QString &key, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("essentialMenu"));
    const bool loaded = !m_intuneDeviceId.isEmpty();
    for (const Row &row : std::as_const(m_rows)) {
        if (row.key != key)
            continue;
        if (const QLabel *label = m_values.value(key); label && label->hasSelectedText()) {
            const QString selected = label->selectedText();
            menu->addAction(tr("&Copy selection"), this, [this, selected] { copyToClipboard(selected); });
        }
        QAction *copyValue = menu->addAction(QIcon(QStringLiteral(":/icons/copy.svg")), row.copyText, this,
            [this, key] { copyToClipboard(value(key)); });
        copyValue->setObjectName(QStringLiteral("copyEssentialValue"));
        copyValue->setEnabled(loaded);
    }
    QAction *copyAll
        = menu->addAction(tr("Copy &all essentials"), this, [this] { copyToClipboard(allEssentialsText()); });
    copyAll->setEnabled(loaded);
    return menu;
}

void DeviceEssentialsView::showContextMenu(const QString &key, const QPoint &pos)
{
    QLabel *label = m_values.value(key);
    if (!label)
        return;
    QMenu *menu = createContextMenu(key, label);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(label->mapToGlobal(pos));
    // Enter at once copies the value the menu was opened on.
    if (auto *copyValue = menu->findChild<QAction *>(QStringLiteral("copyEssentialValue"));
        copyValue && copyValue->isEnabled())
        menu->setActiveAction(copyValue);
}

void DeviceEssentialsView::copyToClipboard(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace keyturn::ui
