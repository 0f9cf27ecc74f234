/* Bracket depth before parsing (scout/nesting.h): CPython's limit, brackets
 * in strings and comments not counted, TOML's literal strings. */
#include "scout/nesting.h"

#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"

static char *repeat(const char *head, const char *unit, int n, const char *tail)
{
	size_t len = strlen(head) + strlen(unit) * (size_t)n + strlen(tail) + 1;
	char *s = malloc(len);

	strcpy(s, head);
	for (int i = 0; i < n; i++)
		strcat(s, unit);
	strcat(s, tail);
	return s;
}

static bool exceeds(const char *src, scout_nesting_syntax syntax, uint32_t *line)
{
	return scout_nesting_exceeds(line, src, strlen(src), syntax, SCOUT_PYTHON_MAX_NESTING);
}

static void test_python_limit(void)
{
	char *ok = repeat("x = ", "(", 200, "1");
	char *deep = repeat("x = 1\ny = ", "[", 201, "");
	uint32_t line;

	CHECK(!exceeds(ok, SCOUT_NESTING_PYTHON, &line));
	CHECK_INT(line, 0);
	CHECK(exceeds(deep, SCOUT_NESTING_PYTHON, &line));
	CHECK_INT(line, 2);
	free(ok);
	free(deep);
}

static void test_closing_brackets_count_down(void)
{
	char *s = repeat("", "()[]{}", 1000, "");
	uint32_t line;

	CHECK(!exceeds(s, SCOUT_NESTING_PYTHON, &line));
	CHECK(!exceeds(")))]]]}}}", SCOUT_NESTING_PYTHON, &line));
	free(s);
}

static void test_strings_and_comments(void)
{
	char *in_string = repeat("s = '", "(", 300, "'\n");
	char *in_triple = repeat("s = \"\"\"\n", "(", 300, "\n\"\"\"\n");
	char *in_comment = repeat("x = 1  # ", "[", 300, "\ny = 2\n");
	char *escaped = repeat("s = 'it\\'s ", "(", 300, "'\n");
	char *unterminated = repeat("s = 'open\nx = ", "(", 201, "");
	uint32_t line;

	CHECK(!exceeds(in_string, SCOUT_NESTING_PYTHON, &line));
	CHECK(!exceeds(in_triple, SCOUT_NESTING_PYTHON, &line));
	CHECK(!exceeds(in_comment, SCOUT_NESTING_PYTHON, &line));
	CHECK(!exceeds(escaped, SCOUT_NESTING_PYTHON, &line));
	CHECK(exceeds(unterminated, SCOUT_NESTING_PYTHON, &line)); /* a string ends at its line */
	CHECK_INT(line, 2);
	free(in_string);
	free(in_triple);
	free(in_comment);
	free(escaped);
	free(unterminated);
}

static void test_toml_literal_strings(void)
{
	/* In TOML 'C:\' is a whole literal string, so the brackets after it
	 * count; in Python the quote is escaped and the string runs to the end
	 * of the line. */
	char *toml = repeat("x = 1\na = 'C:\\' ", "[", 201, "");
	uint32_t line;

	CHECK(exceeds(toml, SCOUT_NESTING_TOML, &line));
	CHECK_INT(line, 2);
	CHECK(!exceeds(toml, SCOUT_NESTING_PYTHON, &line));
	free(toml);
}

int main(void)
{
	test_python_limit();
	test_closing_brackets_count_down();
	test_strings_and_comments();
	test_toml_literal_strings();
	return check_report("test_nesting");
}
