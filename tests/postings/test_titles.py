from __future__ import annotations

import json
from importlib.resources import files

import pytest

from landml.postings.titles import (
    SOC_OCCUPATIONS,
    RoleFamily,
    Seniority,
    classify_title,
    onet_lexicon,
    title_segments,
)

F, S = RoleFamily, Seniority


@pytest.mark.parametrize(
    ("title", "family", "seniority"),
    [
        ("Senior Machine Learning Engineer", F.mle, S.senior),
        ("Data Scientist II", F.ds, S.mid),
        ("Staff Research Scientist, LLM", F.rs, S.staff_plus),
        ("Applied Scientist Intern", F.applied_scientist, S.intern),
        ("Director of Data Science", F.ds, S.lead_manager),
        ("Software Engineer, Machine Learning", F.mle, S.mid),
        ("Data Analyst", F.analyst, S.mid),
        ("Business Intelligence Developer", F.analyst, S.mid),
        ("Quant Researcher", F.ds, S.mid),
        ("MLE", F.mle, S.mid),
        ("ML Ops Engineer", F.mle, S.mid),
        ("Analytics Engineer", F.data_eng, S.mid),
        ("Sr. Data Engineer", F.data_eng, S.senior),
        ("Principal Data Scientist", F.ds, S.staff_plus),
        ("Lead Data Scientist", F.ds, S.lead_manager),
        ("Head of ML", F.mle, S.lead_manager),
        ("Data Science Manager", F.ds, S.lead_manager),
        ("New Grad Software Engineer", F.swe, S.junior),
        ("Junior Data Analyst", F.analyst, S.junior),
        ("Software Engineer L5", F.swe, S.senior),
        ("Software Engineer III", F.swe, S.senior),
        ("Data Engineer I", F.data_eng, S.junior),
        ("Machine Learning Research Scientist", F.rs, S.mid),
        ("Research Scientist, Machine Learning", F.rs, S.mid),
        ("Machine Learning Scientist", F.rs, S.mid),
        ("Applied Research Scientist", F.applied_scientist, S.mid),
        ("Engineer, Machine Learning", F.mle, S.mid),
        ("Senior Data & Machine Learning Scientist", F.ds, S.senior),
        ("Data Scientist/ML Engineer", F.ds, S.mid),
        ("Senior Machine Learning (ML) Engineer / Data Scientist", F.mle, S.senior),
        ("Associate Director, Data Science", F.ds, S.lead_manager),
        ("Biostatistician", F.ds, S.mid),
        ("Research Scientist, Neural Networks", F.rs, S.mid),
        ("Research Scientist - Novartis AI Innovation Lab", F.rs, S.mid),
    ],
)
def test_titles_are_classified(title: str, family: RoleFamily, seniority: Seniority) -> None:
    result = classify_title(title)
    assert (result.role_family, result.seniority) == (family, seniority), result.evidence


@pytest.mark.parametrize(
    "title",
    [
        "Research Scientist, Immunology - Cancer Biology",
        "Medical Laboratory Scientist",
        "Senior Scientist - Neuroscience",
        "Scientist",
        "Sr. Enterprise Account Exec- Data Science / ML - NYC",
        "Data Science Project Manager",
        "Product Manager",
    ],
)
def test_lab_sales_and_project_titles_are_other(title: str) -> None:
    assert classify_title(title).role_family is F.other


def test_the_head_noun_of_the_first_segment_decides_the_family() -> None:
    assert classify_title("Data Analyst / Scientist").role_family is F.analyst
    assert classify_title("Customer Data Scientist/Sales Engineer").role_family is F.ds
    assert classify_title("Associate, Data Science, Internal Audit").role_family is F.ds


def test_software_engineering_titles_without_an_ml_field_stay_swe() -> None:
    result = classify_title("Software Engineer - Data Visualization")
    assert result.role_family is F.swe


def test_evidence_names_the_rule_that_matched() -> None:
    result = classify_title("Sr. Machine Learning Engineer")
    assert "Machine Learning Engineer" in result.family_evidence
    assert "'senior'" in result.seniority_evidence
    assert result.seniority_stated
    assert result.onet_code is None


def test_titles_no_rule_knows_fall_back_to_onet_titles() -> None:
    result = classify_title("Software Architect")
    assert result.role_family is F.swe
    assert result.onet_code == "15-1252.00"
    assert "O*NET" in result.family_evidence and "Software Architect" in result.family_evidence


def test_onet_fallback_is_not_used_for_non_computing_science() -> None:
    # O*NET lists "Research Scientist" under computing occupations; a protein lab is not.
    result = classify_title("Associate Research Scientist I (Protein Expression)")
    assert result.role_family is F.other
    assert result.onet_code is None


def test_a_title_without_a_seniority_cue_is_mid_by_default_and_says_so() -> None:
    result = classify_title("Data Scientist")
    assert result.seniority is S.mid
    assert not result.seniority_stated
    assert "default" in result.seniority_evidence


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Associate Director, Analytics", S.lead_manager),
        ("Senior Manager, Data Science", S.lead_manager),
        ("Sr. Data Scientist II", S.senior),
        ("Data Scientist (Sr)", S.senior),
        ("Data Scientist - Early Career", S.junior),
        ("Data Science Co-op", S.intern),
        ("Internal Audit Data Analyst", S.mid),
        ("Data Analyst Level III", S.senior),
        ("Machine Learning Engineer E6", S.staff_plus),
        ("Data Engineer 4", S.staff_plus),
        ("Distinguished Engineer, AI", S.staff_plus),
        ("Postdoctoral Researcher, Machine Learning", S.junior),
    ],
)
def test_seniority_cues(title: str, seniority: Seniority) -> None:
    assert classify_title(title).seniority is seniority


def test_segments_keep_acronym_restatements_inside_the_role() -> None:
    assert title_segments("Senior Machine Learning (ML) Engineer / Data Scientist") == [
        "senior machine learning engineer",
        "data scientist",
    ]


def test_classification_does_not_crash_on_empty_or_odd_titles() -> None:
    for title in ["", "   ", "!!!", "(", "2020", "Ⅻ", "a/b/c/d"]:
        result = classify_title(title)
        assert result.role_family is F.other


def test_shipped_onet_lexicon_loads_from_the_package_with_attribution() -> None:
    payload = json.loads(
        files("landml.postings").joinpath("data/onet_titles.json").read_text("utf-8")
    )
    assert set(payload["titles"]) <= set(SOC_OCCUPATIONS)
    assert "15-2051.00" in payload["titles"]
    assert "CC BY 4.0" in payload["license"]
    attribution = files("landml.postings").joinpath("data/ATTRIBUTION.md").read_text("utf-8")
    assert "O*NET 29.2 Database" in attribution and "CC BY 4.0" in attribution
    lexicon = onet_lexicon()
    assert lexicon["data scientist"][0] == "15-2051.00"
    assert all(" " in key for key in lexicon)  # one-word titles are too generic to ship
