/* Did-you-mean (scout/suggest.h): typos find their word, strangers find none. */
#include <string.h>

#include "check.h"
#include "scout/suggest.h"

#define SUGGEST(word) scout_suggest((word), strlen(word), words, sizeof(words) / sizeof(*words))

static void check_suggest(void)
{
	static const char *const words[] = {"builtin-base", "blocker",        "behaviour",
	                                    "--exclude",    "--min-coverage", "scan"};
	const char *s;

	CHECK((s = SUGGEST("builtin-bse")) && strcmp(s, "builtin-base") == 0);
	CHECK((s = SUGGEST("blokcer")) && strcmp(s, "blocker") == 0); /* a swap is one edit */
	CHECK((s = SUGGEST("Behavior")) && strcmp(s, "behaviour") == 0);
	CHECK((s = SUGGEST("--exlcude")) && strcmp(s, "--exclude") == 0);
	CHECK((s = SUGGEST("--min")) && strcmp(s, "--min-coverage") == 0);
	CHECK((s = SUGGEST("sacn")) && strcmp(s, "scan") == 0);
	CHECK(SUGGEST("frobnicate") == NULL);
	CHECK(SUGGEST("x") == NULL);
	CHECK(scout_suggest("scan", 4, NULL, 0) == NULL);
}

int main(void)
{
	check_suggest();
	return check_report("test_suggest");
}
