target_sources(keyturn_ui PRIVATE
    MainWindow.h MainWindow.cpp)
