#include "MessageBanner.h"

#include "BannerColors.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

namespace keyturn::ui {

namespace {

QString iconFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Success:
        return QStringLiteral(":/icons/banner/success.svg");
    case MessageBanner::Kind::Information:
        return QStringLiteral(":/icons/banner/information.svg");
    case MessageBanner::Kind::Warning:
        return QStringLiteral(":/icons/banner/warning.svg");
    case MessageBanner::Kind::Error:
        return QStringLiteral(":/icons/banner/error.svg");
    }
    return {};
}

QString kindName(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Success:
        return MessageBanner::tr("Success");
    case MessageBanner::Kind::Information:
        return MessageBanner::tr("Information");
    case MessageBanner::Kind::Warning:
        return MessageBanner::tr("Warning");
    case MessageBanner::Kind::Error:
        return MessageBanner::tr("Error");
    }
    return {};
}

constexpr int kIconSize = 20;

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setAccessibleName(tr("Message"));
    m_iconLabel = new QLabel(this);
    m_iconLabel->setObjectName(QStringLiteral("bannerIcon"));
    m_iconLabel->setFixedSize(kIconSize, kIconSize);
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
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
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
    m_textLabel->setText(text);
    applyKind();
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

void MessageBanner::applyKind()
{
    const BannerColors colors = bannerColors(m_kind, palette());
    QPalette textPalette = m_textLabel->palette();
    textPalette.setColor(QPalette::WindowText, colors.text);
    textPalette.setColor(QPalette::Text, colors.text);
    m_textLabel->setPalette(textPalette);
    m_iconLabel->setPixmap(QIcon(iconFor(m_kind)).pixmap(QSize(kIconSize, kIconSize), devicePixelRatioF()));
    //: %1 is the kind of message (Success, Information, Warning, Error), %2 the message
    const QString described = tr("%1: %2").arg(kindName(m_kind), m_textLabel->text());
    setAccessibleDescription(described);
    m_textLabel->setAccessibleName(described);
    update();
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    const BannerColors colors = bannerColors(m_kind, palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal inset = colors.borderWidth / 2.0;
    painter.setPen(QPen(colors.border, colors.borderWidth));
    painter.setBrush(colors.background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), 4, 4);
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (m_textLabel
        && (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange))
        applyKind();
}

QString MessageBanner::text() const
{
    return m_textLabel->text();
}

} // namespace keyturn::ui
