# CPack DEB settings for Debian 12 (bookworm) and later: `cpack -G DEB` in the build folder gives
# keyturn_<version>_<arch>.deb. dpkg-shlibdeps finds the linked libraries; Depends adds what it
# cannot see: libraries and plugins Qt and qtkeychain load at run time.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_PACKAGE_NAME "keyturn")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION "${KEYTURN_DEB_VERSION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KEYTURN_VENDOR} <${KEYTURN_CONTACT}>")
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libsecret-1-0: qtkeychain dlopen()s it to reach the Secret Service.
# libqt6svg6: the SVG icon engine and image plugins that draw every icon.
# qt6-qpa-plugins: Qt platform plugins beyond the xcb one in libqt6gui6 (later Debian moves more here).
# qt6-translations-l10n: Qt's own texts (dialog buttons, ...) in the user's language; Keyturn's are
# compiled in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6, qt6-qpa-plugins, qt6-translations-l10n")
# A Secret Service keeps the sign-in across restarts; without one Keyturn asks each time.
# qt6-wayland runs Keyturn natively on Wayland; xdg-utils opens the browser for sign-in.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-wayland, xdg-utils")
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Keyturn is a desktop console for Microsoft Intune administrators and
help-desk staff. It lists the tenant's managed devices from Microsoft Graph
and runs single-device remote actions after a Yes/No confirmation: rotate the
FileVault recovery key of a corporate-owned Mac, sync, restart, shut down,
rotate BitLocker keys and rotate the local administrator password.
.
The sign-in is remembered in the desktop's Secret Service. A built-in demo
tenant (keyturn --demo, keyturn-demo-tenant) simulates Entra ID and Intune
Graph on 127.0.0.1 for training and trying Keyturn without a tenant.")
