"""The match explanation: every point belongs to a listed item, related skills earn named
partial credit, and suggestions never add a skill the resume does not show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landml.match.explain import (
    BUDGET,
    Component,
    ItemDraft,
    MatchItem,
    MatchReport,
    PostingFeatures,
    ResumeFeatures,
    SkillEvidence,
    SkillRelations,
    allot,
    explain_match,
    posting_features,
    resume_features,
)
from landml.resume.parse import parse_resume
from landml.skills.taxonomy import Taxonomy, load_taxonomy

TODAY = date(2026, 3, 10)

ANA = """# Ana Whitlock

Machine Learning Engineer · ana@example.com · github.com/ana-ml

## Summary

Machine learning engineer building recommendation systems.

## Experience

### Senior ML Engineer, Fernleaf Books (Jun 2021 – Present)

- Raised add-to-cart rate 7% with a two-tower retrieval model in PyTorch on 50M sessions.
- Cut serving cost 35% by distilling the ranker; deployed with Docker.

### Data Analyst, Parcel Point (2019 - 2021)

- Built weekly demand reports in SQL for 40 depots.

## Projects

- **Book cover classifier**: fine-tuned a vision transformer on 20k covers, 0.83 accuracy.
- **Churn model**: gradient boosting with XGBoost on 1M rows, AUC 0.87.

## Education

MSc Statistics, University of Leeds, 2017-2019

## Skills

Python, SQL, TensorFlow, Docker
"""

POSTING = """Senior Machine Learning Engineer at Globex

Requirements
- 5+ years of experience shipping models
- Python and PyTorch
- Kubernetes
- Apache Spark
- BS or MS in Computer Science

