target_sources(keyturn_demo PRIVATE
    DemoOptions.h DemoOptions.cpp
    DemoTenant.h DemoTenant.cpp)
