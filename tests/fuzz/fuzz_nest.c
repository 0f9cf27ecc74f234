/* Structure-aware fuzz entry point for deep nesting: each input byte opens
 * constructs (its low 4 bits pick which, its high 4 bits how many: 1 to 481),
 * so a few bytes build a module thousands of levels deep: brackets, calls,
 * subscripts, lambdas, comprehensions, f-strings, conditional expressions,
 * attribute chains, unary operators and await, and class, def, if and with
 * blocks; kind 15 ends the expression, or closes blocks. The module then goes
 * through scout_fuzz_module, so every crash on nesting that byte-level
 * mutation is unlikely to reach (issue 17, item 1) is a crash here. The
 * generated source is capped at NEST_MAX_BYTES (256 KiB: a thousand nested
 * blocks; the analyzer refuses far less deep). */
#include <string.h>

#include "scout/common.h"
#include "tests/fuzz/fuzz.h"

#define NEST_MAX_BYTES ((size_t)256 << 10)

typedef struct nest {
	scout_buf out;
	scout_buf closers; /* what closes the open expression, innermost last */
	size_t indent;     /* block depth */
	bool in_expr;      /* inside an assignment's expression */
} nest;

/* Opens an expression construct: `open` now, `close` when the statement ends
 * (pushed as a whole, innermost last). */
typedef struct expr_kind {
	const char *open, *close;
} expr_kind;

static const expr_kind expr_kinds[] = {
    {"(", ")"},           {"[", "]"},       {"{1: ", "}"},         {"f(", ")"},
    {"x[", "]"},          {"lambda: ", ""}, {"[y for y in ", "]"}, {"f\"{", "}\""},
    {"a if b else ", ""}, {"x.a.b + ", ""}, {"-~await ", ""},
};

static const char *const block_kinds[] = {
    "class C(B):", "def f(a, *, b=1):", "if x:", "with a as b:"};

#define NEXPR  (sizeof(expr_kinds) / sizeof(*expr_kinds))
#define NBLOCK (sizeof(block_kinds) / sizeof(*block_kinds))

static void newline(nest *n)
{
	scout_buf_putc(&n->out, '\n');
	for (size_t i = 0; i < n->indent; i++)
		scout_buf_putc(&n->out, ' ');
}

/* Ends the open expression: its closers, innermost first. */
static void end_expr(nest *n)
{
	if (!n->in_expr)
		return;
	scout_buf_puts(&n->out, "0");
	for (size_t i = n->closers.len; i-- > 0;)
		scout_buf_putc(&n->out, n->closers.data[i]);
	n->closers.len = 0;
	n->in_expr = false;
	newline(n);
}

static void open_expr(nest *n, const expr_kind *k)
{
	size_t len = strlen(k->close);

	if (!n->in_expr) {
		scout_buf_puts(&n->out, "v = ");
		n->in_expr = true;
	}
	scout_buf_puts(&n->out, k->open);
	/* closers are written back to front: push them reversed */
	for (size_t i = len; i-- > 0;)
		scout_buf_putc(&n->closers, k->close[i]);
}

static void open_block(nest *n, const char *header)
{
	end_expr(n);
	scout_buf_puts(&n->out, header);
	n->indent++;
	newline(n);
}

/* One byte: its kind (low 4 bits) `count` times; the kind past the
 * expression and block kinds ends the expression, or closes blocks. */
static void step(nest *n, uint8_t byte)
{
	unsigned kind = byte & 15, count = 1 + (byte >> 4) * 32u;

	for (unsigned i = 0; i < count && n->out.len < NEST_MAX_BYTES; i++) {
		if (kind < NEXPR)
			open_expr(n, &expr_kinds[kind]);
		else if (kind < NEXPR + NBLOCK)
			open_block(n, block_kinds[kind - NEXPR]);
		else if (n->in_expr)
			end_expr(n);
		else if (n->indent > 0) {
			scout_buf_puts(&n->out, "pass");
			n->indent--;
			newline(n);
		}
	}
}

int scout_fuzz_nest(const uint8_t *data, size_t size)
{
	nest n = {0};
	int error;

	for (size_t i = 0; i < size && n.out.len < NEST_MAX_BYTES; i++)
		step(&n, data[i]);
	end_expr(&n);
	scout_buf_puts(&n.out, "pass\n");
	error = scout_fuzz_module((const uint8_t *)n.out.data, n.out.len);
	scout_buf_free(&n.out);
	scout_buf_free(&n.closers);
	return error;
}
