from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from landml.insights.durations import (
    MEDIAN,
    P75,
    Spell,
    empirical_quantile,
    kaplan_meier,
    stage_spells,
    stage_time,
    survival_quantile,
    time_in_stages,
)
from landml.insights.funnel import StagePath

from .histories import day, history

PATH = StagePath()

# Seven stays in days; False marks one still going on (censored) when last seen.
HAND_EXAMPLE = [
    (2.0, True),
    (3.0, False),
    (4.0, True),
    (5.0, True),
    (5.0, True),
    (8.0, False),
    (10.0, True),
]


def test_kaplan_meier_matches_the_hand_computation() -> None:
    # By hand: at t=2, 7 at risk, 1 ends: S = 6/7. The stay censored at 3 leaves the risk
    # set, so at t=4, 5 at risk, 1 ends: S = 6/7 * 4/5 = 24/35. At t=5, 4 at risk, 2 end:
    # S = 24/35 * 2/4 = 12/35. The stay censored at 8 leaves; at t=10, 1 at risk, 1 ends: 0.
    curve = kaplan_meier(HAND_EXAMPLE)
    assert [(s.days, s.at_risk, s.ended, s.survival) for s in curve] == [
        (2.0, 7, 1, Fraction(6, 7)),
        (4.0, 5, 1, Fraction(24, 35)),
        (5.0, 4, 2, Fraction(12, 35)),
        (10.0, 1, 1, Fraction(0)),
    ]
    # S first falls to 1/2 or below at t=5 (12/35), and to 1/4 or below at t=10.
    assert survival_quantile(curve, MEDIAN) == 5.0
    assert survival_quantile(curve, P75) == 10.0


def test_naive_figures_drop_the_open_stays_and_differ_from_kaplan_meier() -> None:
    spells = [Spell("applied", days, ended) for days, ended in HAND_EXAMPLE]
    result = stage_time("applied", "Applied", spells)
    assert (result.spells, result.open, result.finished) == (7, 2, 5)
    assert (result.median_days, result.p75_days) == (5.0, 10.0)
    # Finished stays only: 2, 4, 5, 5, 10 -> 3rd and 4th smallest.
    assert (result.finished_median_days, result.finished_p75_days) == (5.0, 5.0)
    assert result.longest_observed_days == 10.0


def test_a_median_sitting_exactly_on_a_step_is_found_there() -> None:
    curve = kaplan_meier([(1.0, True), (2.0, True), (3.0, True), (4.0, True)])
    assert curve[1].survival == Fraction(1, 2)
    assert survival_quantile(curve, MEDIAN) == 2.0
    assert empirical_quantile([1.0, 2.0, 3.0, 4.0], MEDIAN) == 2.0


def test_the_median_is_unknown_while_most_stays_are_still_open() -> None:
    result = stage_time(
        "applied",
        "Applied",
        [Spell("applied", 1.0, True), Spell("applied", 5.0, False), Spell("applied", 6.0, False)],
    )
    assert result.median_days is None and result.p75_days is None
    assert result.longest_observed_days == 6.0
    assert result.finished_median_days == 1.0


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=40))
def test_without_censoring_kaplan_meier_equals_the_empirical_quantiles(days: list[int]) -> None:
    values = [float(d) for d in days]
    curve = kaplan_meier((v, True) for v in values)
    for q in (MEDIAN, P75):
        assert survival_quantile(curve, q) == empirical_quantile(values, q)


def test_an_open_application_changes_the_estimate_instead_of_vanishing() -> None:
    answered = [history(i, ("applied", 0), ("recruiter_call", i)) for i in (1, 2, 3)]
    now = day(10)
    (closed_only,) = [t for t in time_in_stages(answered, PATH, now) if t.stage == "applied"]
    waiting = [history(i, ("applied", 0)) for i in (4, 5)]
    (with_open,) = [
        t for t in time_in_stages(answered + waiting, PATH, now) if t.stage == "applied"
    ]
    assert closed_only.median_days == 2.0
    # Two applications still waiting after 10 days: S(1)=4/5, S(2)=3/5, S(3)=2/5 -> median 3.
    assert with_open.median_days == 3.0
    assert (with_open.spells, with_open.open) == (5, 2)
    # The naive figure ignores them and stays where it was.
    assert with_open.finished_median_days == closed_only.median_days == 2.0


def test_spells_skip_terminal_stages_and_censor_the_open_stay_at_now() -> None:
    closed = history(1, ("saved", 0), ("applied", 1.5), ("rejected", 5))
    open_ = history(2, ("applied", 0), ("tech_screen", 4))
    assert stage_spells(closed, PATH, day(30)) == [
        Spell("saved", 1.5, True),
        Spell("applied", 3.5, True),
    ]
    assert stage_spells(open_, PATH, day(30)) == [
        Spell("applied", 4.0, True),
        Spell("tech_screen", 26.0, False),
    ]


def test_time_in_stages_lists_stages_in_path_order() -> None:
    histories = [
        history(1, ("applied", 0), ("onsite", 3), ("rejected", 6)),
        history(2, ("saved", 0), ("applied", 1), ("recruiter_call", 2)),
    ]
    result = time_in_stages(histories, PATH, day(10))
    assert [t.stage for t in result] == ["saved", "applied", "recruiter_call", "onsite"]
    assert result[1].median_days == pytest.approx(1.0)
