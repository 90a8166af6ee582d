from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import ValidationError

from landml.errors import InvalidInput
from landml.offers.equity import (
    ExitScenario,
    OptionGrant,
    PriceScenario,
    Refresher,
    RsuGrant,
    common_value_per_share,
    default_exit_scenarios,
    expected_spread_per_share,
    option_outcomes,
    option_spread_per_share,
    option_summary,
    option_value_by_year,
    rsu_value_by_year,
    shares_at_exit,
    startup_outcome_sources,
)
from landml.offers.vesting import VestingKind, VestingSpec

YEARLY = VestingSpec(kind=VestingKind.yearly)


def _options(**changes: Any) -> OptionGrant:
    data: dict[str, Any] = {
        "shares": 100_000,
        "strike": 1.0,
        "preferred_price": 5.0,
        "fully_diluted_shares": 10_000_000,
        "exit_scenarios": [ExitScenario(name="all", probability=1.0, exit_value=100_000_000)],
    }
    data.update(changes)
    return OptionGrant(**data)


# RSUs


def test_rsu_years_scale_with_each_years_price() -> None:
    grant = RsuGrant(grant_value=400_000, vesting=YEARLY)
    years = rsu_value_by_year(grant, PriceScenario(multipliers=[1.0, 0.5, 2.0, 1.5]))
    assert years.initial == pytest.approx([100_000, 50_000, 200_000, 150_000])
    assert years.refreshers == [0, 0, 0, 0]


def test_a_short_price_list_holds_its_last_value() -> None:
    grant = RsuGrant(grant_value=400_000, vesting=YEARLY)
    years = rsu_value_by_year(grant, PriceScenario.flat(1.3))
    assert years.initial == pytest.approx([130_000] * 4)


def test_growth_scenario_compounds_each_year() -> None:
    scenario = PriceScenario.growth(0.1)
    assert scenario.multipliers == pytest.approx([1.1, 1.21, 1.331, 1.4641])


def test_price_path_in_currency_is_read_against_the_grant_price() -> None:
    scenario = PriceScenario.path([110, 90, 120, 150], grant_price=100)
    assert scenario.multipliers == pytest.approx([1.1, 0.9, 1.2, 1.5])
    with pytest.raises(InvalidInput, match="grant price"):
        PriceScenario.path([110], grant_price=0)


def test_a_price_multiplier_of_zero_or_less_is_refused() -> None:
    with pytest.raises(ValidationError, match="above zero"):
        PriceScenario(multipliers=[1.0, 0.0])


def test_refreshers_are_granted_in_currency_so_a_flat_price_does_not_move_them() -> None:
    refresher = Refresher(
        percent_of_initial=25, vesting=YEARLY.model_copy(update={"cliff_months": 0})
    )
    grant = RsuGrant(grant_value=400_000, vesting=YEARLY, refresher=refresher)
    flat = rsu_value_by_year(grant, PriceScenario.flat(1.0))
    doubled = rsu_value_by_year(grant, PriceScenario.flat(2.0))
    # One refresher of 100,000 granted at the end of each of years 1-3, vesting 25% a year.
    assert flat.refreshers == pytest.approx([0, 25_000, 50_000, 75_000])
    assert doubled.refreshers == pytest.approx(flat.refreshers)
    assert doubled.initial == pytest.approx([2 * v for v in flat.initial])


def test_refreshers_move_with_the_price_since_their_grant() -> None:
    refresher = Refresher(percent_of_initial=25, every_years=2)
    grant = RsuGrant(grant_value=400_000, vesting=YEARLY, refresher=refresher)
    years = rsu_value_by_year(grant, PriceScenario(multipliers=[1.0, 2.0, 3.0, 4.0]))
    # One refresher, granted at the end of year 2 (price x2), quarterly without a cliff:
    # 25,000 of it vests in each of years 3 and 4, at x3/x2 and x4/x2.
    assert years.refreshers == pytest.approx([0, 0, 25_000 * 1.5, 25_000 * 2.0])


# Options


def test_an_exit_below_the_strike_gives_nothing() -> None:
    grant = _options(strike=12.0)
    # 100M over 10M shares is 10 a share, below the strike of 12.
    assert common_value_per_share(grant, 100_000_000) == pytest.approx(10)
    assert option_spread_per_share(grant, 100_000_000) == 0
    assert option_value_by_year(grant) == [0, 0, 0, 0]


def test_dilution_grows_the_share_count_round_by_round() -> None:
    grant = _options(dilution_per_round=0.25, rounds_before_exit=2)
    assert shares_at_exit(grant) == pytest.approx(10_000_000 / 0.75**2)
    assert common_value_per_share(grant, 100_000_000) == pytest.approx(10 * 0.75**2)
    summary = option_summary(grant)
    assert summary.ownership_now == pytest.approx(0.01)
    assert summary.ownership_at_exit == pytest.approx(0.01 * 0.5625)


def test_simple_preference_stack_is_paid_before_common() -> None:
    grant = _options(liquidation_preferences=50_000_000)
    assert common_value_per_share(grant, 40_000_000) == 0
    assert common_value_per_share(grant, 60_000_000) == pytest.approx(1.0)
    assert option_spread_per_share(grant, 60_000_000) == 0


def test_non_participating_preferred_take_the_stack_or_convert() -> None:
    grant = _options(liquidation_preferences=50_000_000, preferred_shares=4_000_000)
    # Below the stack common gets nothing; above it, investors take 50M while their 40%
    # would be worth less, and convert once 40% of the exit passes 50M (an exit of 125M).
    assert common_value_per_share(grant, 40_000_000) == 0
    assert common_value_per_share(grant, 60_000_000) == pytest.approx(10_000_000 / 6_000_000)
    assert common_value_per_share(grant, 125_000_000) == pytest.approx(12.5)
    assert common_value_per_share(grant, 200_000_000) == pytest.approx(20)


