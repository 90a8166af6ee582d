from __future__ import annotations

from importlib import resources

import pytest

from landml.errors import InvalidInput
from landml.prep import loops
from landml.prep.datafiles import parse_data
from landml.prep.loops import ROLE_FAMILIES, all_default_loops, default_loop
from landml.tracker.vocab import CompanyKind, InterviewKind

ALL_PAIRS = [(company.value, role) for company in CompanyKind for role in ROLE_FAMILIES]


def _count(loop: loops.Loop, kind: str) -> int:
    return sum(r.count for r in loop.required_rounds if r.kind == kind)


def _shipped_text() -> str:
    return resources.files("landml.prep").joinpath("data", "loops.yaml").read_text("utf-8")


def test_every_default_names_its_sources_with_a_date() -> None:
    for loop in all_default_loops():
        assert loop.sources, loop.id
        for source in loop.sources:
            assert source.title and source.note
            assert source.as_of.year >= 2024
        kinds = {source.kind for source in loop.sources}
        # A default built from our own generalisation must say so.
        assert "editors_summary" in kinds, loop.id


@pytest.mark.parametrize(("company", "role"), ALL_PAIRS)
def test_every_company_kind_and_role_family_gets_a_loop(company: str, role: str) -> None:
    loop = default_loop(company, role)
    assert loop.company_kind == company and loop.role_family == role
    assert loop.total_rounds >= 2
    assert all(isinstance(r.kind, InterviewKind) for r in loop.rounds)
    assert 1 <= loop.timeline_weeks.min <= loop.timeline_weeks.max


def test_big_tech_mle_has_two_coding_one_design_one_behavioral_over_one_to_two_months() -> None:
    loop = default_loop("big_tech", "mle")
    assert _count(loop, "coding") >= 2
    assert _count(loop, "ml_system_design") == 1
    assert _count(loop, "behavioral") == 1
    assert (loop.timeline_weeks.min, loop.timeline_weeks.max) == (4, 8)
    assert loop.fallback_note is None
    assert loop.matched == ("big_tech", "mle")


def test_startup_loops_are_short_and_close_to_the_product() -> None:
    loop = default_loop("startup", "mle")
    technical = [
        r
        for r in loop.required_rounds
        if r.kind not in (InterviewKind.recruiter_call, InterviewKind.hiring_manager)
    ]
    assert sum(r.count for r in technical) <= 2
    assert loop.timeline_weeks.max <= 4
    assert "product" in loop.summary


def test_research_lab_loops_centre_on_the_research_in_at_most_two_rounds() -> None:
    loop = default_loop("research_lab", "rs")
    core = [r for r in loop.required_rounds if r.kind != InterviewKind.recruiter_call]
    assert len(core) <= 2
    assert InterviewKind.job_talk in {r.kind for r in core}


def test_research_scientist_loop_has_ml_coding_debugging_concepts_and_job_talk() -> None:
    kinds = {r.kind.value for r in default_loop("big_tech", "rs").required_rounds}
    assert {"ml_coding", "ml_debugging", "job_talk"} <= kinds
    assert kinds & {"ml_concepts", "dl_llm_concepts"}


def test_missing_pairs_fall_back_and_say_so() -> None:
    other_company = default_loop("other", "as")
    assert other_company.matched == ("mid_size", "as")
    assert other_company.fallback_note is not None
    assert "other companies" in other_company.fallback_note
    other_role = default_loop("big_tech", "other")
    assert other_role.matched == ("big_tech", "mle")
    assert other_role.id == "big-tech-mle"


def test_company_kind_and_role_are_normalised() -> None:
    assert default_loop("Big-Tech", " MLE ").id == "big-tech-mle"


def test_unknown_company_kind_names_the_choices() -> None:
    with pytest.raises(InvalidInput) as error:
        default_loop("unicorn", "mle")
    assert "research_lab" in str(error.value)
    with pytest.raises(InvalidInput, match="role family"):
        default_loop("startup", "wizard")


def test_shipped_file_rejects_unknown_fields() -> None:
    text = _shipped_text().replace("    timeline_weeks: {min: 4, max: 8}", "    weeks: 6", 1)
    with pytest.raises(InvalidInput, match="weeks"):
        parse_data(text, "loops.yaml", loops._LoopsFile)


def test_shipped_file_rejects_a_pair_defined_twice() -> None:
    text = _shipped_text().replace("role_families: [ds]", "role_families: [ds, mle]", 1)
    with pytest.raises(InvalidInput, match="defined by both"):
        parse_data(text, "loops.yaml", loops._LoopsFile)


def test_shipped_file_rejects_an_undefined_source() -> None:
    text = _shipped_text().replace("sources: [editors]", "sources: [editors, nobody]", 1)
    with pytest.raises(InvalidInput, match="nobody"):
        parse_data(text, "loops.yaml", loops._LoopsFile)
