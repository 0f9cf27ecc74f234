/* Values, the arena they live in, and scopes of the setup.py reader. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "setup_eval_internal.h"

/* ---- arena and values --------------------------------------------------- */

void *pv_alloc(pv_eval *ev, size_t n)
{
	void *p = scout_calloc(1, n ? n : 1);

	SCOUT_PUSH(ev->arena, ev->narena, ev->arena_cap, p);
	return p;
}

const char *pv_strdup(pv_eval *ev, const char *s, size_t n)
{
	char *p = pv_alloc(ev, n + 1);

	memcpy(p, s, n);
	return p;
}

const char *pv_printf(pv_eval *ev, const char *fmt, ...)
{
	va_list ap;
	char *s;
	const char *out;

	va_start(ap, fmt);
	s = scout_vasprintf(fmt, ap);
	va_end(ap);
	out = pv_strdup(ev, s, strlen(s));
	free(s);
	return out;
}

pv pv_none(void)
{
	pv v = {0};

	v.kind = PV_NONE;
	return v;
}

pv pv_bool(bool b)
{
	pv v = {0};

	v.kind = PV_BOOL;
	v.b = b;
	return v;
}

pv pv_str(const char *s)
{
	pv v = {0};

	v.kind = PV_STR;
	v.s = s;
	return v;
}

pv pv_int(long long i)
{
	pv v = {0};

	v.kind = PV_INT;
	v.i = i;
	return v;
}

pv pv_new_list(pv_eval *ev, bool tuple)
{
	pv v = {0};

	v.kind = PV_LIST;
	v.tuple = tuple;
	v.list = pv_alloc(ev, sizeof(*v.list));
	return v;
}

void pv_list_push(pv_eval *ev, pv list, pv item)
{
	pv_list *l = list.list;

	ev->steps++;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		pv *items = pv_alloc(ev, cap * sizeof(pv));

		if (l->n)
			memcpy(items, l->items, l->n * sizeof(pv));
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = item;
}

void pv_list_extend(pv_eval *ev, pv list, pv v, TSNode at, const char *why)
{
	if (v.kind == PV_LIST)
		for (size_t i = 0; i < v.list->n; i++)
			pv_list_push(ev, list, v.list->items[i]);
	else
		pv_list_push(ev, list, v.kind == PV_UNKNOWN ? v : pv_unknown(ev, at, "%s", why));
}

pv pv_unknown(pv_eval *ev, TSNode at, const char *fmt, ...)
{
	va_list ap;
	char *s;
	pv v = {0};

	va_start(ap, fmt);
	s = scout_vasprintf(fmt, ap);
	va_end(ap);
	v.kind = PV_UNKNOWN;
	v.s = pv_strdup(ev, s, strlen(s));
	v.line = ts_node_is_null(at) ? 0 : ts_node_start_point(at).row + 1;
	free(s);
	return v;
}

int pv_truth(pv v)
{
	switch (v.kind) {
	case PV_NONE:
		return 0;
	case PV_BOOL:
		return v.b;
	case PV_INT:
		return v.i != 0;
	case PV_STR:
		return v.s[0] != '\0';
	case PV_LIST:
		return v.list->n != 0;
	case PV_FUNC:
	case PV_ALIAS:
		return 1;
	default:
		return -1;
	}
}

bool pv_equal(pv a, pv b)
{
	if (a.kind == PV_BOOL && b.kind == PV_INT)
		return a.b == b.i;
	if (a.kind == PV_INT && b.kind == PV_BOOL)
		return a.i == b.b;
	if (a.kind != b.kind)
		return false;
	switch (a.kind) {
	case PV_NONE:
		return true;
	case PV_BOOL:
		return a.b == b.b;
	case PV_INT:
		return a.i == b.i;
	case PV_STR:
		return strcmp(a.s, b.s) == 0;
	case PV_LIST:
		if (a.list->n != b.list->n || a.tuple != b.tuple)
			return false;
		for (size_t i = 0; i < a.list->n; i++)
			if (!pv_equal(a.list->items[i], b.list->items[i]))
				return false;
		return true;
	default:
		return false;
	}
}

const char *pv_text(pv_eval *ev, TSNode n)
{
	uint32_t len;
	const char *t = scout_node_text(n, ev->src, &len);

	return pv_strdup(ev, t, len);
}

/* ---- scopes --------------------------------------------------------------- */

pv *pv_lookup(pv_scope *sc, const char *name)
{
	for (; sc; sc = sc->parent)
		for (size_t i = sc->n; i-- > 0;)
			if (strcmp(sc->items[i].name, name) == 0)
				return &sc->items[i].value;
	return NULL;
}

void pv_bind(pv_eval *ev, pv_scope *sc, const char *name, pv v)
{
	pv_binding b;

	for (size_t i = 0; i < sc->n; i++)
		if (strcmp(sc->items[i].name, name) == 0) {
			sc->items[i].value = v;
			return;
		}
	b.name = pv_strdup(ev, name, strlen(name));
	b.value = v;
	SCOUT_PUSH(sc->items, sc->n, sc->cap, b);
}
