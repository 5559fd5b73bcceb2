// ClickThroughGuard: after a dialog closes on the first click of a double or triple click, the
// remaining clicks must not land on whatever lies under the mouse in the window below (a list row,
// another action button). For a short while (QApplication::doubleClickInterval(), re-armed by each
// swallowed press, at most three intervals) mouse presses, double-clicks and releases aimed at that
// window near the closing click's position are dropped; a click elsewhere is a new, deliberate one
// and goes through. Deletes itself when done.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace keyturn::ui {

class ClickThroughGuard final : public QObject {
    Q_OBJECT
public:
    /// Starts guarding window (a top-level widget) around the global position of the closing click.
    static ClickThroughGuard *guard(QWidget *window, QPoint closingClick);

    /// Mouse presses dropped so far (tests, logs).
    int swallowed() const { return m_swallowed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ClickThroughGuard(QWidget *window, QPoint closingClick);

    QPointer<QWidget> m_window;
    QPoint m_closingClick;
    QTimer m_timer;
    QElapsedTimer m_age;
    int m_interval = 400;
    int m_swallowed = 0;
};

} // namespace keyturn::ui
