#include "ClickThroughGuard.h"

#include <QApplication>
#include <QMouseEvent>

namespace keyturn::ui {

ClickThroughGuard *ClickThroughGuard::guard(QWidget *window, QPoint closingClick)
{
    return window ? new ClickThroughGuard(window->window(), closingClick) : nullptr;
}

ClickThroughGuard::ClickThroughGuard(QWidget *window, QPoint closingClick)
    : QObject(window)
    , m_window(window)
    , m_closingClick(closingClick)
    , m_interval(qMax(QApplication::doubleClickInterval(), 100))
{
    m_age.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QObject::deleteLater);
    m_timer.start(m_interval);
    qApp->installEventFilter(this);
}

bool ClickThroughGuard::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonDblClick
        && type != QEvent::MouseButtonRelease)
        return false;
    // Widgets get the mouse event; their QWindow gets it first (not filtered: widgets then get none).
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || !m_window || widget->window() != m_window)
        return false;
    // A triple click stays within a few pixels; generous, as a hand shakes while clicking fast.
    const QPoint at = static_cast<QMouseEvent *>(event)->globalPosition().toPoint();
    if ((at - m_closingClick).manhattanLength() > 4 * QApplication::startDragDistance())
        return false;
    if (type != QEvent::MouseButtonRelease) {
        ++m_swallowed;
        // A triple click keeps coming: wait one more interval after each press, within bounds.
        const qint64 left = 3 * static_cast<qint64>(m_interval) - m_age.elapsed();
        if (left > 0)
            m_timer.start(static_cast<int>(qMin<qint64>(m_interval, left)));
    }
    return true;
}

} // namespace keyturn::ui
