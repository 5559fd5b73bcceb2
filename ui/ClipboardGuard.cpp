#include "ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace keyturn::ui {

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard()
{
    // Quitting before the time is up must not leave the secret behind.
    if (m_timer.isActive())
        clearNow();
}

void ClipboardGuard::copySecret(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    // Clipboard managers that honour it keep the secret out of their history (KDE, GNOME, macOS
    // password managers' convention).
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data);
    m_secret = text;
    m_timer.start(m_clearAfter);
}

void ClipboardGuard::clearNow()
{
    m_timer.stop();
    if (m_secret.isEmpty())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    const bool stillThere = clipboard->text() == m_secret;
    if (stillThere)
        clipboard->clear();
    m_secret.fill(QChar(u'\0'));
    m_secret.clear();
    Q_EMIT cleared(stillThere);
}

} // namespace keyturn::ui
