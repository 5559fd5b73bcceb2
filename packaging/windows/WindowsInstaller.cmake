# Windows: keyturn.exe gets an icon and a version resource generated from project(VERSION), and
# CPack makes an NSIS installer (Start menu shortcut, uninstaller, Qt deployed next to the exe).
# Untested here: see packaging/README-packaging.md.
set(KEYTURN_ICO "${CMAKE_CURRENT_SOURCE_DIR}/windows/keyturn.ico")
# The resource compiler reads forward slashes; keep the path as CMake spells it.
configure_file(windows/keyturn.rc.in ${CMAKE_CURRENT_BINARY_DIR}/windows/keyturn.rc @ONLY)
target_sources(keyturn PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/windows/keyturn.rc)

include(${CMAKE_CURRENT_SOURCE_DIR}/QtRuntimeDeploy.cmake)

set(CPACK_GENERATOR "NSIS")
set(CPACK_PACKAGE_FILE_NAME "Keyturn-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_EXECUTABLES "keyturn" "Keyturn")
set(CPACK_NSIS_PACKAGE_NAME "Keyturn")
set(CPACK_NSIS_DISPLAY_NAME "Keyturn ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${KEYTURN_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${KEYTURN_ICO}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\keyturn.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${KEYTURN_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "keyturn.exe")
# Per-machine install under Program Files (64-bit).
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
