from pkg.stats import Totals


def parsed() -> None:
    Totals.calls += 1
