"""Money in integer minor units (kopecks): conversions to and from Decimal."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MINOR_PER_UNIT = 100


def to_minor(amount: Decimal | int | str | float | None) -> int | None:
    """``Decimal('1250.5') -> 125050``; None stays None. Raises ValueError on junk."""
    if amount is None or amount == "":
        return None
    try:
        value = Decimal(str(amount).replace(" ", "").replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    return int((value * MINOR_PER_UNIT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int | None) -> Decimal | None:
    if minor is None:
        return None
    return (Decimal(minor) / MINOR_PER_UNIT).quantize(Decimal("0.01"))
