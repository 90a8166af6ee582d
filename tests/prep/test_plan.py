from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest

from landml.errors import InvalidInput
from landml.prep.bank import BankItem
from landml.prep.design import design_prompts
from landml.prep.loops import default_loop
from landml.prep.plan import (
    ExerciseRef,
    Plan,
    PlannedRound,
    build_plan,
    plan_items_for,
)
from landml.tracker.vocab import InterviewKind

TODAY = dt.date(2026, 3, 2)
PREFIX = {
    "coding": "code",
    "ml_fundamentals": "mlf",
    "dl_llm": "dl",
    "probability_stats": "ps",
    "ml_system_design": "sd",
    "behavioral": "beh",
}
ROUND_OF_AREA = {
    "coding": "coding",
    "ml_fundamentals": "ml_concepts",
    "dl_llm": "dl_llm_concepts",
    "probability_stats": "probability_stats",
    "ml_system_design": "ml_system_design",
    "behavioral": "behavioral",
}


def _items(area: str, topic: str, count: int) -> list[BankItem]:
    return [
        BankItem(
            id=f"{PREFIX[area]}-{topic.replace('_', '-')}-{n}",
            area=area,
            topic=topic,
            round_kind=ROUND_OF_AREA[area],
            difficulty=("easy", "medium", "hard")[n % 3],
            roles=("mle",),
            company_kinds=("big_tech",),
            prompt=f"A practice question about {topic.replace('_', ' ')}, number {n}.",
            answer="A model answer written for this test, long enough for the schema. " * 4,
        )
        for n in range(1, count + 1)
    ]


BANK = [
    *_items("coding", "arrays_hashing", 4),
    *_items("coding", "graphs", 4),
    *_items("coding", "dynamic_programming", 4),
    *_items("ml_fundamentals", "evaluation_metrics", 3),
    *_items("ml_fundamentals", "ml_from_scratch", 2),
    *_items("ml_fundamentals", "ml_debugging", 2),
    *_items("dl_llm", "transformers", 3),
    *_items("probability_stats", "bayes", 3),
    *_items("ml_system_design", "fraud_detection", 3),
    *_items("ml_system_design", "serving", 3),
    *_items("behavioral", "teamwork_conflict", 3),
]


def _exercise(
    id_: str,
    kind: Literal["coding", "debugging"],
    topic: str,
    minutes: int,
    failures: int = 0,
    passed: bool = False,
) -> ExerciseRef:
    return ExerciseRef(
        id=id_,
        title=id_.replace("-", " ").capitalize(),
        kind=kind,
        topic=topic,
        time_target_minutes=minutes,
        failures=failures,
        passed=passed,
    )


EXERCISES = [
    _exercise("kmeans", "coding", "clustering", 20, passed=True),
    _exercise("layer-norm", "coding", "transformers", 10),
    _exercise("scaled-dot-product-attention", "coding", "attention", 15, failures=2),
    _exercise("embedding-gradient", "debugging", "backprop", 20),
]


def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _round(kind: str, offset: int) -> PlannedRound:
    return PlannedRound(kind=InterviewKind(kind), date=_day(offset))


def _share(plan: Plan, kind: str) -> float:
    return next(f.share for f in plan.focus if f.kind == kind)


def _minutes(plan: Plan, kind: str) -> int:
    return next(f.minutes for f in plan.focus if f.kind == kind)


def _big_tech_mle_loop_in_ten_days() -> list[PlannedRound]:
    loop = default_loop("big_tech", "mle")
    rounds = [_round("recruiter_call", 2)]
    for round_ in loop.required_rounds:
        if round_.kind != InterviewKind.recruiter_call:
            rounds += [_round(round_.kind.value, 10)] * round_.count
    return rounds


def test_a_big_tech_loop_in_ten_days_concentrates_on_the_weak_area() -> None:
    rounds = _big_tech_mle_loop_in_ten_days()
    base = build_plan(rounds, today=TODAY, minutes_per_day=90, bank=BANK)
    weak = build_plan(
        rounds,
        today=TODAY,
        weak_areas={"ml_system_design": 0.9},
        minutes_per_day=90,
        bank=BANK,
    )
    assert _share(weak, "ml_system_design") > _share(base, "ml_system_design") + 0.05
    # One design round now gets more time than each of the two coding rounds...
    assert _minutes(weak, "ml_system_design") > _minutes(weak, "coding") / 2
    # ...and more than behavioral and the recruiter call together.
    assert _minutes(weak, "ml_system_design") > (
        _minutes(weak, "behavioral") + _minutes(weak, "recruiter_call")
    )
    mocks = [i for d in weak.days for i in d.items if i.kind == "design_mock"]
    assert len(mocks) >= 3
    assert "ml system design is one of your weak areas (weakness 0.9)" in mocks[0].reason
    focus = next(f for f in weak.focus if f.kind == "ml_system_design")
    assert (focus.weakness, focus.weak_because) == (0.9, ["ml_system_design"])


