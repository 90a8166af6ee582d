from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from landml.errors import InvalidInput
from landml.offers.vesting import (
    VestingKind,
    VestingSpec,
    amounts_by_year,
    vesting_schedule,
)


def test_monthly_with_cliff_vests_nothing_before_month_12_then_a_quarter() -> None:
    tranches = vesting_schedule("monthly", 4800)
    assert tranches[0].month == 12
    assert tranches[0].fraction == pytest.approx(0.25)
    assert tranches[0].amount == pytest.approx(1200)
    assert [t.month for t in tranches[1:]] == list(range(13, 49))
    assert all(t.amount == pytest.approx(100) for t in tranches[1:])
    assert math.fsum(t.fraction for t in tranches) == pytest.approx(1.0)


def test_quarterly_after_the_cliff_pays_a_sixteenth_each_quarter() -> None:
    tranches = vesting_schedule(VestingKind.quarterly, 1600)
    assert [(t.month, t.amount) for t in tranches[:3]] == [(12, 400), (15, 100), (18, 100)]
    assert tranches[-1].month == 48
    assert len(tranches) == 13


def test_yearly_is_a_quarter_each_year_end() -> None:
    tranches = vesting_schedule("yearly", 100)
    assert [(t.month, t.amount) for t in tranches] == [(12, 25), (24, 25), (36, 25), (48, 25)]


def test_back_loaded_years_are_5_15_40_40() -> None:
    tranches = vesting_schedule("back_loaded", 100)
    assert amounts_by_year(tranches, 4) == pytest.approx([5, 15, 40, 40])


def test_back_loaded_every_six_months_keeps_year_totals_and_the_cliff() -> None:
    tranches = vesting_schedule("back_loaded", 100, every_months=6)
    assert [t.month for t in tranches] == [12, 18, 24, 30, 36, 42, 48]
    assert tranches[0].amount == pytest.approx(5)
    assert tranches[1].amount == pytest.approx(7.5)
    assert amounts_by_year(tranches, 4) == pytest.approx([5, 15, 40, 40])


def test_front_loaded_years_are_40_30_20_10() -> None:
    tranches = vesting_schedule("front_loaded", 1000)
    assert amounts_by_year(tranches, 4) == pytest.approx([400, 300, 200, 100])


def test_custom_yearly_percentages_and_fractions_give_the_same_schedule() -> None:
    percent = vesting_schedule("custom", 100, custom=[33, 33, 22, 12])
    fraction = vesting_schedule("custom", 100, custom=[0.33, 0.33, 0.22, 0.12])
    assert [t.amount for t in percent] == pytest.approx([33, 33, 22, 12])
    assert [t.fraction for t in percent] == pytest.approx([t.fraction for t in fraction])


def test_custom_three_year_schedule_sets_its_own_length() -> None:
    tranches = vesting_schedule("custom", 90, custom=[50, 30, 20])
    assert [t.month for t in tranches] == [12, 24, 36]
    with pytest.raises(InvalidInput, match="cover 36 months"):
        vesting_schedule("custom", 90, custom=[50, 30, 20], months=48)


def test_custom_tranches_are_taken_as_written_without_the_cliff() -> None:
    tranches = vesting_schedule("custom", 200, custom=[(18, 50), (6, 50)])
    assert [(t.month, t.amount) for t in tranches] == [(6, 100), (18, 100)]
    assert amounts_by_year(tranches, 4) == [100, 100, 0, 0]


def test_percentages_typed_with_rounding_are_rescaled_to_pay_the_whole_grant() -> None:
    tranches = vesting_schedule("custom", 300, custom=[33.33, 33.33, 33.33], every_months=12)
    assert math.fsum(t.amount for t in tranches) == pytest.approx(300, abs=1e-9)


@pytest.mark.parametrize(
    ("custom", "message"),
    [
        ([33, 33, 33], "add up to 99"),
        ([50, 60], "add up to 110"),
        ([120, -20], "zero or more"),
        ([(12, 50), (12, 50)], "share a month"),
        ([(0, 100)], "1 or more"),
        ([], "needs its shares"),
    ],
)
def test_custom_schedules_that_do_not_add_up_are_refused_with_the_reason(
    custom: list[float] | list[tuple[int, float]], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        vesting_schedule("custom", 100, custom=custom)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "weekly"}, "Unknown vesting kind"),
        ({"kind": "monthly", "cliff_months": 60}, "after the last tranche"),
        ({"kind": "monthly", "cliff_months": -1}, "cannot be negative"),
        ({"kind": "quarterly", "months": 50}, "whole 3-month periods"),
        ({"kind": "monthly", "every_months": 3}, "drop every_months=3"),
        ({"kind": "back_loaded", "every_months": 5}, "not 5"),
        ({"kind": "back_loaded", "custom": [25, 25, 25, 25]}, "kind 'custom'"),
        ({"kind": "yearly", "custom": [25, 25, 25, 25]}, "kind 'custom'"),
    ],
)
def test_inconsistent_schedule_options_are_refused(kwargs: dict[str, object], message: str) -> None:
    kind = kwargs.pop("kind")
    with pytest.raises(InvalidInput, match=message):
        vesting_schedule(kind, 100, **kwargs)  # type: ignore[arg-type]


def test_a_negative_grant_is_refused() -> None:
    with pytest.raises(InvalidInput, match="zero or more"):
        vesting_schedule("monthly", -1)


@given(
    kind=st.sampled_from(["monthly", "quarterly", "yearly"]),
    years=st.integers(min_value=1, max_value=6),
    cliff=st.integers(min_value=0, max_value=24),
    grant=st.floats(min_value=0, max_value=1e9, allow_nan=False),
)
def test_even_schedules_pay_the_whole_grant_and_nothing_before_the_cliff(
    kind: str, years: int, cliff: int, grant: float
) -> None:
    months = 12 * years
    cliff = min(cliff, months)
    tranches = vesting_schedule(kind, grant, months=months, cliff_months=cliff)
    assert math.fsum(t.fraction for t in tranches) == pytest.approx(1.0)
    assert math.fsum(t.amount for t in tranches) == pytest.approx(grant, rel=1e-9, abs=1e-6)
    assert all(t.month >= cliff for t in tranches)
    assert [t.month for t in tranches] == sorted({t.month for t in tranches})
    assert tranches[-1].month == months


def test_amounts_by_year_shifts_a_later_grant_and_drops_what_vests_after_the_horizon() -> None:
    tranches = vesting_schedule("yearly", 100)
    assert amounts_by_year(tranches, 4, start_month=24) == [0, 0, 25, 25]


def test_vesting_spec_reports_a_bad_schedule_as_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="add up to 99"):
        VestingSpec(kind=VestingKind.custom, custom=[33, 33, 33])


def test_vesting_spec_reads_tranches_given_as_json_lists() -> None:
    spec = VestingSpec.model_validate({"kind": "custom", "custom": [[6, 0.5], [18, 0.5]]})
    assert [t.month for t in spec.tranches(10)] == [6, 18]
    assert spec.describe() == "custom"


def test_vesting_spec_describes_itself() -> None:
    assert VestingSpec().describe() == "monthly over 48 months, 12-month cliff"
    assert VestingSpec(kind=VestingKind.back_loaded).describe() == (
        "back-loaded 5/15/40/40, 12-month cliff"
    )
    assert VestingSpec(kind=VestingKind.quarterly, cliff_months=0).describe() == (
        "quarterly over 48 months"
    )
