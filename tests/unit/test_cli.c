/* The option table: every row is reachable by the parser in each of its
 * spellings, puts its value where it says and nowhere else, is refused by the
 * commands that do not take it, and shows in the help of exactly its commands. */
#include <stdlib.h>

#include "check.h"
#include "scout/cli.h"

static const scout_command commands[] = {SCOUT_CMD_SCAN, SCOUT_CMD_AUDIT, SCOUT_CMD_RULES,
                                         SCOUT_CMD_VERIFY};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const scout_cli_option *table;
static size_t nrows;

/* The help of `topic`, whitespace runs folded to one space (owned by caller,
 * free with free()). */
static char *help_of(scout_command topic)
{
	char *text = NULL, *folded;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&text, &len);

	CHECK_INT(scout_cli_help_write(f, topic), 0);
	fclose(f);
	folded = malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		if (!(text[i] == ' ' || text[i] == '\n') || (n && folded[n - 1] != ' '))
			folded[n++] = text[i] == '\n' ? ' ' : text[i];
	folded[n] = '\0';
	free(text);
	return folded;
}

static size_t field_size(scout_cli_kind kind)
{
	switch (kind) {
	case SCOUT_CLI_FLAG:
		return sizeof(bool);
	case SCOUT_CLI_STRING:
		return sizeof(const char *);
	case SCOUT_CLI_LIST:
		return sizeof(scout_cli_list);
	case SCOUT_CLI_NUMBER:
		return sizeof(unsigned);
	default:
		return 0;
	}
}

/* The value reached its field, and no byte outside it changed. */
static void check_effect(const scout_cli *cli, const scout_cli *plain, const scout_cli_option *o,
                         const char *value)
{
	const char *field = (const char *)cli + o->offset;
	size_t size = field_size(o->kind);

	CHECK(memcmp(cli, plain, o->offset) == 0);
	CHECK(memcmp(field + size, (const char *)plain + o->offset + size,
	             sizeof(*cli) - o->offset - size) == 0);
	if (o->kind == SCOUT_CLI_FLAG)
		CHECK(*(const bool *)field);
	else if (o->kind == SCOUT_CLI_STRING)
		CHECK_STR(*(const char *const *)field, value);
	else if (o->kind == SCOUT_CLI_LIST && ((const scout_cli_list *)field)->count == 1)
		CHECK_STR(((const scout_cli_list *)field)->items[0], value);
	else if (o->kind == SCOUT_CLI_LIST)
		CHECK(!"one value in the list");
	else if (o->kind == SCOUT_CLI_NUMBER)
		CHECK_INT(*(const unsigned *)field, 3);
}

/* `mypyc-scout COMMAND SPELLING [VALUE]` parses to what row `o` says: `value`
 * is the next argument unless `inline_value` (`--opt=VALUE`). */
static void check_spelling(const scout_cli_option *o, scout_command command, const char *spelling,
                           const char *value, bool inline_value)
{
	char *argv[] = {"mypyc-scout", (char *)scout_cli_command_name(command), (char *)spelling,
	                inline_value ? NULL : (char *)value, NULL};
	scout_cli cli, plain;

	CHECK_INT(scout_cli_parse(&plain, 2, argv), 0);
	CHECK_INT(scout_cli_parse(&cli, argv[3] ? 4 : 3, argv), 0);
	if (o->kind == SCOUT_CLI_HELP)
		CHECK(cli.command == SCOUT_CMD_HELP && cli.topic == command);
	else if (o->kind == SCOUT_CLI_VERSION)
		CHECK_INT(cli.command, SCOUT_CMD_VERSION);
	else {
		CHECK_INT(cli.command, command);
		check_effect(&cli, &plain, o, value);
	}
	scout_cli_free(&cli);
	scout_cli_free(&plain);
}

static void check_taken(const scout_cli_option *o, scout_command command)
{
	const char *value = o->kind == SCOUT_CLI_NUMBER ? "3" : "VALUE";
	char inline_form[64], short_form[3] = {'-', o->short_name, '\0'};

	if (!o->metavar)
		value = NULL;
	check_spelling(o, command, o->name, value, false);
	if (o->short_name)
		check_spelling(o, command, short_form, value, false);
	if (o->metavar) {
		snprintf(inline_form, sizeof(inline_form), "%s=%s", o->name, value);
		check_spelling(o, command, inline_form, value, true);
	}
}

static unsigned commands_taking(const char *name)
{
	unsigned mask = 0;

	for (size_t i = 0; i < nrows; i++)
		if (strcmp(table[i].name, name) == 0)
			mask |= table[i].commands;
	return mask;
}

static void check_refused(const scout_cli_option *o, scout_command command)
{
	char *argv[] = {"mypyc-scout", (char *)scout_cli_command_name(command), (char *)o->name,
	                "3", NULL};
	scout_cli cli;

	CHECK_INT(scout_cli_parse(&cli, o->metavar ? 4 : 3, argv), SCOUT_EUSAGE);
	CHECK(strstr(scout_error_last(), o->name) != NULL);
	CHECK(strstr(scout_error_last(), scout_cli_command_name(command)) != NULL);
	scout_cli_free(&cli);
}

/* Rows sharing a name differ only in wording and commands, so the parser's
 * first match stands for all of them; distinct options own distinct fields. */
