from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from landml.errors import InvalidInput
from landml.offers.compensation import Offer
from landml.offers.decision import CRITERIA, MONEY, Comparison, Factor, compare

EPS = 1e-6


def _offer(name: str, base: float, **changes: Any) -> Offer:
    return Offer(name=name, base=base, **changes)


def _totals(comparison: Comparison) -> dict[str, float]:
    return {s.offer: s.total for s in comparison.ranking}


def _pair() -> tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]]:
    """A richer offer (A) and a better-mentored one (B); B leads 77.5 to 75."""
    offers = [_offer("A", 250_000), _offer("B", 200_000)]
    weights: dict[str, float] = {MONEY: 1.0, Factor.mentorship: 1.0}
    scores: dict[str, dict[str, float]] = {"A": {"mentorship": 3.0}, "B": {"mentorship": 4.0}}
    return offers, weights, scores


def test_money_value_is_relative_to_the_richest_offer_and_points_add_up() -> None:
    offers, weights, scores = _pair()
    result = compare(offers, weights, scores)
    assert [s.offer for s in result.ranking] == ["B", "A"]
    assert _totals(result) == pytest.approx({"A": 75.0, "B": 77.5})
    b = result.ranking[0]
    points = {c.criterion: c.points for c in b.contributions}
    assert points == pytest.approx({MONEY: 50 * 0.8, "mentorship": 50 * 0.75})
    assert result.weight_shares[MONEY] == pytest.approx(0.5)
    assert result.weights["mentorship"] == 1.0
    assert [row.money_value for row in result.table] == pytest.approx([1.0, 0.8])


def test_flip_gives_the_money_score_and_weight_changes_worked_out_by_hand() -> None:
    offers, weights, scores = _pair()
    flip = compare(offers, weights, scores).flips[0]
    assert (flip.leader, flip.challenger) == ("B", "A")
    assert flip.gap == pytest.approx(2.5)
    # A is already the richest: its money value stays 1 while B's shrinks to
    # 800,000 / (1,000,000 + x); they tie when 0.5 x 800,000 / (1,000,000 + x) = 0.375.
    assert flip.money is not None
    assert flip.money.four_year_adjusted == pytest.approx(800_000 * 0.5 / 0.375 - 1_000_000)
    assert flip.money.base_per_year == pytest.approx(flip.money.four_year_adjusted / 4)
    by_offer = {(s.offer, s.criterion): s for s in flip.scores}
    assert by_offer[("A", "mentorship")].needed == pytest.approx(3.2)
    assert by_offer[("B", "mentorship")].needed == pytest.approx(3.8)
    weight = {w.criterion: w for w in flip.weights}
    assert weight[MONEY].needed == pytest.approx(1.25)
    assert weight["mentorship"].needed == pytest.approx(0.8)
    assert flip.weights[0].criterion == "mentorship"
    assert flip.sentences[0] == "B leads A by 2.5 points."
    assert "66,667 USD more over four years" in flip.sentences[1]
    assert "16,667 USD more base a year" in flip.sentences[1]


def test_compare_ranks_the_three_kinds_of_offer_with_a_flip_per_adjacent_pair() -> None:
    offers = [
        _offer("BigCo", 200_000, bonus_percent=15),
        _offer("Startup", 160_000),
        _offer("Lab", 170_000, cost_of_living=0.8),
    ]
    weights = {MONEY: 2, Factor.role_match: 1, Factor.stability: 1}
    scores = {
        "BigCo": {"role_match": 2, "stability": 5},
        "Startup": {"role_match": 4, "stability": 1},
        "Lab": {"role_match": 5, "stability": 4},
    }
    result = compare(offers, weights, scores)
    assert [s.rank for s in result.ranking] == [1, 2, 3]
    assert [s.offer for s in result.ranking] == ["Lab", "BigCo", "Startup"]
    assert [(f.leader, f.challenger) for f in result.flips] == [
        ("Lab", "BigCo"),
        ("BigCo", "Startup"),
    ]
    for score in result.ranking:
        assert math.fsum(c.points for c in score.contributions) == pytest.approx(score.total)


