"""Salary text to min, max, currency and period, never inventing a number.

Reads the forms postings use: "$53K-$91K (Glassdoor est.)", "$150,000 - $180,000 a year",
"€60k", "£45-55k", "$45 - $60 an hour", "$25/hr", "USD 120k–150k", "120.000 - 140.000 EUR",
"CHF 120'000", "₹12,00,000", "up to $200k", "from £40,000". Text with no amount that
reads as pay ("-1", "Not disclosed", "Competitive", "401k match") gives None.

What is assumed, and only this:
- a bare "$" is US dollars (the convention of US job boards); any ISO code in the text
  ("C$", "$120k CAD") overrides it;
- a range whose multiplier is written once ("£45-55k") applies it to both ends when that
  keeps the two ends within a factor of ten of each other;
- with no period in the text, amounts of 10,000 or more are yearly; smaller amounts keep
  no period, since they may be hourly, daily or monthly;
- `annualised()` uses 2,080 hours (40 h x 52 weeks), 260 working days (5 x 52), 52 weeks
  and 12 months a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum


class Period(StrEnum):
    year = "year"
    month = "month"
    week = "week"
    day = "day"
    hour = "hour"


HOURS_PER_YEAR = 2080
DAYS_PER_YEAR = 260
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
PER_YEAR: dict[Period, int] = {
    Period.year: 1,
    Period.month: MONTHS_PER_YEAR,
    Period.week: WEEKS_PER_YEAR,
    Period.day: DAYS_PER_YEAR,
    Period.hour: HOURS_PER_YEAR,
}
# Below this, an amount without a stated period could be hourly, daily or monthly pay.
YEARLY_WITHOUT_PERIOD_FROM = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class Salary:
    """Pay as the text states it. An open range has min or max None, never both."""

    min: Decimal | None
    max: Decimal | None
    currency: str | None
    period: Period | None
    is_estimate: bool = False
    period_stated: bool = True

    def annualised(self) -> Salary | None:
        """The same pay per year (2,080 h, 260 days, 52 weeks, 12 months); None if the
        period is unknown."""
        if self.period is None:
            return None
        factor = PER_YEAR[self.period]
        return replace(
            self,
            min=None if self.min is None else self.min * factor,
            max=None if self.max is None else self.max * factor,
            period=Period.year,
        )


# --- currencies -----------------------------------------------------------------------

# fmt: off
_SYMBOLS: dict[str, str] = {
    "US$": "USD", "CAD$": "CAD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "SG$": "SGD", "S$": "SGD", "R$": "BRL", "MX$": "MXN",
    "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR", "¥": "JPY",
    "₩": "KRW", "₪": "ILS", "zł": "PLN",
}
# fmt: on
# fmt: off
_CODES = frozenset({
    "USD", "EUR", "GBP", "CHF", "INR", "CAD", "AUD", "NZD", "JPY", "CNY", "SGD", "HKD", "SEK",
    "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ILS", "ZAR", "KRW", "AED",
})
# fmt: on
_CODE_ALIASES = {"RMB": "CNY"}
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN"})
_US_DOLLAR = re.compile(r"US\$|\bUSD\b")
_LETTER_SYMBOLS = sorted((s for s in _SYMBOLS if s[0].isalpha()), key=len, reverse=True)
_SIGN_SYMBOLS = sorted((s for s in _SYMBOLS if not s[0].isalpha()), key=len, reverse=True)
# Symbols and codes that start with a letter must not end a word: "hrs 40" is not rupees.
_CUR = (
    "(?:(?<![A-Za-z])(?:"
    + "|".join(re.escape(s) for s in _LETTER_SYMBOLS)
    + "|(?:"
    + "|".join(sorted(_CODES | set(_CODE_ALIASES)))
    + r")\b)|"
    + "|".join(re.escape(s) for s in _SIGN_SYMBOLS)
    + ")"
)

# --- amounts --------------------------------------------------------------------------

_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"  # Indian grouping: 12,00,000
    r"|\d{1,3}(?P<sep>[,.'’ \u202f])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d{1,2})?"  # 120,000 / 120.000
    r"|\d+(?:[.,]\d+)?"
)
_MULT = r"(?:k|K|mm|MM|m|M|lakhs?|lacs?|LPA|lpa|crores?|cr|Cr)(?![A-Za-z])"
_AMOUNT = re.compile(
    rf"(?:(?P<pre>{_CUR})\s?|(?<![\w.,$€£₹¥]))(?P<num>{_NUM})(?!\d)"
    rf"(?:\s?(?P<mult>{_MULT}))?(?:\s?(?P<post>{_CUR}))?",
)
_MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mm": Decimal(1_000_000),
    "lakh": Decimal(100_000),
    "lakhs": Decimal(100_000),
    "lac": Decimal(100_000),
    "lacs": Decimal(100_000),
    "lpa": Decimal(100_000),
    "crore": Decimal(10_000_000),
    "crores": Decimal(10_000_000),
    "cr": Decimal(10_000_000),
}
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|~|and|bis|à)?\s*$", re.I)
_MAX_ONLY = re.compile(
    r"(?:\bup\s*to|\bupto|\bmax(?:imum)?\.?:?|\bunder|\bbelow|\bless than|<|≤)\s*$", re.I
)
_MIN_ONLY = re.compile(
    r"(?:\bfrom|\bstarting(?:\s+(?:at|from))?|\bmin(?:imum)?\.?:?|\bat least|\bover|\babove|"
    r"\bmore than|>|≥)\s*$",
    re.I,
)
# Things that look like money but are not pay.
_NOT_PAY_AFTER = re.compile(r"^\s*(?:\(k\)|%|\+?\s*(?:years?|yrs?)\b)", re.I)
_RETIREMENT_PLANS = frozenset({"401", "403", "457"})

_PERIODS: tuple[tuple[Period, re.Pattern[str]], ...] = (
    (
        Period.hour,
        re.compile(
            r"(?:\bper|\ban?|\beach)\s+(?:hour|hr|h)\b|/\s*(?:hour|hr|h)\b|\bhourly\b|\bp/h\b", re.I
        ),
    ),
    (
        Period.day,
        re.compile(r"(?:\bper|\ba)\s+(?:day|diem)\b|/\s*day\b|\bdaily\b|\bday rate\b", re.I),
    ),
    (Period.week, re.compile(r"(?:\bper|\ba)\s+(?:week|wk)\b|/\s*(?:week|wk)\b|\bweekly\b", re.I)),
    (
        Period.month,
        re.compile(
            r"(?:\bper|\ba)\s+(?:month|mo|mth)\b|/\s*(?:month|mo|mth)\b|\bmonthly\b|\bpcm\b", re.I
        ),
    ),
    (
        Period.year,
        re.compile(
            r"(?:\bper|\ban?)\s+(?:year|yr|annum)\b|/\s*(?:year|yr|y|annum)\b|\bannual(?:ly)?\b"
            r"|\byearly\b|\bp\.\s?a\.|\bLPA\b|\bCTC\b",
            re.I,
        ),
    ),
)
_ESTIMATE = re.compile(r"\b(?:glassdoor|employer|indeed)\s+est\b|\bestimated?\b", re.I)


@dataclass(frozen=True, slots=True)
class _Amount:
    value: Decimal
    has_mult: bool
    currency: str | None
    start: int
    end: int


_INDIAN_GROUPING = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")


def _number(text: str) -> Decimal:
    """A written number to a Decimal: "120.000" and "120,000" are 120000, "25.50" is 25.5."""
    digits = re.sub(r"['’ \u202f]", ",", text)
    if _INDIAN_GROUPING.fullmatch(digits):
        return Decimal(digits.replace(",", ""))
    last = max(digits.rfind(","), digits.rfind("."))
    if last == -1:
        return Decimal(digits)
    tail = digits[last + 1 :]
    if len(tail) == 3:  # every separator groups thousands
        return Decimal(re.sub(r"[,.]", "", digits))
    whole = re.sub(r"[,.]", "", digits[:last])
    return Decimal(f"{whole}.{tail}")


def _currency(token: str | None) -> str | None:
    if token is None:
        return None
    upper = token.upper()
    if upper in _CODES:
        return upper
    if upper in _CODE_ALIASES:
        return _CODE_ALIASES[upper]
    return _SYMBOLS.get(token)


def _amounts(text: str) -> list[_Amount]:
    found: list[_Amount] = []
    for m in _AMOUNT.finditer(text):
        mult = m.group("mult")
        if mult and m.group("num") in _RETIREMENT_PLANS and mult in ("k", "K"):
            continue
        if _NOT_PAY_AFTER.match(text, m.end()):
            continue
        value = _number(m.group("num"))
        if mult:
            value *= _MULTIPLIERS[mult.lower()]
        if value <= 0:
            continue
        currency = _currency(m.group("pre")) or _currency(m.group("post"))
        found.append(_Amount(value, bool(mult), currency, m.start(), m.end()))
    return found


def _period_after(text: str, start: int) -> Period | None:
    window = text[start : start + 40]
    for period, pattern in _PERIODS:
        if pattern.search(window):
            return period
    return None


def _period_anywhere(text: str) -> Period | None:
    hits = {period for period, pattern in _PERIODS if pattern.search(text)}
    return hits.pop() if len(hits) == 1 else None


def _looks_like_pay(group: list[_Amount], text: str) -> bool:
    if any(a.currency or a.has_mult for a in group):
        return True
    return _period_after(text, group[-1].end) is not None


def _groups(amounts: list[_Amount], text: str) -> list[list[_Amount]]:
    """Amounts paired into ranges where only a dash, "to" or "and" separates them."""
    groups: list[list[_Amount]] = []
    i = 0
    while i < len(amounts):
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        if nxt is not None and _RANGE_GAP.match(text[amounts[i].end : nxt.start]):
            groups.append([amounts[i], nxt])
            i += 2
        else:
            groups.append([amounts[i]])
            i += 1
    return groups


def _shared_multiplier(low: _Amount, high: _Amount) -> tuple[Decimal, Decimal]:
    """A multiplier written once ("£45-55k") applies to both ends when that is coherent."""
    lo, hi = low.value, high.value
    if low.has_mult == high.has_mult:
        return lo, hi
    for scale in (Decimal(1_000), Decimal(100_000), Decimal(1_000_000), Decimal(10_000_000)):
        if not low.has_mult and Decimal("0.1") <= lo * scale / hi <= 10:
            return lo * scale, hi
        if not high.has_mult and Decimal("0.1") <= hi * scale / lo <= 10:
            return lo, hi * scale
    return lo, hi


def _text_currency(text: str, codes_only: bool) -> str | None:
    for m in re.finditer(_CUR, text):
        token = m.group(0)
        if codes_only and not token.isalpha():
            continue
        if currency := _currency(token):
            return currency
    return None


def parse_salary(text: str | None) -> Salary | None:
    """Salary stated in `text`, or None when it states no pay; see the module docstring."""
    if not text or not text.strip():
        return None
    text = text.replace("\u00a0", " ")
    for group in _groups(_amounts(text), text):
        if _looks_like_pay(group, text):
            return _salary(group, text)
    return None


def _salary(group: list[_Amount], text: str) -> Salary:
    before = text[: group[0].start]
    currency = next((a.currency for a in group if a.currency), None)
    code = _text_currency(text, codes_only=True)
    if currency is None or (currency == "USD" and code in _DOLLARS and not _US_DOLLAR.search(text)):
        # A written code names which dollar a bare "$" is: "$120k CAD" is Canadian.
        currency = code or currency
    if len(group) == 2:
        low, high = _shared_multiplier(group[0], group[1])
        low, high = min(low, high), max(low, high)
    elif _MAX_ONLY.search(before):
        low, high = None, group[0].value
    elif _MIN_ONLY.search(before) or text[group[0].end : group[0].end + 1] == "+":
        low, high = group[0].value, None
    else:
        low = high = group[0].value
    period = _period_after(text, group[-1].end) or _period_anywhere(text)
    stated = period is not None
    if period is None and max(v for v in (low, high) if v is not None) >= (
        YEARLY_WITHOUT_PERIOD_FROM
    ):
        period = Period.year
    return Salary(
        min=low,
        max=high,
        currency=currency,
        period=period,
        is_estimate=_ESTIMATE.search(text) is not None,
        period_stated=stated,
    )
