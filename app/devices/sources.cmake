target_sources(keyturn_core PRIVATE
    devices/DeviceRecord.h devices/DeviceRecord.cpp
    devices/JsonCursor.h devices/JsonCursor.cpp
    devices/SharedStringBlock.h devices/SharedStringBlock.cpp
    devices/DeviceListPage.h devices/DeviceListPage.cpp
    devices/DeviceTableModel.h devices/DeviceTableModel.cpp
    devices/DeviceFilterProxy.h devices/DeviceFilterProxy.cpp
    devices/DeviceListLoader.h devices/DeviceListLoader.cpp)