def test_a_single_offer_ranks_alone_without_flips() -> None:
    result = compare([_offer("Only", 100_000)], {MONEY: 1}, {})
    assert result.ranking[0].total == pytest.approx(100)
    assert result.flips == []


def test_unweighted_factors_need_no_score_and_add_no_points() -> None:
    offers = [_offer("A", 100_000), _offer("B", 90_000)]
    result = compare(offers, {MONEY: 1, Factor.team: 0}, {"A": {"team": 5}})
    assert [c.criterion for c in result.ranking[0].contributions] == [MONEY]


@pytest.mark.parametrize(
    ("weights", "scores", "message"),
    [
        ({"salary": 1}, {}, "Unknown criteria in the weights: salary"),
        ({MONEY: -1}, {}, "zero or more"),
        ({MONEY: 0}, {}, "above zero"),
        ({MONEY: 1, "team": 1}, {"A": {"team": 3}}, "B has no score for team"),
        ({MONEY: 1, "team": 1}, {"A": {"team": 6}, "B": {"team": 3}}, "outside 1-5"),
        ({MONEY: 1, "team": 1}, {"A": {"team": 0}, "B": {"team": 3}}, "outside 1-5"),
        ({MONEY: 1}, {"A": {"money": 3}}, "cannot score money"),
        ({MONEY: 1}, {"A": {"vibes": 3}}, "cannot score vibes"),
        ({MONEY: 1}, {"C": {"team": 3}}, "offers not being compared: C"),
    ],
)
def test_bad_weights_and_scores_are_refused_with_the_reason(
    weights: dict[str, float], scores: dict[str, dict[str, float]], message: str
) -> None:
    offers = [_offer("A", 100_000), _offer("B", 90_000)]
    with pytest.raises(InvalidInput, match=message):
        compare(offers, weights, scores)


def test_offers_must_have_distinct_names_and_one_currency() -> None:
    with pytest.raises(InvalidInput, match="share a name"):
        compare([_offer("A", 1), _offer("A", 2)], {MONEY: 1}, {})
    with pytest.raises(InvalidInput, match="different currencies"):
        compare([_offer("A", 1), _offer("B", 2, currency="EUR")], {MONEY: 1}, {})
    with pytest.raises(InvalidInput, match="no offer"):
        compare([], {MONEY: 1}, {})


def test_money_alone_cannot_flip_when_the_leader_wins_on_everything_else_by_more() -> None:
    offers = [_offer("A", 100_000), _offer("B", 99_000)]
    weights = {MONEY: 1, Factor.growth: 3}
    scores = {"A": {"growth": 5}, "B": {"growth": 1}}
    flip = compare(offers, weights, scores).flips[0]
    assert flip.money is None
    assert "No amount of money alone" in flip.sentences[1]


# The flip analysis, checked by applying it: a hair past the change reverses the pair,
# a hair short of it does not.

names = ("North", "South", "East", "West")
criteria_weights = st.fixed_dictionaries(
    {c: st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0]) for c in CRITERIA[1:]}
).map(lambda w: {MONEY: 1.0, **w})


@st.composite
def decisions(draw: st.DrawFn) -> tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]]:
    count = draw(st.integers(min_value=2, max_value=4))
    offers = [
        Offer(
            name=names[i],
            base=draw(st.floats(min_value=50_000, max_value=400_000)),
            bonus_percent=draw(st.sampled_from([None, 10.0, 20.0])),
            raise_percent=draw(st.sampled_from([0.0, 3.0])),
            cost_of_living=draw(st.sampled_from([0.8, 1.0, 1.3])),
        )
        for i in range(count)
    ]
    weights = draw(criteria_weights)
    weights[MONEY] = draw(st.sampled_from([0.5, 1.0, 4.0]))
    score = st.floats(min_value=1, max_value=5)
    scores = {o.name: {c: draw(score) for c in CRITERIA[1:]} for o in offers}
    return offers, weights, scores


