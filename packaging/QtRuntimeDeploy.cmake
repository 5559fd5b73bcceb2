# macOS and Windows packages carry their own Qt: Qt's deploy script (macdeployqt / windeployqt)
# copies the libraries and plugins keyturn needs into the install tree that CPack packs.
# Linux packages use the distribution's Qt instead and do not include this file.
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET keyturn OUTPUT_SCRIPT _keyturn_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
else()
    qt_generate_deploy_app_script(TARGET keyturn FILENAME_VARIABLE _keyturn_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
endif()
install(SCRIPT ${_keyturn_deploy})
