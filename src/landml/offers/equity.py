"""Equity math: RSUs under stock price scenarios, and startup options under risk.

RSUs. A grant is a value in currency at the grant price. Shares vesting in year y are
valued at that year's price (`PriceScenario.multipliers[y - 1]` times the grant price):
every tranche inside a year gets the same price, which keeps the numbers checkable by hand.
A refresher is granted as a currency amount (a percentage of the initial grant value) at
the end of a year, so its share count is set by that year's price and its later value moves
with the price since then.

Options. The value of one option at an exit is what one common share receives minus the
strike price, never below zero. What a common share receives is computed with these
simplifications, which the person should know:

- Dilution: each future round before the exit issues new shares worth `dilution_per_round`
  of the company, so the fully diluted count at exit is today's count / (1 - d)^rounds.
  New shares are taken as preferred stock.
- Liquidation preferences are one 1x non-participating stack whose total the person enters
  (what investors get back before common, usually the money raised, including what future
  rounds will add). Without a count of preferred shares, common splits max(0, exit - stack)
  pro rata over every share, which understates common at large exits (it treats investors
  as taking their preference and their share too). With `preferred_shares`, the stack
  behaves as one class: investors take the stack, or convert to common when their
  pro-rata share is worth more. Real stacks have series with their own terms, multiples
  above 1x, participation and caps; enter a larger stack to approximate them.
- No taxes, no discounting for time, no exercise before the exit: the spread is what a
  cashless exercise at the exit would bring. The exercise cost (shares x strike) is shown
  because leaving early can require paying it in cash.
"""

from __future__ import annotations

import math
from functools import cache
from importlib.resources import files
from typing import Any, Literal, Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput
from landml.offers.vesting import VestingKind, VestingSpec, amounts_by_year

HORIZON_YEARS = 4
# Probabilities of exit scenarios must add up to 1 within this.
PROBABILITY_TOLERANCE = 1e-6


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PriceScenario(_Model):
    """The stock price in each year relative to the grant price (1.0 = unchanged).

    A list shorter than the horizon holds its last value: [1.3] means 30% up for good.
    """

    name: str = "flat"
    multipliers: list[float] = Field(default_factory=lambda: [1.0], min_length=1)

    @model_validator(mode="after")
    def _positive(self) -> Self:
        if any(not math.isfinite(m) or m <= 0 for m in self.multipliers):
            raise ValueError(f"stock price multipliers must be above zero, got {self.multipliers}")
        return self

    @classmethod
    def flat(cls, multiplier: float) -> PriceScenario:
        """The price moves once to `multiplier` times the grant price and stays there."""
        return cls(name=f"price x{multiplier:g}", multipliers=[multiplier])

    @classmethod
    def growth(cls, rate: float, years: int = HORIZON_YEARS) -> PriceScenario:
        """The price changes by `rate` a year (0.1 = +10%), compounding: year y is (1+rate)^y."""
        return cls(
            name=f"{rate:+.0%} a year", multipliers=[(1 + rate) ** y for y in range(1, years + 1)]
        )

    @classmethod
    def path(cls, prices: list[float], grant_price: float) -> PriceScenario:
        """A price path in currency, one price per year, against the grant price."""
        if grant_price <= 0:
            raise InvalidInput("A price path needs the grant price per share, above zero.")
        return cls(name="price path", multipliers=[p / grant_price for p in prices])

    def multiplier(self, year: int) -> float:
        """The price multiplier in `year` (1-based)."""
        return self.multipliers[min(year, len(self.multipliers)) - 1]


class Refresher(_Model):
    """The refresher assumption: a new grant every `every_years` worth a share of the first."""

    percent_of_initial: float = Field(ge=0, le=1000)
    every_years: int = Field(default=1, ge=1, le=10)
    vesting: VestingSpec = Field(
        default_factory=lambda: VestingSpec(kind=VestingKind.quarterly, cliff_months=0)
    )


