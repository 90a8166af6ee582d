from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from landml.errors import InvalidInput
from landml.offers.compensation import (
    Offer,
    Scenario,
    SignOn,
    four_year_adjusted_per_base,
    offer_value,
    read_offer,
    sensitivity,
    sign_on_clawback,
)
from landml.offers.equity import PriceScenario


def big_tech() -> Offer:
    """Base, 15% bonus, sign-on with clawback, RSUs vesting yearly, 25% refreshers."""
    return read_offer(
        {
            "name": "BigCo",
            "base": 200_000,
            "bonus_percent": 15,
            "sign_on": {"amount": 50_000, "clawback_months": 12},
            "equity": {
                "kind": "rsu",
                "grant_value": 400_000,
                "share_price": 100,
                "vesting": {"kind": "yearly"},
                "refresher": {"percent_of_initial": 25},
            },
        }
    )


def startup() -> Offer:
    """Options under one future round of dilution, a preference stack and three exits."""
    return read_offer(
        {
            "name": "Startup",
            "base": 150_000,
            "equity": {
                "kind": "options",
                "shares": 80_000,
                "strike": 2.0,
                "preferred_price": 8.0,
                "fully_diluted_shares": 40_000_000,
                "liquidation_preferences": 100_000_000,
                "dilution_per_round": 0.2,
                "rounds_before_exit": 1,
                "exit_scenarios": [
                    {"name": "fails", "probability": 0.7, "exit_value": 0},
                    {"name": "sold", "probability": 0.2, "exit_value": 600_000_000},
                    {"name": "ipo", "probability": 0.1, "exit_value": 2_000_000_000},
                ],
            },
        }
    )


def research_lab() -> Offer:
    """No equity: base with 3% raises, a fixed bonus, benefits, a cheaper place."""
    return read_offer(
        {
            "name": "Lab",
            "base": 180_000,
            "raise_percent": 3,
            "bonus_amount": 10_000,
            "benefits": {"retirement_match": 18_000, "stipends": 2_000},
            "cost_of_living": 0.8,
        }
    )


def test_big_tech_rows_with_growing_stock_and_refreshers() -> None:
    value = offer_value(big_tech(), Scenario(name="+10%", price=PriceScenario.growth(0.10)))
    # Refreshers of 100,000 granted at the end of years 1-3 (prices x1.1, x1.21, x1.331),
    # vesting quarterly without a cliff: 25,000 a year each, at the vest year's price.
    year1 = 200_000 + 30_000 + 50_000 + 100_000 * 1.1
    year2 = 200_000 + 30_000 + 100_000 * 1.21 + 25_000 * 1.21 / 1.1
    year3 = 200_000 + 30_000 + 100_000 * 1.331 + 25_000 * (1.331 / 1.1 + 1.331 / 1.21)
    year4 = (
        200_000
        + 30_000
        + 100_000 * 1.4641
        + 25_000 * (1.4641 / 1.1 + 1.4641 / 1.21 + 1.4641 / 1.331)
    )
    assert [r.total for r in value.rows] == pytest.approx([year1, year2, year3, year4])
    assert value.first_year_total == pytest.approx(390_000)
    assert value.four_year_total == pytest.approx(year1 + year2 + year3 + year4)
    assert value.rows[1].refreshers == pytest.approx(27_500)
    assert value.rows[0].sign_on == 50_000
    assert value.rows[1].sign_on == 0
    assert value.equity_kind == "rsu"
    assert value.options is None


def test_startup_rows_count_options_at_expected_value() -> None:
    value = offer_value(startup())
    # 50M shares at exit; common per share (600M - 100M) / 50M = 10 and
    # (2,000M - 100M) / 50M = 38; minus the strike of 2: 8 and 36.
    per_share = 0.2 * 8 + 0.1 * 36
    yearly_equity = 20_000 * per_share
    assert [r.equity for r in value.rows] == pytest.approx([yearly_equity] * 4)
    assert value.first_year_total == pytest.approx(150_000 + yearly_equity)
    assert value.four_year_total == pytest.approx(4 * (150_000 + yearly_equity))
    assert value.options is not None
    assert value.options.paper_value == pytest.approx(640_000)
    assert value.options.exercise_cost == pytest.approx(160_000)
    assert value.equity_kind == "options"


def test_startup_at_one_exit_value_uses_that_exit() -> None:
    value = offer_value(startup(), Scenario(name="sold", exit_value=600_000_000))
    assert value.rows[0].equity == pytest.approx(20_000 * 8)
    assert any("at an exit of 600,000,000" in note for note in value.notes)


def test_research_lab_rows_raise_base_and_adjust_for_a_cheaper_place() -> None:
    value = offer_value(research_lab())
    bases = [180_000, 185_400, 190_962, 196_690.86]
    totals = [b + 10_000 + 20_000 for b in bases]
    assert [r.base for r in value.rows] == pytest.approx(bases)
    assert [r.total for r in value.rows] == pytest.approx(totals)
    assert value.four_year_total == pytest.approx(sum(totals))
    assert value.four_year_adjusted == pytest.approx(sum(totals) / 0.8)
    assert value.first_year_adjusted == pytest.approx(210_000 / 0.8)
    assert [r.total_adjusted for r in value.rows] == pytest.approx([t / 0.8 for t in totals])
    assert value.equity_kind is None
    assert value.clawback is None


