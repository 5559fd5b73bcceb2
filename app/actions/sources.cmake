target_sources(keyturn_actions PRIVATE
    actions/DeviceDetails.h actions/DeviceDetails.cpp
    actions/DeviceId.h actions/DeviceId.cpp
    actions/ActionCatalog.h actions/ActionCatalog.cpp
    actions/AuditLog.h actions/AuditLog.cpp
    actions/ActionOutcome.h
    actions/ActionRunner.h actions/ActionRunner.cpp
    actions/SecretText.h actions/SecretText.cpp
    actions/DeviceSecretKind.h
    actions/DeviceSecretReader.h actions/DeviceSecretReader.cpp
    actions/ActionStatusTracker.h actions/ActionStatusTracker.cpp
    actions/ActionResultText.h actions/ActionResultText.cpp
    actions/SentActionFollower.h actions/SentActionFollower.cpp)
