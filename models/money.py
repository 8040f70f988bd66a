"""Money in integer minor units (kopecks): conversions to and from Decimal."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MINOR_PER_UNIT = 100


def to_minor(amount: Decimal | int | str | float | None) -> int | None:
    """``Decimal('1250.5') -> 125050``, ``"250 000 ₽" -> 25000000``; None stays None.

    Text is read by the one amount parser (``models.values.amounts.parse_typed_amount``):
    spaces group thousands, a comma or a point is the decimal mark, currency marks are
    allowed. Raises ValueError (``AmountUnreadable``/``AmountAmbiguous``, saying why) on junk
    and on ``250.000``, which reads two ways.
    """
    if amount is None or amount == "":
        return None
    if isinstance(amount, str):
        from .values.amounts import parse_typed_amount

        parsed = parse_typed_amount(amount)
        if parsed is None:
            return None
        value = parsed
    else:
        try:
            value = Decimal(str(amount))
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    return int((value * MINOR_PER_UNIT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int | None) -> Decimal | None:
    if minor is None:
        return None
    return (Decimal(minor) / MINOR_PER_UNIT).quantize(Decimal("0.01"))
