/* Report paths for CI systems and terminals (paths.h). */
#include "paths.h"

#include <string.h>

#include "escape.h"

void scout_report_local_path(scout_buf *b, const scout_scan *scan, const char *path)
{
	const char *in = scan->cwd_in_root ? scan->cwd_in_root : "";

	if (!path)
		return;
	if (in[0] && scout_str_startswith(path, in)) {
		scout_escape_terminal(b, path + strlen(in));
		return;
	}
	scout_escape_terminal(b, scan->from_cwd ? scan->from_cwd : "");
	scout_escape_terminal(b, path);
}

char *scout_report_repo_path(const scout_scan *scan, const char *path)
{
	return scout_asprintf("%s%s", scan->repo_prefix ? scan->repo_prefix : "", path ? path : "");
}
