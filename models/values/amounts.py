"""Amounts as people write them: ``1,000``, ``150 000,00``, ``1 200 000 ₽``, ``12,500.00``.

The separators of a column are decided from the column as a whole (``detect_amount_format``),
so ``1,000`` in a column that also holds ``12,500.00`` is a thousand, and ``1,5`` in a column
with ``2 000,50`` is one and a half. A value that cannot be read with certainty (``12.500,0.1``,
text) raises ``AmountUnreadable``: never a guess.

Decisions:
* A lone separator followed by exactly three digits (``1,000``, ``1.000``) is a thousands
  separator unless the column shows that separator as the decimal point elsewhere.
* Spaces of any kind (normal, non-breaking, thin) and ``'`` only ever group thousands.
* Currency marks (``₽``, ``руб.``, ``р.``, ``$``, ``€``, ``USD`` …) before or after the number
  are read into ``ParsedAmount.currency``; words other than those make the value unreadable.
* Multipliers people type after the number (``тыс.``, ``т.р.``, ``млн``, ``k``, ``M``, ``mln`` …,
  with or without a space, before a currency mark: ``1,2 млн ₽``, ``250 тыс. руб.``, ``1.5k``)
  multiply a value a person types into a field (``parse_typed_amount``: the card, the forms,
  quick-create, the plans), who sees at once what was understood. With a multiplier a lone
  ``,`` or ``.`` is always the decimal point: nobody writes ``1,250 млн`` meaning 1 250 million,
  so ``1,250 млн`` is 1 250 000 and does not ask. ``т.р.``/``тр`` ("тысяч рублей") also says the
  currency is roubles.
* In a file (the import, the history import: ``parse_amount``/``parse_amount_full`` without
  ``multipliers=True``) a multiplied value stays unreadable and is reported by its cell: the
  shared samples' hand-kept sheet says so (``1,2 млн`` in an amount column is one of its five
  unreadable amounts, rows that were never paid), and an estimate written in words among
  figures is for the person importing to look at, not for the import to turn into money.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Currency marks (lower case) → ISO code.
CURRENCY_MARKS: dict[str, str] = {
    "₽": "RUB", "руб": "RUB", "руб.": "RUB", "р": "RUB", "р.": "RUB", "rub": "RUB", "rur": "RUB",
    "$": "USD", "usd": "USD", "us$": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "CNY", "cny": "CNY", "юань": "CNY",
    "₸": "KZT", "kzt": "KZT", "тг": "KZT", "тенге": "KZT",
    "byn": "BYN", "br": "BYN", "₴": "UAH", "uah": "UAH", "грн": "UAH", "chf": "CHF",
}
# Multipliers (lower case) → factor; ``т.р.`` also names the currency (MULTIPLIER_CURRENCY).
MULTIPLIERS: dict[str, int] = {
    "тыс.": 1_000, "тыс": 1_000, "т.р.": 1_000, "т.р": 1_000, "тр": 1_000, "тр.": 1_000,
    "k": 1_000, "к": 1_000, "тысяч": 1_000, "тысячи": 1_000, "тысяча": 1_000,
    "млн": 1_000_000, "млн.": 1_000_000, "m": 1_000_000, "mln": 1_000_000, "mn": 1_000_000,
    "мм": 1_000_000, "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "млрд": 1_000_000_000, "млрд.": 1_000_000_000, "bn": 1_000_000_000,
}
MULTIPLIER_CURRENCY: dict[str, str] = {"т.р.": "RUB", "т.р": "RUB", "тр": "RUB", "тр.": "RUB"}
SPACES = " \u00a0\u202f\u2009\u2007'’"
_MARK = "|".join(sorted((re.escape(m) for m in CURRENCY_MARKS), key=len, reverse=True))
_MULT = "|".join(sorted((re.escape(m) for m in MULTIPLIERS), key=len, reverse=True))
_SHAPE = re.compile(
    rf"^(?P<sign1>[-−–])?\s*(?:(?P<pre>{_MARK})\s*)?(?P<sign2>[-−–])?\s*(?P<num>\d[\d.,{SPACES}]*?)"
    rf"\s*(?:(?P<mult>{_MULT})\s*)?(?P<post>{_MARK})?$",
    re.IGNORECASE)
CENT = Decimal("0.01")


class AmountUnreadable(ValueError):
    """``text`` is not an amount that can be read with certainty; ``reason`` says why."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"{text!r} is not an amount: {reason}")
        self.text = text
        self.reason = reason


class AmountAmbiguous(AmountUnreadable):
    """A typed amount that reads two ways (``250.000``: 250 000 or 250); ``readings`` holds both."""

    def __init__(self, text: str, readings: tuple[Decimal, Decimal]):
        plain = [format(r.normalize(), "f") for r in readings]
        super().__init__(text, f"it could be {plain[0]} or {plain[1]}; write it as 250 000 or 250,00")
        self.readings = readings


