/* The man page and the shell completions, generated from cli.c's tables at
 * build time (docgen.c), so that none of them is written by hand. */
#include "scout/cli.h"

#include <stdlib.h>
#include <string.h>

#include "select.h"

/* --- man page ------------------------------------------------------------- */

/* Text for roff: backslashes doubled as \e, '-' as \-, a leading '.' or '\''
 * guarded; `bold` sets it in bold. */
static void roff(FILE *out, const char *text, bool bold)
{
	bool line_start = true;

	if (bold)
		fputs("\\fB", out);
	for (const char *p = text; *p; p++) {
		if (line_start && (*p == '.' || *p == '\''))
			fputs("\\&", out);
		if (*p == '\\')
			fputs("\\e", out);
		else if (*p == '-')
			fputs("\\-", out);
		else
			fputc(*p, out);
		line_start = *p == '\n';
	}
	if (bold)
		fputs("\\fR", out);
}

/* A paragraph of help text: its line breaks become blanks (roff fills). */
static void roff_para(FILE *out, const char *text)
{
	char *copy = scout_strdup(text);
	size_t n = strlen(copy);

	while (n && copy[n - 1] == '\n')
		copy[--n] = '\0';
	for (char *p = copy; *p; p++)
		if (*p == '\n')
			*p = ' ';
	roff(out, copy, false);
	fputc('\n', out);
	free(copy);
}

static void man_option(FILE *out, const scout_cli_option *o)
{
	fputs(".TP\n", out);
	if (o->short_name)
		fprintf(out, "\\fB\\-%c\\fR, ", o->short_name);
	roff(out, o->name, true);
	if (o->metavar)
		fprintf(out, " \\fI%s\\fR", o->metavar);
	fputc('\n', out);
	roff_para(out, o->help);
}

static void man_command(FILE *out, const scout_cli_command *c, const scout_cli_option *opts,
                        size_t nopts)
{
	fprintf(out, ".SS \"mypyc\\-scout %s [OPTIONS] ", c->name);
	roff(out, c->args, false);
	fputs("\"\n", out);
	roff_para(out, c->about);
	for (size_t i = 0; i < nopts; i++)
		if (opts[i].commands & SCOUT_CLI_FOR(c->id))
			man_option(out, &opts[i]);
	if (c->exits) {
		fputs(".PP\n", out);
		roff_para(out, c->exits);
	}
}

static const char *const environment[][2] = {
    {"NO_COLOR", "when set and not empty, the text report has no colour (https://no-color.org); "
                 "--color always still colours"},
    {"FORCE_COLOR", "when set and not empty (and NO_COLOR is not), the text report is coloured "
                    "even when it is not written to a terminal"},
    {"TERM", "dumb: no colour"},
    {"XDG_CACHE_HOME", "the result cache lives in $XDG_CACHE_HOME/mypyc-scout (else "
                       "~/.cache/mypyc-scout)"},
    {"GITHUB_STEP_SUMMARY", "scan appends a Markdown job summary to that file"},
};

int scout_cli_man_write(FILE *out)
{
	const scout_cli_option *opts;
	const scout_cli_command *cmds;
	size_t nopts, ncmds;

	scout_cli_options(&opts, &nopts);
	scout_cli_commands(&cmds, &ncmds);
	fprintf(out,
	        ".\\\" Generated from analyzer/app/cli.c by mypyc-scout-docgen: do not edit.\n"
	        ".TH MYPYC\\-SCOUT 1 \"\" \"mypyc\\-scout %s\" \"User Commands\"\n"
	        ".SH NAME\nmypyc\\-scout \\- which Python modules mypyc can compile\n"
	        ".SH SYNOPSIS\n",
	        SCOUT_VERSION);
	for (size_t i = 0; i < ncmds; i++) {
		fprintf(out, ".B mypyc\\-scout %s\n", cmds[i].name);
		fputs(cmds[i].about ? "[\\fIOPTIONS\\fR] " : "", out);
		roff(out, cmds[i].args, false);
		fputs("\n.br\n", out);
	}
	fputs(".B mypyc\\-scout\n\\-\\-version | \\-\\-help\n.SH DESCRIPTION\n", out);
	roff_para(out, cmds[0].about);
	fputs(".SH COMMANDS\n", out);
	for (size_t i = 0; i < ncmds; i++) {
		fprintf(out, ".TP\n\\fB%s\\fR\n", cmds[i].name);
		roff_para(out, cmds[i].brief);
	}
	fputs(".SH OPTIONS\n", out);
	for (size_t i = 0; i < ncmds; i++)
		if (cmds[i].about)
			man_command(out, &cmds[i], opts, nopts);
	fputs(".SH FILES\n.TP\n.I pyproject.toml\nThe [tool.mypyc\\-scout] table gives scan and "
	      "audit defaults for their options; flags win.\n.SH ENVIRONMENT\n",
	      out);
	for (size_t i = 0; i < sizeof(environment) / sizeof(*environment); i++) {
		fprintf(out, ".TP\n.B %s\n", environment[i][0]);
		roff_para(out, environment[i][1]);
	}
	fputs(".SH SEE ALSO\n\\fBmypyc\\fR(1), https://mypyc.readthedocs.io/\n", out);
	if (ferror(out)) {
		scout_error_set("could not write the man page");
		return SCOUT_EIO;
	}
	return 0;
}

