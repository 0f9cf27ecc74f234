"""sqlglot: parse, transpile and optimize many SQL statements, as its users
and its test suite do: every statement of tests/fixtures/identity.sql and
pretty.sql parsed and transpiled to six dialects (pretty for pretty.sql),
and the TPC-H and TPC-DS queries of tests/fixtures/optimizer optimized
against their schemas (tests/helpers.py) and generated.

usage: python3 sqlglot.py CHECKOUT
"""

import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_truth  # noqa: E402

DIALECTS = ["duckdb", "spark", "postgres", "bigquery", "snowflake", "tsql"]


def helpers(checkout):
    spec = importlib.util.spec_from_file_location(
        "sqlglot_test_helpers", os.path.join(checkout, "tests", "helpers.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def workload(checkout):
    import logging

    import sqlglot
    from sqlglot import optimizer

    logging.getLogger("sqlglot").setLevel(logging.ERROR)

    h = helpers(checkout)
    for name, pretty in (("identity.sql", False), ("pretty.sql", True)):
        for sql in h.load_sql_fixtures(name):
            for dialect in DIALECTS:
                try:
                    sqlglot.transpile(sql, write=dialect, pretty=pretty)
                except Exception:  # a few fixtures fail in some dialects
                    pass
    for name, schema in (("tpc-h/tpc-h.sql", h.TPCH_SCHEMA), ("tpc-ds/tpc-ds.sql", h.TPCDS_SCHEMA)):
        for _meta, sql, _expected in h.load_sql_fixture_pairs("optimizer/" + name):
            try:
                optimizer.optimize(sql, schema=schema).sql(pretty=True)
            except Exception:  # a few fixtures fail in some dialects
                pass


if __name__ == "__main__":
    profile_truth.run("sqlglot", sys.argv[1], ["sqlglot"], workload,
                      "transpile tests/fixtures/identity.sql and pretty.sql to duckdb, spark, "
                      "postgres, bigquery, snowflake, tsql; optimize + generate the TPC-H and "
                      "TPC-DS queries of tests/fixtures/optimizer with their schemas",
                      sys_path=["."])