def test_bonus_payout_scales_the_target_bonus() -> None:
    value = offer_value(big_tech(), Scenario(bonus_payout=0.5))
    assert value.rows[0].bonus == pytest.approx(15_000)
    assert offer_value(research_lab(), Scenario(bonus_payout=0)).rows[0].bonus == 0


def test_sign_on_clawback_is_reported_with_the_amount_at_risk() -> None:
    clawback = offer_value(big_tech()).clawback
    assert clawback is not None
    assert clawback.amount == 50_000
    assert clawback.months == 12
    assert "within 12 months" in clawback.text
    assert "50,000 USD" in clawback.text


def test_split_sign_on_is_paid_by_year_and_only_instalments_inside_the_window_are_at_risk() -> None:
    sign_on = SignOn(amount=100_000, clawback_months=12, by_year=[60_000, 40_000])
    offer = Offer(name="Split", base=100_000, sign_on=sign_on)
    value = offer_value(offer)
    assert [r.sign_on for r in value.rows] == [60_000, 40_000, 0, 0]
    clawback = sign_on_clawback(offer)
    assert clawback is not None
    assert clawback.amount == 60_000
    longer = offer.model_copy(
        update={"sign_on": sign_on.model_copy(update={"clawback_months": 24})}
    )
    assert sign_on_clawback(longer).amount == 100_000  # type: ignore[union-attr]


def test_sign_on_instalments_must_add_up_to_the_amount() -> None:
    with pytest.raises(ValidationError, match=r"add up to 90,000\.00"):
        SignOn(amount=100_000, by_year=[50_000, 40_000])


def test_read_offer_names_every_faulty_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_offer(
            {
                "name": "Bad",
                "base": -1,
                "currency": "dollars",
                "equity": {"kind": "options", "shares": 10, "strike": 1, "fully_diluted_shares": 5},
            }
        )
    message = str(caught.value)
    assert "base" in message
    assert "currency" in message
    assert "more shares than the fully diluted count" in message


def test_bonus_as_percentage_and_amount_together_is_refused() -> None:
    with pytest.raises(InvalidInput, match="percentage of base or as an amount"):
        read_offer({"name": "Both", "base": 1, "bonus_percent": 10, "bonus_amount": 5})


def test_offer_value_round_trips_through_json() -> None:
    value = offer_value(startup())
    data: dict[str, Any] = json.loads(value.model_dump_json())
    assert data["offer"] == "Startup"
    assert len(data["rows"]) == 4
    assert data["options"]["outcomes"][0]["name"] == "fails"


def test_rsu_sensitivity_moves_with_the_stock_price() -> None:
    rows = sensitivity(big_tech())
    assert [r.point for r in rows] == [0.5, 0.75, 1.0, 1.25, 1.5, 2.0]
    base = offer_value(big_tech())
    at_one = next(r for r in rows if r.point == 1.0)
    assert at_one.four_year_total == pytest.approx(base.four_year_total)
    assert at_one.change_from_expected == pytest.approx(0)
    # Only the initial grant moves with a flat price: 400,000 x (0.5 - 1) over four years.
    half = rows[0]
    assert half.change_from_expected == pytest.approx(-200_000)
    totals = [r.four_year_total for r in rows]
    assert totals == sorted(totals)


def test_options_sensitivity_moves_with_the_exit_value() -> None:
    rows = sensitivity(startup(), points=[0, 100_000_000, 600_000_000])
    assert [r.equity_four_year for r in rows] == pytest.approx([0, 0, 80_000 * 8])
    assert rows[2].four_year_total == pytest.approx(4 * 150_000 + 80_000 * 8)
    expected = offer_value(startup()).four_year_total
    assert rows[0].change_from_expected == pytest.approx(4 * 150_000 - expected)


def test_options_sensitivity_defaults_to_multiples_of_the_valuation() -> None:
    rows = sensitivity(startup())
    assert rows[2].point == pytest.approx(8.0 * 40_000_000)


def test_an_offer_without_equity_does_not_move() -> None:
    assert sensitivity(research_lab()) == []


def test_options_without_a_preferred_price_need_explicit_exit_values() -> None:
    data = startup().model_dump()
    data["equity"]["preferred_price"] = None
    offer = read_offer(data)
    with pytest.raises(InvalidInput, match="preferred price"):
        sensitivity(offer)
    assert len(sensitivity(offer, points=[1e9])) == 1


@pytest.mark.parametrize("make", [big_tech, research_lab, startup])
def test_base_rate_converts_base_to_four_year_adjusted_money_exactly(make: Any) -> None:
    offer = make()
    before = offer_value(offer).four_year_adjusted
    after = offer_value(offer.model_copy(update={"base": offer.base + 1_000})).four_year_adjusted
    assert after - before == pytest.approx(1_000 * four_year_adjusted_per_base(offer))
