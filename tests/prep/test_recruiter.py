from __future__ import annotations

import re

import pytest

from landml.errors import InvalidInput
from landml.prep import recruiter
from landml.prep.datafiles import parse_data
from landml.prep.recruiter import (
    ProjectIn,
    build_pitch,
    questions_to_ask,
    recruiter_sheet,
)
from landml.tracker.vocab import CompanyKind, InterviewKind

RANKER = ProjectIn(
    name="Search ranker",
    problem="shoppers on a regional marketplace could not find products with vague queries",
    role="I designed and trained the learning-to-rank model and ran the A/B test",
    method="a gradient-boosted ranker on click and purchase labels with query embeddings",
    result="purchases per search rose 4% and zero-result searches fell by half",
    skills=("learning to rank", "python", "ml engineer"),
)
FORECAST = ProjectIn(
    name="Demand forecast",
    problem="store managers ordered stock by hand and often ran out on weekends",
    role="I built the forecasting pipeline and the dashboard managers used",
    method="gradient-boosted trees on sales history, weather and holidays",
    result="stock-outs dropped from 12% to 5% of store-days",
)
THESIS = ProjectIn(
    name="Thesis",
    problem="speech recognisers fail on accented speech",
    role="we explored several adaptation methods",
    method="adapter layers fine-tuned per accent",
    result="the model got noticeably better on accented speech",
)
NOTES = ProjectIn(name="Notes app", problem="I wanted to learn React")


def test_pitches_use_only_the_persons_own_words_and_numbers() -> None:
    pitch = build_pitch(RANKER)
    assert pitch.text == (
        "Shoppers on a regional marketplace could not find products with vague queries. "
        "I designed and trained the learning-to-rank model and ran the A/B test. "
        "A gradient-boosted ranker on click and purchase labels with query embeddings. "
        "Purchases per search rose 4% and zero-result searches fell by half."
    )
    entered = " ".join([RANKER.problem, RANKER.role, RANKER.method, RANKER.result])
    assert set(re.findall(r"\d+", pitch.text)) <= set(re.findall(r"\d+", entered))
    assert pitch.measurable
    assert [(f.rule, f.severity) for f in pitch.findings] == [("pitch.too_short", "info")]
    assert pitch.findings[0].message == "Search ranker: 47 words take 19-22 seconds, under 30."


def test_a_result_without_a_number_is_a_finding_not_an_invention() -> None:
    pitch = build_pitch(THESIS)
    assert not pitch.measurable
    finding = next(f for f in pitch.findings if f.rule == "pitch.result_unmeasured")
    assert finding.evidence == THESIS.result
    assert "will not invent" in finding.fix
    assert re.search(r"\d", pitch.text) is None


def test_a_role_told_as_we_is_flagged_and_prefixed() -> None:
    pitch = build_pitch(THESIS)
    assert "pitch.role_we" in {f.rule for f in pitch.findings}
    assert "My part: we explored several adaptation methods." in pitch.text


def test_missing_fields_are_reported_and_left_out_of_the_pitch() -> None:
    pitch = build_pitch(NOTES)
    rules = {f.rule for f in pitch.findings}
    assert {"pitch.missing_role", "pitch.missing_method", "pitch.missing_result"} <= rules
    assert pitch.text == "I wanted to learn React."


def test_pitch_length_is_estimated_at_interview_pace() -> None:
    pitch = build_pitch(FORECAST)
    assert (pitch.words, pitch.seconds_low, pitch.seconds_high) == (38, 15, 18)
    assert [f.rule for f in pitch.findings] == ["pitch.too_short"]
    long = FORECAST.model_copy(update={"method": FORECAST.method + " and more detail" * 40})
    assert "pitch.too_long" in {f.rule for f in build_pitch(long).findings}


