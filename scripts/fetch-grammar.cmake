# Fetches one tree-sitter grammar from the npm registry, pinned by version and
# sha512, and unpacks it into DEST. Run as: cmake -DNAME=... -DVERSION=...
# -DSHA512=<hex> -DDEST=<dir> -P fetch-grammar.cmake
# Nothing is fetched when DEST already holds the unpacked, verified package.
cmake_minimum_required(VERSION 3.20)
foreach(var NAME VERSION SHA512 DEST)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "fetch-grammar: ${var} is not set")
  endif()
endforeach()

set(stamp "${DEST}/.verified-${SHA512}")
if(EXISTS "${stamp}" AND EXISTS "${DEST}/package/src/parser.c")
  return()
endif()

file(REMOVE_RECURSE "${DEST}")
file(MAKE_DIRECTORY "${DEST}")
find_program(NPM npm)
if(NOT NPM)
  message(FATAL_ERROR "fetch-grammar: npm not found; install Debian's npm "
                      "(scripts/setup-deps.sh does) to fetch ${NAME}@${VERSION}")
endif()
execute_process(
  COMMAND "${NPM}" pack --silent "${NAME}@${VERSION}" --pack-destination "${DEST}"
  WORKING_DIRECTORY "${DEST}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fetch-grammar: 'npm pack ${NAME}@${VERSION}' failed "
                      "(exit ${rc}): ${err}")
endif()
file(GLOB tarballs "${DEST}/*.tgz")
list(LENGTH tarballs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "fetch-grammar: expected one tarball from npm pack, got ${n}")
endif()
file(SHA512 "${tarballs}" actual)
if(NOT actual STREQUAL SHA512)
  file(REMOVE_RECURSE "${DEST}")
  message(FATAL_ERROR "fetch-grammar: integrity check failed for ${NAME}@${VERSION}\n"
                      "  expected sha512 ${SHA512}\n  got      sha512 ${actual}")
endif()
file(ARCHIVE_EXTRACT INPUT "${tarballs}" DESTINATION "${DEST}")
if(NOT EXISTS "${DEST}/package/src/parser.c")
  message(FATAL_ERROR "fetch-grammar: ${NAME}@${VERSION} has no src/parser.c")
endif()
file(TOUCH "${stamp}")
