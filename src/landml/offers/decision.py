"""Choosing between offers: money and what money does not show, on one explainable scale.

Every criterion becomes a value from 0 to 1:

- money: the offer's four-year cost-of-living-adjusted total (options at expected value)
  divided by the best offer's, so the richest offer gets 1 and one with half as much 0.5;
- each factor the person scores from 1 (poor) to 5 (excellent): (score - 1) / 4, so 1 gives
  0, 3 gives 0.5 and 5 gives 1.

Weights are the person's, on any scale (0 leaves a criterion out); each is divided by
their sum. An offer's total is 100 x the sum of weight x value, so every point of the
total belongs to exactly one criterion, and the totals rank the offers.

For each pair of offers next to each other in the ranking, `compare` finds the smallest
single change that would reverse them, exactly (the total is linear in each score and each
weight, and piecewise linear in money, so every threshold has a closed form): how much
more four-year money (and base a year) the lower offer needs, how far one score would have
to move, or how far one weight. At the threshold the two tie; any step further flips them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from landml.errors import InvalidInput
from landml.offers.compensation import (
    Offer,
    OfferValue,
    Scenario,
    four_year_adjusted_per_base,
    offer_value,
)


class Factor(StrEnum):
    surface_area = "surface_area"
    mentorship = "mentorship"
    role_match = "role_match"
    growth = "growth"
    stability = "stability"
    work_life_balance = "work_life_balance"
    location = "location"
    team = "team"


MONEY = "money"
CRITERIA: tuple[str, ...] = (MONEY, *(f.value for f in Factor))
LABELS = {
    MONEY: "money",
    Factor.surface_area: "surface area and impact",
    Factor.mentorship: "mentorship",
    Factor.role_match: "research or role match",
    Factor.growth: "growth",
    Factor.stability: "stability",
    Factor.work_life_balance: "work-life balance",
    Factor.location: "location",
    Factor.team: "team",
}
SCORE_MIN = 1.0
SCORE_MAX = 5.0
# Differences of 0-1 criterion values below this are rounding noise, not a lead.
VALUE_TOLERANCE = 1e-9
METHOD = (
    "Money: four-year cost-of-living-adjusted total divided by the best offer's (best = 1). "
    f"Factors: your score from {SCORE_MIN:g} to {SCORE_MAX:g}, as (score - 1) / 4. "
    "Total = 100 x sum of (weight / sum of weights) x value."
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Contribution(_Model):
    """The points one criterion gives an offer: 100 x weight x value."""

    criterion: str
    label: str
    score: float | None
    value: float
    weight: float
    points: float


class OfferScore(_Model):
    offer: str
    rank: int
    total: float
    contributions: list[Contribution]


class TableRow(_Model):
    """One offer's money and scores, side by side with the others."""

    offer: str
    first_year_total: float
    four_year_total: float
    four_year_adjusted: float
    money_value: float
    scores: dict[str, float]
    clawback: str | None


class MoneyFlip(_Model):
    """More money the challenger needs: four-year adjusted total, or the same as base a year."""

    four_year_adjusted: float
    base_per_year: float


class ScoreFlip(_Model):
    """One score moved from `current` to `needed` on `offer` reverses the pair."""

    offer: str
    criterion: str
    current: float
    needed: float
    change: float


class WeightFlip(_Model):
    """One weight (on the person's own scale) moved from `current` to `needed`."""

    criterion: str
    current: float
    needed: float
    change: float


class Flip(_Model):
    """What would reverse `leader` and `challenger`, next to each other in the ranking."""

    leader: str
    challenger: str
    gap: float
    money: MoneyFlip | None
    scores: list[ScoreFlip]
    weights: list[WeightFlip]
    sentences: list[str]


class Comparison(_Model):
    currency: str
    method: str
    # The weights as the person gave them, and each one's share of their sum.
    weights: dict[str, float]
    weight_shares: dict[str, float]
    table: list[TableRow]
    values: list[OfferValue]
    ranking: list[OfferScore]
    flips: list[Flip]


def compare(
    offers: Sequence[Offer],
    weights: Mapping[str, float],
    scores: Mapping[str, Mapping[str, float]],
    scenario: Scenario | None = None,
) -> Comparison:
    """Score, rank and explain offers; `scores` maps offer name -> criterion -> 1..5 score."""
    raw = _checked_weights(weights)
    _check_offers(offers)
    given = _checked_scores(offers, scores, raw)
    values = [offer_value(o, scenario) for o in offers]
    table = _value_table(offers, values, given)
    total_weight = math.fsum(raw.values())
    share = {c: w / total_weight for c, w in raw.items()}
    scored = [_score(row, share) for row in table]
    order = sorted(range(len(offers)), key=lambda i: (-scored[i][0], i))
    ranking = [
        OfferScore(offer=table[i].offer, rank=r + 1, total=scored[i][0], contributions=scored[i][1])
        for r, i in enumerate(order)
    ]
    context = _FlipContext(table, raw, {o.name: o for o in offers}, scenario, offers[0].currency)
    flips = [context.flip(table[a], table[b]) for a, b in itertools.pairwise(order)]
    return Comparison(
        currency=offers[0].currency,
        method=METHOD,
        weights=raw,
        weight_shares=share,
        table=table,
        values=values,
        ranking=ranking,
        flips=flips,
    )


