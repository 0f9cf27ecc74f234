#!/usr/bin/env python3
"""Writes one pathological Python file: shapes.py SHAPE N OUT.

The shapes of issue 17 item 3, each N units long (an attribute, a lambda, a
class, a def, an assignment target, a continued line, a class attribute).
"""
import sys

SHAPES = {
    "attr_chain": lambda n: "import os\nx = os" + ".b" * n + "\n",
    "nested_lambda": lambda n: "f = " + "lambda: " * n + "0\n",
    "class_chain": lambda n: "".join(
        "class C%d(C%d): pass\n" % (i, i - 1) if i else "class C0: pass\n"
        for i in range(n)),
    "defs": lambda n: "".join("def f%d(x: int) -> int:\n    return x + %d\n" % (i, i)
                              for i in range(n)),
    "chained_assign": lambda n: "".join("a%d = " % i for i in range(n)) + "1\n",
    "continuations": lambda n: "x = 1" + " \\\n + 1" * n + "\n",
    "class_attrs": lambda n: "class A:\n" + "".join("    a%d: int = %d\n" % (i, i)
                                                    for i in range(n)),
    "assign_lines": lambda n: "x = 1\n" * n,
    # one if statement of n clauses, a def in each (issue 15: reachability
    # decided once per if statement, not once per clause)
    "elif_chain": lambda n: "x = 0\n" + "".join(
        "%s x == %d:\n    def f%d() -> int:\n        return %d\n"
        % ("elif" if i else "if", i, i, i) for i in range(n)) + "else:\n    pass\n",
}

if __name__ == "__main__":
    shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(out, "w") as f:
        f.write(SHAPES[shape](n))
