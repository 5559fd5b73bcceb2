# macOS: keyturn becomes Keyturn.app (Info.plist from the template below, bundle id
# app.keyturn.Keyturn, version from project(VERSION), keyturn.icns), shipped on a DragNDrop disk
# image with Qt deployed inside the bundle. Untested here: see packaging/README-packaging.md.
set(_icns "${CMAKE_CURRENT_SOURCE_DIR}/macos/keyturn.icns")
target_sources(keyturn PRIVATE ${_icns})
set_source_files_properties(${_icns} TARGET_DIRECTORY keyturn PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(keyturn PROPERTIES
    OUTPUT_NAME "Keyturn"
    MACOSX_BUNDLE TRUE
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${KEYTURN_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_NAME "Keyturn"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "keyturn.icns"
    MACOSX_BUNDLE_COPYRIGHT "Copyright ${KEYTURN_VENDOR}")

include(${CMAKE_CURRENT_SOURCE_DIR}/QtRuntimeDeploy.cmake)

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Keyturn ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDBZ")
set(CPACK_PACKAGE_FILE_NAME "Keyturn-${PROJECT_VERSION}-macOS")
