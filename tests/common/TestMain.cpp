// The shared gtest main: a QApplication on the offscreen platform (unless the caller chose one),
// so every suite can use widgets, timers and sockets, speaking English whatever the machine's
// language (with the English plural forms, as Keyturn does).
#include "Translations.h"

#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("KeyturnTests"));
    QApplication::setOrganizationName(QStringLiteral("Keyturn"));
    const keyturn::ui::Translations english(QLocale(QLocale::English, QLocale::UnitedStates));
    return RUN_ALL_TESTS();
}
