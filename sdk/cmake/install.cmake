# Install rules for the SDK: public headers, libopentok.a (+ libopentok_common.a, which the
# static library needs at link time), the CMake package `opentok` (target opentok::sdk;
# component `testing`: target opentok::testing) and the pkg-config files opentok.pc and
# opentok-testing.pc.
include(CMakePackageConfigHelpers)

set(OPENTOK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/opentok)

install(DIRECTORY include/opentok DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT opentok_development)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/generated/opentok/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/opentok COMPONENT opentok_development)

# opentok_common is private to the project (its headers are not installed), but the static
# SDK links it, so its archive must be in the same export set.
install(TARGETS opentok_sdk opentok_common EXPORT opentok-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT opentok_development)
install(EXPORT opentok-targets NAMESPACE opentok:: DESTINATION ${OPENTOK_CMAKE_DIR}
        COMPONENT opentok_development)

# opentok::testing has an export set of its own: it links GTest::gmock, so
# opentok-config.cmake loads it (and looks for GoogleTest) only when the `testing`
# component is requested, and find_package(opentok) keeps working without GoogleTest.
if(TARGET opentok_testing)
  install(DIRECTORY testing/include/opentok/testing DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/opentok
          COMPONENT opentok_development)
  install(TARGETS opentok_testing EXPORT opentok-testing-targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT opentok_development)
  install(EXPORT opentok-testing-targets NAMESPACE opentok:: DESTINATION ${OPENTOK_CMAKE_DIR}
          COMPONENT opentok_development)
endif()

configure_package_config_file(cmake/opentok-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/opentok-config.cmake INSTALL_DESTINATION ${OPENTOK_CMAKE_DIR})
# 0.x: a minor version bump may break the API.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/opentok-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/opentok-config.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/opentok-config-version.cmake
        DESTINATION ${OPENTOK_CMAKE_DIR} COMPONENT opentok_development)

# Relocatable: the prefix is found from the .pc file's own location.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(OPENTOK_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _opentok_pc_up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  set(OPENTOK_PC_PREFIX "\${pcfiledir}/${_opentok_pc_up}")
endif()
configure_file(cmake/opentok.pc.in ${CMAKE_CURRENT_BINARY_DIR}/opentok.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/opentok.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT opentok_development)
if(TARGET opentok_testing)
  configure_file(cmake/opentok-testing.pc.in ${CMAKE_CURRENT_BINARY_DIR}/opentok-testing.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/opentok-testing.pc
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT opentok_development)
endif()
