target_sources(keyturn_core PRIVATE
    core/AccessTokenProvider.h
    core/ScopeGrants.h
    core/Clock.h core/Clock.cpp
    core/Utc.h
    core/Logging.h core/Logging.cpp)
target_sources(keyturn_core PRIVATE
    core/CommandLine.h core/CommandLine.cpp)
target_sources(keyturn_core PRIVATE
    core/TlsErrorText.h core/TlsErrorText.cpp
    core/TrustedCertificates.h core/TrustedCertificates.cpp
    core/SystemProxy.h core/SystemProxy.cpp)
target_sources(keyturn_core PRIVATE
    core/PrivateFiles.h core/PrivateFiles.cpp
    core/ProcessHardening.h core/ProcessHardening.cpp)
