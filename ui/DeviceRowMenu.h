// DeviceRowMenu: the context menu of a row in the device list: Open (the device pane) and Copy
// for each identifier the list holds for the device (name, serial number, primary user, Intune
// and Entra device ids), present only when the device has that value.
#pragma once

#include <functional>

class QMenu;
class QWidget;

namespace keyturn {
struct DeviceRecord;
}

namespace keyturn::ui {

/// A new menu (deleted when closed) for `record`; Open calls `open`.
QMenu *createDeviceRowMenu(const keyturn::DeviceRecord &record, std::function<void()> open, QWidget *parent);

} // namespace keyturn::ui
