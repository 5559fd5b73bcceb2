# The icons compiled into the app, relative to resources/. Shown under ":/icons/".
set(KEYTURN_ICON_FILES
    ${PROJECT_SOURCE_DIR}/resources/icons/keyturn.svg)
