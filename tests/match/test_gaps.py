"""Gaps across target postings: each target weighs priority x stage, a skill's gap weight
sums what the targets asking for it lack, and rejections that named a skill count double."""

from __future__ import annotations

import pytest

from landml.match.explain import ResumeFeatures
from landml.match.gaps import Gap, GapReport, find_gaps, stage_weight, target_weight
from tests.match.conftest import ONSITE, RECRUITER_CALL, SAVED, rejection, target


def gap(report: GapReport, label: str) -> Gap:
    return next(g for g in report.gaps if g.label == label)


def test_stage_weight_grows_half_a_point_per_stage_and_stops_at_accepted() -> None:
    assert [stage_weight(r) for r in (SAVED, 10, RECRUITER_CALL, ONSITE, 80)] == [
        1.0,
        1.5,
        2.0,
        3.5,
        5.0,
    ]
    # Closed outcomes rank past accepted but are no further along.
    assert stage_weight(100) == 5.0
    assert target_weight(1, ONSITE) == 10.5
    assert target_weight(3, SAVED) == 1.0


def test_a_gap_weighs_the_sum_of_its_targets_priority_and_stage(noor: ResumeFeatures) -> None:
    targets = [
        target(1, "Requirements\n- Apache Spark", priority=1, rank=ONSITE, stage="Onsite"),
        target(2, "Requirements\n- Apache Spark", company="Umbra", priority=3),
    ]
    report = find_gaps(targets, [], noor)
    spark = gap(report, "Apache Spark")
    assert spark.weight == 11.5
    assert spark.explanation == "Acme 10.5 + Umbra 1 = 11.5"
    assert [s.company for s in spark.asked_by] == ["Acme", "Umbra"]
    assert [t.weight for t in report.targets] == [10.5, 1.0]
    assert report.targets[0].explanation == ("priority 1 x3, reached Onsite x3.5 = 10.5")


def test_preferred_asks_count_half_and_related_skills_reduce_a_gap(
    noor: ResumeFeatures,
) -> None:
    text = "Requirements\n- Kubernetes\nNice to have\n- Apache Airflow"
    report = find_gaps([target(1, text, priority=2, rank=SAVED)], [], noor)
    # Kubernetes: required (1) x weight 2 x (1 - 0.5 credit from Docker, its sibling).
    kubernetes = gap(report, "Kubernetes")
    assert (kubernetes.status, kubernetes.related_skill, kubernetes.weight) == (
        "partial",
        "Docker",
        1.0,
    )
    # Airflow: preferred (0.5) x weight 2, nothing related on the resume.
    assert gap(report, "Apache Airflow").weight == 1.0


def test_skills_the_resume_names_are_no_gap(noor: ResumeFeatures) -> None:
    report = find_gaps([target(1, "Requirements\n- Python, SQL and XGBoost")], [], noor)
    assert report.gaps == []
    assert report.targets[0].skills_missing == 0
    assert report.targets[0].skills_asked == 3


def test_rejections_count_double_even_for_skills_on_the_resume(noor: ResumeFeatures) -> None:
    named = ["SQL", "whiteboard stamina"]
    reason = "SQL round went badly"
    reasons = [
        rejection(7, named, company="Initech", priority=1, rank=RECRUITER_CALL, reason=reason)
    ]
    report = find_gaps([], reasons, noor)
    sql = gap(report, "SQL")
    # 2 x (priority 1: 3 x recruiter call: 2) = 12, though the resume lists SQL.
    assert (sql.status, sql.weight) == ("named_in_rejection", 12.0)
    assert sql.rejections[0].reason == "SQL round went badly"
    unknown = gap(report, "whiteboard stamina")
    assert unknown.skill_id is None and unknown.status == "missing"


def test_gaps_come_heaviest_first_and_skipped_targets_are_kept(noor: ResumeFeatures) -> None:
    targets = [
        target(1, "Requirements\n- Terraform", priority=3),
        target(2, "Requirements\n- Apache Spark", priority=1),
    ]
    report = find_gaps(targets, [], noor, skipped=["Globex (#3): withdrawn"])
    assert [g.label for g in report.gaps] == ["Apache Spark", "Terraform"]
    assert report.skipped == ["Globex (#3): withdrawn"]
    assert "priority 1/2/3 weighs 3/2/1" in report.formula


@pytest.mark.parametrize("priority", [1, 2, 3])
def test_every_gap_weight_is_the_sum_of_its_sources(noor: ResumeFeatures, priority: int) -> None:
    targets = [
        target(1, "Requirements\n- Spark, Kubernetes\nNice to have\n- Go", priority=priority),
        target(2, "Requirements\n- Kubernetes, Terraform", priority=1, rank=ONSITE),
    ]
    report = find_gaps(targets, [rejection(2, ["Kubernetes"])], noor)
    for g in report.gaps:
        total = sum(s.weight for s in g.asked_by) + sum(r.weight for r in g.rejections)
        assert g.weight == pytest.approx(total)
