target_sources(keyturn_auth PRIVATE
    auth/Account.h auth/Account.cpp
    auth/AccountStore.h auth/AccountStore.cpp
    auth/AdminCenterLink.h auth/AdminCenterLink.cpp
    auth/AuthCodeFlow.h auth/AuthCodeFlow.cpp
    auth/AuthError.h auth/AuthError.cpp
    auth/AuthSettings.h auth/AuthSettings.cpp
    auth/BrowserLauncher.h
    auth/ClientClaims.h auth/ClientClaims.cpp
    auth/ConsentFlow.h auth/ConsentFlow.cpp
    auth/CloudConfig.h auth/CloudConfig.cpp
    auth/DemoBrowserLauncher.h auth/DemoBrowserLauncher.cpp
    auth/DeviceCodeFlow.h auth/DeviceCodeFlow.cpp
    auth/GraphRootQuestion.h
    auth/JwtClaims.h auth/JwtClaims.cpp
    auth/LoopbackRedirectListener.h auth/LoopbackRedirectListener.cpp
    auth/Pkce.h auth/Pkce.cpp
    auth/PatientKeychainCall.h auth/PatientKeychainCall.cpp
    auth/RedirectRequest.h auth/RedirectRequest.cpp
    auth/RefreshTokenKeeper.h auth/RefreshTokenKeeper.cpp
    auth/RememberedAccountConfig.h auth/RememberedAccountConfig.cpp
    auth/SignInController.h auth/SignInController.cpp
    auth/TokenClient.h auth/TokenClient.cpp
    auth/TokenResponse.h auth/TokenResponse.cpp
    auth/TenantLabels.h auth/TenantLabels.cpp
    auth/TokenStore.h auth/TokenStore.cpp)
