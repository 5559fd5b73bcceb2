#include "ConfirmationDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace keyturn::ui {

ConfirmationDialog *ConfirmationDialog::visibleIn(const QWidget *window)
{
    if (!window)
        return nullptr;
    for (auto *dialog : window->findChildren<ConfirmationDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

ConfirmationDialog::ConfirmationDialog(const QString &title, const QString &question, const QString &detail,
    const QString &yesText, QWidget *parent, bool warning)
    : QDialog(parent)
    , m_warning(warning)
{
    setObjectName(QStringLiteral("confirmationDialog"));
    setWindowTitle(title);
    setModal(true);

    auto *iconLabel = new QLabel(this);
    iconLabel->setObjectName(QStringLiteral("confirmationIconLabel"));
    iconLabel->setAccessibleName(warning ? tr("Warning") : tr("Question"));
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    iconLabel->setPixmap(
        style()
            ->standardIcon(
                warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion, nullptr, this)
            .pixmap(iconSize));
    iconLabel->setAlignment(Qt::AlignTop);

    m_questionLabel = new QLabel(question, this);
    m_questionLabel->setObjectName(QStringLiteral("questionLabel"));
    m_questionLabel->setWordWrap(true);
    m_questionLabel->setTextFormat(Qt::PlainText);
    QFont questionFont = m_questionLabel->font();
    questionFont.setBold(true);
    m_questionLabel->setFont(questionFont);

    auto *detailLabel = new QLabel(detail, this);
    detailLabel->setObjectName(QStringLiteral("detailLabel"));
    detailLabel->setWordWrap(true);
    detailLabel->setTextFormat(Qt::PlainText);

    auto *texts = new QVBoxLayout;
    texts->addWidget(m_questionLabel);
    texts->addWidget(detailLabel);
    texts->addStretch();

    auto *body = new QHBoxLayout;
    body->addWidget(iconLabel);
    body->addLayout(texts, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_yesButton = buttons->addButton(yesText.isEmpty() ? tr("&Yes") : yesText, QDialogButtonBox::AcceptRole);
    m_yesButton->setObjectName(QStringLiteral("yesButton"));
    m_yesButton->setAccessibleName(tr("Yes: %1").arg(title));
    // Enter activates the focused button; with the initial focus on No, Enter alone answers No.
    m_yesButton->setAutoDefault(true);
    m_noButton = buttons->addButton(tr("&No"), QDialogButtonBox::RejectRole);
    m_noButton->setObjectName(QStringLiteral("noButton"));
    m_noButton->setAccessibleName(tr("No"));
    m_noButton->setDefault(true);
    m_noButton->setAutoDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_noButton->setFocus(Qt::OtherFocusReason);
    m_yesButton->installEventFilter(this);
    m_noButton->installEventFilter(this);
}

bool ConfirmationDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease)
        m_lastClickPosition = static_cast<QMouseEvent *>(event)->globalPosition().toPoint();
    return QDialog::eventFilter(watched, event);
}

QString ConfirmationDialog::question() const
{
    return m_questionLabel->text();
}

void ConfirmationDialog::done(int result)
{
    if (m_answered)
        return;
    m_answered = true;
    m_yesButton->setEnabled(false);
    m_noButton->setEnabled(false);
    QDialog::done(result);
    Q_EMIT answered(result == QDialog::Accepted);
}

} // namespace keyturn::ui