def test_every_kind_in_the_loop_gets_time_before_its_round() -> None:
    plan = build_plan(_big_tech_mle_loop_in_ten_days(), today=TODAY, minutes_per_day=90, bank=BANK)
    for focus in plan.focus:
        assert focus.minutes >= 15, focus.kind
    recruiter = [
        i
        for d in plan.days
        for i in d.items
        if i.round_kind == "recruiter_call" and i.day < _day(2)
    ]
    assert recruiter and all(i.kind == "recruiter_pitch" for i in recruiter)


def test_failed_exercises_come_first_with_the_reason() -> None:
    plan = build_plan(
        [_round("ml_coding", 5)],
        today=TODAY,
        minutes_per_day=60,
        bank=BANK,
        exercises=EXERCISES,
    )
    first = plan.days[0].items[0]
    assert first.kind == "exercise"
    assert first.refs == ["scaled-dot-product-attention"]
    assert first.reason == "ML coding round in 5 days; your attention exercises failed twice."
    assert "15 min target" in first.title
    used = [i.refs[0] for d in plan.days for i in d.items if i.kind == "exercise"]
    assert used.index("kmeans") > used.index("layer-norm")  # passed ones come last


def test_exercise_failures_make_their_topic_weak() -> None:
    plan = build_plan(
        [_round("ml_coding", 5), _round("coding", 5)],
        today=TODAY,
        minutes_per_day=60,
        bank=BANK,
        exercises=EXERCISES,
    )
    ml_coding = next(f for f in plan.focus if f.kind == "ml_coding")
    assert ml_coding.weakness == pytest.approx(0.7)
    assert ml_coding.weak_because == ["attention"]
    assert _minutes(plan, "ml_coding") > _minutes(plan, "coding")


def test_weak_topics_raise_the_rounds_they_belong_to() -> None:
    plan = build_plan(
        [_round("probability_stats", 6), _round("ml_concepts", 6)],
        today=TODAY,
        weak_areas={"bayes": 0.8, "quantum_basketry": 0.5},
        minutes_per_day=45,
        bank=BANK,
    )
    stats = next(f for f in plan.focus if f.kind == "probability_stats")
    assert (stats.weakness, stats.weak_because) == (0.8, ["bayes"])
    assert _minutes(plan, "probability_stats") > _minutes(plan, "ml_concepts")
    drills = [i for d in plan.days for i in d.items if i.round_kind == "probability_stats"]
    assert drills[0].topic == "bayes"
    assert plan.notes == [
        "Weak area 'quantum_basketry' matches no round kind, bank area or topic, or exercise "
        "topic; it was not used."
    ]


def test_plans_are_deterministic() -> None:
    rounds = _big_tech_mle_loop_in_ten_days()
    kwargs = {
        "today": TODAY,
        "weak_areas": {"graphs": 0.6},
        "minutes_per_day": 75,
        "bank": BANK,
        "exercises": EXERCISES,
        "due_reviews": 9,
    }
    assert build_plan(rounds, **kwargs) == build_plan(rounds, **kwargs)  # type: ignore[arg-type]


def test_days_run_from_today_to_the_last_round_within_the_budget() -> None:
    plan = build_plan(_big_tech_mle_loop_in_ten_days(), today=TODAY, minutes_per_day=90, bank=BANK)
    assert [d.date for d in plan.days] == [_day(n) for n in range(11)]
    for day in plan.days:
        assert day.minutes == sum(i.minutes for i in day.items) <= 90
        assert all(i.minutes >= 5 and i.minutes % 5 == 0 for i in day.items)
    last = plan.days[-1]
    assert [i.kind for i in last.items] == ["warm_up"]
    assert last.items[0].title == (
        "Warm up for today's coding, ML system design and behavioral rounds: "
        "light review, no new material"
    )


def test_later_rounds_are_planned_past_the_first_one() -> None:
    plan = build_plan(
        [_round("recruiter_call", 2), _round("ml_system_design", 9)],
        today=TODAY,
        minutes_per_day=60,
        bank=BANK,
    )
    recruiter_day = plan_items_for(plan, _day(2))
    assert recruiter_day[0].kind == "warm_up"
    assert {i.round_kind for i in recruiter_day[1:]} == {InterviewKind.ml_system_design}
    for offset in range(3, 9):
        items = plan_items_for(plan, _day(offset))
        assert items[0].kind == "review"
        assert {i.round_kind for i in items[1:]} == {InterviewKind.ml_system_design}, offset


