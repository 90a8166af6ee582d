"""Vesting schedules: in which month after the start date each part of a grant vests.

Every schedule is built the same way. First come the tranches as if there were no cliff;
then every tranche that falls before the cliff moves to the cliff month, because nothing
vests before the cliff and what would have vested is paid at once when it passes. A
48-month grant vesting monthly with a 12-month cliff thus has nothing in months 1-11 and
12/48 = 25% in month 12, then 1/48 a month.

Yearly-percentage shapes (back-loaded 5/15/40/40, front-loaded 40/30/20/10, custom
percentages) pay each year's share in equal tranches every `every_months` months within
that year (12 by default: once, at the year's end). Amazon-style back-loading with
half-yearly tranches after the first year is `back_loaded` with `every_months=6`.

Exact tranches (`custom` given as (month, share) pairs) are taken as written: the cliff
does not apply to them, since the person already placed every tranche.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple, Self

from pydantic import BaseModel, ConfigDict, model_validator

from landml.errors import InvalidInput

# Shares may miss a whole grant by this much (0.05 percentage points, so 33.33 three times
# passes and 99.9 does not); they are then rescaled to sum exactly to 1.
TOLERANCE = 5e-4
DEFAULT_MONTHS = 48
BACK_LOADED = (5.0, 15.0, 40.0, 40.0)
FRONT_LOADED = (40.0, 30.0, 20.0, 10.0)


class VestingKind(StrEnum):
    monthly = "monthly"
    quarterly = "quarterly"
    yearly = "yearly"
    back_loaded = "back_loaded"
    front_loaded = "front_loaded"
    custom = "custom"


_EVEN_PERIOD = {VestingKind.monthly: 1, VestingKind.quarterly: 3, VestingKind.yearly: 12}
_FIXED_YEARLY = {VestingKind.back_loaded: BACK_LOADED, VestingKind.front_loaded: FRONT_LOADED}

Custom = Sequence[float] | Sequence[tuple[int, float]]


class Tranche(NamedTuple):
    """One vesting event: `month` after the start, the `fraction` of the grant, its `amount`."""

    month: int
    fraction: float
    amount: float


def vesting_schedule(
    kind: VestingKind | str,
    grant: float,
    *,
    months: int | None = None,
    cliff_months: int = 12,
    every_months: int | None = None,
    custom: Custom | None = None,
) -> list[Tranche]:
    """The tranches of a grant of `grant` shares (or currency), in month order.

    `months` is the vesting length: 48 by default for even schedules, 12 per year for
    yearly percentages (a value that disagrees with the percentages is an error).
    """
    kind = _kind(kind)
    _check_grant(grant)
    if cliff_months < 0:
        raise InvalidInput(f"The cliff cannot be negative ({cliff_months} months).")
    if kind in _EVEN_PERIOD:
        raw = _even_tranches(kind, months, every_months, custom)
    elif kind in _FIXED_YEARLY:
        if custom is not None:
            raise InvalidInput(
                f"A {kind.value} schedule has fixed yearly shares; pass them as custom with "
                "kind 'custom' instead."
            )
        raw = _yearly_tranches(list(_FIXED_YEARLY[kind]), months, every_months)
    else:
        raw = _custom_tranches(custom, months, every_months)
        if _is_pairs(custom):
            return _with_amounts(_merged(raw), grant)
    span = max(month for month, _ in raw)
    if cliff_months > span:
        raise InvalidInput(
            f"The cliff ({cliff_months} months) is after the last tranche (month {span}).",
            hint="Use a cliff no longer than the vesting period.",
        )
    return _with_amounts(_merged(_after_cliff(raw, cliff_months)), grant)


def amounts_by_year(
    tranches: Sequence[Tranche], years: int, *, start_month: int = 0
) -> list[float]:
    """How much vests in each of the first `years` years (months 1-12 are year 1).

    `start_month` shifts a grant made later (a refresher granted at month 12 vests its
    month-3 tranche in month 15, year 2). Tranches after the horizon are left out.
    """
    totals = [0.0] * years
    for tranche in tranches:
        year = math.ceil((tranche.month + start_month) / 12)
        if 1 <= year <= years:
            totals[year - 1] += tranche.amount
    return totals


class VestingSpec(BaseModel):
    """A vesting schedule as the person describes it; `tranches` turns it into tranches."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: VestingKind = VestingKind.monthly
    months: int | None = None
    cliff_months: int = 12
    every_months: int | None = None
    custom: list[tuple[int, float]] | list[float] | None = None

    @model_validator(mode="after")
    def _schedule_is_valid(self) -> Self:
        try:
            self.tranches(1.0)
        except InvalidInput as exc:
            # Raised as ValueError so pydantic reports it with the field's location.
            raise ValueError(str(exc)) from exc
        return self

    def tranches(self, grant: float) -> list[Tranche]:
        """The tranches of a grant of this size."""
        return vesting_schedule(
            self.kind,
            grant,
            months=self.months,
            cliff_months=self.cliff_months,
            every_months=self.every_months,
            custom=self.custom,
        )

    def describe(self) -> str:
        """A short human description, such as "monthly over 48 months, 12-month cliff"."""
        if self.kind in _FIXED_YEARLY:
            shape = "/".join(f"{p:g}" for p in _FIXED_YEARLY[self.kind])
            text = f"{self.kind.value.replace('_', '-')} {shape}"
        elif self.kind is VestingKind.custom:
            text = "custom"
        else:
            text = f"{self.kind.value} over {self.months or DEFAULT_MONTHS} months"
        cliff = self.kind is not VestingKind.custom or not _is_pairs(self.custom)
        if cliff and self.cliff_months:
            return f"{text}, {self.cliff_months}-month cliff"
        return text


