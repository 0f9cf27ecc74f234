/* The `verify` command (verify_cmd.c). */
#ifndef SCOUT_VERIFY_CMD_H
#define SCOUT_VERIFY_CMD_H

#include "scout/cli.h"

/* Runs `mypyc-scout verify` for `cli`; returns the exit status (README
 * "verify"). */
int scout_verify_command(const scout_cli *cli);

#endif