/* --- completions ------------------------------------------------------- */

/* The options of command `id`, blank-separated, short forms too. */
static void option_words(FILE *out, const scout_cli_option *opts, size_t nopts, unsigned mask)
{
	const char *sep = "";

	for (size_t i = 0; i < nopts; i++) {
		if (!(opts[i].commands & mask))
			continue;
		if (opts[i].short_name) {
			fprintf(out, "%s-%c", sep, opts[i].short_name);
			sep = " ";
		}
		fprintf(out, "%s%s", sep, opts[i].name);
		sep = " ";
	}
}

static void rule_words(FILE *out)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	fputs("blocker non-native behaviour slow", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, " %s", rules[i]->id);
}

/* bash: `case $prev` arms for the values of command `mask`'s options. */
static void bash_values(FILE *out, const scout_cli_option *opts, size_t nopts, unsigned mask)
{
	for (size_t i = 0; i < nopts; i++) {
		const scout_cli_option *o = &opts[i];

		if (!(o->commands & mask) || !o->metavar)
			continue;
		fputs("\t\t", out);
		if (o->short_name)
			fprintf(out, "-%c|", o->short_name);
		if (o->choices)
			fprintf(out, "%s) COMPREPLY=($(compgen -W '%s' -- \"$cur\")); return ;;\n",
			        o->name, o->choices);
		else if (strcmp(o->metavar, "FILE") == 0)
			fprintf(out, "%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n",
			        o->name);
		else if (strcmp(o->metavar, "DIR") == 0)
			fprintf(out, "%s) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n",
			        o->name);
		else
			fprintf(out, "%s) return ;;\n", o->name);
	}
}

static void bash_write(FILE *out)
{
	const scout_cli_option *opts;
	const scout_cli_command *cmds;
	size_t nopts, ncmds;

	scout_cli_options(&opts, &nopts);
	scout_cli_commands(&cmds, &ncmds);
	fputs("# bash completion for mypyc-scout\n"
	      "# Generated from analyzer/app/cli.c by mypyc-scout-docgen: do not edit.\n"
	      "_mypyc_scout() {\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tcase ${COMP_WORDS[i]} in\n\t\t",
	      out);
	for (size_t i = 0; i < ncmds; i++)
		fprintf(out, "%s%s", i ? "|" : "", cmds[i].name);
	fputs(") cmd=${COMP_WORDS[i]}; break ;;\n\t\tesac\n\tdone\n\tcase $cmd in\n", out);
	for (size_t i = 0; i < ncmds; i++) {
		unsigned mask = SCOUT_CLI_FOR(cmds[i].id);

		if (!cmds[i].about)
			continue;
		fprintf(out, "\t%s)\n\t\tcase $prev in\n", cmds[i].name);
		bash_values(out, opts, nopts, mask);
		fputs("\t\tesac\n\t\tif [[ $cur == -* ]]; then\n\t\t\tCOMPREPLY=($(compgen -W '",
		      out);
		option_words(out, opts, nopts, mask);
		fputs("' -- \"$cur\"))\n\t\telse\n", out);
		if (cmds[i].id == SCOUT_CMD_RULES) {
			fputs("\t\t\tCOMPREPLY=($(compgen -W '", out);
			rule_words(out);
			fputs("' -- \"$cur\"))\n", out);
		} else {
			fputs("\t\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n", out);
		}
		fputs("\t\tfi ;;\n", out);
	}
	fputs("\t*)\n\t\tCOMPREPLY=($(compgen -W '", out);
	for (size_t i = 0; i < ncmds; i++)
		fprintf(out, "%s ", cmds[i].name);
	fputs("--help --version' -- \"$cur\")) ;;\n\tesac\n}\n"
	      "complete -o filenames -F _mypyc_scout mypyc-scout\n",
	      out);
}