def _order(comparison: Comparison, leader: str, challenger: str) -> bool:
    """Whether the challenger now strictly beats the leader."""
    totals = _totals(comparison)
    return totals[challenger] > totals[leader]


@settings(max_examples=60, deadline=None)
@given(decisions())
def test_the_money_flip_reverses_the_pair_and_no_less_does(
    decision: tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]],
) -> None:
    offers, weights, scores = decision
    result = compare(offers, weights, scores)
    for flip in result.flips:
        assume(flip.gap > 1e-3)
        if flip.money is None:
            continue
        for factor, flips in ((1 + EPS, True), (1 - EPS, False)):
            changed = [
                o.model_copy(update={"base": o.base + flip.money.base_per_year * factor})
                if o.name == flip.challenger
                else o
                for o in offers
            ]
            again = compare(changed, weights, scores)
            assert _order(again, flip.leader, flip.challenger) is flips


@settings(max_examples=60, deadline=None)
@given(decisions())
def test_each_score_flip_reverses_the_pair_and_no_less_does(
    decision: tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]],
) -> None:
    offers, weights, scores = decision
    result = compare(offers, weights, scores)
    for flip in result.flips:
        assume(flip.gap > 1e-3)
        for change in flip.scores:
            for factor, flips in ((1 + EPS, True), (1 - EPS, False)):
                moved = {name: dict(s) for name, s in scores.items()}
                moved[change.offer][change.criterion] = change.current + change.change * factor
                assume(1 <= moved[change.offer][change.criterion] <= 5)
                again = compare(offers, weights, moved)
                assert _order(again, flip.leader, flip.challenger) is flips


@settings(max_examples=60, deadline=None)
@given(decisions())
def test_each_weight_flip_reverses_the_pair_and_no_less_does(
    decision: tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]],
) -> None:
    offers, weights, scores = decision
    result = compare(offers, weights, scores)
    for flip in result.flips:
        assume(flip.gap > 1e-3)
        for change in flip.weights:
            for factor, flips in ((1 + EPS, True), (1 - EPS, False)):
                moved = dict(weights)
                moved[change.criterion] = change.current + change.change * factor
                assume(moved[change.criterion] >= 0)
                again = compare(offers, moved, scores)
                assert _order(again, flip.leader, flip.challenger) is flips


@settings(max_examples=60, deadline=None)
@given(decisions())
def test_contributions_add_up_to_each_total_and_the_ranking_follows_totals(
    decision: tuple[list[Offer], dict[str, float], dict[str, dict[str, float]]],
) -> None:
    offers, weights, scores = decision
    result = compare(offers, weights, scores)
    for score in result.ranking:
        assert math.fsum(c.points for c in score.contributions) == pytest.approx(score.total)
        assert 0 <= score.total <= 100 + 1e-9
    totals = [s.total for s in result.ranking]
    assert totals == sorted(totals, reverse=True)
    assert max(row.money_value for row in result.table) == pytest.approx(1.0)


def test_scores_keyed_by_factor_read_like_strings_and_the_result_is_json() -> None:
    offers = [_offer("A", 100_000), _offer("B", 90_000)]
    weights = {MONEY: 1.0, Factor.team: 1.0}
    scores: dict[str, dict[str, float]] = {"A": {Factor.team: 2.0}, "B": {Factor.team: 4.0}}
    result = compare(offers, weights, scores)
    data = json.loads(result.model_dump_json())
    assert data["table"][1]["scores"] == {"team": 4.0}
    assert [s["offer"] for s in data["ranking"]] == ["B", "A"]
    assert data["flips"][0]["sentences"][0] == "B leads A by 20.0 points."