def test_new_round_shares_count_as_preferred_when_preferred_shares_are_known() -> None:
    grant = _options(
        liquidation_preferences=80_000_000,
        preferred_shares=4_000_000,
        dilution_per_round=0.2,
        rounds_before_exit=1,
    )
    # 12.5M shares at exit, 6M of them common; investors hold 6.5M and convert only when
    # 52% of the exit passes 80M.
    assert common_value_per_share(grant, 100_000_000) == pytest.approx(20_000_000 / 6_000_000)
    assert common_value_per_share(grant, 250_000_000) == pytest.approx(20)


def test_expected_value_weighs_each_exit_by_its_probability() -> None:
    grant = _options(
        strike=2.0,
        exit_scenarios=[
            ExitScenario(name="fails", probability=0.7, exit_value=0),
            ExitScenario(name="sold", probability=0.2, exit_value=60_000_000),
            ExitScenario(name="ipo", probability=0.1, exit_value=300_000_000),
        ],
    )
    # Spreads per share: 0, 6 - 2 = 4, 30 - 2 = 28.
    assert expected_spread_per_share(grant) == pytest.approx(0.2 * 4 + 0.1 * 28)
    outcomes = {o.name: o for o in option_outcomes(grant)}
    assert outcomes["ipo"].grant_value == pytest.approx(28 * 100_000)
    assert math.fsum(o.weighted_value for o in outcomes.values()) == pytest.approx(
        (0.2 * 4 + 0.1 * 28) * 100_000
    )


def test_option_years_follow_the_vesting_schedule() -> None:
    grant = _options(strike=2.0, vesting=VestingSpec(kind=VestingKind.back_loaded))
    per_share = 10 - 2
    assert option_value_by_year(grant) == pytest.approx(
        [f * 100_000 * per_share for f in (0.05, 0.15, 0.40, 0.40)]
    )
    assert option_value_by_year(grant, exit_value=0) == [0, 0, 0, 0]


def test_summary_reports_paper_value_exercise_cost_and_that_paper_is_not_cash() -> None:
    summary = option_summary(_options(strike=2.0))
    assert summary.paper_value == pytest.approx(500_000)
    assert summary.paper_spread == pytest.approx(300_000)
    assert summary.exercise_cost == pytest.approx(200_000)
    assert summary.exercise_cost_by_year == pytest.approx([50_000] * 4)
    assert summary.post_money_valuation == pytest.approx(50_000_000)
    assert any("not cash" in note for note in summary.notes)


def test_scenarios_without_a_failure_are_flagged() -> None:
    summary = option_summary(_options())
    assert any("No scenario has the company fail" in note for note in summary.notes)


def test_probabilities_that_do_not_add_up_are_refused_with_the_missing_share() -> None:
    with pytest.raises(ValidationError, match=r"add up to 0\.6\b.*probability 0\.4"):
        _options(
            exit_scenarios=[
                ExitScenario(name="sold", probability=0.4, exit_value=1e8),
                ExitScenario(name="ipo", probability=0.2, exit_value=1e9),
            ]
        )


def test_valuation_multiples_need_the_preferred_price() -> None:
    with pytest.raises(ValidationError, match="preferred_price"):
        _options(preferred_price=None, exit_scenarios=default_exit_scenarios())


def test_an_exit_scenario_needs_exactly_one_value() -> None:
    with pytest.raises(ValidationError, match="exactly one"):
        ExitScenario(name="both", probability=1, exit_value=1, valuation_multiple=1)
    with pytest.raises(ValidationError, match="exactly one"):
        ExitScenario(name="neither", probability=1)


def test_preferred_shares_must_leave_room_for_the_grant() -> None:
    with pytest.raises(ValidationError, match="no room"):
        _options(preferred_shares=9_950_000)


# Shipped defaults


def test_default_exit_scenarios_add_up_and_say_most_startups_fail() -> None:
    scenarios = default_exit_scenarios()
    assert math.fsum(s.probability for s in scenarios) == pytest.approx(1.0)
    fails = max(scenarios, key=lambda s: s.probability)
    assert fails.valuation_multiple == 0
    assert fails.probability > 0.5
    assert all(s.note for s in scenarios)


def test_options_use_the_defaults_and_say_so_when_none_are_given() -> None:
    grant = OptionGrant(
        shares=10_000, strike=1.0, preferred_price=4.0, fully_diluted_shares=20_000_000
    )
    summary = option_summary(grant)
    assert summary.uses_default_scenarios
    assert any("landml's defaults" in note for note in summary.notes)
    valuation = 4.0 * 20_000_000
    expected = math.fsum(
        s.probability * max(0.0, (s.valuation_multiple or 0) * valuation / 20_000_000 - 1.0)
        for s in default_exit_scenarios()
    )
    assert summary.expected_spread_per_share == pytest.approx(expected)


def test_every_default_source_names_author_title_publication_and_date() -> None:
    sources = startup_outcome_sources()
    assert len(sources) >= 2
    for source in sources:
        for key in ("author", "title", "publication", "date", "finding"):
            assert source.get(key), (source.get("id"), key)
    cited = " ".join(s.note or "" for s in default_exit_scenarios())
    assert "Levine 2014" in cited
    assert "Ghosh" in cited
