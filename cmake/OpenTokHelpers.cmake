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

# Precompiled headers (OPENTOK_PCH, docs/development.md, "Build time"): the third-party and
# standard headers a target's files include are parsed once per target instead of once per
# file. GCC refuses a precompiled header built with other flags; CMake passes -Winvalid-pch,
# an error under OPENTOK_WERROR, so a mismatch fails the build instead of going unnoticed.
option(OPENTOK_PCH "Precompile the third-party and standard headers of the project's targets" ON)
set(OPENTOK_PCH_STD_HEADERS
  <algorithm> <chrono> <cstdint> <functional> <map> <memory> <mutex> <optional> <set> <string>
  <string_view> <unordered_map> <utility> <variant> <vector>)

# opentok_precompile(TARGET HEADERS...): TARGET's files see HEADERS and the standard headers
# above precompiled (the files still include what they use, so the build without
# OPENTOK_PCH is the same program).
function(opentok_precompile target)
  if(OPENTOK_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN} ${OPENTOK_PCH_STD_HEADERS})
  endif()
endfunction()

# Test code: the tests, their support libraries and the conformance suite. Two build-time
# settings apply to it and to nothing else, so the code under test keeps the build type's
# flags:
# - it compiles at -O0 unless OPENTOK_OPTIMIZE_TEST_CODE is on. Its run time is spent in the
#   code under test, while -O2 more than doubles its compile time (a typical test file: 36 s
#   at -O2 -g, 15 s at -O0 -g);
# - with OPENTOK_PCH, GoogleTest, GoogleMock, nlohmann/json and cpp-httplib are precompiled
#   once, by opentok_test_pch, for every test executable. So that its flags are theirs,
#   every user of it links opentok_test_code.
option(OPENTOK_OPTIMIZE_TEST_CODE "Compile test code with the build type's optimisation instead of -O0" OFF)
set(OPENTOK_TEST_PCH_HEADERS <gmock/gmock.h> <gtest/gtest.h> <httplib.h> <nlohmann/json.hpp> <thread>)

# The settings and third-party libraries every piece of test code gets; made on first use,
# after the top-level CMakeLists.txt has found GoogleTest and cpp-httplib.
function(_opentok_make_test_code_targets)
  if(TARGET opentok_test_code)
    return()
  endif()
  add_library(opentok_test_code INTERFACE)
  target_link_libraries(opentok_test_code INTERFACE GTest::gmock GTest::gtest nlohmann_json::nlohmann_json
                        PkgConfig::HTTPLIB Threads::Threads $<BUILD_INTERFACE:opentok_warnings>)
  if(NOT OPENTOK_OPTIMIZE_TEST_CODE)
    target_compile_options(opentok_test_code INTERFACE -O0)
  endif()
  if(OPENTOK_PCH)
    # An executable, so that its precompiled header has the -fPIE of the test executables
    # that reuse it (a library's would have -fPIC).
    add_executable(opentok_test_pch ${PROJECT_SOURCE_DIR}/cmake/test_pch_main.cc)
    target_link_libraries(opentok_test_pch PRIVATE opentok_test_code)
    opentok_precompile(opentok_test_pch ${OPENTOK_TEST_PCH_HEADERS})
  endif()
endfunction()

# opentok_test_code(TARGET): TARGET is test code (see above). Executables reuse the shared
# precompiled header; libraries (compiled with -fPIC) get one of their own.
function(opentok_test_code target)
  _opentok_make_test_code_targets()
  target_link_libraries(${target} PRIVATE opentok_test_code)
  get_target_property(type ${target} TYPE)
  if(OPENTOK_PCH AND type STREQUAL "EXECUTABLE")
    target_precompile_headers(${target} REUSE_FROM opentok_test_pch)
  else()
    opentok_precompile(${target} ${OPENTOK_TEST_PCH_HEADERS})
  endif()
endfunction()

# opentok_add_gtest(NAME SOURCES... LIBS ... LABELS ...): one GoogleTest executable whose
# cases are registered with ctest individually (discovered at test time, not build time).
function(opentok_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest_main)
  opentok_test_code(${name})
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
