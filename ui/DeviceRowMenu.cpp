#include "DeviceRowMenu.h"

#include "devices/DeviceRecord.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QMenu>

namespace keyturn::ui {

namespace {

// tr() in the context lupdate gives it here (the enclosing namespace or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("keyturn::ui", text);
}

// Graph's value for a device that is not registered in Entra ID: nothing worth copying.
bool isNullGuid(const QString &id)
{
    return id == QLatin1String("00000000-0000-0000-0000-000000000000");
}

} // namespace

QMenu *createDeviceRowMenu(const DeviceRecord &record, std::function<void()> open, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("deviceRowMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);

    QAction *openAction = menu->addAction(tr("&Open"));
    openAction->setObjectName(QStringLiteral("openDeviceAction"));
    QObject::connect(openAction, &QAction::triggered, menu, std::move(open));
    menu->setDefaultAction(openAction);
    menu->addSeparator();

    const auto addCopy = [menu](const char *objectName, const QString &text, const QString &value) {
        if (value.isEmpty())
            return;
        QAction *action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(objectName));
        QObject::connect(
            action, &QAction::triggered, menu, [value] { QApplication::clipboard()->setText(value); });
    };
    addCopy("copyNameAction", tr("Copy &name"), record.deviceName);
    addCopy("copySerialAction", tr("Copy &serial number"), record.serialNumber);
    addCopy("copyUserAction", tr("Copy primary &user"), record.userPrincipalName);
    addCopy("copyIntuneIdAction", tr("Copy &Intune device ID"), record.id);
    addCopy("copyEntraIdAction", tr("Copy &Entra device ID"),
        isNullGuid(record.azureADDeviceId) ? QString() : record.azureADDeviceId);
    return menu;
}

} // namespace keyturn::ui
