#include "DeviceCodeLabel.h"

#include <QCoreApplication>
#include <QLabel>

namespace keyturn::ui {

QLabel *makeDeviceCodeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(QCoreApplication::translate("keyturn::ui::DeviceCodeLabel", "Code"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 2.0);
    font.setBold(true);
    font.setFamily(QStringLiteral("monospace"));
    font.setStyleHint(QFont::Monospace);
    label->setFont(font);
    return label;
}

} // namespace keyturn::ui
