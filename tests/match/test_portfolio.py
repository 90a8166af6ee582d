"""The ONE portfolio project: the base is the project whose skills the targets ask for most,
the skills added are the heaviest gaps asked for together, the aim follows the problems the
targets have, and ideas are scored on the same explained scale."""

from __future__ import annotations

import pytest

from landml.errors import ImportRejected, InvalidInput
from landml.match.explain import ResumeFeatures
from landml.match.gaps import Target, find_gaps
from landml.match.portfolio import PortfolioPlan, plan_portfolio, read_projects
from tests.match.conftest import ONSITE, RECRUITER_CALL, target

FORECASTING = (
    "Requirements\n- XGBoost and SQL\n- Apache Spark\nNice to have\n- Apache Airflow\n"
    "You will forecast demand for 300 stores."
)


@pytest.fixture(scope="module")
def targets() -> list[Target]:
    return [
        # Weight 3 x 3.5 = 10.5: asks Spark (required) and Airflow (preferred) together.
        target(1, FORECASTING, company="Umbra", priority=1, rank=ONSITE),
        # Weight 3 x 2 = 6: Terraform alone, heavier than Airflow's 5.25 but never with Spark.
        target(2, "Requirements\n- Terraform", company="Hooli", priority=1, rank=RECRUITER_CALL),
        # Weight 2: time series forecasting again, with SQL.
        target(3, "We forecast sales. Requirements: SQL, time series.", company="Initech"),
    ]


def plan_for(
    noor: ResumeFeatures, targets: list[Target], ideas: tuple[str, ...] = ()
) -> PortfolioPlan:
    return plan_portfolio(noor, find_gaps(targets, [], noor), targets, ideas=ideas)


def test_the_base_is_the_project_whose_skills_the_targets_ask_for_most(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    plan = plan_for(noor, targets)
    assert plan.base is not None
    assert plan.base.project.name == "Churn model"
    # XGBoost: Umbra 10.5; SQL: Umbra 10.5 + Initech 2 = 12.5.
    demand = {d.label: d.demand for d in plan.base.skills}
    assert demand == {"XGBoost": 10.5, "SQL": 12.5}
    assert plan.base.score == 23.0
    assert "XGBoost 10.5 + SQL 12.5 = 23" in plan.base.explanation
    assert plan.title.startswith("Extend “Churn model” into a forecasting project")


def test_added_skills_are_the_heaviest_gap_and_what_is_asked_with_it(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    plan = plan_for(noor, targets)
    added = [a.label for a in plan.add_skills]
    # Spark (10.5) seeds; Airflow (5.25) is asked with it; Terraform (6) never is.
    assert added[:2] == ["Apache Spark", "Apache Airflow"]
    assert "Terraform" not in added
    assert plan.add_skills[1].together_with == ["Apache Spark"]
    assert "100% of its targets' weight" in plan.add_skills[1].explanation
    assert 2 <= len(plan.add_skills) <= 4


def test_the_aim_is_the_kind_of_problem_the_heaviest_targets_have(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    plan = plan_for(noor, targets)
    assert plan.problem_kind is not None and plan.problem_kind.key == "forecasting"
    # Umbra (10.5) and Initech (2) forecast; their words and skills are the evidence.
    assert plan.problem_kind.weight == 12.5
    assert {e.company for e in plan.problem_kind.postings} == {"Umbra", "Initech"}
    assert "forecast" in plan.problem_kind.postings[0].terms
    assert "backtest" in plan.aim


def test_it_lists_the_postings_it_strengthens_with_the_skills_covered(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    plan = plan_for(noor, targets)
    umbra = next(s for s in plan.strengthens if s.company == "Umbra")
    covered = {c.label: c.new for c in umbra.covers}
    assert covered["Apache Spark"] is True and covered["XGBoost"] is False
    assert "required: Apache Spark" in umbra.explanation
    assert all(s.company != "Hooli" for s in plan.strengthens)


def test_ideas_are_scored_on_the_plan_scale_with_every_number_explained(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    ideas = (
        "Forecast store demand with Apache Spark and Apache Airflow, features in SQL",
        "A mobile game in Unity",
    )
    plan = plan_for(noor, targets, ideas)
    rows = {("plan" if r.is_plan else r.idea): r for r in plan.alternatives}
    good, bad = rows[ideas[0]], rows[ideas[1]]
    for row in plan.alternatives:
        assert row.total == round(row.coverage + row.known + row.kind_fit, 1)
        assert len(row.explanations) == 3
    assert good.kind == "forecasting" and good.kind_fit == 25.0
    assert bad.total == 0.0 and "no kind of problem" in bad.explanations[2]
    assert good.total > bad.total
    assert "closes Apache Spark and Apache Airflow" in good.explanations[0]
    assert plan.alternatives[0].total >= plan.alternatives[-1].total


def test_skills_declared_in_a_projects_file_count_as_known(
    noor: ResumeFeatures, targets: list[Target]
) -> None:
    projects = read_projects(
        "projects:\n"
        "  - name: Store forecaster\n"
        "    description: Weekly demand forecasts for a bakery chain.\n"
        "    skills: [Apache Spark, Terraform, SQL]\n"
        "    link: https://github.com/noor/forecaster\n"
    )
    report = find_gaps(targets, [], noor)
    plan = plan_portfolio(noor, report, targets, projects=projects)
    # Spark 10.5 + Terraform 6 + SQL 12.5 = 29 outweighs the churn model's 23.
    assert plan.base is not None and plan.base.project.name == "Store forecaster"
    assert plan.base.score == 29.0 and plan.base.project.source == "file"
    assert "Apache Spark" not in [a.label for a in plan.add_skills]
    assert (
        "Apache Spark and Terraform: in your projects file but not on your resume"
        in (plan.notes[0])
    )


def test_a_projects_file_names_every_unknown_skill_at_once() -> None:
    with pytest.raises(ImportRejected) as caught:
        read_projects("- name: A\n  skills: [Python, quantum vibes]\n- name: B\n  skills: [zzz]\n")
    assert caught.value.problems == [
        "project 1 (A): no skill called 'quantum vibes' in the taxonomy",
        "project 2 (B): no skill called 'zzz' in the taxonomy",
    ]
    with pytest.raises(InvalidInput, match="Not valid YAML"):
        read_projects("projects: [unclosed")
    with pytest.raises(InvalidInput, match="holds no project"):
        read_projects("projects: []")


def test_without_targets_the_plan_says_what_it_needs(noor: ResumeFeatures) -> None:
    plan = plan_portfolio(noor, find_gaps([], [], noor), [])
    assert plan.add_skills == [] and plan.problem_kind is None
    assert "No target postings" in plan.notes[0]
