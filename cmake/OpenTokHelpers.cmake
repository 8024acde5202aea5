# Shared build settings for project targets.

# Warnings for project code only; wrapped in BUILD_INTERFACE by users so that installed
# targets do not export it.
add_library(opentok_warnings INTERFACE)
target_compile_options(opentok_warnings INTERFACE
  -Wall -Wextra -Wpedantic
  # GCC 12 warns on designated initializers that omit members with default initializers,
  # which is exactly how the options structs are meant to be used.
  -Wno-missing-field-initializers)
# Warnings are errors where the compiler is the one the code is checked with (CI and `make
# test` turn OPENTOK_WERROR on); off by default so that a newer compiler's new warnings do
# not break a user's build from source.
if(OPENTOK_WERROR)
  target_compile_options(opentok_warnings INTERFACE -Werror)
endif()
# nlohmann/json: forbid implicit conversions from json so every read is explicit.
target_compile_definitions(opentok_warnings INTERFACE JSON_USE_IMPLICIT_CONVERSIONS=0)

# Sanitizer flags (OPENTOK_SANITIZE) are set for every target in the top-level CMakeLists.txt.

# opentok_add_gtest(NAME SOURCES... LIBS ... LABELS ...): one GoogleTest executable whose
# cases are registered with ctest individually (discovered at test time, not build time).
function(opentok_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest GTest::gtest_main
                        $<BUILD_INTERFACE:opentok_warnings>)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
