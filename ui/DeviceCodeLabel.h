// DeviceCodeLabel: the label a device code is shown in wherever Keyturn shows one (the sign-in
// page, the permission dialog): large, bold, monospace, selectable, named "Code" for screen readers.
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace keyturn::ui {

/// A new, empty code label owned by parent.
QLabel *makeDeviceCodeLabel(const QString &objectName, QWidget *parent);

} // namespace keyturn::ui