@dataclass(frozen=True)
class AmountFormat:
    """How a column writes its numbers: the decimal point, the thousands separator, the currency.

    ``thousands`` is ``" "`` for any kind of space. ``currency`` is the ISO code of the marks the
    column's values carry (the most common), or None when they carry none.
    """

    decimal: str = "."
    thousands: str = ""
    currency: str | None = None

    def describe(self) -> str:
        """``1 234,56 ₽``-style sample of the format, for showing to a person."""
        group = {"": "", " ": " ", ",": ",", ".": "."}[self.thousands]
        mark = {"RUB": " ₽", "USD": " $", "EUR": " €"}.get(self.currency or "", f" {self.currency}" if self.currency else "")
        return f"1{group}234{self.decimal}56{mark}"


@dataclass(frozen=True)
class ParsedAmount:
    value: Decimal
    currency: str | None


@dataclass(frozen=True)
class _Parts:
    num: str  # digits and separators
    currency: str | None
    negative: bool
    factor: int  # 1 without a multiplier


def _parts(text: str, multipliers: bool = True) -> _Parts:
    """The bare number text, the currency mark's code, the sign and the multiplier (a multiplier
    is unreadable unless ``multipliers``)."""
    m = _SHAPE.match(text.strip())
    if not m:
        raise AmountUnreadable(text, "it holds words or signs other than a number, a multiplier "
                                     "(тыс., млн, k, M) and a currency" if multipliers else
                                     "it holds words or signs other than a number and a currency")
    mult = (m["mult"] or "").lower()
    if mult and not multipliers:
        raise AmountUnreadable(text, f"«{m['mult']}» is a multiplier: a file's amount is read as written, "
                                     "in whole figures")
    implied = MULTIPLIER_CURRENCY.get(mult)
    if m["pre"] and m["post"]:
        raise AmountUnreadable(text, "two currency marks")
    mark = (m["pre"] or m["post"] or "").lower()
    currency = CURRENCY_MARKS[mark] if mark else implied
    if implied and currency != implied:
        raise AmountUnreadable(text, "two currency marks")
    return _Parts(m["num"].strip(SPACES), currency, bool(m["sign1"] or m["sign2"]),
                  MULTIPLIERS[mult] if mult else 1)


def _multiplied_format(num: str) -> AmountFormat:
    """How to read the number before a multiplier: a lone ``,`` or ``.`` is the decimal point."""
    plain = "".join(ch for ch in num if ch not in SPACES)
    if plain.count(",") + plain.count(".") == 1:
        return AmountFormat(decimal="," if "," in plain else ".", thousands=" ")
    return detect_amount_format([num])


def _votes(num: str) -> tuple[str | None, str | None]:
    """What one number says about the column: (decimal point, thousands separator), None = unknown."""
    plain = num
    for s in SPACES:
        plain = plain.replace(s, "")
    spaced = plain != num
    commas, dots = plain.count(","), plain.count(".")
    if commas and dots:
        last = "," if plain.rfind(",") > plain.rfind(".") else "."
        return last, ("." if last == "," else ",")
    sep = "," if commas else "." if dots else None
    if sep is None:
        return None, " " if spaced else None
    count = commas or dots
    tail = len(plain) - plain.rfind(sep) - 1
    if count > 1:
        return None, sep
    if spaced:  # "150 000,00": the space groups, so the separator is the decimal point
        return sep, " "
    if tail == 3:
        return None, None  # "1,000": either
    return sep, None


def detect_amount_format(values: Iterable[object]) -> AmountFormat:
    """Decide the separators and currency of a column from all its (text) values.

    Numbers (int/float/Decimal) are skipped: they need no format. Unreadable values are
    skipped here and reported by ``parse_amount``.
    """
    decimals: Counter[str] = Counter()
    thousands: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    ambiguous: Counter[str] = Counter()
    for v in values:
        if not isinstance(v, str) or not v.strip():
            continue
        try:
            parts = _parts(v)
        except AmountUnreadable:
            continue
        num, currency = parts.num, parts.currency
        if currency:
            currencies[currency] += 1
        if parts.factor != 1:
            continue  # "1,2 млн": its separator is the decimal point whatever the column does
        dec, th = _votes(num)
        if dec:
            decimals[dec] += 1
        if th:
            thousands[th] += 1
        if dec is None and th is None and ("," in num or "." in num):
            ambiguous["," if "," in num else "."] += 1
    decimal = decimals.most_common(1)[0][0] if decimals else None
    group = thousands.most_common(1)[0][0] if thousands else None
    if decimal is None:
        # "1,000"-only columns: a thousands separator; the decimal point is the other sign
        if group in (",", "."):
            decimal = "." if group == "," else ","
        elif ambiguous:
            sep = ambiguous.most_common(1)[0][0]
            group = group or sep
            decimal = "." if sep == "," else ","
        else:
            decimal = "."
    if group is None:
        if ambiguous and max(ambiguous) != decimal:
            group = "," if decimal == "." else "."
        else:
            group = ""
    if group == decimal:
        group = ""
    return AmountFormat(decimal=decimal, thousands=group,
                        currency=currencies.most_common(1)[0][0] if currencies else None)


