# `cmake --install build [--prefix P]`: the binary, its man page and its bash
# and zsh completions. The man page and the completions are generated at build
# time from analyzer/app/cli.c's option and command tables by
# mypyc-scout-docgen (analyzer/app/docgen.c, never installed), so none of them
# is maintained by hand.
include(GNUInstallDirs)

add_executable(mypyc-scout-docgen analyzer/app/docgen.c)
target_compile_options(mypyc-scout-docgen PRIVATE ${SCOUT_WARNINGS})
target_link_libraries(mypyc-scout-docgen PRIVATE scout_app)

set(SCOUT_DOCS_DIR "${CMAKE_BINARY_DIR}/share")
set(SCOUT_MAN_PAGE "${SCOUT_DOCS_DIR}/man/man1/mypyc-scout.1")
set(SCOUT_BASH_COMPLETION "${SCOUT_DOCS_DIR}/bash-completion/completions/mypyc-scout")
set(SCOUT_ZSH_COMPLETION "${SCOUT_DOCS_DIR}/zsh/site-functions/_mypyc-scout")
foreach(kind man bash zsh)
  if(kind STREQUAL "man")
    set(out "${SCOUT_MAN_PAGE}")
  elseif(kind STREQUAL "bash")
    set(out "${SCOUT_BASH_COMPLETION}")
  else()
    set(out "${SCOUT_ZSH_COMPLETION}")
  endif()
  get_filename_component(dir "${out}" DIRECTORY)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND mypyc-scout-docgen ${kind} > "${out}"
    DEPENDS mypyc-scout-docgen
    COMMENT "Generating ${out} from the option table"
    VERBATIM)
  list(APPEND scout_generated_docs "${out}")
endforeach()
add_custom_target(scout_docs ALL DEPENDS ${scout_generated_docs})

install(TARGETS mypyc-scout RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES "${SCOUT_MAN_PAGE}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${SCOUT_BASH_COMPLETION}"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions")
install(FILES "${SCOUT_ZSH_COMPLETION}" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/zsh/site-functions")
