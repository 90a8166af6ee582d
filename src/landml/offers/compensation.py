"""An offer, and what it is worth year by year over four years.

Each year's row holds base (with the person's raise assumption compounding from year 2),
bonus (a percentage of that year's base, or a fixed amount, times the payout the scenario
assumes), sign-on (all in year 1 unless split), equity vesting that year, refreshers and
benefits. The first-year total is row 1; the four-year total is the sum of the rows.

The cost-of-living factor is the person's own: how expensive the offer's place is against
the place they compare with (1.0). Adjusted totals divide by it, so 1.25 means a unit of
money buys 20% less there.

Startup options count at their expected value over the exit scenarios (or at one exit
value when the scenario names it); the paper value at the preferred price is reported
beside, never added.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from landml.errors import InvalidInput
from landml.offers.equity import (
    HORIZON_YEARS,
    OptionGrant,
    OptionSummary,
    PriceScenario,
    RsuGrant,
    option_summary,
    option_value_by_year,
    post_money_valuation,
    rsu_value_by_year,
)

# Sign-on instalments may differ from the stated total by this much (currency units).
SIGN_ON_TOLERANCE = 0.01
RSU_SENSITIVITY = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
EXIT_SENSITIVITY = (0.0, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SignOn(_Model):
    """A sign-on bonus: paid in year 1 unless `by_year` splits it; repayable if you leave early."""

    amount: float = Field(default=0.0, ge=0)
    clawback_months: int = Field(default=0, ge=0, le=60)
    clawback_prorated: bool = False
    by_year: list[float] | None = Field(default=None, min_length=1, max_length=HORIZON_YEARS)

    @model_validator(mode="after")
    def _split_adds_up(self) -> Self:
        if self.by_year is None:
            return self
        if any(part < 0 for part in self.by_year):
            raise ValueError("sign-on instalments cannot be negative")
        if abs(math.fsum(self.by_year) - self.amount) > SIGN_ON_TOLERANCE:
            raise ValueError(
                f"the sign-on instalments add up to {math.fsum(self.by_year):,.2f}, "
                f"not the sign-on amount {self.amount:,.2f}"
            )
        return self

    def paid_by_year(self, years: int = HORIZON_YEARS) -> list[float]:
        """The sign-on paid in each year."""
        parts = self.by_year if self.by_year is not None else [self.amount]
        return [parts[y] if y < len(parts) else 0.0 for y in range(years)]


class Benefits(_Model):
    """Yearly benefits with a money value: retirement match, stipends, anything else."""

    retirement_match: float = Field(default=0.0, ge=0)
    stipends: float = Field(default=0.0, ge=0)
    other: float = Field(default=0.0, ge=0)

    @property
    def yearly(self) -> float:
        return self.retirement_match + self.stipends + self.other


Equity = Annotated[RsuGrant | OptionGrant, Field(discriminator="kind")]


class Offer(_Model):
    """One offer as the person enters it. Amounts are yearly unless named otherwise."""

    name: str = Field(min_length=1, max_length=200)
    base: float = Field(ge=0)
    raise_percent: float = Field(default=0.0, ge=-50, le=100)
    bonus_percent: float | None = Field(default=None, ge=0, le=500)
    bonus_amount: float | None = Field(default=None, ge=0)
    sign_on: SignOn = Field(default_factory=SignOn)
    equity: Equity | None = None
    benefits: Benefits = Field(default_factory=Benefits)
    cost_of_living: float = Field(default=1.0, gt=0, le=10)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    location: str | None = Field(default=None, max_length=200)
    deadline: date | None = None

    @model_validator(mode="after")
    def _one_bonus(self) -> Self:
        if self.bonus_percent is not None and self.bonus_amount is not None:
            raise ValueError("give the target bonus as a percentage of base or as an amount")
        return self


class Scenario(_Model):
    """Assumptions for valuing an offer: stock price path, one exit value, bonus payout."""

    name: str = "expected"
    price: PriceScenario = Field(default_factory=PriceScenario)
    # An exit value in currency values options at that one exit instead of the expected value.
    exit_value: float | None = Field(default=None, ge=0)
    # Fraction of the target bonus paid (1.0 = target).
    bonus_payout: float = Field(default=1.0, ge=0, le=5)


class YearRow(_Model):
    year: int
    base: float
    bonus: float
    sign_on: float
    equity: float
    refreshers: float
    benefits: float
    total: float
    total_adjusted: float


class Clawback(_Model):
    """The sign-on the person may have to repay if they leave within `months`."""

    amount: float
    months: int
    prorated: bool
    text: str


class OfferValue(_Model):
    """An offer worked out under one scenario."""

    offer: str
    scenario: str
    currency: str
    cost_of_living: float
    equity_kind: Literal["rsu", "options"] | None
    rows: list[YearRow]
    first_year_total: float
    four_year_total: float
    first_year_adjusted: float
    four_year_adjusted: float
    clawback: Clawback | None
    options: OptionSummary | None
    notes: list[str]


class SensitivityRow(_Model):
    """Totals at one stock price multiplier (RSUs) or one exit value (options)."""

    point: float
    label: str
    equity_four_year: float
    first_year_total: float
    four_year_total: float
    four_year_adjusted: float
    change_from_expected: float


def read_offer(data: Mapping[str, Any]) -> Offer:
    """An `Offer` from plain data, with every problem named in one `InvalidInput`."""
    try:
        return Offer.model_validate(dict(data))
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or 'offer'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise InvalidInput(
            "The offer has problems: " + "; ".join(problems) + ".",
            hint="Fix these fields and try again.",
        ) from None


def offer_value(offer: Offer, scenario: Scenario | None = None) -> OfferValue:
    """Year-by-year rows for four years, first-year and four-year totals, adjusted totals."""
    scenario = scenario or Scenario()
    equity, refreshers = _equity_by_year(offer, scenario)
    sign_on = offer.sign_on.paid_by_year()
    rows = []
    for y in range(HORIZON_YEARS):
        base = _base_in_year(offer, y + 1)
        bonus = _bonus_in_year(offer, base, scenario)
        total = base + bonus + sign_on[y] + equity[y] + refreshers[y] + offer.benefits.yearly
        rows.append(
            YearRow(
                year=y + 1,
                base=base,
                bonus=bonus,
                sign_on=sign_on[y],
                equity=equity[y],
                refreshers=refreshers[y],
                benefits=offer.benefits.yearly,
                total=total,
                total_adjusted=total / offer.cost_of_living,
            )
        )
    four_year = math.fsum(r.total for r in rows)
    options = option_summary(offer.equity) if isinstance(offer.equity, OptionGrant) else None
    return OfferValue(
        offer=offer.name,
        scenario=scenario.name,
        currency=offer.currency,
        cost_of_living=offer.cost_of_living,
        equity_kind=None if offer.equity is None else offer.equity.kind,
        rows=rows,
        first_year_total=rows[0].total,
        four_year_total=four_year,
        first_year_adjusted=rows[0].total / offer.cost_of_living,
        four_year_adjusted=four_year / offer.cost_of_living,
        clawback=sign_on_clawback(offer),
        options=options,
        notes=_offer_notes(offer, scenario, options),
    )


def four_year_adjusted_per_base(offer: Offer, scenario: Scenario | None = None) -> float:
    """How much the four-year adjusted total grows per unit of yearly base.

    Exact, since base, a percentage bonus and the adjustment are all linear in base.
    """
    scenario = scenario or Scenario()
    bonus_share = (offer.bonus_percent or 0.0) / 100 * scenario.bonus_payout
    growth = math.fsum((1 + offer.raise_percent / 100) ** y for y in range(HORIZON_YEARS))
    return (1 + bonus_share) * growth / offer.cost_of_living


def sign_on_clawback(offer: Offer) -> Clawback | None:
    """The sign-on repayable on leaving early, or None when there is no clawback."""
    months = offer.sign_on.clawback_months
    if offer.sign_on.amount <= 0 or months <= 0:
        return None
    paid = offer.sign_on.paid_by_year()
    # An instalment is at risk when it is paid (at the start of its year) inside the window.
    at_risk = math.fsum(part for y, part in enumerate(paid) if 12 * y < months)
    how = (
        "a share of it in proportion to the months left"
        if offer.sign_on.clawback_prorated
        else "it"
    )
    text = (
        f"If you leave {offer.name} within {months} months, you may have to repay {how} "
        f"(up to {at_risk:,.0f} {offer.currency} of sign-on)."
    )
    return Clawback(
        amount=at_risk, months=months, prorated=offer.sign_on.clawback_prorated, text=text
    )


def default_sensitivity_points(offer: Offer) -> list[float]:
    """Stock price multipliers for RSUs; exit values (multiples of the valuation) for options."""
    if isinstance(offer.equity, RsuGrant):
        return list(RSU_SENSITIVITY)
    if isinstance(offer.equity, OptionGrant):
        valuation = post_money_valuation(offer.equity)
        if valuation is None:
            raise InvalidInput(
                f"{offer.name}: exit values to try cannot be guessed without the latest "
                "preferred price.",
                hint="Give the preferred price, or the exit values to try.",
            )
        return [m * valuation for m in EXIT_SENSITIVITY]
    return []


def sensitivity(
    offer: Offer, points: list[float] | None = None, scenario: Scenario | None = None
) -> list[SensitivityRow]:
    """How the totals move with the stock price (RSUs) or the exit value (options).

    Each point is a flat stock price multiplier for RSUs, or an exit value in currency for
    options. An offer without equity does not move, so it has no rows.
    """
    if offer.equity is None:
        return []
    scenario = scenario or Scenario()
    expected = offer_value(offer, scenario).four_year_total
    rows = []
    for point in default_sensitivity_points(offer) if points is None else points:
        if isinstance(offer.equity, RsuGrant):
            price = PriceScenario.flat(point)
            moved = scenario.model_copy(update={"name": price.name, "price": price})
            label = f"stock x{point:g}"
        else:
            moved = scenario.model_copy(update={"name": f"exit {point:,.0f}", "exit_value": point})
            label = f"exit at {point:,.0f} {offer.currency}"
        value = offer_value(offer, moved)
        rows.append(
            SensitivityRow(
                point=point,
                label=label,
                equity_four_year=math.fsum(r.equity + r.refreshers for r in value.rows),
                first_year_total=value.first_year_total,
                four_year_total=value.four_year_total,
                four_year_adjusted=value.four_year_adjusted,
                change_from_expected=value.four_year_total - expected,
            )
        )
    return rows


def _base_in_year(offer: Offer, year: int) -> float:
    return offer.base * (1 + offer.raise_percent / 100) ** (year - 1)


def _bonus_in_year(offer: Offer, base: float, scenario: Scenario) -> float:
    if offer.bonus_percent is not None:
        return base * offer.bonus_percent / 100 * scenario.bonus_payout
    return (offer.bonus_amount or 0.0) * scenario.bonus_payout


def _equity_by_year(offer: Offer, scenario: Scenario) -> tuple[list[float], list[float]]:
    if isinstance(offer.equity, RsuGrant):
        rsu = rsu_value_by_year(offer.equity, scenario.price)
        return rsu.initial, rsu.refreshers
    if isinstance(offer.equity, OptionGrant):
        return option_value_by_year(offer.equity, scenario.exit_value), [0.0] * HORIZON_YEARS
    return [0.0] * HORIZON_YEARS, [0.0] * HORIZON_YEARS


def _offer_notes(offer: Offer, scenario: Scenario, options: OptionSummary | None) -> list[str]:
    notes = []
    if offer.bonus_percent is not None or offer.bonus_amount:
        notes.append(
            f"Bonus counted at {scenario.bonus_payout:.0%} of target; actual payouts vary."
        )
    if isinstance(offer.equity, RsuGrant):
        notes.append(
            f"RSUs valued under '{scenario.price.name}' (price x"
            + ", x".join(f"{m:g}" for m in scenario.price.multipliers)
            + " by year, against the grant price)."
        )
        if offer.equity.refresher is not None:
            notes.append(
                f"Refreshers of {offer.equity.refresher.percent_of_initial:g}% of the first "
                "grant are your assumption, not part of the offer."
            )
    if options is not None:
        how = (
            f"at an exit of {scenario.exit_value:,.0f} {offer.currency}"
            if scenario.exit_value is not None
            else "at their expected value over the exit scenarios"
        )
        notes.append(f"Options counted {how}.")
        notes.extend(options.notes)
    if offer.cost_of_living != 1.0:
        notes.append(
            f"Adjusted totals divide by your cost-of-living factor {offer.cost_of_living:g}."
        )
    return notes
