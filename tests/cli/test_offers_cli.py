"""`landml offers ...` through the real command line: JSON only with --json, one-line
errors, and offer deadlines in `landml today`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli

NOW = "2026-03-10T09:00:00+00:00"
OFFER_FILE = """\
company: Tallgrass Robotics
company_kind: startup
title: ML Engineer, Robot Learning
base: 160000
deadline: 2026-03-15
sign_on: {amount: 10000, clawback_months: 12}
equity:
  kind: options
  shares: 60000
  strike: 1.10
  preferred_price: 4.40
  fully_diluted_shares: 40000000
  liquidation_preferences: 62000000
  dilution_per_round: 0.18
  rounds_before_exit: 2
scores: {growth: 5, stability: 2}
"""


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW)
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["offers", *args])


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def two_offers(tmp_path: Path) -> tuple[int, int]:
    path = tmp_path / "tallgrass.yaml"
    path.write_text(OFFER_FILE, encoding="utf-8")
    startup = run_json("add", str(path))
    big = run_json(
        "add",
        "--company",
        "Omnivane",
        "--base",
        "190000",
        "--bonus-percent",
        "15",
        "--sign-on",
        "30000",
        "--rsu-value",
        "360000",
        "--vesting",
        "yearly",
        "--deadline",
        "2026-03-19",
    )
    run_json("score", str(big["id"]), "growth=3", "stability=5")
    return startup["id"], big["id"]


def test_add_from_flags_prints_only_json_with_the_totals() -> None:
    out = run_json("add", "--company", "Omnivane", "--base", "200000", "--bonus-percent", "10")
    assert (out["name"], out["first_year_total"], out["four_year_total"]) == (
        "Omnivane",
        220_000,
        880_000,
    )
    assert run_json("list")[0]["id"] == out["id"]


def test_show_works_out_an_offer_year_by_year_with_its_sensitivity(
    two_offers: tuple[int, int],
) -> None:
    startup, _ = two_offers
    detail = run_json("show", str(startup))
    assert [row["year"] for row in detail["value"]["rows"]] == [1, 2, 3, 4]
    assert detail["value"]["options"]["uses_default_scenarios"] is True
    assert detail["sensitivity"][0]["label"].startswith("exit at 0")

    text = run("show", str(startup))
    assert text.exit_code == 0, text.output
    for expected in ("Year by year", "How the totals move", "Expected value of the grant"):
        assert expected in text.stdout


def test_compare_ranks_explains_flips_and_shows_scores_side_by_side(
    two_offers: tuple[int, int],
) -> None:
    data = run_json("compare")
    ranking = [r["offer"] for r in data["comparison"]["ranking"]]
    assert sorted(ranking) == ["Omnivane", "Tallgrass Robotics"]
    assert data["left_out"] == [
        "surface_area",
        "mentorship",
        "role_match",
        "work_life_balance",
        "location",
        "team",
    ]
    flip = data["comparison"]["flips"][0]
    assert flip["leader"] == ranking[0] and flip["challenger"] == ranking[1]

    text = run("compare")
    assert text.exit_code == 0, text.output
    assert "What would change the order" in text.stdout
    assert flip["sentences"][0] in text.stdout
    assert "Not scored for any offer yet, so left out" in text.stdout


def test_weights_show_the_defaults_then_what_was_set() -> None:
    assert run_json("weights")["default"] is True
    changed = run_json("weights", "money=1", "growth=3", "--replace")
    assert {k: v for k, v in changed["weights"].items() if v} == {"money": 1.0, "growth": 3.0}
    text = run("weights")
    assert "75%" in text.stdout and "landml's defaults" not in text.stdout


def test_delete_then_list_is_empty(two_offers: tuple[int, int]) -> None:
    startup, big = two_offers
    assert run_json("delete", str(big))["id"] == big
    assert [o["id"] for o in run_json("list")] == [startup]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add",), "needs at least --base"),
        (("add", "--base", "1", "--rsu-value", "5", "--strike", "1"), "not both"),
        (("score", "1", "growth"), "Cannot read 'growth'"),
        (("show", "42"), "No offer with id 42"),
        (("weights", "salary=2"), "Unknown criteria: salary"),
    ],
)
def test_user_errors_print_one_line_and_exit_non_zero(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    as_json = run(*args, "--json")
    assert as_json.exit_code == 1
    assert message in json.loads(as_json.stdout)["error"]["message"]


def test_a_file_and_flags_together_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "offer.yaml"
    path.write_text(OFFER_FILE, encoding="utf-8")
    result = run("add", str(path), "--base", "1")
    assert result.exit_code == 1
    assert "Give an offer file or flags, not both" in result.stderr


def test_edit_replaces_the_fields_of_a_partial_file(
    tmp_path: Path, two_offers: tuple[int, int]
) -> None:
    startup, _ = two_offers
    change = tmp_path / "raise.yaml"
    change.write_text("base: 170000\n", encoding="utf-8")
    edited = run_json("edit", str(startup), str(change), "--notes", "asked for more")
    assert edited["terms"]["base"] == 170_000
    assert edited["notes"] == "asked for more"
    assert edited["terms"]["equity"]["shares"] == 60_000


def test_today_lists_offer_deadlines_first(two_offers: tuple[int, int]) -> None:
    report = json.loads(CliRunner().invoke(cli, ["today", "--json"]).stdout)
    assert [(i["company"], i["due"]) for i in report["offer_deadlines"]] == [
        ("Tallgrass Robotics", "2026-03-15"),
        ("Omnivane", "2026-03-19"),
    ]
    text = CliRunner().invoke(cli, ["today"]).stdout
    assert "Offer deadlines (2)" in text
    assert "The deadline to answer the Tallgrass Robotics offer is in 5 days" in text