class RsuGrant(_Model):
    """Restricted stock units: `grant_value` in currency at the grant price, for the whole grant."""

    kind: Literal["rsu"] = "rsu"
    grant_value: float = Field(gt=0)
    share_price: float | None = Field(default=None, gt=0)
    vesting: VestingSpec = Field(default_factory=VestingSpec)
    refresher: Refresher | None = None


class RsuYears(_Model):
    """RSU value by year: the initial grant and the refreshers, kept apart."""

    initial: list[float]
    refreshers: list[float]


def rsu_value_by_year(
    grant: RsuGrant, price: PriceScenario, years: int = HORIZON_YEARS
) -> RsuYears:
    """What vests in each year, in currency, under a stock price scenario."""
    fraction_by_year = amounts_by_year(grant.vesting.tranches(1.0), years)
    initial = [
        grant.grant_value * f * price.multiplier(y + 1) for y, f in enumerate(fraction_by_year)
    ]
    refreshers = [0.0] * years
    if grant.refresher is not None:
        refreshers = _refresher_values(grant, grant.refresher, price, years)
    return RsuYears(initial=initial, refreshers=refreshers)


def _refresher_values(
    grant: RsuGrant, refresher: Refresher, price: PriceScenario, years: int
) -> list[float]:
    values = [0.0] * years
    amount = grant.grant_value * refresher.percent_of_initial / 100
    tranches = refresher.vesting.tranches(1.0)
    for granted_in in range(refresher.every_years, years, refresher.every_years):
        vested = amounts_by_year(tranches, years, start_month=12 * granted_in)
        at_grant = price.multiplier(granted_in)
        for y, fraction in enumerate(vested):
            values[y] += amount * fraction * price.multiplier(y + 1) / at_grant
    return values


class ExitScenario(_Model):
    """One way the company may end, with the person's probability for it.

    The exit value is given in currency (`exit_value`) or as a multiple of the latest
    post-money valuation (`valuation_multiple`, which needs the preferred price).
    """

    name: str = Field(min_length=1, max_length=100)
    probability: float = Field(ge=0, le=1)
    exit_value: float | None = Field(default=None, ge=0)
    valuation_multiple: float | None = Field(default=None, ge=0)
    label: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_value(self) -> Self:
        if (self.exit_value is None) == (self.valuation_multiple is None):
            raise ValueError(
                f"exit scenario {self.name!r} needs exactly one of exit_value or valuation_multiple"
            )
        return self


class OptionGrant(_Model):
    """Startup stock options and what the person knows of the company's capital."""

    kind: Literal["options"] = "options"
    shares: float = Field(gt=0)
    strike: float = Field(ge=0)
    preferred_price: float | None = Field(default=None, gt=0)
    fully_diluted_shares: float = Field(gt=0)
    preferred_shares: float | None = Field(default=None, ge=0)
    liquidation_preferences: float = Field(default=0.0, ge=0)
    preference_note: str | None = None
    dilution_per_round: float = Field(default=0.0, ge=0, lt=1)
    rounds_before_exit: int = Field(default=0, ge=0, le=20)
    # A lambda because the loader is defined further down the module.
    exit_scenarios: list[ExitScenario] = Field(
        default_factory=lambda: default_exit_scenarios(), min_length=1
    )
    vesting: VestingSpec = Field(default_factory=VestingSpec)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.shares > self.fully_diluted_shares:
            raise ValueError("the grant has more shares than the fully diluted count")
        if self.preferred_shares is not None and self.preferred_shares > (
            self.fully_diluted_shares - self.shares
        ):
            raise ValueError("preferred shares leave no room for the common shares of the grant")
        total = math.fsum(s.probability for s in self.exit_scenarios)
        if abs(total - 1.0) > PROBABILITY_TOLERANCE:
            raise ValueError(
                f"exit scenario probabilities add up to {total:g}, not 1; add a 'fails' "
                f"scenario with exit_value 0 and probability {max(0.0, 1 - total):g}, "
                "or change the others"
            )
        if self.preferred_price is None and any(
            s.valuation_multiple is not None for s in self.exit_scenarios
        ):
            raise ValueError(
                "exit scenarios given as valuation multiples need the latest preferred "
                "price (preferred_price); give it, or give exit values in currency"
            )
        return self