def test_the_sheet_pitches_the_three_strongest_projects() -> None:
    sheet = recruiter_sheet(
        [NOTES, THESIS, FORECAST, RANKER],
        target_role="ML engineer",
        company="Acme",
        team_interest="search ranking",
        company_kind="big_tech",
    )
    assert [p.project for p in sheet.pitches] == ["Search ranker", "Demand forecast", "Thesis"]
    assert sheet.left_out == ["Notes app"]
    assert "sheet.left_out" in {f.rule for f in sheet.findings}
    assert sheet.ask == (
        "I'm looking for an ML engineer role at Acme, ideally on search ranking. "
        "Which teams are hiring for that, and what does the interview loop look like?"
    )


def test_one_project_is_not_enough() -> None:
    sheet = recruiter_sheet([RANKER], target_role="Data scientist", company="Acme")
    assert [f.rule for f in sheet.findings] == ["sheet.one_project"]
    assert sheet.ask.startswith("I'm looking for a Data scientist role at Acme. Which teams")


def test_the_sheet_needs_projects_a_role_and_a_company() -> None:
    with pytest.raises(InvalidInput, match="No projects"):
        recruiter_sheet([], target_role="ML engineer", company="Acme")
    with pytest.raises(InvalidInput, match="target role"):
        recruiter_sheet([RANKER], target_role=" ", company="Acme")


def test_recruiter_questions_put_company_specific_ones_first() -> None:
    sheet = recruiter_sheet([RANKER, FORECAST], "ML engineer", "Acme", company_kind="big_tech")
    assert len(sheet.questions) == 5
    assert all("recruiter" in q.audiences for q in sheet.questions)
    assert sheet.questions[0].company_kinds  # written for big tech, so listed first
    assert "big_tech" in sheet.questions[0].company_kinds


def test_job_talk_questions_are_for_researchers() -> None:
    questions = questions_to_ask("job_talk", "research_lab")
    assert questions
    assert all("researcher" in q.audiences for q in questions)
    specific = [q for q in questions if q.company_kinds]
    assert questions[: len(specific)] == specific
    topics = [q.topics[0] for q in questions[:3]]
    assert len(set(topics)) == 3  # the first questions cover different subjects


@pytest.mark.parametrize("kind", [k.value for k in InterviewKind])
def test_every_round_kind_has_questions_for_every_company_kind(kind: str) -> None:
    for company in CompanyKind:
        assert len(questions_to_ask(kind, company.value)) >= 3, (kind, company)


def test_questions_reject_unknown_kinds_and_limits() -> None:
    with pytest.raises(InvalidInput, match="round kind"):
        questions_to_ask("chat")
    with pytest.raises(InvalidInput, match="company kind"):
        questions_to_ask("coding", "unicorn")
    with pytest.raises(InvalidInput, match="limit"):
        questions_to_ask("coding", limit=0)
    assert len(questions_to_ask("coding", limit=2)) == 2


def test_the_questions_file_rejects_unknown_fields_and_audiences() -> None:
    base = "version: 1\nquestions:\n  - text: What does a good first quarter look like here?\n"
    with pytest.raises(InvalidInput, match="priority"):
        parse_data(
            base + "    audiences: [recruiter]\n    topics: [growth]\n    priority: 1\n",
            "questions_to_ask.yaml",
            recruiter._QuestionsFile,
        )
    with pytest.raises(InvalidInput, match="audiences"):
        parse_data(
            base + "    audiences: [janitor]\n    topics: [growth]\n",
            "questions_to_ask.yaml",
            recruiter._QuestionsFile,
        )


def test_a_pitch_of_thirty_to_sixty_seconds_has_no_length_finding() -> None:
    detailed = RANKER.model_copy(
        update={
            "method": (
                "a gradient-boosted ranker on click and purchase labels with query embeddings, "
                "trained on three months of logs with position-debiased labels, and checked "
                "offline with NDCG before a two-week A/B test on a fifth of traffic"
            )
        }
    )
    pitch = build_pitch(detailed)
    assert 65 <= pitch.words <= 150
    assert pitch.findings == []
