#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcApp, "keyturn.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "keyturn.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "keyturn.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGraph, "keyturn.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDevices, "keyturn.devices", QtInfoMsg)
Q_LOGGING_CATEGORY(lcActions, "keyturn.actions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "keyturn.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "keyturn.ui", QtInfoMsg)
