/* mypyc-scout-docgen man|bash|zsh: the man page or a completion script, from
 * cli.c's tables, on stdout. Run by the build (CMakeLists.txt), not installed. */
#include <stdio.h>
#include <string.h>

#include "scout/cli.h"

int main(int argc, char **argv)
{
	int error;

	if (argc != 2) {
		fputs("usage: mypyc-scout-docgen man|bash|zsh\n", stderr);
		return 2;
	}
	error = strcmp(argv[1], "man") == 0 ? scout_cli_man_write(stdout)
	                                    : scout_cli_completion_write(stdout, argv[1]);
	if (error < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "mypyc-scout-docgen: %s\n", scout_error_last());
		return 2;
	}
	return 0;
}
