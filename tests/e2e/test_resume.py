"""What only a browser shows on the Resume pages: a PDF uploaded through the form, the
findings beside the text with a finding's line lit, and the match view of a posting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.postings import sources
from landml.postings.service import import_postings, track_posting

pytestmark = pytest.mark.e2e

NOW = "2026-03-10T09:00:00+00:00"
POSTING = """Senior Machine Learning Engineer at Globex

Requirements
- 5+ years of experience shipping models to production
- Python and PyTorch
- Kubernetes and Apache Spark
- BS in Computer Science

Nice to have
- A/B testing
You will build recommendation and ranking systems for 30M shoppers.
"""
# (font size, bold, text); every person and employer here is invented.
RESUME_LINES = [
    (16, True, "Rafa Okonkwo"),
    (10, False, "Machine Learning Engineer | rafa.okonkwo@example.com | github.com/rafa-ok"),
    (12, True, "EXPERIENCE"),
    (10, True, "Senior ML Engineer, Quillmart (Feb 2020 - Present)"),
    (10, False, "- Raised click-through 9% with a two-tower recommender in PyTorch on 80M events."),
    (10, False, "- Worked on the feature store."),
    (10, True, "Data Analyst, Tessel Bank (2017 - 2020)"),
    (10, False, "- Cut fraud review time 30% with a gradient boosting model in XGBoost."),
    (12, True, "PROJECTS"),
    (10, False, "- Recipe search: learning to rank over 200k recipes with LightGBM, NDCG 0.71."),
    (12, True, "EDUCATION"),
    (10, False, "BSc Computer Science, University of Lagos, 2013 - 2017"),
    (12, True, "SKILLS"),
    (10, False, "Python, SQL, PyTorch, XGBoost, Docker"),
]


def write_resume_pdf(path: Path) -> Path:
    """A one-page text PDF drawn with reportlab."""
    canvas = Canvas(str(path), pagesize=LETTER, invariant=True)
    y = 740.0
    for size, bold, text in RESUME_LINES:
        if bold and size == 12:
            y -= 8
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        canvas.drawString(60, y, text)
        y -= size * 1.6
    canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def posting_server(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test server over a workspace holding one posting, tracked as an application."""
    monkeypatch.setenv("LANDML_NOW", NOW)
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")
    workspace = Workspace.open(Settings(home=tmp_path / "e2e-workspace"))
    try:
        with workspace.session() as session:
            report = import_postings(session, 1, [sources.from_text(POSTING)])
            track_posting(session, 1, report.posting_ids[0])
    finally:
        workspace.close()
    return server


def _snap(page: Page, screenshots: Path | None, name: str) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_upload_check_and_match_in_the_browser(
    browser: Browser, posting_server: str, tmp_path: Path, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{posting_server}/resume")
    expect(page.locator(".empty-state")).to_contain_text("No resume stored yet")
    page.set_input_files("#f-file", str(write_resume_pdf(tmp_path / "rafa.pdf")))
    page.fill("#f-label", "ML engineer")
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url(f"{posting_server}/resume/1")

    # The text landml read and the findings sit side by side.
    text = page.locator("section.resume-text")
    findings = page.locator("section.findings")
    expect(text.locator("li", has_text="Worked on the feature store.")).to_have_count(1)
    expect(findings.locator("li.finding").first).to_be_visible()
    text_box, findings_box = text.bounding_box(), findings.bounding_box()
    assert text_box is not None and findings_box is not None
    assert findings_box["x"] >= text_box["x"] + text_box["width"] - 1
    assert abs(findings_box["y"] - text_box["y"]) < 5
    _snap(page, screenshots, "resume_check")

    # The vague bullet's finding lights its line on hover and jumps to it on click.
    vague = findings.locator("li.finding[data-rule='bullets.vague_openers']")
    line = text.locator("li", has_text="Worked on the feature store.")
    expect(line).to_have_class(re.compile(r"\bflagged\b"))
    expect(line).not_to_have_class(re.compile(r"\blit\b"))
    vague.hover()
    expect(line).to_have_class(re.compile(r"\blit\b"))
    vague.locator("a.line-link").first.click()
    expect(line).to_be_in_viewport()
    assert line.evaluate("el => el.matches(':target')")
    if screenshots is not None:
        page.locator(".resume-layout").screenshot(path=str(screenshots / "resume_finding.png"))

    # From the resume to the match view of the posting.
    page.locator("#match-postings a", has_text="Senior Machine Learning Engineer").click()
    page.wait_for_url(f"{posting_server}/match/1?resume=v1")
    score = float(page.locator("#match-score").inner_text())
    points = page.locator("#match-items td[data-points]").evaluate_all(
        "cells => cells.map(c => Number(c.dataset.points))"
    )
    assert round(sum(points), 1) == score
    spark = page.locator("#match-items tr[data-skill='ml:apache-spark']")
    expect(spark).to_contain_text("✗ missing")
    expect(page.locator("#gaps li[data-skill='ml:apache-spark']")).to_have_count(1)
    expect(page.locator("#suggestions li[data-skill='ml:apache-spark']")).to_have_count(0)
    _snap(page, screenshots, "match")

    # An evidence link opens the resume page at the quoted line.
    page.locator("#match-items tr[data-skill='ml:pytorch'] a.line-link").first.click()
    page.wait_for_url(f"{posting_server}/resume/1#line-*")
    expect(page.locator("li:target")).to_contain_text("PyTorch")

    page.goto(f"{posting_server}/gaps")
    expect(page.locator("#gaps-table tbody tr").first).to_contain_text("Apache Spark")
    _snap(page, screenshots, "gaps")
    page.goto(f"{posting_server}/portfolio")
    page.fill("#f-ideas", "Recommend recipes with Apache Spark on Kubernetes")
    page.get_by_role("button", name="Score my ideas").click()
    expect(page.locator("#ideas-table tbody tr")).to_have_count(2)
    expect(page.locator("#plan h2")).to_contain_text("Apache Spark")
    _snap(page, screenshots, "portfolio")
    page.goto(f"{posting_server}/ranked")
    expect(page.locator("#ranked-table tbody tr")).to_have_count(1)
    _snap(page, screenshots, "ranked")
    page.close()