def test_due_reviews_open_the_first_day_within_a_cap() -> None:
    plan = build_plan([_round("coding", 4)], today=TODAY, minutes_per_day=90, due_reviews=14)
    review = plan.days[0].items[0]
    assert (review.kind, review.title, review.minutes) == ("review", "Review 14 due cards", 10)
    flood = build_plan([_round("coding", 4)], today=TODAY, minutes_per_day=90, due_reviews=400)
    assert flood.days[0].items[0].minutes == 25  # 30% of 90, in steps of five
    later = plan.days[1].items[0]
    assert (later.kind, later.minutes) == ("review", 10)


def test_an_onsite_without_details_is_planned_as_its_usual_rounds() -> None:
    plan = build_plan([_round("onsite", 7)], today=TODAY, minutes_per_day=60, bank=BANK)
    assert [r.kind.value for r in plan.rounds] == ["coding", "ml_system_design", "behavioral"]
    assert "enter its announced rounds" in plan.notes[0]


def test_a_weak_design_topic_picks_the_matching_mock() -> None:
    plan = build_plan(
        [_round("ml_system_design", 6)],
        today=TODAY,
        weak_areas={"fraud_detection": 0.8},
        minutes_per_day=60,
        bank=BANK,
    )
    mocks = [i for d in plan.days for i in d.items if i.kind == "design_mock"]
    assert mocks[0].refs == ["fraud-detection"]
    assert mocks[0].minutes >= 40
    prompt_ids = {p.id for p in design_prompts()}
    assert all(m.refs[0] in prompt_ids for m in mocks)
    assert len({m.refs[0] for m in mocks}) == len(mocks)  # no prompt twice while others remain


def test_drilled_questions_do_not_repeat_until_the_topic_pool_is_used() -> None:
    plan = build_plan([_round("coding", 7)], today=TODAY, minutes_per_day=60, bank=BANK)
    refs = [r for d in plan.days for i in d.items if i.kind == "drill" for r in i.refs]
    coding_ids = [i.id for i in BANK if i.area == "coding"]
    assert len(refs) >= len(coding_ids)
    assert sorted(refs[: len(coding_ids)]) == sorted(coding_ids)
    first = plan.days[0].items[0]
    assert first.title == "Solve 3 problems on arrays hashing"


def test_without_a_bank_drills_are_generic() -> None:
    plan = build_plan([_round("ml_concepts", 3)], today=TODAY, minutes_per_day=40)
    item = plan.days[0].items[0]
    assert item.kind == "drill" and item.refs == []
    assert item.title == "Drill 5 ml fundamentals questions aloud, timed"


def test_a_job_talk_is_outlined_then_rehearsed_then_dress_rehearsed() -> None:
    plan = build_plan([_round("job_talk", 5)], today=TODAY, minutes_per_day=60)
    titles = [d.items[0].title for d in plan.days[:5]]
    assert titles[0].startswith("Outline the job talk")
    assert titles[1].startswith("Rehearse the job talk")
    assert titles[3].startswith("Full job talk dress rehearsal")
    assert titles[4].startswith("Full job talk dress rehearsal")


def test_a_tiny_budget_still_gives_one_task_a_day() -> None:
    plan = build_plan([_round("behavioral", 3)], today=TODAY, minutes_per_day=10)
    for day in plan.days[:3]:
        assert [i.minutes for i in day.items] == [10]


def test_plan_items_for_a_day_outside_the_plan_is_empty() -> None:
    plan = build_plan([_round("coding", 2)], today=TODAY, minutes_per_day=30, bank=BANK)
    assert plan_items_for(plan, _day(1)) == plan.days[1].items
    assert plan_items_for(plan, _day(30)) == []


@pytest.mark.parametrize(
    ("rounds", "kwargs", "message"),
    [
        ([], {}, "No interview rounds"),
        ([_round("coding", -1)], {}, "is in the past"),
        ([_round("coding", 3)], {"minutes_per_day": 0}, "leaves no time"),
        ([_round("coding", 3)], {"weak_areas": {"graphs": 1.5}}, "between 0 and 1"),
        ([_round("coding", 200)], {}, "200 days away"),
        ([_round("coding", 3)], {"due_reviews": -2}, "negative"),
    ],
)
def test_impossible_plans_are_rejected_with_a_clear_message(
    rounds: list[PlannedRound], kwargs: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"today": TODAY, "minutes_per_day": 60, **kwargs}
    with pytest.raises(InvalidInput, match=message):
        build_plan(rounds, **arguments)  # type: ignore[arg-type]


def test_exercise_refs_can_be_built_from_catalogue_exercises() -> None:
    from landml.prep.exercises import list_exercises

    exercise = list_exercises(kind="coding")[0]
    ref = ExerciseRef.from_exercise(exercise, failures=1)
    assert (ref.id, ref.kind, ref.topic, ref.failures) == (
        exercise.id,
        "coding",
        exercise.topic,
        1,
    )
