# keyturn_layer_check: a build step that runs cmake/CheckLayers.cmake over app/ and ui/ whenever one
# of their files changes; every Keyturn library depends on it, so an include that goes up the layers
# fails the build.
file(GLOB_RECURSE keyturn_layered_files CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/app/*.h ${PROJECT_SOURCE_DIR}/app/*.cpp
    ${PROJECT_SOURCE_DIR}/ui/*.h ${PROJECT_SOURCE_DIR}/ui/*.cpp)
set(keyturn_layer_stamp ${CMAKE_BINARY_DIR}/keyturn-layers.stamp)
add_custom_command(OUTPUT ${keyturn_layer_stamp}
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DSTAMP=${keyturn_layer_stamp}
        -P ${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake ${keyturn_layered_files}
    COMMENT "Checking that includes follow the layers"
    VERBATIM)
add_custom_target(keyturn_layer_check DEPENDS ${keyturn_layer_stamp})