class ExitOutcome(_Model):
    """One exit scenario worked out for the grant."""

    name: str
    label: str | None
    probability: float
    exit_value: float
    common_per_share: float
    spread_per_share: float
    grant_value: float
    weighted_value: float


class OptionSummary(_Model):
    """What the person should see about an option grant besides the yearly values."""

    shares: float
    strike: float
    exercise_cost: float
    exercise_cost_by_year: list[float]
    shares_by_year: list[float]
    post_money_valuation: float | None
    ownership_now: float
    ownership_at_exit: float
    paper_value: float | None
    paper_spread: float | None
    outcomes: list[ExitOutcome]
    expected_spread_per_share: float
    expected_value: float
    uses_default_scenarios: bool
    notes: list[str]


def post_money_valuation(grant: OptionGrant) -> float | None:
    """The latest preferred price times the fully diluted share count, if the price is known."""
    if grant.preferred_price is None:
        return None
    return grant.preferred_price * grant.fully_diluted_shares


def shares_at_exit(grant: OptionGrant) -> float:
    """The fully diluted share count after the future rounds."""
    return grant.fully_diluted_shares / (1 - grant.dilution_per_round) ** grant.rounds_before_exit


def exit_value_of(scenario: ExitScenario, grant: OptionGrant) -> float:
    """The scenario's exit value in currency."""
    if scenario.exit_value is not None:
        return scenario.exit_value
    valuation = post_money_valuation(grant)
    assert valuation is not None and scenario.valuation_multiple is not None  # validated
    return scenario.valuation_multiple * valuation


def common_value_per_share(grant: OptionGrant, exit_value: float) -> float:
    """What one common share receives at an exit of `exit_value` (see the module docstring)."""
    if exit_value < 0:
        raise InvalidInput(f"An exit value cannot be negative ({exit_value:g}).")
    total = shares_at_exit(grant)
    stack = grant.liquidation_preferences
    if grant.preferred_shares is None:
        return max(0.0, exit_value - stack) / total
    common = grant.fully_diluted_shares - grant.preferred_shares
    preferred = total - common
    if exit_value * preferred / total >= stack:
        # Investors convert: everyone shares the exit pro rata.
        return exit_value / total
    return max(0.0, exit_value - stack) / common


def option_spread_per_share(grant: OptionGrant, exit_value: float) -> float:
    """One option's value at an exit: common value per share minus strike, floored at zero."""
    return max(0.0, common_value_per_share(grant, exit_value) - grant.strike)


def option_outcomes(grant: OptionGrant) -> list[ExitOutcome]:
    """Every exit scenario worked out for the whole grant."""
    outcomes = []
    for scenario in grant.exit_scenarios:
        exit_value = exit_value_of(scenario, grant)
        spread = option_spread_per_share(grant, exit_value)
        outcomes.append(
            ExitOutcome(
                name=scenario.name,
                label=scenario.label,
                probability=scenario.probability,
                exit_value=exit_value,
                common_per_share=common_value_per_share(grant, exit_value),
                spread_per_share=spread,
                grant_value=spread * grant.shares,
                weighted_value=scenario.probability * spread * grant.shares,
            )
        )
    return outcomes


def expected_spread_per_share(grant: OptionGrant) -> float:
    """The probability-weighted value of one option over the exit scenarios."""
    return math.fsum(o.probability * o.spread_per_share for o in option_outcomes(grant))


def option_shares_by_year(grant: OptionGrant, years: int = HORIZON_YEARS) -> list[float]:
    """How many options vest in each year."""
    return amounts_by_year(grant.vesting.tranches(grant.shares), years)


