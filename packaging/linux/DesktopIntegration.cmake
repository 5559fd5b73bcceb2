# Linux desktop integration: menu entry, AppStream metainfo, man pages, and the Debian copyright
# and changelog under share/doc/keyturn. Man pages and the changelog are installed gzip -9n
# compressed, as Debian policy (and lintian) expect. The hicolor icon is installed by resources/.
set(_linux "${CMAKE_CURRENT_SOURCE_DIR}/linux")
set(_gen "${CMAKE_CURRENT_BINARY_DIR}/linux")
set(KEYTURN_DEB_VERSION "${PROJECT_VERSION}")

configure_file(${_linux}/${KEYTURN_APP_ID}.metainfo.xml.in ${_gen}/${KEYTURN_APP_ID}.metainfo.xml @ONLY)
configure_file(${_linux}/changelog.in ${_gen}/in/changelog @ONLY)
configure_file(${_linux}/keyturn.1.in ${_gen}/in/keyturn.1 @ONLY)
set(_man_pages keyturn.1)
if(KEYTURN_DEMO)
    configure_file(${_linux}/keyturn-demo-tenant.1.in ${_gen}/in/keyturn-demo-tenant.1 @ONLY)
    list(APPEND _man_pages keyturn-demo-tenant.1)
endif()

find_program(KEYTURN_GZIP gzip REQUIRED)
set(_compressed "")
foreach(_file changelog ${_man_pages})
    # gzip -n leaves out the name and time stamp, so the package is reproducible.
    add_custom_command(OUTPUT ${_gen}/${_file}.gz
        COMMAND ${CMAKE_COMMAND} -E copy ${_gen}/in/${_file} ${_gen}/${_file}
        COMMAND ${KEYTURN_GZIP} -9nf ${_gen}/${_file}
        DEPENDS ${_gen}/in/${_file}
        COMMENT "Compressing ${_file}"
        VERBATIM)
    list(APPEND _compressed ${_gen}/${_file}.gz)
endforeach()
add_custom_target(keyturn_linux_docs ALL DEPENDS ${_compressed})

install(FILES ${_linux}/${KEYTURN_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_gen}/${KEYTURN_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
list(TRANSFORM _man_pages PREPEND "${_gen}/" OUTPUT_VARIABLE _man_files)
list(TRANSFORM _man_files APPEND ".gz")
install(FILES ${_man_files} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Debian's doc folder is named after the package, not the project (GNUInstallDirs' DOCDIR).
install(FILES ${_linux}/copyright ${_gen}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/keyturn)
