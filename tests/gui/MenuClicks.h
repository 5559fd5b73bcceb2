// Clicking an entry of an open menu as a person does: the mouse travels onto the entry, then clicks.
// QMenu ignores a click that comes with no mouse movement since it opened (Qt 6.8 knows where the
// test's cursor is, so a bare click on the spot where the menu opened triggers nothing).
#pragma once

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMouseEvent>
#include <QTest>

namespace keyturn::test {

inline void clickMenuEntry(QMenu *menu, QAction *entry)
{
    const QPoint target = menu->actionGeometry(entry).center();
    const QPoint start(1, 1);
    constexpr int steps = 8; // more motions than QMenu's threshold of 6
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = start + (target - start) * i / steps;
        QMouseEvent move(
            QEvent::MouseMove, at, menu->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(menu, &move);
    }
    QTest::mouseClick(menu, Qt::LeftButton, Qt::NoModifier, target);
}

} // namespace keyturn::test