static void check_rows_agree(size_t i)
{
	const scout_cli_option *a = &table[i];

	CHECK(a->help && a->help[0] && a->commands && !(a->commands & ~SCOUT_CLI_EVERY));
	for (size_t j = 0; j < i; j++) {
		const scout_cli_option *b = &table[j];

		if (strcmp(a->name, b->name) == 0)
			CHECK(a->short_name == b->short_name && a->kind == b->kind &&
			      a->offset == b->offset && !(a->commands & b->commands) &&
			      !a->metavar == !b->metavar);
		else if (field_size(a->kind))
			CHECK(!field_size(b->kind) || a->offset != b->offset);
	}
}

/* Whether `help` names the option `name` (not merely a longer option it
 * begins, as --mypyc begins --mypyc-version). */
static bool mentions(const char *help, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(help, name); p; p = strstr(p + 1, name))
		if (p[n] != '-' && !(p[n] >= 'a' && p[n] <= 'z'))
			return true;
	return false;
}

static void check_rows(void)
{
	char *help[NCOMMANDS];

	for (size_t c = 0; c < NCOMMANDS; c++)
		help[c] = help_of(commands[c]);
	for (size_t i = 0; i < nrows; i++) {
		const scout_cli_option *o = &table[i];

		check_rows_agree(i);
		for (size_t c = 0; c < NCOMMANDS; c++) {
			bool takes = o->commands & SCOUT_CLI_FOR(commands[c]);

			if (takes)
				check_taken(o, commands[c]);
			else if (!(commands_taking(o->name) & SCOUT_CLI_FOR(commands[c])))
				check_refused(o, commands[c]);
			CHECK(!takes || strstr(help[c], o->help) != NULL);
			if (!(commands_taking(o->name) & SCOUT_CLI_FOR(commands[c])))
				CHECK(!mentions(help[c], o->name));
		}
	}
	for (size_t c = 0; c < NCOMMANDS; c++)
		free(help[c]);
}

static int parse(scout_cli *cli, char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	return scout_cli_parse(cli, argc, argv);
}

static void check_errors(void)
{
	char *bogus[] = {"mypyc-scout", "scan", "--bogus", NULL};
	char *flag_value[] = {"mypyc-scout", "scan", "--no-cache=1", NULL};
	char *no_value[] = {"mypyc-scout", "scan", "--format", NULL};
	char *short_no_value[] = {"mypyc-scout", "scan", "-j", NULL};
	char *before[] = {"mypyc-scout", "--timestamp", "scan", NULL};
	char *no_command[] = {"mypyc-scout", "--jobs", "2", NULL};
	scout_cli cli;

	CHECK_INT(parse(&cli, bogus), SCOUT_EUSAGE);
	CHECK_STR(scout_error_last(), "unknown option '--bogus' (try 'mypyc-scout --help')");
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, flag_value), SCOUT_EUSAGE);
	CHECK_STR(scout_error_last(), "option --no-cache takes no value");
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, no_value), SCOUT_EUSAGE);
	CHECK_STR(scout_error_last(), "option --format needs a value");
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, short_no_value), SCOUT_EUSAGE);
	CHECK_STR(scout_error_last(), "option -j needs a value");
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, before), SCOUT_EUSAGE);
	CHECK_STR(scout_error_last(),
	          "option --timestamp is for audit, not scan (try 'mypyc-scout scan --help')");
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, no_command), SCOUT_EUSAGE);
	scout_cli_free(&cli);
}

static void check_help_topics(void)
{
	char *help_scan[] = {"mypyc-scout", "help", "scan", NULL};
	char *help_first[] = {"mypyc-scout", "--help", "scan", NULL};
	char *stops[] = {"mypyc-scout", "audit", "-h", "--bogus", NULL};
	char *help_unknown[] = {"mypyc-scout", "help", "frobnicate", NULL};
	scout_cli cli;

	CHECK_INT(parse(&cli, help_scan), 0);
	CHECK(cli.command == SCOUT_CMD_HELP && cli.topic == SCOUT_CMD_SCAN);
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, help_first), 0); /* the command after --help: its help */
	CHECK(cli.command == SCOUT_CMD_HELP && cli.topic == SCOUT_CMD_SCAN);
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, stops), 0);
	CHECK(cli.command == SCOUT_CMD_HELP && cli.topic == SCOUT_CMD_AUDIT);
	scout_cli_free(&cli);
	CHECK_INT(parse(&cli, help_unknown), SCOUT_EUSAGE);
	scout_cli_free(&cli);
}

static void check_repeatable(void)
{
	char *argv[] = {"mypyc-scout", "--exclude", "a",  "scan", "--exclude=b",
	                "p",           "--",        "-q", NULL};
	scout_cli cli;

	CHECK_INT(parse(&cli, argv), 0);
	CHECK_INT(cli.excludes.count, 2);
	CHECK(cli.excludes.count == 2 && strcmp(cli.excludes.items[0], "a") == 0 &&
	      strcmp(cli.excludes.items[1], "b") == 0);
	CHECK(cli.paths.count == 2 && strcmp(cli.paths.items[1], "-q") == 0);
	scout_cli_free(&cli);
}

int main(void)
{
	scout_cli_options(&table, &nrows);
	CHECK(nrows > 0);
	check_rows();
	check_errors();
	check_help_topics();
	check_repeatable();
	return check_report("test_cli");
}
