/* The library calls the setup.py reader knows: os.path, os.listdir,
 * os.walk, glob, sorted/list/tuple/len, str and list methods. The
 * environment and the command line are never known. */
#include <stdlib.h>
#include <string.h>

#include "setup_eval_internal.h"

pv pv_arg(pv_eval *ev, pv_scope *sc, TSNode call, uint32_t index, const char *kw, bool *found)
{
	TSNode args = scout_node_field(call, ev->s->f_arguments);
	uint32_t count = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args), pos = 0;

	*found = false;
	if (!ts_node_is_null(args) && ts_node_symbol(args) == ev->s->generator_expression) {
		*found = index == 0; /* f(x for x in y): the generator is the one argument */
		return index == 0 ? pv_expr(ev, sc, args) : pv_none();
	}
	for (uint32_t i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i);

		if (ts_node_symbol(a) == ev->s->comment)
			continue;
		if (ts_node_symbol(a) == ev->s->keyword_argument) {
			TSNode k = scout_node_field(a, ev->s->f_name);

			if (kw && scout_node_text_is(k, ev->src, kw)) {
				*found = true;
				return pv_expr(ev, sc, scout_node_field(a, ev->s->f_value));
			}
			continue;
		}
		if (ts_node_symbol(a) == ev->s->list_splat ||
		    ts_node_symbol(a) == ev->s->dictionary_splat) {
			*found = true;
			return pv_unknown(ev, a, "arguments unpacked with * or **");
		}
		if (pos++ == index) {
			*found = true;
			return pv_expr(ev, sc, a);
		}
	}
	return pv_none();
}

/* The positional arguments from `from` that are strings; false with *bad
 * set to the first that is not. */
static bool string_args(pv_eval *ev, pv_scope *sc, TSNode call, uint32_t from, const char **out,
                        uint32_t max, uint32_t *n, pv *bad)
{
	bool found = true;

	*n = 0;
	for (uint32_t i = from; found && *n < max; i++) {
		pv v = pv_arg(ev, sc, call, i, NULL, &found);

		if (!found)
			break;
		if (v.kind != PV_STR) {
			*bad = v.kind == PV_UNKNOWN ? v : pv_unknown(ev, call, "a non-string path");
			return false;
		}
		out[(*n)++] = v.s;
	}
	return true;
}

static pv outside(pv_eval *ev, TSNode call, const char *path)
{
	return pv_unknown(ev, call, "the path %s is outside the checkout", path);
}

/* os.path.* on strings. */
static bool os_path(pv_eval *ev, pv_scope *sc, const char *fn, TSNode call, pv *out)
{
	const char *a[16], *r;
	uint32_t n;
	pv bad;

	size_t total = 0;

	if (!string_args(ev, sc, call, 0, a, 16, &n, &bad)) {
		*out = bad;
		return true;
	}
	for (uint32_t i = 0; i < n; i++)
		total += strlen(a[i]);
	if (total > PV_MAX_STRING) {
		*out = pv_unknown(ev, call, "a path too long to follow");
		return true;
	}
	if (strcmp(fn, "join") == 0 && n >= 1) {
		r = a[0];
		for (uint32_t i = 1; i < n; i++)
			r = pv_path_join(ev, r, a[i]);
		*out = pv_str(r);
	} else if (strcmp(fn, "dirname") == 0 && n == 1) {
		*out = pv_str(pv_path_dirname(ev, a[0]));
	} else if (strcmp(fn, "basename") == 0 && n == 1) {
		*out = pv_str(pv_path_basename(ev, a[0]));
	} else if ((strcmp(fn, "abspath") == 0 || strcmp(fn, "realpath") == 0) && n == 1) {
		r = pv_path_abs(ev, a[0]);
		*out = r ? pv_str(r) : outside(ev, call, a[0]);
	} else if (strcmp(fn, "normpath") == 0 && n == 1) {
		r = a[0][0] == '\x01' ? pv_path_norm(ev, a[0]) : NULL;
		*out = r ? pv_str(r) : a[0][0] == '\x01' ? outside(ev, call, a[0]) : pv_str(a[0]);
	} else if (strcmp(fn, "relpath") == 0 && (n == 1 || n == 2)) {
		r = pv_path_relpath(ev, a[0], n == 2 ? a[1] : ".");
		*out = r ? pv_str(r) : outside(ev, call, a[0]);
	} else if ((strcmp(fn, "isdir") == 0 || strcmp(fn, "isfile") == 0 ||
	            strcmp(fn, "exists") == 0) &&
	           n == 1) {
		int k = pv_path_kind(ev, a[0]);

		*out = pv_bool(fn[2] == 'd' ? k == 1 : fn[2] == 'f' ? k == 2 : k != 0);
	} else {
		return false;
	}
	return true;
}

