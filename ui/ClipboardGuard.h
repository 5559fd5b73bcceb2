// ClipboardGuard: puts a secret on the clipboard and takes it off again after a while (30 s by
// default), as password managers do, but only if the clipboard still holds that secret: whatever
// the user copied since stays. Outlives the dialog that copied, so closing it early changes nothing.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace keyturn::ui {

class ClipboardGuard final : public QObject {
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject *parent = nullptr);
    ~ClipboardGuard() override;

    void setClearAfter(std::chrono::milliseconds delay) { m_clearAfter = delay; }
    std::chrono::milliseconds clearAfter() const { return m_clearAfter; }

    /// Copies text and schedules its removal (a later copy replaces the earlier one's schedule).
    void copySecret(const QString &text);
    /// Clears now if the clipboard still holds the guarded secret.
    void clearNow();
    bool isGuarding() const { return m_timer.isActive(); }

Q_SIGNALS:
    /// The guarded secret was taken off the clipboard (false: something else was there by then).
    void cleared(bool removedSecret);

private:
    std::chrono::milliseconds m_clearAfter{ 30000 };
    QTimer m_timer;
    QString m_secret;
};

} // namespace keyturn::ui
