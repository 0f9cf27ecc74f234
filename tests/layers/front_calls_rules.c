/* Must not link: a program on the front layer alone cannot call the rules
 * (the declaration is written out here, as a wrong-way call would be). */
#include <stddef.h>

struct scout_rule;
const struct scout_rule *const *scout_rules_all(size_t *count);

int main(void)
{
	size_t n;

	return scout_rules_all(&n) != NULL;
}
