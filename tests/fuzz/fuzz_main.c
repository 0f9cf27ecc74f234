/* libFuzzer's entry for one harness: SCOUT_FUZZ_TARGET names the
 * scout_fuzz_<name> entry point it calls (set per executable by
 * tests/fuzz/CMakeLists.txt). */
#include "fuzz.h"

#ifndef SCOUT_FUZZ_TARGET
#error "define SCOUT_FUZZ_TARGET to a scout_fuzz_* entry point"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SCOUT_FUZZ_TARGET(data, size);
	return 0;
}