def _kind(kind: VestingKind | str) -> VestingKind:
    try:
        return VestingKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in VestingKind)
        raise InvalidInput(
            f"Unknown vesting kind {kind!r}.", hint=f"Use one of: {known}."
        ) from None


def _check_grant(grant: float) -> None:
    if not math.isfinite(grant) or grant < 0:
        raise InvalidInput(f"A grant must be a finite amount of zero or more, not {grant}.")


def _even_tranches(
    kind: VestingKind, months: int | None, every_months: int | None, custom: Custom | None
) -> list[tuple[int, float]]:
    period = _EVEN_PERIOD[kind]
    if custom is not None:
        raise InvalidInput(f"A {kind.value} schedule takes no custom shares; use kind 'custom'.")
    if every_months is not None and every_months != period:
        raise InvalidInput(
            f"A {kind.value} schedule already vests in {period}-month periods; "
            f"drop every_months={every_months}."
        )
    length = DEFAULT_MONTHS if months is None else months
    if length <= 0 or length % period:
        raise InvalidInput(
            f"A {kind.value} schedule needs a length in whole {period}-month periods, "
            f"not {length} months."
        )
    count = length // period
    return [(period * (i + 1), 1.0 / count) for i in range(count)]


def _yearly_tranches(
    shares: list[float], months: int | None, every_months: int | None
) -> list[tuple[int, float]]:
    fractions = _as_fractions(shares, what="yearly shares")
    if months is not None and months != 12 * len(fractions):
        raise InvalidInput(
            f"{len(fractions)} yearly shares cover {12 * len(fractions)} months, "
            f"not the {months} months given."
        )
    every = 12 if every_months is None else every_months
    if every <= 0 or 12 % every:
        raise InvalidInput(
            f"Within a year, tranches can come every 1, 2, 3, 4, 6 or 12 months, not {every}."
        )
    per_year = 12 // every
    return [
        (12 * year + every * (i + 1), fraction / per_year)
        for year, fraction in enumerate(fractions)
        for i in range(per_year)
    ]


def _custom_tranches(
    custom: Custom | None, months: int | None, every_months: int | None
) -> list[tuple[int, float]]:
    if not custom:
        raise InvalidInput(
            "A custom schedule needs its shares.",
            hint="Give yearly percentages such as 33, 33, 22, 12, or (month, share) tranches.",
        )
    if not _is_pairs(custom):
        return _yearly_tranches([float(v) for v in custom], months, every_months)  # type: ignore[arg-type]
    if every_months is not None:
        raise InvalidInput("Exact tranches already give their months; drop every_months.")
    pairs = [(int(m), float(s)) for m, s in custom]  # type: ignore[misc]
    month_list = [m for m, _ in pairs]
    if any(m <= 0 for m in month_list):
        raise InvalidInput("Tranche months count from the start date and must be 1 or more.")
    if len(set(month_list)) != len(month_list):
        raise InvalidInput("Two tranches share a month; give each month once.")
    if months is not None and max(month_list) > months:
        raise InvalidInput(f"A tranche at month {max(month_list)} is after month {months}.")
    fractions = _as_fractions([s for _, s in pairs], what="tranches")
    return list(zip(month_list, fractions, strict=True))


def _is_pairs(custom: Custom | None) -> bool:
    return bool(custom) and all(isinstance(item, tuple | list) for item in custom or ())


def _as_fractions(values: list[float], *, what: str) -> list[float]:
    """Shares given as percentages (summing to 100) or fractions (summing to 1), as fractions."""
    if not values:
        raise InvalidInput(f"The {what} are empty.")
    if any(not math.isfinite(v) or v < 0 for v in values):
        raise InvalidInput(f"The {what} must be zero or more: {values}.")
    total = math.fsum(values)
    if abs(total - 100.0) > 100.0 * TOLERANCE and abs(total - 1.0) > TOLERANCE:
        raise InvalidInput(
            f"The {what} add up to {total:g}; they must add up to 100 (percent) or 1.",
            hint="Check that every year or tranche is listed once.",
        )
    # Rescaled so a grant is paid out exactly, whatever rounding the person typed.
    return [v / total for v in values]


def _after_cliff(raw: list[tuple[int, float]], cliff_months: int) -> list[tuple[int, float]]:
    return [(max(month, cliff_months), fraction) for month, fraction in raw]


def _merged(raw: list[tuple[int, float]]) -> list[tuple[int, float]]:
    by_month: dict[int, float] = {}
    for month, fraction in raw:
        by_month[month] = by_month.get(month, 0.0) + fraction
    return sorted((m, f) for m, f in by_month.items() if f > 0)


def _with_amounts(raw: list[tuple[int, float]], grant: float) -> list[Tranche]:
    return [Tranche(month, fraction, grant * fraction) for month, fraction in raw]