def option_value_by_year(
    grant: OptionGrant, exit_value: float | None = None, years: int = HORIZON_YEARS
) -> list[float]:
    """The options vesting each year, valued at one exit or, by default, the expected value."""
    if exit_value is None:
        per_share = expected_spread_per_share(grant)
    else:
        per_share = option_spread_per_share(grant, exit_value)
    return [shares * per_share for shares in option_shares_by_year(grant, years)]


def option_summary(grant: OptionGrant, years: int = HORIZON_YEARS) -> OptionSummary:
    """Exercise cost, ownership, paper value and the scenario table, with the caveats."""
    outcomes = option_outcomes(grant)
    shares_by_year = option_shares_by_year(grant, years)
    expected = math.fsum(o.probability * o.spread_per_share for o in outcomes)
    valuation = post_money_valuation(grant)
    paper = None if grant.preferred_price is None else grant.shares * grant.preferred_price
    spread = (
        None
        if grant.preferred_price is None
        else grant.shares * max(0.0, grant.preferred_price - grant.strike)
    )
    return OptionSummary(
        shares=grant.shares,
        strike=grant.strike,
        exercise_cost=grant.shares * grant.strike,
        exercise_cost_by_year=[s * grant.strike for s in shares_by_year],
        shares_by_year=shares_by_year,
        post_money_valuation=valuation,
        ownership_now=grant.shares / grant.fully_diluted_shares,
        ownership_at_exit=grant.shares / shares_at_exit(grant),
        paper_value=paper,
        paper_spread=spread,
        outcomes=outcomes,
        expected_spread_per_share=expected,
        expected_value=expected * grant.shares,
        uses_default_scenarios=grant.exit_scenarios == default_exit_scenarios(),
        notes=_option_notes(grant, paper),
    )


def _option_notes(grant: OptionGrant, paper: float | None) -> list[str]:
    notes = []
    if paper is not None:
        notes.append(
            f"Paper value at the latest preferred price: {paper:,.0f}. It is not cash: "
            "preferred shares carry rights your common shares lack, the shares cannot be "
            f"sold freely, and exercising all options costs {grant.shares * grant.strike:,.0f}."
        )
    if grant.exit_scenarios == default_exit_scenarios():
        notes.append(
            "The exit scenarios are landml's defaults from venture outcome data (most "
            "venture-backed startups do not return their investors' capital); replace them "
            "with your own."
        )
    elif not any(exit_value_of(s, grant) == 0 for s in grant.exit_scenarios):
        notes.append(
            "No scenario has the company fail. Most venture-backed startups do not return "
            "their investors' capital (Ghosh, reported in The Wall Street Journal, 2012); "
            "consider a 'fails' scenario."
        )
    if grant.preferred_shares is None:
        notes.append(
            "Liquidation preferences are modelled simply: common splits what is left after "
            "the preference stack over all shares, which understates common at large exits. "
            "Give the preferred share count for a non-participating 1x stack."
        )
    else:
        notes.append(
            "Liquidation preferences are modelled as one 1x non-participating class; real "
            "stacks have several series with their own terms."
        )
    if grant.preference_note:
        notes.append(f"Your note on preferences: {grant.preference_note}")
    return notes


@cache
def _startup_outcomes() -> dict[str, Any]:
    text = files("landml.offers").joinpath("data/startup_outcomes.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def default_exit_scenarios() -> list[ExitScenario]:
    """The shipped default exit scenarios (see data/startup_outcomes.yaml for sources)."""
    fields = ("name", "label", "probability", "valuation_multiple", "note")
    return [
        ExitScenario(**{k: v for k, v in row.items() if k in fields})
        for row in _startup_outcomes()["scenarios"]
    ]


def startup_outcome_sources() -> list[dict[str, str]]:
    """The sources behind the default exit scenarios: author, title, publication, date, finding."""
    return [{k: str(v) for k, v in row.items()} for row in _startup_outcomes()["sources"]]
