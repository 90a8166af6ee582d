"""The checker's rules on crafted resumes and on the fixture files, and the score's sum."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from landml.resume.check import POINTS, check_resume, names_role, summarise
from landml.resume.parse import parse_resume
from tests.resume.conftest import check_text, rule_ids

GOOD = """\
# Lina Osei

Machine Learning Engineer · lina.osei@example.com · github.com/linaosei

## Summary

Machine learning engineer with three years of experience building ranking models for
online marketplaces.

## Experience

### ML Engineer, Brightcart (Jan 2022 – Present)

- Raised search conversion 6% with a learning-to-rank model trained on 40M queries.
- Cut feature pipeline cost 30% by moving to incremental Spark jobs.
- Shipped 4 models to production behind A/B tests with automatic rollback.

## Projects

- Fine-tuned a small transformer on 12k support tickets; 0.88 macro-F1 on a held-out month.

## Education

MSc Data Science, University of Ghana, 2019 - 2021

## Skills

Python, PyTorch, scikit-learn, SQL, Spark
"""
TODAY = date(2025, 6, 1)


def test_a_strong_resume_has_no_findings_and_scores_100(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD, today=TODAY)
    assert report.findings == []
    assert (report.score, report.score_explanation) == (100, "100: no findings")
    assert (report.bullets_total, report.bullets_with_number, report.quantified_share) == (
        4,
        4,
        1.0,
    )


def test_unquantified_bullets_are_flagged_with_the_weakest_quoted(tmp_path: Path) -> None:
    text = GOOD.replace(
        "- Cut feature pipeline cost 30% by moving to incremental Spark jobs.\n"
        "- Shipped 4 models to production behind A/B tests with automatic rollback.",
        "- Worked on the search page.\n- Helped with various data tasks.\n"
        "- Responsible for the feature pipeline.\n- Improved the ranking model quality.",
    )
    report = check_text(tmp_path, text, today=TODAY)
    (finding,) = [f for f in report.findings if f.rule_id == "bullets.quantified"]
    assert finding.severity == "warning"
    assert finding.message.startswith("Only 33% of bullets state a figure (2 of 6)")
    quoted = [e.text for e in finding.evidence]
    assert quoted[0].startswith('"Helped with various data tasks."')  # the weakest first
    assert any(q.startswith('"Worked on the search page."') for q in quoted)
    assert all(e.line is not None for e in finding.evidence)
    weakest = report.weakest_bullets
    assert weakest[0].text == "Helped with various data tasks."
    assert "no number" in weakest[0].reasons and 'vague opener "Helped"' in weakest[0].reasons
    assert "bullets.vague_openers" in rule_ids(report)


def test_fun_facts_are_irrelevant_content(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD + "\n## Fun Facts\n\nI have visited 30 countries.\n")
    (finding,) = [f for f in report.findings if f.rule_id == "content.irrelevant"]
    assert finding.evidence[0].text == "Fun Facts: I have visited 30 countries."


def test_interests_that_show_ml_work_are_kept(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD + "\n## Interests\n\nKaggle competitions, open-source ML\n")
    assert "content.irrelevant" not in rule_ids(report)


def test_personal_data_is_irrelevant_content(tmp_path: Path) -> None:
    text = GOOD.replace(
        "## Summary", "Date of birth: 01.02.1995 · Marital status: single\n\n## Summary"
    )
    assert "content.irrelevant" in rule_ids(check_text(tmp_path, text))


def test_generic_ai_phrases_are_flagged(tmp_path: Path) -> None:
    text = GOOD.replace(
        "Machine learning engineer with three years",
        "Machine learning engineer who leveraged synergies across teams in today's "
        "fast-paced world, with three years",
    )
    (finding,) = [
        f for f in check_text(tmp_path, text).findings if f.rule_id == "style.generic_ai_text"
    ]
    assert finding.severity == "warning"
    assert '"leveraged synergies"' in finding.message
    assert "in today's fast-paced" in finding.message


def test_em_dash_density_is_flagged_but_dates_with_dashes_are_not(tmp_path: Path) -> None:
    dated = GOOD.replace("(Jan 2022 – Present)", "(Jan 2022 — Present)")
    assert "style.em_dash_density" not in rule_ids(check_text(tmp_path, dated))
    dashed = GOOD.replace(
        "- Raised search conversion 6%",
        "- Ranking — the core of search — moved 6%\n- Latency — always a worry — fell 20%\n"
        "- Raised search conversion 6%",
    )
    (finding,) = [
        f for f in check_text(tmp_path, dashed).findings if f.rule_id == "style.em_dash_density"
    ]
    assert finding.message.startswith("4 em dashes in")


def test_missing_github_or_portfolio_is_flagged(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD.replace(" · github.com/linaosei", ""))
    (finding,) = [f for f in report.findings if f.rule_id == "links.github_or_portfolio"]
    assert finding.evidence[0].text == "Links found: email"


def test_portfolio_site_counts_as_a_link(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD.replace("github.com/linaosei", "linaosei.dev"))
    assert "links.github_or_portfolio" not in rule_ids(report)


def test_listed_pytorch_satisfies_tools_and_its_absence_is_flagged(tmp_path: Path) -> None:
    assert "skills.tools_listed" not in rule_ids(check_text(tmp_path, GOOD))
    plain = GOOD.replace(
        "Python, PyTorch, scikit-learn, SQL, Spark", "Python, SQL, Docker"
    ).replace("incremental Spark jobs", "incremental jobs")
    (finding,) = [
        f for f in check_text(tmp_path, plain).findings if f.rule_id == "skills.tools_listed"
    ]
    assert finding.evidence[-1].text.startswith("Tools named: ")
    assert "Docker" in finding.evidence[-1].text


def test_summary_must_open_with_the_role(tmp_path: Path) -> None:
    text = GOOD.replace(
        "Machine learning engineer with three years of experience building ranking models",
        "I enjoy building things. Machine learning engineer with three years building models",
    )
    (finding,) = [
        f for f in check_text(tmp_path, text).findings if f.rule_id == "summary.ml_role_first"
    ]
    assert finding.evidence[0].text == "I enjoy building things."


def test_summary_is_checked_against_the_target_role(tmp_path: Path) -> None:
    assert "summary.ml_role_first" not in rule_ids(
        check_text(tmp_path, GOOD, target_role="Senior Machine Learning Engineer")
    )
    report = check_text(tmp_path, GOOD, target_role="Research Scientist")
    assert "summary.ml_role_first" in rule_ids(report)
    fix = next(f.fix for f in report.findings if f.rule_id == "summary.ml_role_first")
    assert "'Research Scientist with N years" in fix


@pytest.mark.parametrize(
    ("text", "role", "named"),
    [
        ("Machine learning engineer with 3 years", "ML Engineer", True),
        ("ML engineer focused on ranking", "Machine Learning Engineer", True),
        ("Data scientist who ships models", "Senior Data Scientist", True),
        ("Data scientist who ships models", None, True),
        ("Data science lead with 6 years", "Data Scientist", True),
        ("Research engineer in speech", "Research Scientist", False),
        ("Backend engineer moving into ML", "Machine Learning Engineer", False),
        ("Software engineer with 5 years", None, False),
        ("Ingénieure en apprentissage automatique", None, True),
    ],
)
def test_names_role(text: str, role: str | None, named: bool) -> None:
    assert names_role(text, role) is named


def test_headline_under_the_name_can_carry_the_role(tmp_path: Path) -> None:
    no_summary = GOOD.split("## Summary")[0] + "## Experience" + GOOD.split("## Experience")[1]
    assert "summary.ml_role_first" not in rule_ids(check_text(tmp_path, no_summary))
    no_headline = no_summary.replace("Machine Learning Engineer · ", "")
    assert "summary.ml_role_first" in rule_ids(check_text(tmp_path, no_headline))


def test_no_projects_section_is_a_note_when_experience_shows_ml(tmp_path: Path) -> None:
    text = GOOD.replace(
        "## Projects\n\n- Fine-tuned a small transformer on 12k support tickets; 0.88 macro-F1 "
        "on a held-out month.\n\n",
        "",
    )
    (finding,) = [
        f for f in check_text(tmp_path, text).findings if f.rule_id == "projects.ml_visible"
    ]
    assert finding.severity == "info"


def test_projects_without_ml_are_flagged(tmp_path: Path) -> None:
    text = GOOD.replace(
        "Fine-tuned a small transformer on 12k support tickets; 0.88 macro-F1 on a held-out month.",
        "Wrote a recipe website in Django used by 40 friends.",
    )
    (finding,) = [
        f for f in check_text(tmp_path, text).findings if f.rule_id == "projects.ml_visible"
    ]
    assert finding.severity == "warning"


def test_non_ml_role_without_transferable_framing_is_flagged(tmp_path: Path) -> None:
    barista = (
        "### Barista, Blue Fern Café (2016 - 2018)\n\n"
        "- Made coffee drinks and cleaned the counter.\n- Opened the shop on weekends.\n\n"
    )
    text = GOOD.replace("## Projects", barista + "## Projects")
    (finding,) = [
        f for f in check_text(tmp_path, text).findings
        if f.rule_id == "experience.transferable_framing"
    ]  # fmt: skip
    assert finding.evidence[0].text == "Barista, Blue Fern Café (2016 - 2018)"
    reframed = barista.replace(
        "Opened the shop on weekends.", "Tracked daily stock and cut milk waste by 15%."
    )
    text = GOOD.replace("## Projects", reframed + "## Projects")
    assert "experience.transferable_framing" not in rule_ids(check_text(tmp_path, text))


def test_missing_email_is_an_error(tmp_path: Path) -> None:
    report = check_text(tmp_path, GOOD.replace("lina.osei@example.com · ", ""))
    (finding,) = [f for f in report.findings if f.rule_id == "contact.email"]
    assert finding.severity == "error"


def test_missing_standard_sections_are_flagged(tmp_path: Path) -> None:
    text = GOOD.replace("## Education\n\nMSc Data Science, University of Ghana, 2019 - 2021\n", "")
    (finding,) = [
        f for f in check_text(tmp_path, text).findings if f.rule_id == "sections.standard"
    ]
    assert finding.message == "No section under a standard heading for: education."


# --- layout and length on real files ---------------------------------------------------------


def test_two_column_pdf_gets_a_column_finding_and_one_column_does_not(files: Path) -> None:
    two = check_resume(parse_resume(files / "two_column.pdf"), today=TODAY)
    (finding,) = [f for f in two.findings if "column" in f.rule_id]
    assert finding.rule_id == "layout.columns"
    assert finding.evidence[0].page == 1 and "empty band" in finding.evidence[0].text
    assert two.columns == 2
    one = check_resume(parse_resume(files / "one_column.pdf"), today=TODAY)
    assert not any("column" in f.rule_id for f in one.findings)
    assert one.columns == 1


def test_photo_is_flagged(files: Path) -> None:
    report = check_resume(parse_resume(files / "photo.pdf"), today=TODAY)
    (finding,) = [f for f in report.findings if f.rule_id == "layout.photo"]
    assert finding.evidence[0].text.startswith("a 90x114 pt portrait-shaped image")


def test_tables_and_text_boxes_are_flagged(files: Path) -> None:
    report = check_resume(parse_resume(files / "table_header_textbox.docx"), today=TODAY)
    ids = rule_ids(report)
    assert {"layout.tables", "layout.text_boxes"} <= ids
    boxes = next(f for f in report.findings if f.rule_id == "layout.text_boxes")
    assert boxes.evidence[0].text == "Key results / Shipped 3 NLP models used by 2 million readers"


def test_two_pages_are_too_long_for_a_short_career(files: Path) -> None:
    doc = parse_resume(files / "two_page.pdf")
    report = check_resume(doc, career_years=3, today=TODAY)
    (finding,) = [f for f in report.findings if f.rule_id == "length.pages"]
    assert finding.severity == "warning"
    assert finding.message.startswith("The resume runs to 2 pages; one page is the norm")
    assert "Page 2 holds 4 lines" in finding.evidence[1].text
    assert report.pages == 2


@pytest.mark.parametrize(
    ("kwargs", "flagged"),
    [({"career_years": 12.0}, False), ({"phd": True}, False), ({"career_years": 9.0}, True)],
)
def test_two_pages_are_fine_for_long_careers_and_phds(
    files: Path, kwargs: dict[str, object], flagged: bool
) -> None:
    report = check_resume(parse_resume(files / "two_page.pdf"), today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert ("length.pages" in rule_ids(report)) is flagged


def test_career_length_is_read_from_experience_dates(files: Path) -> None:
    # two_page.pdf's experience runs from 2008 to the present: over ten years.
    report = check_resume(parse_resume(files / "two_page.pdf"), today=TODAY)
    assert "length.pages" not in rule_ids(report)


def test_phd_in_education_allows_two_pages(tmp_path: Path) -> None:
    long = GOOD + "\n".join(f"- Reviewed paper number {i} for the workshop" for i in range(80))
    assert "length.pages" in rule_ids(check_text(tmp_path, long, today=TODAY))
    phd = long.replace("MSc Data Science", "PhD Computer Science")
    assert "length.pages" not in rule_ids(check_text(tmp_path, phd, today=TODAY))


# --- the score --------------------------------------------------------------------------------


def test_score_is_100_minus_the_points_of_the_findings(files: Path) -> None:
    report = check_resume(parse_resume(files / "lebenslauf.docx"), today=TODAY)
    assert report.findings
    assert report.score == 100 - sum(f.points for f in report.findings)
    assert all(f.points == POINTS[f.severity] for f in report.findings)
    warnings = sum(f.severity == "warning" for f in report.findings)
    notes = sum(f.severity == "info" for f in report.findings)
    assert report.score_explanation == (
        f"100 - 6 x {warnings} warnings - 1 x {notes} notes = {report.score}"
    )


def test_score_is_floored_at_zero() -> None:
    from landml.resume.check import Finding

    findings = [
        Finding(rule_id=f"r{i}", severity="error", message="m", evidence=[], fix="f", points=15)
        for i in range(8)
    ]
    assert summarise(findings) == (0, "100 - 15 x 8 errors = 0 (floored at 0)")


def test_findings_are_ordered_by_severity(files: Path) -> None:
    report = check_resume(parse_resume(files / "photo.pdf"), today=TODAY)
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[f.severity] for f in report.findings] == sorted(
        order[f.severity] for f in report.findings
    )


def test_report_json_has_pages_and_every_finding_has_evidence_and_fix(files: Path) -> None:
    report = check_resume(parse_resume(files / "two_column.pdf"), today=TODAY)
    data = report.model_dump(mode="json")
    assert data["pages"] == 1
    for finding in data["findings"]:
        assert finding["rule_id"] and finding["evidence"] and finding["fix"]


def test_a_scanned_page_inside_a_text_pdf_is_an_error_and_is_not_read(tmp_path: Path) -> None:
    import io

    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import ImageReader

    from tests.resume.make_fixtures import (
        SCAN_LINES,
        Column,
        new_canvas,
        text_image_png,
        write_mira,
    )

    path = tmp_path / "mixed.pdf"
    canvas = new_canvas(path)
    write_mira(Column(canvas, x=54, width=504, top=750))
    canvas.showPage()
    scan = ImageReader(io.BytesIO(text_image_png(SCAN_LINES)))
    canvas.drawImage(scan, 0, 0, width=LETTER[0], height=LETTER[1])
    canvas.showPage()
    canvas.save()
    doc = parse_resume(path)
    assert doc.pages == 2
    assert [p.has_text_layer for p in doc.layout] == [True, False]
    assert all(line.page == 1 for line in doc.lines)  # nothing read from the picture
    assert "Rosa" not in doc.text
    assert doc.notes == ["Page 2 had no text layer (an image or shapes); its content was not read."]
    report = check_resume(doc, today=TODAY)
    (finding,) = [f for f in report.findings if f.rule_id == "layout.text_layer"]
    assert (finding.severity, finding.evidence[0].page) == ("error", 2)


def test_contact_line_behind_an_icon_glyph_is_not_an_achievement_bullet(tmp_path: Path) -> None:
    text = "Jo Park\n\uf0e0 jo@example.com\n\nEXPERIENCE\n• Cut churn 9% with a survival model\n"
    report = check_text(tmp_path, text, "cv.txt", today=TODAY)
    assert (report.bullets_total, report.bullets_with_number) == (1, 1)
