# keyturn_compiler_flags: warnings, Qt defines and sanitizers for Keyturn's own targets, in one place.
# Every Keyturn target links it PRIVATE; Qt's headers come in as system includes, so only our code
# is held to these warnings.
add_library(keyturn_compiler_flags INTERFACE)

target_compile_definitions(keyturn_compiler_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(MSVC)
    target_compile_options(keyturn_compiler_flags INTERFACE /W4 /permissive- /utf-8)
    if(KEYTURN_WERROR)
        target_compile_options(keyturn_compiler_flags INTERFACE /WX)
    endif()
else()
    target_compile_options(keyturn_compiler_flags INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
        -Wnon-virtual-dtor -Woverloaded-virtual -Wformat=2)
    if(KEYTURN_WERROR)
        target_compile_options(keyturn_compiler_flags INTERFACE -Werror)
    endif()
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        # Full RELRO: relocation tables read-only after start-up (lintian: hardening-no-bindnow).
        target_link_options(keyturn_compiler_flags INTERFACE -Wl,-z,relro,-z,now)
    endif()
endif()

if(KEYTURN_SANITIZE)
    if(MSVC)
        target_compile_options(keyturn_compiler_flags INTERFACE /fsanitize=address)
    else()
        # GCC's "undefined" group leaves out float-cast-overflow (a double too large for an int is
        # undefined behaviour); numbers from the network reach such casts, so it is named here.
        target_compile_options(keyturn_compiler_flags INTERFACE
            -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined,float-cast-overflow)
        target_link_options(keyturn_compiler_flags INTERFACE -fsanitize=address,undefined,float-cast-overflow)
    endif()
endif()
