/* A finished document out to the stream (output.h). */
#include "output.h"

int scout_output_write(FILE *out, scout_buf *b, const char *what)
{
	bool ok = b->len == 0 || fwrite(b->data, 1, b->len, out) == b->len;
	int error = SCOUT_OK;

	if (!ok || fflush(out) == EOF || ferror(out)) {
		scout_error_set("could not write %s", what);
		error = SCOUT_EIO;
	}
	scout_buf_free(b);
	return error;
}