def _read_number(text: str, num: str, fmt: AmountFormat) -> Decimal:
    plain = num
    for s in SPACES:
        plain = plain.replace(s, " ")
    other = "," if fmt.decimal == "." else "."
    if " " in plain and fmt.thousands not in ("", " "):
        raise AmountUnreadable(text, "spaces inside the number, but the column groups thousands otherwise")
    parts = plain.split(fmt.decimal)
    if len(parts) > 2:
        raise AmountUnreadable(text, f"more than one decimal point {fmt.decimal!r}")
    whole = parts[0]
    frac = parts[1] if len(parts) == 2 else ""
    if frac and not frac.isdigit():
        raise AmountUnreadable(text, "separators after the decimal point")
    group_signs = [" "] + ([other] if fmt.thousands == other else [])
    if other in whole and other not in group_signs:
        raise AmountUnreadable(text, f"{other!r} where the column uses {fmt.decimal!r} as the decimal point")
    groups = re.split("[" + re.escape("".join(group_signs)) + "]", whole)
    if len(groups) > 1:
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
            raise AmountUnreadable(text, "digits are not grouped by three")
    digits = "".join(groups)
    if not digits.isdigit():
        raise AmountUnreadable(text, "not a number")
    try:
        return Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation as exc:  # pragma: no cover - digits only by now
        raise AmountUnreadable(text, "not a number") from exc


def parse_amount_full(value: object, fmt: AmountFormat | None = None, *,
                      multipliers: bool = False) -> ParsedAmount | None:
    """Read one value (text or number) into a Decimal and a currency code; empty → None.

    Without ``fmt`` the value's own shape decides (as ``detect_amount_format([value])``).
    ``multipliers``: ``1,2 млн`` is read (typed into a field) rather than unreadable (in a file).
    Raises ``AmountUnreadable``.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountUnreadable(str(value), "not a number")
    if isinstance(value, (int, Decimal)):
        return ParsedAmount(Decimal(value), None)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountUnreadable(str(value), "not a number")
        return ParsedAmount(Decimal(repr(value)), None)
    text = str(value).strip()
    if not text:
        return None
    parts = _parts(text, multipliers)
    if parts.factor != 1:
        amount = _read_number(text, parts.num, _multiplied_format(parts.num)) * parts.factor
    else:
        amount = _read_number(text, parts.num, fmt or detect_amount_format([text]))
    return ParsedAmount(-amount if parts.negative else amount, parts.currency)


def parse_amount(value: object, fmt: AmountFormat | None = None, *, multipliers: bool = False) -> Decimal | None:
    """``"1 200 000 ₽"`` → ``Decimal('1200000')``; empty → None; raises ``AmountUnreadable``."""
    parsed = parse_amount_full(value, fmt, multipliers=multipliers)
    return None if parsed is None else parsed.value


def amount_to_minor(value: Decimal) -> int:
    """Decimal units → integer minor units (kopecks), half up."""
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


_LONE_GROUP = re.compile(r"^\d{1,3}[.,]\d{3}$")


def parse_typed_amount(value: object) -> Decimal | None:
    """One amount a person typed into a field (card, form, quick-create, plans): like
    ``parse_amount``, but ``250.000`` or ``1,000`` alone, which read two ways, raise
    ``AmountAmbiguous`` instead of being taken as thousands — unless a ``$`` or ``£`` says
    the amount is written the English way (``$1,200`` is twelve hundred dollars)."""
    if isinstance(value, str) and value.strip():
        parts = _parts(value)
        num, currency = parts.num, parts.currency
        if parts.factor != 1:
            return parse_amount(value, multipliers=True)  # "1,250 млн": the separator is the decimal point
        if currency in ("USD", "GBP") and _LONE_GROUP.match(num):
            # "$1,200", "$1.20": a dollar or pound amount is written the English way
            return parse_amount(value, AmountFormat(decimal=".", thousands=","))
        if _LONE_GROUP.match(num):
            sep = "," if "," in num else "."
            whole = parse_amount(num, AmountFormat(decimal="." if sep == "," else ",", thousands=sep))
            small = parse_amount(num, AmountFormat(decimal=sep, thousands=""))
            raise AmountAmbiguous(value.strip(), (whole, small))
    return parse_amount(value)