/* A description for zsh: the help up to its first clause (a ';' or a '('; a
 * ':' stays, as in "text: print each finding's fix" or "`# mypyc-scout:
 * ignore`", and means nothing inside _arguments' brackets), inside '...'
 * with the characters _arguments gives a meaning replaced. */
static void zsh_text(FILE *out, const char *help)
{
	size_t n = strcspn(help, ";(");

	while (n && help[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < n; i++) {
		char c = help[i];

		if (c == '\'')
			fputs("'\\''", out);
		else if (c == '[' || c == ']')
			fputc(c == '[' ? '(' : ')', out);
		else if (c == '\\' || c == '`')
			continue;
		else
			fputc(c, out);
	}
}

static void zsh_option(FILE *out, const scout_cli_option *o)
{
	const char *eq = o->metavar ? "=" : "";

	fputs(o->kind == SCOUT_CLI_LIST ? "\t\t\t'*'" : "\t\t\t", out);
	if (o->short_name)
		fprintf(out, "'(-%c %s)'{-%c%s,%s%s}'[", o->short_name, o->name, o->short_name,
		        o->metavar ? "+" : "", o->name, eq);
	else
		fprintf(out, "'%s%s[", o->name, eq);
	zsh_text(out, o->help);
	fputc(']', out);
	if (o->metavar) {
		fprintf(out, ":%s:", o->metavar);
		if (o->choices)
			fprintf(out, "(%s)", o->choices);
		else if (strcmp(o->metavar, "FILE") == 0)
			fputs("_files", out);
		else if (strcmp(o->metavar, "DIR") == 0)
			fputs("_files -/", out);
		else
			fputs(" ", out);
	}
	fputs("' \\\n", out);
}

static void zsh_write(FILE *out)
{
	const scout_cli_option *opts;
	const scout_cli_command *cmds;
	size_t nopts, ncmds;

	scout_cli_options(&opts, &nopts);
	scout_cli_commands(&cmds, &ncmds);
	fputs("#compdef mypyc-scout\n"
	      "# Generated from analyzer/app/cli.c by mypyc-scout-docgen: do not edit.\n"
	      "_mypyc_scout() {\n"
	      "\tlocal curcontext=$curcontext state line\n"
	      "\tlocal -a commands=(\n",
	      out);
	for (size_t i = 0; i < ncmds; i++) {
		fprintf(out, "\t\t'%s:", cmds[i].name);
		zsh_text(out, cmds[i].brief);
		fputs("'\n", out);
	}
	fputs("\t)\n"
	      "\t_arguments -C '(- *)'{-h,--help}'[print the help]' '(- *)'{-V,--version}'[print "
	      "the version]' '1: :->command' '*:: :->args' && return\n"
	      "\tcase $state in\n"
	      "\tcommand) _describe -t commands command commands ;;\n"
	      "\targs)\n\t\tcase $line[1] in\n",
	      out);
	for (size_t i = 0; i < ncmds; i++) {
		unsigned mask = SCOUT_CLI_FOR(cmds[i].id);

		if (!cmds[i].about) {
			fprintf(out, "\t\t%s) _describe -t commands command commands ;;\n",
			        cmds[i].name);
			continue;
		}
		fprintf(out, "\t\t%s)\n\t\t\t_arguments \\\n", cmds[i].name);
		for (size_t j = 0; j < nopts; j++)
			if (opts[j].commands & mask)
				zsh_option(out, &opts[j]);
		if (cmds[i].id == SCOUT_CMD_RULES) {
			fputs("\t\t\t\"1:rule or category:(", out);
			rule_words(out);
			fputs(")\" ;;\n", out);
		} else {
			fputs("\t\t\t'*:path:_files' ;;\n", out);
		}
	}
	fputs("\t\tesac ;;\n\tesac\n}\n_mypyc_scout \"$@\"\n", out);
}

int scout_cli_completion_write(FILE *out, const char *shell)
{
	if (strcmp(shell, "bash") == 0)
		bash_write(out);
	else if (strcmp(shell, "zsh") == 0)
		zsh_write(out);
	else {
		scout_error_set("completions are for bash and zsh, not '%s'", shell);
		return SCOUT_EUSAGE;
	}
	if (ferror(out)) {
		scout_error_set("could not write the %s completion", shell);
		return SCOUT_EIO;
	}
	return 0;
}
