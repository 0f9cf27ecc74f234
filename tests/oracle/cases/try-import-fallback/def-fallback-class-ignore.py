try:
    from decimal import Decimal
except ImportError:
    def Decimal(value: str) -> float:  # type: ignore[no-redef]
        return float(value)
