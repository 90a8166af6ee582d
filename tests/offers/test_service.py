"""Offers stored, scored, weighed and compared, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.errors import InvalidInput, NotFound
from landml.offers import service
from landml.offers.compensation import offer_value
from landml.offers.decision import compare as engine_compare
from landml.offers.equity import OptionGrant, RsuGrant
from landml.offers.models import OfferRecord
from landml.offers.vesting import VestingKind
from landml.tracker import service as tracker
from landml.tracker.demo import load_demo
from landml.tracker.schemas import ApplicationIn
from landml.tracker.today import today

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PREFS = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)
ALL_THREES = {
    "surface_area": 3,
    "mentorship": 3,
    "role_match": 3,
    "growth": 3,
    "stability": 3,
    "work_life_balance": 3,
    "location": 3,
    "team": 3,
}


def big_tech(**extra: Any) -> dict[str, Any]:
    return {
        "company": "Omnivane",
        "company_kind": "big_tech",
        "title": "ML Engineer",
        "base": 200_000,
        "bonus_percent": 15,
        "sign_on": {"amount": 50_000, "clawback_months": 12},
        "equity": {
            "kind": "rsu",
            "grant_value": 400_000,
            "vesting": {"kind": "yearly"},
            "refresher": {"percent_of_initial": 25},
        },
        **extra,
    }


def startup(**extra: Any) -> dict[str, Any]:
    return {
        "company": "Tallgrass Robotics",
        "base": 160_000,
        "equity": {
            "kind": "options",
            "shares": 60_000,
            "strike": 1.1,
            "preferred_price": 4.4,
            "fully_diluted_shares": 40_000_000,
        },
        **extra,
    }


def add(session: Session, owner: int, data: dict[str, Any]) -> service.OfferOut:
    return service.add_offer(session, owner, service.offer_data(data))


def count_offers(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OfferRecord)) or 0


# --- storing -------------------------------------------------------------------------------


def test_an_added_offer_reads_back_with_the_engines_totals(session: Session, owner: int) -> None:
    out = add(session, owner, big_tech(deadline="2026-03-20", location="Seattle, WA"))

    listed = service.list_offers(session, owner)
    assert [o.id for o in listed] == [out.id]
    stored = listed[0]
    assert (stored.name, stored.company, stored.company_kind, stored.title) == (
        "Omnivane",
        "Omnivane",
        "big_tech",
        "ML Engineer",
    )
    assert (stored.deadline, stored.location, stored.currency) == (
        date(2026, 3, 20),
        "Seattle, WA",
        "USD",
    )
    expected = offer_value(stored.terms)
    assert stored.four_year_total == pytest.approx(expected.four_year_total)
    assert stored.first_year_total == pytest.approx(200_000 * 1.15 + 50_000 + 100_000)
    assert isinstance(stored.terms.equity, RsuGrant)
    assert stored.terms.equity.refresher is not None


def test_an_offer_attached_to_an_application_takes_its_company_and_title(
    session: Session, owner: int
) -> None:
    app = tracker.add_application(
        session, owner, ApplicationIn(company="Kestrel Point Institute", title="Research Engineer")
    )
    out = add(session, owner, {"application_id": app.id, "base": 170_000})

    assert (out.company, out.title, out.application_id) == (
        "Kestrel Point Institute",
        "Research Engineer",
        app.id,
    )
    tracker.delete_application(session, owner, app.id)
    session.expire_all()
    assert service.get_offer(session, owner, out.id).application_id is None


def test_an_offer_needs_a_company_and_a_real_application(session: Session, owner: int) -> None:
    with pytest.raises(InvalidInput, match="needs the company"):
        add(session, owner, {"base": 100_000})
    with pytest.raises(NotFound, match="No application with id 99"):
        add(session, owner, {"application_id": 99, "base": 100_000})
    assert count_offers(session) == 0


def test_every_problem_of_an_offer_is_named_at_once(session: Session, owner: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.offer_data(big_tech(base=-1, scores={"growth": 9}, perks=3))
    message = caught.value.message
    assert "base:" in message and "scores:" in message and "perks:" in message


def test_offer_files_in_yaml_and_json_give_the_same_offer(tmp_path: Path) -> None:
    yaml_file = tmp_path / "offer.yaml"
    yaml_file.write_text(
        "company: Omnivane\n"
        "base: 200000\n"
        "bonus_percent: 15\n"
        "deadline: 2026-03-20\n"
        "equity:\n"
        "  kind: rsu\n"
        "  grant_value: 400000\n"
        "  vesting: {kind: back_loaded, every_months: 6}\n"
        "scores: {growth: 4}\n",
        encoding="utf-8",
    )
    json_file = tmp_path / "offer.json"
    json_file.write_text(
        json.dumps(
            {
                "company": "Omnivane",
                "base": 200000,
                "bonus_percent": 15,
                "deadline": "2026-03-20",
                "equity": {
                    "kind": "rsu",
                    "grant_value": 400000,
                    "vesting": {"kind": "back_loaded", "every_months": 6},
                },
                "scores": {"growth": 4},
            }
        ),
        encoding="utf-8",
    )

    from_yaml = service.read_offer_file(yaml_file)
    assert from_yaml == service.read_offer_file(json_file)
    assert from_yaml.terms("Omnivane").equity.vesting.kind is VestingKind.back_loaded  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("company: [unclosed\n", "not valid YAML or JSON at line"),
        ("- just\n- a list\n", "must hold one offer as a mapping"),
        ("company: X\nbase: lots\n", "base: Input should be a valid number"),
    ],
)
def test_a_bad_offer_file_is_refused_with_what_to_fix(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "offer.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=problem):
        service.read_offer_file(path)


def test_the_simple_case_builds_rsus_or_options_never_both() -> None:
    rsu = service.simple_offer(
        {"company": "X", "base": 180_000, "rsu_value": 400_000, "vesting": "yearly"}
    )
    assert isinstance(rsu.equity, RsuGrant)
    assert rsu.equity.vesting.kind is VestingKind.yearly
    options = service.simple_offer(
        {
            "company": "Y",
            "base": 150_000,
            "options_shares": 10_000,
            "strike": 1,
            "preferred_price": 4,
            "fully_diluted_shares": 10_000_000,
        }
    )
    assert isinstance(options.equity, OptionGrant)
    with pytest.raises(InvalidInput, match="RSUs or startup options, not both"):
        service.simple_offer({"base": 1, "rsu_value": 1, "strike": 2})
    with pytest.raises(
        InvalidInput, match="also need: options shares, preferred price, fully diluted shares"
    ):
        service.simple_offer({"base": 1, "strike": 2})
    with pytest.raises(InvalidInput, match="cliff"):
        service.simple_offer({"base": 1, "rsu_value": 10, "vesting": "yearly", "cliff_months": 0.5})


def test_an_update_keeps_what_it_does_not_name_and_a_bad_one_changes_nothing(
    session: Session, owner: int
) -> None:
    out = add(session, owner, big_tech(scores={"growth": 4}, notes="ask about the team"))

    changed = service.update_offer(session, owner, out.id, {"base": 210_000})
    assert changed.terms.base == 210_000
    assert changed.terms.equity == out.terms.equity
    assert (changed.scores, changed.notes, changed.title) == (
        {"growth": 4.0},
        out.notes,
        "ML Engineer",
    )

    with pytest.raises(InvalidInput, match="base"):
        service.update_offer(session, owner, out.id, {"base": -5})
    session.expire_all()
    assert service.get_offer(session, owner, out.id).terms.base == 210_000


def test_deleting_an_offer_removes_only_it(session: Session, owner: int) -> None:
    a = add(session, owner, big_tech())
    b = add(session, owner, startup())
    assert service.delete_offer(session, owner, a.id).name == "Omnivane"
    assert [o.id for o in service.list_offers(session, owner)] == [b.id]
    with pytest.raises(NotFound):
        service.delete_offer(session, owner, a.id)


def test_two_offers_of_one_company_get_distinct_names(session: Session, owner: int) -> None:
    add(session, owner, big_tech(title="ML Engineer"))
    add(session, owner, big_tech(title="Research Scientist"))
    add(session, owner, big_tech(title="Research Scientist"))

    names = [o.name for o in service.list_offers(session, owner)]
    assert names == [
        "Omnivane · ML Engineer",
        "Omnivane · Research Scientist (#2)",
        "Omnivane · Research Scientist (#3)",
    ]


def test_terms_this_version_cannot_read_are_reported_not_crashed_on(
    session: Session, owner: int
) -> None:
    out = add(session, owner, big_tech())
    session.execute(update(OfferRecord).values(terms={"name": "Omnivane", "base": "lots"}))
    session.commit()
    session.expire_all()
    with pytest.raises(InvalidInput, match=f"landml offers edit {out.id}"):
        service.list_offers(session, owner)


# --- scores and weights ----------------------------------------------------------------------


def test_scores_merge_clear_and_refuse_what_is_out_of_range(session: Session, owner: int) -> None:
    out = add(session, owner, big_tech(scores={"growth": 4, "team": 2}))

    scored = service.set_scores(session, owner, out.id, {"mentorship": 5}, clear=("team",))
    assert scored.scores == {"growth": 4.0, "mentorship": 5.0}
    with pytest.raises(InvalidInput, match="outside 1-5"):
        service.set_scores(session, owner, out.id, {"growth": 6})
    with pytest.raises(InvalidInput, match="Cannot score money"):
        service.set_scores(session, owner, out.id, {"money": 3})
    session.expire_all()
    assert service.get_offer(session, owner, out.id).scores == {"growth": 4.0, "mentorship": 5.0}


def test_weights_start_as_the_defaults_then_merge_or_replace(session: Session, owner: int) -> None:
    first = service.weights(session, owner)
    assert first.default and first.weights == service.DEFAULT_WEIGHTS

    merged = service.set_weights(session, owner, {"money": 2, "growth": 3})
    assert merged.weights["money"] == 2 and merged.weights["growth"] == 3
    assert merged.weights["team"] == service.DEFAULT_WEIGHTS["team"]
    replaced = service.set_weights(session, owner, {"money": 1}, replace=True)
    assert {k for k, w in replaced.weights.items() if w} == {"money"}
    assert not service.weights(session, owner).default

    with pytest.raises(InvalidInput, match="At least one weight"):
        service.set_weights(session, owner, {"money": 0}, replace=True)
    with pytest.raises(InvalidInput, match="Unknown criteria: salary"):
        service.set_weights(session, owner, {"salary": 1})
    assert service.weights(session, owner).weights["money"] == 1


# --- comparing ------------------------------------------------------------------------------


def test_comparing_leaves_out_factors_nobody_scored_and_ranks_like_the_engine(
    session: Session, owner: int
) -> None:
    add(session, owner, big_tech(scores={"growth": 2}))
    add(session, owner, startup(scores={"growth": 5}))

    result = service.compare(session, owner)
    assert set(result.left_out) == set(ALL_THREES) - {"growth"}
    assert result.comparison is not None
    weights = {c: (0.0 if c in result.left_out else w) for c, w in service.DEFAULT_WEIGHTS.items()}
    direct = engine_compare(
        [o.terms for o in result.offers], weights, {o.name: o.scores for o in result.offers}
    )
    assert [(r.offer, r.total) for r in result.comparison.ranking] == [
        (r.offer, r.total) for r in direct.ranking
    ]
    assert set(result.sensitivity) == {"Omnivane", "Tallgrass Robotics"}
    assert result.exit_scenario_sources, "the startup uses the default exit scenarios"


def test_an_offer_missing_a_score_the_others_have_is_named(session: Session, owner: int) -> None:
    add(session, owner, big_tech(scores=ALL_THREES))
    late = add(session, owner, startup())
    with pytest.raises(
        InvalidInput, match=rf"Tallgrass Robotics \(offer #{late.id}\) has no score"
    ):
        service.compare(session, owner)


def test_no_offers_compare_to_nothing(session: Session, owner: int) -> None:
    result = service.compare(session, owner)
    assert (result.offers, result.comparison) == ([], None)


def test_sensitivity_follows_the_equity(session: Session, owner: int) -> None:
    rsu = add(session, owner, big_tech())
    cash = add(session, owner, {"company": "Kestrel", "base": 150_000})
    rows = service.sensitivity(session, owner, rsu.id)
    assert rows[0].label == "stock x0.5"
    assert rows[0].four_year_total < rsu.four_year_total < rows[-1].four_year_total
    assert service.sensitivity(session, owner, cash.id) == []
    detail = service.offer_detail(session, owner, rsu.id)
    assert detail.vesting == "yearly over 48 months, 12-month cliff"
    assert detail.value.clawback is not None


# --- deadlines and today ---------------------------------------------------------------------


def test_deadlines_show_the_next_two_weeks_and_the_last_one_soonest_first(
    session: Session, owner: int
) -> None:
    for days, name in ((20, "Far"), (3, "Soon"), (-2, "Late"), (-10, "Gone"), (0, "Today")):
        add(session, owner, {"company": name, "base": 1, "deadline": TODAY + timedelta(days)})
    add(session, owner, {"company": "Open", "base": 1})

    due = service.deadlines(session, owner, today=TODAY)
    assert [(d.name, d.days_left) for d in due] == [("Late", -2), ("Today", 0), ("Soon", 3)]
    items = service.deadline_items(session, owner, TODAY)
    assert [i.text for i in items] == [
        "The deadline to answer the Late offer passed 2 days ago",
        "The deadline to answer the Today offer is today",
        "The deadline to answer the Soon offer is in 3 days",
    ]


def test_an_answered_offer_leaves_the_deadlines(session: Session, owner: int) -> None:
    app = tracker.add_application(
        session, owner, ApplicationIn(company="Omnivane", title="MLE", stage="offer")
    )
    add(session, owner, {"application_id": app.id, "base": 1, "deadline": TODAY})
    assert len(service.deadlines(session, owner, today=TODAY)) == 1
    tracker.move(session, owner, app.id, "declined")
    assert service.deadlines(session, owner, today=TODAY) == []


def test_today_lists_offer_deadlines_only_when_given_the_hook(session: Session, owner: int) -> None:
    add(session, owner, {"company": "Omnivane", "base": 1, "deadline": TODAY + timedelta(1)})
    plain = today(session, owner, PREFS, now=NOW, tz=UTC)
    hooked = today(session, owner, PREFS, now=NOW, tz=UTC, offer_deadlines=service.deadline_items)
    assert plain.offer_deadlines == []
    assert [(i.kind, i.due) for i in hooked.offer_deadlines] == [
        ("offer_deadline", TODAY + timedelta(1))
    ]


# --- demo ----------------------------------------------------------------------------------


def test_the_demo_offers_hang_on_its_offer_stage_applications_and_compare(
    session: Session, owner: int
) -> None:
    summary = load_demo(session, owner, now=NOW)

    offers = service.list_offers(session, owner)
    assert summary.offers == len(offers) == 3
    assert all(o.demo and o.application_id for o in offers)
    stages = {a.id: a.stage for a in tracker.list_applications(session, owner)}
    assert {stages[o.application_id or 0] for o in offers} == {"offer"}
    result = service.compare(session, owner)
    assert result.comparison is not None and result.left_out == []
    assert not result.weights.default
    assert len(result.comparison.flips) == 2
    assert len(service.deadlines(session, owner, today=TODAY)) == 3