static pv first_string(pv_eval *ev, pv_scope *sc, TSNode call, const char *what)
{
	bool found;
	pv v = pv_arg(ev, sc, call, 0, NULL, &found);

	if (v.kind == PV_STR || v.kind == PV_UNKNOWN)
		return v;
	return pv_unknown(ev, call, "%s of a non-string", what);
}

static int by_str(const void *a, const void *b)
{
	const pv *x = a, *y = b;

	return strcmp(x->s, y->s);
}

/* sorted(), list(), tuple() of a list; unknown items stay. */
static pv copy_list(pv_eval *ev, pv_scope *sc, TSNode call, bool tuple, bool sort)
{
	bool found;
	pv v = pv_arg(ev, sc, call, 0, NULL, &found), out;
	size_t strings = 0;

	if (!found)
		return pv_new_list(ev, tuple);
	if (v.kind != PV_LIST)
		return v.kind == PV_UNKNOWN ? v : pv_unknown(ev, call, "a copy of a non-list");
	out = pv_new_list(ev, tuple);
	for (size_t i = 0; i < v.list->n; i++) {
		pv_list_push(ev, out, v.list->items[i]);
		strings += v.list->items[i].kind == PV_STR;
	}
	if (sort && strings == out.list->n && out.list->n)
		qsort(out.list->items, out.list->n, sizeof(pv), by_str);
	return out;
}

bool pv_builtin(pv_eval *ev, pv_scope *sc, const char *name, TSNode call, pv *out)
{
	bool found;

	if (strncmp(name, "os.path.", 8) == 0 && os_path(ev, sc, name + 8, call, out))
		return true;
	if (strcmp(name, "os.getcwd") == 0) {
		*out = pv_str(ev->cwd);
	} else if (strcmp(name, "os.listdir") == 0) {
		pv d = pv_arg(ev, sc, call, 0, NULL, &found);

		*out = !found                 ? pv_path_listdir(ev, call, ".")
		       : d.kind == PV_STR     ? pv_path_listdir(ev, call, d.s)
		       : d.kind == PV_UNKNOWN ? d
		                              : pv_unknown(ev, call, "os.listdir of a non-string");
	} else if (strcmp(name, "os.walk") == 0) {
		pv d = first_string(ev, sc, call, "os.walk");

		*out = d.kind == PV_STR ? pv_path_walk(ev, call, d.s) : d;
	} else if (strcmp(name, "glob.glob") == 0 || strcmp(name, "glob.iglob") == 0) {
		pv p = first_string(ev, sc, call, "glob"),
		   r = pv_arg(ev, sc, call, 1, "recursive", &found);

		if (p.kind == PV_STR && found && pv_truth(r) < 0)
			*out = r.kind == PV_UNKNOWN ? r : pv_unknown(ev, call, "glob's recursive=");
		else
			*out = p.kind == PV_STR
			           ? pv_path_glob(ev, call, p.s, found && pv_truth(r) == 1)
			           : p;
	} else if (strcmp(name, "sorted") == 0 || strcmp(name, "list") == 0 ||
	           strcmp(name, "tuple") == 0) {
		*out = copy_list(ev, sc, call, name[0] == 't', name[0] == 's');
	} else if (strcmp(name, "len") == 0) {
		pv v = pv_arg(ev, sc, call, 0, NULL, &found);

		*out = v.kind == PV_LIST  ? pv_int((long long)v.list->n)
		       : v.kind == PV_STR ? pv_int((long long)strlen(v.s))
		       : v.kind == PV_UNKNOWN
		           ? v
		           : pv_unknown(ev, call, "len of a value it does not know");
	} else if (strcmp(name, "os.getenv") == 0 || strcmp(name, "os.environ.get") == 0) {
		pv k = pv_arg(ev, sc, call, 0, NULL, &found);

		*out = pv_unknown(ev, call, "it reads the environment variable %s",
		                  k.kind == PV_STR ? k.s : "?");
	} else {
		return false;
	}
	return true;
}

