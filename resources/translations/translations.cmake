# Keyturn's translations (Qt Linguist), compiled into the binary under ":/i18n/":
#   keyturn_<language>.ts  one language each (keyturn_de.ts: German), every string translated;
#   keyturn_en.ts          only the English plural forms ("1 device", "2 devices").
# `ninja -C build update_translations` reads the sources again (lupdate) and adds new strings to
# every .ts file, unfinished until translated. The .ts files list no source locations, so edits
# elsewhere in the code do not change them.
# Scanned: app/ and ui/, less the demo tenant (it stands in for Microsoft's English-speaking
# services) and the command line (parsed before Qt, so --help and its errors stay English).
set(KEYTURN_TRANSLATIONS_DIR ${PROJECT_SOURCE_DIR}/resources/translations)
set(KEYTURN_LANGUAGE_TS_FILES ${KEYTURN_TRANSLATIONS_DIR}/keyturn_de.ts)
set(KEYTURN_PLURALS_TS_FILE ${KEYTURN_TRANSLATIONS_DIR}/keyturn_en.ts)
file(GLOB_RECURSE KEYTURN_TRANSLATED_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/app/*.h ${PROJECT_SOURCE_DIR}/app/*.cpp
    ${PROJECT_SOURCE_DIR}/ui/*.h ${PROJECT_SOURCE_DIR}/ui/*.cpp)
list(FILTER KEYTURN_TRANSLATED_SOURCES EXCLUDE REGEX "/app/demo/|/app/core/CommandLine\\.(h|cpp)$")
set(KEYTURN_LUPDATE_OPTIONS -locations none -no-obsolete)
# lupdate follows the includes to learn each class's namespace (its translation context).
set(KEYTURN_LUPDATE_INCLUDES ${PROJECT_SOURCE_DIR}/app ${PROJECT_SOURCE_DIR}/ui)
# The same list for lupdate run by hand or by the translation tests: `lupdate @FILE -ts ...`.
list(JOIN KEYTURN_TRANSLATED_SOURCES "\n" keyturn_translated_lines)
file(WRITE ${CMAKE_BINARY_DIR}/keyturn-translated-sources.lst "${keyturn_translated_lines}\n")
