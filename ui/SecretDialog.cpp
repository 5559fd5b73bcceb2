#include "SecretDialog.h"

#include "ClipboardGuard.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyturn::ui {

namespace {

QString titleFor(keyturn::DeviceSecretKind kind, const QString &deviceName)
{
    switch (kind) {
    case keyturn::DeviceSecretKind::FileVaultRecoveryKey:
        return SecretDialog::tr("FileVault recovery key of %1").arg(deviceName);
    case keyturn::DeviceSecretKind::BitLockerRecoveryKeys:
        return SecretDialog::tr("BitLocker recovery keys of %1").arg(deviceName);
    case keyturn::DeviceSecretKind::LocalAdminPassword:
        return SecretDialog::tr("Local administrator password of %1").arg(deviceName);
    }
    return deviceName;
}

int seconds(std::chrono::milliseconds delay)
{
    return static_cast<int>((delay.count() + 999) / 1000);
}

} // namespace

SecretDialog::SecretDialog(
    const QString &deviceName, keyturn::DeviceSecretKind kind, ClipboardGuard *guard, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_guard(guard)
{
    setObjectName(QStringLiteral("secretDialog"));
    setWindowTitle(titleFor(kind, deviceName));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);

    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_rows = new QVBoxLayout;
    m_rows->setSpacing(12);
    layout->addLayout(m_rows);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("secretStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_showAgain = buttons->addButton(tr("Show again"), QDialogButtonBox::ActionRole);
    m_showAgain->setObjectName(QStringLiteral("showAgainButton"));
    m_showAgain->setToolTip(tr("Read it from Microsoft Graph again (recorded in the audit logs again)"));
    m_showAgain->hide();
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setDefault(true);
    connect(m_showAgain, &QPushButton::clicked, this, [this] {
        m_showAgain->setEnabled(false);
        m_status->setText(tr("Reading it again…"));
        Q_EMIT showAgainRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &SecretDialog::hideValues);
    connect(m_guard, &ClipboardGuard::cleared, this, [this](bool removed) {
        if (removed)
            m_status->setText(tr("The clipboard was cleared."));
    });
    setMinimumWidth(520);
}

SecretDialog::~SecretDialog()
{
    clearRows();
}

QString SecretDialog::readable(keyturn::DeviceSecretKind kind, const QString &value)
{
    if (kind == keyturn::DeviceSecretKind::FileVaultRecoveryKey)
        return value;
    if (kind == keyturn::DeviceSecretKind::BitLockerRecoveryKeys) {
        // 48 digits in eight groups: two lines of four, as BitLocker's recovery screen asks for them.
        QStringList groups = value.split(u'-');
        if (groups.size() == 8)
            return groups.mid(0, 4).join(u'-') + u'\n' + groups.mid(4).join(u'-');
        return value;
    }
    QString grouped;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i && i % 4 == 0)
            grouped += u' ';
        grouped += value[i];
    }
    return grouped;
}

void SecretDialog::showSecret(keyturn::DeviceSecretResult result)
{
    clearRows();
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    mono.setStyleHint(QFont::Monospace);

    for (keyturn::DeviceSecretItem &item : result.items) {
        auto *row = new QWidget(this);
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(item.title.toHtmlEscaped()), row);
        auto *detail = new QLabel(item.detail, row);
        detail->setWordWrap(true);
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *valueLine = new QHBoxLayout;
        // Named before it gets its text: Qt's accessibility layer names a label by its text otherwise,
        // and its debug log would print the secret.
        auto *value = new QLabel(row);
        value->setAccessibleName(item.title);
        value->setObjectName(QStringLiteral("secretValue"));
        value->setFont(mono);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setFocusPolicy(Qt::StrongFocus);
        value->setText(readable(m_kind, item.value.reveal()));
        auto *copy = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy"), row);
        copy->setAccessibleName(tr("Copy %1").arg(item.title));
        copy->setToolTip(tr(
            "Copy it; the clipboard is cleared after %n seconds", nullptr, seconds(m_guard->clearAfter())));
        const std::size_t index = m_values.size();
        connect(copy, &QPushButton::clicked, this, [this, index] {
            if (index >= m_values.size())
                return;
            m_guard->copySecret(m_values[index].reveal());
            m_status->setText(tr(
                "Copied. The clipboard is cleared in %n seconds.", nullptr, seconds(m_guard->clearAfter())));
        });
        valueLine->addWidget(value, 1);
        valueLine->addWidget(copy);
        rowLayout->addWidget(title);
        rowLayout->addWidget(detail);
        rowLayout->addLayout(valueLine);
        m_rows->addWidget(row);
        m_rowWidgets.append(row);
        m_valueLabels.append(value);
        m_copyButtons.append(copy);
        m_values.push_back(std::move(item.value));
    }
    const QString at = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    m_intro->setText(m_kind == keyturn::DeviceSecretKind::FileVaultRecoveryKey
            ? tr(
                "Read from Intune at %1. Viewing it is recorded in Intune's audit log. It is hidden after %n "
                "seconds.",
                nullptr, seconds(m_hideAfter))
                  .arg(at)
            : tr("Read from Microsoft Entra ID at %1. Viewing it is recorded in Entra ID's audit log. It is "
                 "hidden after %n seconds.",
                nullptr, seconds(m_hideAfter))
                  .arg(at));
    m_status->clear();
    m_showAgain->hide();
    m_showAgain->setEnabled(true);
    m_hideTimer.start(m_hideAfter);
    if (!m_copyButtons.isEmpty())
        m_copyButtons.first()->setFocus();
}

void SecretDialog::showFailure(const QString &message)
{
    m_status->setText(message);
    m_showAgain->setEnabled(true);
    m_showAgain->show();
}

void SecretDialog::hideValues()
{
    for (QLabel *label : std::as_const(m_valueLabels))
        label->setText(tr("Hidden"));
    for (QPushButton *copy : std::as_const(m_copyButtons))
        copy->setEnabled(false);
    for (keyturn::SecretText &value : m_values)
        value.wipe();
    m_values.clear();
    m_status->setText(tr("Hidden after %n seconds. Show again reads it from Microsoft Graph anew.", nullptr,
        seconds(m_hideAfter)));
    m_showAgain->show();
    m_showAgain->setEnabled(true);
    m_showAgain->setFocus();
}

void SecretDialog::clearRows()
{
    m_hideTimer.stop();
    for (QLabel *label : std::as_const(m_valueLabels))
        label->clear();
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_valueLabels.clear();
    m_copyButtons.clear();
    for (keyturn::SecretText &value : m_values)
        value.wipe();
    m_values.clear();
}

void SecretDialog::done(int result)
{
    clearRows();
    QDialog::done(result);
}

} // namespace keyturn::ui
