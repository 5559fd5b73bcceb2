#include "MessageBanner.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>

namespace keyturn::ui {

namespace {
QString styleFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Success:
        return QStringLiteral(
            "#messageBanner { background: #dff6dd; border: 1px solid #9fd89f; border-radius: 4px; }");
    case MessageBanner::Kind::Information:
        return QStringLiteral(
            "#messageBanner { background: #ebf3fc; border: 1px solid #b4d6fa; border-radius: 4px; }");
    case MessageBanner::Kind::Warning:
        return QStringLiteral(
            "#messageBanner { background: #fff4ce; border: 1px solid #f2d46f; border-radius: 4px; }");
    case MessageBanner::Kind::Error:
        return QStringLiteral(
            "#messageBanner { background: #fde7e9; border: 1px solid #eeacb2; border-radius: 4px; }");
    }
    return {};
}
} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setAccessibleName(tr("Message"));
    m_textLabel = new QLabel(this);
    m_textLabel->setObjectName(QStringLiteral("bannerText"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_copyButton = new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy details"), this);
    m_copyButton->setObjectName(QStringLiteral("copyDetailsButton"));
    m_copyButton->setAccessibleName(tr("Copy details"));
    connect(
        m_copyButton, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_details); });

    m_actionButton = new QPushButton(this);
    m_actionButton->setObjectName(QStringLiteral("bannerActionButton"));
    connect(m_actionButton, &QPushButton::clicked, this, &MessageBanner::actionTriggered);

    m_closeButton = new QPushButton(tr("Dismiss"), this);
    m_closeButton->setObjectName(QStringLiteral("bannerDismissButton"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    m_closeButton->setFlat(true);
    connect(m_closeButton, &QPushButton::clicked, this, &MessageBanner::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_actionButton);
    layout->addWidget(m_copyButton);
    layout->addWidget(m_closeButton);
    hide();
}

void MessageBanner::showMessage(
    Kind kind, const QString &text, const QString &details, const QString &actionText)
{
    m_kind = kind;
    m_details = details;
    setStyleSheet(styleFor(kind));
    m_textLabel->setText(text);
    m_copyButton->setVisible(!details.isEmpty());
    m_actionButton->setVisible(!actionText.isEmpty());
    m_actionButton->setText(actionText);
    m_actionButton->setAccessibleName(actionText);
    show();
}

void MessageBanner::clear()
{
    m_details.clear();
    m_textLabel->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_textLabel->text();
}

} // namespace keyturn::ui
