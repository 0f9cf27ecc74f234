try:
    from decimal import Decimal
except ImportError:
    def Decimal(value: str) -> float:
        return float(value)
