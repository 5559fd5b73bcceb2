# The icons compiled into the app, under ":/icons/...".
set(KEYTURN_ICON_FILES
    ${PROJECT_SOURCE_DIR}/resources/icons/keyturn.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/refresh.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/account.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/copy.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/banner/success.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/banner/information.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/banner/warning.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/banner/error.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/rotate-filevault.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/sync.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/restart.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/shut-down.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/rotate-bitlocker.svg
    ${PROJECT_SOURCE_DIR}/resources/icons/actions/rotate-local-admin-password.svg)
