target_sources(keyturn_demo PRIVATE
    DemoOptions.h DemoOptions.cpp
    DemoTenant.h DemoTenant.cpp
    DemoHttpServer.h DemoHttpServer.cpp
    DemoTls.h DemoTls.cpp
    DemoRouter.h DemoRouter.cpp
    DemoRequest.h DemoRequest.cpp
    HttpResponse.h HttpResponse.cpp
    RequestLog.h RequestLog.cpp
    FaultInjector.h FaultInjector.cpp
    DemoEncoding.h DemoEncoding.cpp
    DemoDirectory.h DemoDirectory.cpp
    DemoSecret.h DemoSecret.cpp
    TokenMinter.h TokenMinter.cpp
    SessionRevocations.h
    SecretLedger.h SecretLedger.cpp
    IdentityService.h IdentityService.cpp
    DeviceRecord.h
    DeviceGenerator.h DeviceGenerator.cpp
    DeviceStore.h DeviceStore.cpp
    DeviceSerializer.h DeviceSerializer.cpp
    ODataFilter.h ODataFilter.cpp
    GraphErrors.h GraphErrors.cpp
    SkipToken.h SkipToken.cpp
    GraphService.h GraphService.cpp
    DeviceSecrets.h DeviceSecrets.cpp
    DirectorySecretsService.h DirectorySecretsService.cpp
    DemoCommandLine.h DemoCommandLine.cpp)