def criterion_value(row: TableRow, criterion: str) -> float:
    """The 0-1 value of one criterion for one offer."""
    if criterion == MONEY:
        return row.money_value
    return (row.scores[criterion] - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)


def _checked_weights(weights: Mapping[str, float]) -> dict[str, float]:
    unknown = sorted(set(weights) - set(CRITERIA))
    if unknown:
        raise InvalidInput(
            f"Unknown criteria in the weights: {', '.join(unknown)}.",
            hint=f"Use: {', '.join(CRITERIA)}.",
        )
    bad = {c: w for c, w in weights.items() if not math.isfinite(w) or w < 0}
    if bad:
        raise InvalidInput(f"Weights must be zero or more: {bad}.")
    raw = {c: float(weights.get(c, 0.0)) for c in CRITERIA}
    if math.fsum(raw.values()) <= 0:
        raise InvalidInput("At least one weight must be above zero.", hint="Weigh money at least.")
    return raw


def _check_offers(offers: Sequence[Offer]) -> None:
    if not offers:
        raise InvalidInput("There is no offer to compare.")
    names = [o.name for o in offers]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise InvalidInput(f"Two offers share a name: {', '.join(doubles)}.", hint="Rename one.")
    currencies = sorted({o.currency for o in offers})
    if len(currencies) > 1:
        raise InvalidInput(
            f"The offers are in different currencies ({', '.join(currencies)}).",
            hint="Convert them to one currency before comparing.",
        )


def _checked_scores(
    offers: Sequence[Offer], scores: Mapping[str, Mapping[str, float]], raw: dict[str, float]
) -> dict[str, dict[str, float]]:
    names = {o.name for o in offers}
    strangers = sorted(set(scores) - names)
    if strangers:
        raise InvalidInput(f"Scores for offers not being compared: {', '.join(strangers)}.")
    needed = [c for c in CRITERIA if c != MONEY and raw[c] > 0]
    checked: dict[str, dict[str, float]] = {}
    for offer in offers:
        given = dict(scores.get(offer.name, {}))
        unknown = sorted(set(given) - set(CRITERIA) - {MONEY})
        if unknown or MONEY in given:
            raise InvalidInput(
                f"{offer.name}: cannot score {', '.join(unknown) or MONEY}.",
                hint="Money is computed from the offer; score only "
                + ", ".join(f.value for f in Factor)
                + ".",
            )
        missing = [c for c in needed if c not in given]
        if missing:
            raise InvalidInput(
                f"{offer.name} has no score for {', '.join(missing)}, which you weigh.",
                hint=f"Score it from {SCORE_MIN:g} to {SCORE_MAX:g}, or set its weight to 0.",
            )
        for criterion, score in given.items():
            if not SCORE_MIN <= score <= SCORE_MAX:
                raise InvalidInput(
                    f"{offer.name}: the {LABELS[criterion]} score {score:g} is outside "
                    f"{SCORE_MIN:g}-{SCORE_MAX:g}."
                )
        checked[offer.name] = {str(c): float(s) for c, s in given.items()}
    return checked


def _value_table(
    offers: Sequence[Offer], values: list[OfferValue], scores: dict[str, dict[str, float]]
) -> list[TableRow]:
    money = [v.four_year_adjusted for v in values]
    best = max(money)
    return [
        TableRow(
            offer=offer.name,
            first_year_total=value.first_year_total,
            four_year_total=value.four_year_total,
            four_year_adjusted=value.four_year_adjusted,
            # With no money anywhere, money cannot tell offers apart: all get 0.
            money_value=value.four_year_adjusted / best if best > 0 else 0.0,
            scores=scores[offer.name],
            clawback=value.clawback.text if value.clawback else None,
        )
        for offer, value in zip(offers, values, strict=True)
    ]


def _score(row: TableRow, share: dict[str, float]) -> tuple[float, list[Contribution]]:
    contributions = []
    for criterion in CRITERIA:
        if share[criterion] == 0:
            continue
        value = criterion_value(row, criterion)
        contributions.append(
            Contribution(
                criterion=criterion,
                label=LABELS[criterion],
                score=None if criterion == MONEY else row.scores[criterion],
                value=value,
                weight=share[criterion],
                points=100 * share[criterion] * value,
            )
        )
    return math.fsum(c.points for c in contributions), contributions


