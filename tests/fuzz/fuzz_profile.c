/* libFuzzer harness for the profile readers: any bytes give a profile or an
 * error, never a crash, a leak or undefined behaviour. Seeds: fixtures/profiles/.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
 *     -D_DEFAULT_SOURCE -I analyzer/include -I /usr/include/cjson \
 *     tests/fuzz/fuzz_profile.c analyzer/profile*.c analyzer/common.c -lcjson -lm \
 *     -o fuzz_profile
 *   ./fuzz_profile -max_total_time=60 corpus/ fixtures/profiles/ */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "scout/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scout_profile p;

	if (scout_profile_parse(&p, (const char *)data, size) == 0) {
		for (size_t i = 1; i < p.len; i++)
			if (strcmp(p.entries[i - 1].file, p.entries[i].file) >= 0)
				__builtin_trap(); /* entries must be sorted and distinct */
	} else if (p.len != 0 || p.entries != NULL) {
		__builtin_trap(); /* an error leaves the profile empty */
	}
	scout_profile_free(&p);
	return 0;
}