/* s.startswith/endswith(str or tuple of str) */
static pv affix(pv_eval *ev, pv_scope *sc, pv self, bool start, TSNode call)
{
	bool found;
	pv a = pv_arg(ev, sc, call, 0, NULL, &found);
	size_t n = strlen(self.s);

	if (a.kind == PV_STR) {
		size_t k = strlen(a.s);

		return pv_bool(k <= n && memcmp(start ? self.s : self.s + n - k, a.s, k) == 0);
	}
	if (a.kind == PV_LIST && a.tuple) {
		for (size_t i = 0; i < a.list->n; i++) {
			pv item = a.list->items[i];
			size_t k;

			if (item.kind != PV_STR)
				return pv_unknown(ev, call, "a prefix that is not a string");
			k = strlen(item.s);
			if (k <= n && memcmp(start ? self.s : self.s + n - k, item.s, k) == 0)
				return pv_bool(true);
		}
		return pv_bool(false);
	}
	return a.kind == PV_UNKNOWN ? a : pv_unknown(ev, call, "a prefix that is not a string");
}

static bool list_method(pv_eval *ev, pv_scope *sc, pv self, const char *m, TSNode call, pv *out)
{
	bool found;
	pv a = pv_arg(ev, sc, call, 0, NULL, &found);

	*out = pv_none();
	if (strcmp(m, "append") == 0) {
		pv_list_push(ev, self, a);
	} else if (strcmp(m, "extend") == 0) {
		pv_list_extend(ev, self, a, call, "extend by a non-list");
	} else if (strcmp(m, "sort") == 0 || strcmp(m, "reverse") == 0) {
		/* the order of the set does not matter */
	} else if (strcmp(m, "remove") == 0) {
		for (size_t i = 0; i < self.list->n; i++)
			if (pv_equal(self.list->items[i], a)) {
				memmove(self.list->items + i, self.list->items + i + 1,
				        (self.list->n - i - 1) * sizeof(pv));
				self.list->n--;
				if (ev->dropped.kind == PV_LIST)
					pv_list_push(ev, ev->dropped, a);
				break;
			}
		if (a.kind == PV_UNKNOWN)
			pv_list_push(ev, self, a);
	} else if (strcmp(m, "insert") == 0) {
		pv_list_push(ev, self, pv_arg(ev, sc, call, 1, NULL, &found));
	} else {
		return false;
	}
	return true;
}

bool pv_method(pv_eval *ev, pv_scope *sc, pv self, const char *m, TSNode call, pv *out)
{
	bool found;

	if (self.kind == PV_LIST && !self.tuple)
		return list_method(ev, sc, self, m, call, out);
	if (self.kind != PV_STR)
		return false;
	if (strcmp(m, "startswith") == 0 || strcmp(m, "endswith") == 0) {
		*out = affix(ev, sc, self, m[0] == 's', call);
		return true;
	}
	if (strcmp(m, "join") == 0) {
		pv items = pv_arg(ev, sc, call, 0, NULL, &found);
		scout_buf b = {0};

		if (items.kind != PV_LIST) {
			*out = items.kind == PV_UNKNOWN
			           ? items
			           : pv_unknown(ev, call, "join of a non-list");
			return true;
		}
		for (size_t i = 0; i < items.list->n; i++) {
			if (items.list->items[i].kind != PV_STR) {
				scout_buf_free(&b);
				*out = pv_unknown(ev, call, "join of a non-string");
				return true;
			}
			scout_buf_printf(&b, "%s%s", i ? self.s : "", items.list->items[i].s);
			if (b.len > PV_MAX_STRING) {
				scout_buf_free(&b);
				*out = pv_unknown(ev, call, "a string too long to follow");
				return true;
			}
		}
		*out = pv_str(pv_strdup(ev, b.data ? b.data : "", b.len));
		scout_buf_free(&b);
		return true;
	}
	return false;
}
