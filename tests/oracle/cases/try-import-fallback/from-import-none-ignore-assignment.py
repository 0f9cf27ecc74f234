try:
    from decimal import Decimal
except ImportError:
    Decimal = None  # type: ignore[assignment]
