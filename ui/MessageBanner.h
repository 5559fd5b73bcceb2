// MessageBanner: an inline strip for outcomes and errors (success, information, warning, error)
// with optional "Copy details" (copies the details text to the clipboard) and an action button
// such as "Retry". Hidden until show*() is called. Each kind has its own icon and tinted
// background (light or dark to suit the palette, see BannerColors); the accessible description
// names the kind ("Error: ...").
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace keyturn::ui {

class MessageBanner final : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Success, Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows text; details non-empty enables "Copy details"; actionText non-empty shows the action button.
    void showMessage(
        Kind kind, const QString &text, const QString &details = {}, const QString &actionText = {});
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    QString details() const { return m_details; }
    QPushButton *copyDetailsButton() const { return m_copyButton; }
    QPushButton *actionButton() const { return m_actionButton; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyKind();

    Kind m_kind = Kind::Information;
    QLabel *m_iconLabel = nullptr;
    QLabel *m_textLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_actionButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QString m_details;
};

} // namespace keyturn::ui
