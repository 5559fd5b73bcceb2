#include "AboutDialog.h"

#include "core/Version.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace keyturn::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Keyturn"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/keyturn.svg")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignTop);

    m_versionText = QStringLiteral("keyturn %1").arg(QLatin1String(kVersion));
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setWordWrap(true);
    text->setText(tr(
        "<h2>Keyturn %1</h2>"
        "<p>Intune remote actions for single devices, such as rotating the FileVault recovery "
        "key of a corporate Mac.</p>"
        "<p>Qt %2 (built with %3)<br>Keychain: %4</p>"
        "<p><a href=\"https://learn.microsoft.com/graph/api/intune-devices-manageddevice-rotatefilevaultkey"
        "?view=graph-rest-beta\">rotateFileVaultKey in Microsoft Graph</a><br>"
        "<a href=\"https://learn.microsoft.com/mem/intune/protect/encrypt-devices-filevault\">"
        "FileVault in Microsoft Intune</a></p>")
                      .arg(QLatin1String(kVersion), QString::fromLatin1(qVersion()),
                          QStringLiteral(QT_VERSION_STR), keychainBackendName().toHtmlEscaped()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::keychainBackendName()
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service (libsecret), e.g. GNOME Keyring or KWallet");
#endif
}

} // namespace keyturn::ui