class _FlipContext:
    """What the flip analysis needs about all offers: money, raw weights, the offers."""

    def __init__(
        self,
        table: list[TableRow],
        raw: dict[str, float],
        offers: dict[str, Offer],
        scenario: Scenario | None,
        currency: str,
    ) -> None:
        self.table = table
        self.raw = raw
        self.share = {c: w / math.fsum(raw.values()) for c, w in raw.items()}
        self.offers = offers
        self.scenario = scenario
        self.currency = currency
        self.best_money = max(r.four_year_adjusted for r in table)

    def flip(self, leader: TableRow, challenger: TableRow) -> Flip:
        gap = self._total(leader) - self._total(challenger)
        money = self._money_flip(leader, challenger, gap)
        scores = self._score_flips(leader, challenger, gap)
        weights = self._weight_flips(leader, challenger)
        return Flip(
            leader=leader.offer,
            challenger=challenger.offer,
            gap=100 * gap,
            money=money,
            scores=scores,
            weights=weights,
            sentences=self._sentences(leader, challenger, gap, money, scores, weights),
        )

    def _total(self, row: TableRow) -> float:
        return math.fsum(self.share[c] * criterion_value(row, c) for c in CRITERIA if self.share[c])

    def _non_money(self, row: TableRow) -> float:
        return self._total(row) - self.share[MONEY] * row.money_value

    def _money_flip(self, leader: TableRow, challenger: TableRow, gap: float) -> MoneyFlip | None:
        w = self.share[MONEY]
        best = self.best_money
        if w == 0 or best <= 0:
            return None
        needed = gap * best / w
        if challenger.four_year_adjusted + needed > best:
            # The challenger becomes the richest offer: its money value is 1 from then on,
            # and the leader's money value shrinks as the challenger's total grows.
            room = w + self._non_money(challenger) - self._non_money(leader)
            if room <= 0:
                return None
            needed = w * leader.four_year_adjusted / room - challenger.four_year_adjusted
        per_base = four_year_adjusted_per_base(self.offers[challenger.offer], self.scenario)
        return MoneyFlip(four_year_adjusted=needed, base_per_year=needed / per_base)

    def _score_flips(self, leader: TableRow, challenger: TableRow, gap: float) -> list[ScoreFlip]:
        flips = []
        for criterion in CRITERIA[1:]:
            w = self.share[criterion]
            if w == 0:
                continue
            step = gap / w * (SCORE_MAX - SCORE_MIN)
            up = challenger.scores[criterion] + step
            down = leader.scores[criterion] - step
            # At the bound the two would only tie, so the bound itself is out of reach.
            if up < SCORE_MAX:
                flips.append(
                    ScoreFlip(
                        offer=challenger.offer,
                        criterion=criterion,
                        current=challenger.scores[criterion],
                        needed=up,
                        change=step,
                    )
                )
            if down > SCORE_MIN:
                flips.append(
                    ScoreFlip(
                        offer=leader.offer,
                        criterion=criterion,
                        current=leader.scores[criterion],
                        needed=down,
                        change=-step,
                    )
                )
        return sorted(flips, key=lambda f: abs(f.change))

    def _weight_flips(self, leader: TableRow, challenger: TableRow) -> list[WeightFlip]:
        # The order depends on the sign of D = sum of raw weight x (leader - challenger) value;
        # moving one weight by t changes D by t x that criterion's difference.
        diffs = {
            c: criterion_value(leader, c) - criterion_value(challenger, c)
            for c in CRITERIA
            if self._scored(c)
        }
        lead = math.fsum(self.raw[c] * d for c, d in diffs.items())
        flips = []
        for criterion, diff in diffs.items():
            # Values are on a 0-1 scale; a difference below this is rounding noise (for money,
            # under a millionth of the best offer) and no finite weight change should hinge on it.
            if abs(diff) < VALUE_TOLERANCE:
                continue
            needed = self.raw[criterion] - lead / diff
            if diff > 0 and needed <= 0:
                continue
            flips.append(
                WeightFlip(
                    criterion=criterion,
                    current=self.raw[criterion],
                    needed=needed,
                    change=needed - self.raw[criterion],
                )
            )
        return sorted(flips, key=lambda f: abs(f.change))

    def _scored(self, criterion: str) -> bool:
        """Whether every offer has a value for it (factors weighted 0 may lack scores)."""
        return criterion == MONEY or all(criterion in r.scores for r in self.table)

    def _sentences(
        self,
        leader: TableRow,
        challenger: TableRow,
        gap: float,
        money: MoneyFlip | None,
        scores: list[ScoreFlip],
        weights: list[WeightFlip],
    ) -> list[str]:
        a, b = leader.offer, challenger.offer
        lines = [f"{a} leads {b} by {100 * gap:.1f} points."]
        if money is not None:
            lines.append(
                f"{b} would move ahead with {money.four_year_adjusted:,.0f} {self.currency} "
                f"more over four years (cost-of-living adjusted), for example "
                f"{money.base_per_year:,.0f} {self.currency} more base a year."
            )
        elif self.share[MONEY] > 0:
            lines.append(f"No amount of money alone would put {b} ahead of {a}.")
        if scores:
            s = scores[0]
            lines.append(
                f"Or if you scored {s.offer}'s {LABELS[s.criterion]} {s.needed:.2f} "
                f"instead of {s.current:g}."
            )
        else:
            lines.append(f"No single score within {SCORE_MIN:g}-{SCORE_MAX:g} would reverse them.")
        if weights:
            w = weights[0]
            lines.append(
                f"Or if your weight on {LABELS[w.criterion]} went from {w.current:g} "
                f"to {w.needed:.2f}."
            )
        else:
            lines.append("No single weight would reverse them.")
        return lines
