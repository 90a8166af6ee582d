from __future__ import annotations

import pytest

from landml.errors import InvalidInput
from landml.prep.jobtalk import (
    JobTalkOutline,
    TalkPart,
    check_job_talk,
    parse_outline,
)

GOOD = """\
Title: Making retrieval-augmented models reliable
Thesis: Retrieval makes language models reliable only when the retriever is trained for the reader.
1. Motivation: why reliable retrieval matters (6 min)
2. Roadmap (2 min)
3. Training retrievers for the reader (12 min)
   joint objective, feedback from the reader
4. Measuring reliability of retrieval-augmented answers (10 min)
5. Making retrieval cheap at scale (8 min)
6. Future work (4 min)
7. Conclusion (2 min)
8. Q&A (15 min)
"""


def _rules(outline: str | JobTalkOutline, **kwargs: int) -> set[str]:
    return {finding.rule for finding in check_job_talk(outline, **kwargs).findings}


def _outline(*parts: tuple[str, float | None], thesis: str = "") -> JobTalkOutline:
    return JobTalkOutline(
        title="Reliable retrieval for language models",
        thesis=thesis or "Retrieval makes language models reliable when trained for the reader.",
        parts=[TalkPart(title=title, minutes=minutes) for title, minutes in parts],
    )


def test_a_well_shaped_talk_has_no_findings() -> None:
    check = check_job_talk(GOOD)
    assert check.findings == []
    assert check.ok
    assert check.slot_minutes == 60
    assert (check.talk_minutes, check.qa_minutes) == (44, 15)
    kinds = [part.kind for part in check.parts]
    assert kinds == ["intro", "roadmap", "core", "core", "core", "future", "conclusion", "qa"]
    assert all(part.tied_to_theme for part in check.parts if part.kind == "core")


def test_text_outlines_are_parsed_into_parts_minutes_and_notes() -> None:
    outline = parse_outline(GOOD)
    assert outline.title == "Making retrieval-augmented models reliable"
    assert outline.thesis.startswith("Retrieval makes")
    assert outline.parts[2].title == "Training retrievers for the reader"
    assert outline.parts[2].minutes == 12
    assert outline.parts[2].notes == "joint objective, feedback from the reader"
    assert outline.parts[7].title == "Q&A"


def test_markdown_headings_and_a_slot_line_are_read() -> None:
    outline = parse_outline(
        "# Robust speech recognition\nSlot: 45 min\n## Intro - 5 min\n## Robust decoding - 20m\n"
    )
    assert outline.title == "Robust speech recognition"
    assert outline.slot_minutes == 45
    assert [(p.title, p.minutes) for p in outline.parts] == [
        ("Intro", 5),
        ("Robust decoding", 20),
    ]
    assert check_job_talk(outline).slot_minutes == 45


def test_structured_and_text_outlines_give_the_same_check() -> None:
    assert check_job_talk(parse_outline(GOOD)) == check_job_talk(GOOD)


def test_no_title_or_thesis_means_no_theme() -> None:
    outline = JobTalkOutline(parts=[TalkPart(title="Method", minutes=20)])
    check = check_job_talk(outline)
    assert not check.ok
    assert check.findings[0].rule == "theme.missing"


def test_a_title_without_thesis_asks_for_the_claim() -> None:
    outline = _outline(("Roadmap", 2), ("Reliable retrieval training", 20))
    outline.thesis = ""
    assert "theme.no_thesis" in _rules(outline)


def test_parts_that_do_not_serve_the_theme_are_named() -> None:
    outline = _outline(
        ("Roadmap", 2),
        ("Reader-trained retrieval", 15),
        ("My internship on image segmentation", 15),
        ("A side project on protein folding", 10),
        ("Future work", 5),
        ("Q&A", 10),
    )
    check = check_job_talk(outline)
    unlinked = [f.evidence for f in check.findings if f.rule == "theme.part_unlinked"]
    assert unlinked == ["My internship on image segmentation", "A side project on protein folding"]
    assert "theme.scattered" in {f.rule for f in check.findings}


def test_a_missing_or_late_roadmap_is_flagged() -> None:
    no_roadmap = _outline(("Reader-trained retrieval", 30), ("Future work", 5), ("Q&A", 15))
    assert "roadmap.missing" in _rules(no_roadmap)
    late = _outline(
        ("Motivation", 5),
        ("Reader-trained retrieval", 20),
        ("Roadmap", 2),
        ("Future work", 5),
        ("Q&A", 15),
    )
    finding = next(f for f in check_job_talk(late).findings if f.rule == "roadmap.late")
    assert "after 25 minutes" in finding.message


def test_parts_that_overrun_the_slot_are_an_error() -> None:
    outline = _outline(
        ("Roadmap", 2), ("Reader-trained retrieval", 40), ("Future work", 10), ("Q&A", 15)
    )
    check = check_job_talk(outline)
    over = next(f for f in check.findings if f.rule == "time.over")
    assert over.severity == "error"
    assert "67 minutes for a 60-minute slot" in over.message
    assert "time.over" not in _rules(outline, slot_minutes=75)


def test_parts_without_minutes_cannot_be_timed() -> None:
    outline = _outline(("Roadmap", None), ("Reader-trained retrieval", 30), ("Q&A", 15))
    finding = next(f for f in check_job_talk(outline).findings if f.rule == "time.unknown")
    assert finding.evidence == "Roadmap"


def test_a_long_introduction_is_flagged() -> None:
    outline = _outline(
        ("Background on language models", 15),
        ("Roadmap", 2),
        ("Reader-trained retrieval", 20),
        ("Future work", 5),
        ("Q&A", 15),
    )
    assert "intro.too_long" in _rules(outline)


def test_future_work_and_a_conclusion_are_expected() -> None:
    outline = _outline(("Roadmap", 2), ("Reader-trained retrieval", 35), ("Q&A", 15))
    check = check_job_talk(outline)
    severities = {f.rule: f.severity for f in check.findings}
    assert severities["future.missing"] == "warning"
    assert severities["conclusion.missing"] == "info"
    assert severities["part.too_long"] == "info"


def test_questions_need_their_time() -> None:
    implicit = _outline(("Roadmap", 2), ("Reader-trained retrieval", 30), ("Future work", 5))
    finding = next(f for f in check_job_talk(implicit).findings if f.rule == "qa.implicit")
    assert "23 minutes" in finding.message
    full = _outline(("Roadmap", 2), ("Reader-trained retrieval", 50), ("Future work", 6))
    assert "qa.missing" in _rules(full)
    short = _outline(
        ("Roadmap", 2), ("Reader-trained retrieval", 45), ("Future work", 8), ("Q&A", 3)
    )
    assert "qa.short" in _rules(short)


def test_a_plan_well_under_the_slot_leaves_time_unplanned() -> None:
    outline = _outline(("Roadmap", 2), ("Reader-trained retrieval", 20), ("Q&A", 10))
    assert "time.under" in _rules(outline)


def test_empty_outlines_and_odd_slots_are_rejected() -> None:
    with pytest.raises(InvalidInput, match="empty"):
        check_job_talk("   \n")
    with pytest.raises(InvalidInput, match="5-minute slot"):
        check_job_talk(GOOD, slot_minutes=5)