Nice to have
- JAX
- A/B testing
"""


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def features_of(tmp_path: Path, text: str, name: str = "resume.md") -> ResumeFeatures:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return resume_features(parse_resume(path), today=TODAY)


@pytest.fixture(scope="module")
def ana(tmp_path_factory: pytest.TempPathFactory) -> ResumeFeatures:
    return features_of(tmp_path_factory.mktemp("ana"), ANA)


@pytest.fixture(scope="module")
def globex() -> PostingFeatures:
    return posting_features("Senior Machine Learning Engineer", POSTING, company="Globex")


@pytest.fixture(scope="module")
def report(ana: ResumeFeatures, globex: PostingFeatures) -> MatchReport:
    return explain_match(ana, globex)


def item(report: MatchReport, name: str) -> MatchItem:
    return next(i for i in report.items if i.name == name)


# --- the score -------------------------------------------------------------------------------


def test_items_add_up_to_the_score_and_their_maxima_to_100(report: MatchReport) -> None:
    assert round(sum(i.points for i in report.items), 1) == report.score
    assert round(sum(i.max_points for i in report.items), 1) == 100.0
    for component in report.components:
        mine = [i for i in report.items if i.component == component.component]
        assert round(sum(i.points for i in mine), 1) == component.points
    assert report.score_explanation.endswith(f"= {report.score:g}/100")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(BUDGET)),
            st.floats(min_value=0, max_value=1, allow_nan=False),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_allotted_points_always_add_up_exactly(drafts: list[tuple[Component, float]]) -> None:
    items = allot(
        [ItemDraft(c, f"item {n}", "met", credit, "", []) for n, (c, credit) in enumerate(drafts)]
    )
    tenths = [round(i.max_points * 10) for i in items]
    assert sum(tenths) == 1000
    for i, (_, credit) in zip(items, drafts, strict=True):
        assert 0 <= i.points <= i.max_points
        assert abs(i.points - i.max_points * credit) <= 0.05 + 1e-9
    # Items of one part share its budget equally (to a tenth).
    for component in {c for c, _ in drafts}:
        mine = [t for t, (c, _) in zip(tenths, drafts, strict=True) if c == component]
        assert max(mine) - min(mine) <= 1


def test_parts_the_posting_does_not_judge_share_their_budget(
    ana: ResumeFeatures,
) -> None:
    bare = posting_features("Machine Learning Engineer", "We use Python and PyTorch daily.")
    result = explain_match(ana, bare)
    parts = {c.component for c in result.components}
    assert parts == {"required_skills", "title"}
    # 50 and 15 of the 65 points left scale to 76.9 and 23.1 of 100.
    by_part = {c.component: c.max_points for c in result.components}
    assert by_part == {"required_skills": 76.9, "title": 23.1}
    assert "asks no number of years" in result.notes[0]
    assert "states no seniority" in result.notes[0]


# --- skills ----------------------------------------------------------------------------------


def test_a_skill_the_resume_names_earns_its_full_points_with_the_line(
    report: MatchReport, ana: ResumeFeatures
) -> None:
    pytorch = item(report, "PyTorch")
    assert pytorch.status == "met" and pytorch.points == pytorch.max_points
    assert pytorch.component == "required_skills"
    evidence = pytorch.resume_evidence[0]
    assert evidence.line is not None and "PyTorch" in evidence.text
    assert ana.skill("ml:pytorch") is not None
    assert pytorch.posting_evidence == "- Python and PyTorch"


def test_a_sibling_skill_earns_half_and_is_named(report: MatchReport) -> None:
    kubernetes = item(report, "Kubernetes")
    assert kubernetes.status == "partial" and kubernetes.credit == 0.5
    assert "Docker" in kubernetes.explanation and "containers" in kubernetes.explanation
    assert kubernetes.points == round(kubernetes.max_points / 2, 1)


def test_a_skill_with_no_relative_on_the_resume_is_missing(report: MatchReport) -> None:
    spark = item(report, "Apache Spark")
    assert spark.status == "missing" and spark.points == 0
    assert "Apache Spark" in {g.label for g in report.gaps if g.status == "missing"}


def test_partial_credit_follows_the_taxonomy(taxonomy: Taxonomy) -> None:
    relations = SkillRelations(taxonomy)

    def have(*ids: str) -> list[SkillEvidence]:
        return [
            SkillEvidence(skill_id=i, label=i, category="", sections=[], lines=[0], quote="")
            for i in ids
        ]

    narrower = relations.credit("ml:deep-learning-frameworks", have("ml:pytorch"))
    assert (narrower.status, narrower.credit, narrower.relation) == ("partial", 0.75, "narrower")
    sibling = relations.credit("ml:tensorflow", have("ml:sql", "ml:pytorch"))
    assert (sibling.credit, sibling.related_id) == (0.5, "ml:pytorch")
    broader = relations.credit("ml:pytorch", have("ml:deep-learning-frameworks"))
    assert (broader.credit, broader.relation) == (0.25, "broader")
    # "programming languages" has dozens of children: Java says nothing about Python.
    assert relations.credit("ml:python", have("ml:java")).status == "missing"
    assert relations.credit("ml:python", have("ml:python")).credit == 1.0


def test_unmarked_skills_are_required_only_when_the_posting_marks_none() -> None:
    unmarked = posting_features("ML Engineer", "You will work with Python and Kubernetes.")
    assert {a.requirement for a in unmarked.skills} == {"required"}
    assert "marks no skill required" in unmarked.skills[0].basis
    mixed = posting_features(
        "ML Engineer", "Requirements\n- Python\n\nAbout the team\nWe run on Kubernetes."
    )
    by_id = {a.skill_id: a for a in mixed.skills}
    assert by_id["ml:python"].requirement == "required"
    assert by_id["ml:kubernetes"].requirement == "preferred"
    assert "outside the posting's requirements" in by_id["ml:kubernetes"].basis


def test_soft_skills_are_listed_but_not_scored(ana: ResumeFeatures) -> None:
    posting = posting_features(
        "ML Engineer", "Requirements\n- Python\n- Excellent communication skills"
    )
    result = explain_match(ana, posting)
    assert [s.category for s in result.unscored] == ["soft_skill"]
    assert all(i.skill_id != result.unscored[0].skill_id for i in result.items)


# --- title, seniority, years, education -------------------------------------------------------


def test_title_seniority_years_and_education_are_read_from_the_resume(
    report: MatchReport, ana: ResumeFeatures
) -> None:
    assert ana.title is not None
    assert ana.title.text == "Senior ML Engineer, Fernleaf Books"
    assert (ana.title.role_family, ana.title.seniority) == ("mle", "senior")
    assert item(report, "Role family").status == "met"
    assert item(report, "Seniority").status == "met"
    # Experience from 2019-01 to today (2026-03-10): 7.2 years against 5+ asked.
    assert ana.career_years == 7.2
    assert item(report, "Years of experience").credit == 1.0
    assert ana.degree is not None and ana.degree.level == "master"
    education = item(report, "Education")
    assert education.status == "met" and "bachelor's" in education.explanation


def test_fewer_years_than_asked_earn_the_ratio(tmp_path: Path) -> None:
    junior = features_of(
        tmp_path,
        "# Sam\n\n## Experience\n\nML Engineer, Umbra (Mar 2023 – Present)\n\n- Built a ranker.\n",
    )
    posting = posting_features("ML Engineer", "Requirements\n- 5+ years with Python")
    years = next(i for i in explain_match(junior, posting).items if i.component == "years")
    assert junior.career_years == 3.0
    assert years.credit == 0.6 and years.status == "partial"
    assert "3 / 5 = 0.60" in years.explanation


def test_neighbouring_families_and_levels_earn_half(tmp_path: Path) -> None:
    scientist = features_of(
        tmp_path,
        "# Lee\n\n## Experience\n\nData Scientist, Umbra (2024 – Present)\n\n- Built a model.\n",
    )
    posting = posting_features("Staff Machine Learning Engineer", "Requirements\n- Python")
    result = explain_match(scientist, posting)
    title = next(i for i in result.items if i.component == "title")
    assert title.credit == 0.5 and "neighbouring family" in title.explanation
    level = next(i for i in result.items if i.component == "seniority")
    # Two years of work read as mid; staff is two levels up.
    assert level.status == "missing" and "2 levels apart" in level.explanation


def test_a_degree_one_level_below_earns_half(ana: ResumeFeatures) -> None:
    posting = posting_features("Research Scientist", "Requirements\n- PhD in Machine Learning")
    education = next(i for i in explain_match(ana, posting).items if i.component == "education")
    assert (education.status, education.credit) == ("partial", 0.5)


def test_the_title_comes_from_the_latest_role_else_the_headline(tmp_path: Path) -> None:
    undated = features_of(tmp_path, "# Kim\nApplied Scientist\n\n## Skills\n\nPython\n")
    assert undated.title is not None
    assert (undated.title.source, undated.title.role_family) == ("headline", "as")
    assert undated.career_years is None


# --- what is read, and what is suggested -----------------------------------------------------


def test_links_and_emails_name_no_skill(tmp_path: Path) -> None:
    jo = features_of(
        tmp_path, "# Jo\njo.ml@example.com · github.com/jo-ml\n\n## Skills\n\nPython\n"
    )
    # "ml" in the address and the handle, "github" in the link: none is a skill Jo names.
    assert [s.skill_id for s in jo.skills] == ["ml:python"]


def test_projects_are_read_one_per_bullet_with_their_skills(ana: ResumeFeatures) -> None:
    assert [p.name for p in ana.projects] == ["Book cover classifier", "Churn model"]
    churn = ana.projects[1]
    assert "ml:xgboost" in churn.skill_ids and "ml:gradient-boosting" in churn.skill_ids
    assert "ml:xgboost" not in ana.projects[0].skill_ids


def test_suggestions_only_surface_skills_the_resume_shows(
    report: MatchReport, ana: ResumeFeatures
) -> None:
    have = {s.skill_id for s in ana.skills}
    absent = [g.label for g in report.gaps]
    assert report.suggestions and absent
    for suggestion in report.suggestions:
        assert suggestion.skill_id in have
        for label in absent:
            assert label.lower() not in suggestion.text.lower(), (label, suggestion.text)
    kinds = {(s.kind, s.label) for s in report.suggestions}
    # PyTorch is in Experience only: name it in Skills; Python is in Skills only: use it
    # in a bullet; Docker is Kubernetes' sibling: show what it did.
    assert ("name_in_skills", "PyTorch") in kinds
    assert ("show_in_bullet", "Python") in kinds
    assert ("surface_related", "Docker") in kinds


def test_no_suggestion_names_an_absent_skill_for_any_posting(ana: ResumeFeatures) -> None:
    have = {s.skill_id for s in ana.skills}
    texts = [
        "Requirements\n- Go, Rust and gRPC\n- Terraform on AWS\nNice to have\n- Ray, Triton",
        "Data Scientist\nMust have: R, Stata, causal inference, Bayesian statistics.",
        "Requirements: LangChain, RAG, vector databases, PyTorch, Hugging Face Transformers",
    ]
    for text in texts:
        result = explain_match(ana, posting_features("ML Engineer", text))
        absent = {a.label.lower() for a in result.posting.skills if a.skill_id not in have}
        for suggestion in result.suggestions:
            assert suggestion.skill_id in have
            assert not any(label in suggestion.text.lower() for label in absent)
