"""tomli: parse many TOML documents (its valid test data, its benchmark
document), 20 rounds.

usage: python3 tomli.py CHECKOUT
"""

import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_truth  # noqa: E402

ROUNDS = 20


def documents(checkout):
    paths = sorted(glob.glob(os.path.join(checkout, "tests", "data", "valid", "**", "*.toml"),
                             recursive=True))
    paths.append(os.path.join(checkout, "benchmark", "data.toml"))
    docs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            docs.append(f.read())
    return docs


def workload(checkout):
    import tomli

    docs = documents(checkout)
    for _ in range(ROUNDS):
        for d in docs:
            tomli.loads(d)


if __name__ == "__main__":
    profile_truth.run("tomli", sys.argv[1], ["src/tomli"], workload,
                      "tomli.loads on tests/data/valid/**/*.toml and benchmark/data.toml, "
                      "20 rounds", sys_path=["src"])
