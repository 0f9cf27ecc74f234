/* Must compile and link: the control for the probes beside it (the front
 * layer's own headers and calls). */
#include "scout/walk.h"

int main(void)
{
	return scout_syntax_symbols() == NULL;
}
