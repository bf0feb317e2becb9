# rampart_stage(NAME DEPS <targets...>)
# Builds the static library rampart_<NAME> from the .cpp files of the calling folder and, when
# tests are on, the test program <NAME>_tests from test/*_test.cpp beside them, registered with CTest.
function(rampart_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(sources)
    add_library(rampart_${name} STATIC ${sources})
    target_include_directories(rampart_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(rampart_${name} PUBLIC ${ARG_DEPS})
  else()  # a header-only stage
    add_library(rampart_${name} INTERFACE)
    target_include_directories(rampart_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(rampart_${name} INTERFACE ${ARG_DEPS})
  endif()
  if(RAMPART_BUILD_TESTS)
    file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/test/*_test.cpp)
    if(tests)
      add_executable(${name}_tests ${tests})
      target_link_libraries(${name}_tests PRIVATE rampart_${name} ${ARG_TEST_DEPS} GTest::gtest_main GTest::gmock)
      target_compile_definitions(${name}_tests PRIVATE
        RAMPART_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RAMPART_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
      gtest_discover_tests(${name}_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60)
    endif()
  endif()
endfunction()
