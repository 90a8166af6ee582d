"""What only a browser shows on the Postings pages: a script in an imported posting's HTML
does not run, searching from the list, the skills marked in the text, the import form,
and "Track this" landing on the new application."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from landml.accounts.models import LOCAL_OWNER_ID
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.postings import service
from landml.postings.sources import RawPosting

pytestmark = pytest.mark.e2e

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
HOSTILE_HTML = (
    "<h3>What you will do</h3>"
    "<p>Build <strong>retrieval</strong> and ranking models in <em>PyTorch</em>.</p>"
    "<script>window.__pwned = 1</script>"
    '<img src=x onerror="window.__pwned=2">'
    "<h3>Requirements</h3><ul><li>3+ years of Python</li><li>Experience with Spark</li></ul>"
    "<h3>Nice to have</h3><ul><li>Kubernetes</li></ul>"
    '<p><a href="javascript:window.__pwned=3">Apply</a> or '
    '<a href="https://jobs.example/quillmoth/42">apply on our site</a>.</p>'
)
HOSTILE_TEXT = (
    "What you will do\nBuild retrieval and ranking models in PyTorch.\n\n"
    "Requirements\n- 3+ years of Python\n- Experience with Spark\n\n"
    "Nice to have\n- Kubernetes\n\nApply or apply on our site."
)
OTHER = RawPosting(
    source="test",
    external_id="lumen",
    title="Senior Research Scientist",
    company="Lumen Labs",
    location="Zurich, Switzerland",
    description="Train diffusion models for protein design.\n\nRequirements\n- PyTorch\n- JAX",
    salary_min=150_000,
    salary_max=190_000,
    salary_currency="CHF",
    salary_period="year",
)


@pytest.fixture
def posting_ids(server: str, tmp_path: Path) -> dict[str, int]:
    """The hostile posting and one other, imported through the service into the test
    server's workspace."""
    hostile = RawPosting(
        source="greenhouse",
        external_id="42",
        title="Machine Learning Engineer, Retrieval",
        company="Quillmoth",
        location="Lisbon, Portugal",
        url="https://jobs.example/quillmoth/42",
        description=HOSTILE_TEXT,
        description_html=HOSTILE_HTML,
        salary_text="€70,000 - €90,000 a year",
    )
    workspace = Workspace.open(Settings(home=tmp_path / "e2e-workspace"))
    try:
        with workspace.session() as session:
            report = service.import_postings(session, LOCAL_OWNER_ID, [hostile, OTHER], now=NOW)
    finally:
        workspace.close()
    return dict(zip(["hostile", "other"], report.posting_ids, strict=True))


def _snap(page: Page, screenshots: Path | None, name: str) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_a_script_in_imported_html_does_not_run_in_the_formatted_view(
    browser: Browser, server: str, posting_ids: dict[str, int], screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(f"{server}/postings/{posting_ids['hostile']}")
    page.get_by_role("link", name="Formatted").click()
    page.wait_for_url(re.compile(r"view=formatted$"))
    formatted = page.locator("#formatted")
    expect(formatted.locator("strong")).to_have_text("retrieval")
    expect(formatted.locator("li")).to_have_count(3)
    expect(formatted.locator("script, img, iframe, style")).to_have_count(0)
    safe_link = formatted.get_by_role("link", name="apply on our site")
    expect(safe_link).to_have_attribute("href", "https://jobs.example/quillmoth/42")
    expect(safe_link).to_have_attribute("rel", "noopener noreferrer nofollow")
    assert formatted.get_by_text("Apply", exact=True).get_attribute("href") is None
    # Clicking the neutralised javascript: link must not run it either.
    formatted.get_by_text("Apply", exact=True).click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    _snap(page, screenshots, "posting-formatted")
    page.close()


def test_search_from_the_postings_page_then_track_a_posting(
    browser: Browser, server: str, posting_ids: dict[str, int], screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/postings")
    rows = page.locator("#postings-table tbody tr")
    expect(rows).to_have_count(2)
    _snap(page, screenshots, "postings-list")

    page.get_by_label("Search").fill("protein")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=protein"))
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("link")).to_have_text("Senior Research Scientist")
    expect(page.get_by_label("Search")).to_have_value("protein")

    page.get_by_label("Search").fill("retrieval")
    page.get_by_label("Search").press("Enter")
    page.wait_for_url(re.compile(r"q=retrieval"))
    expect(rows).to_have_count(1)
    rows.first.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/postings/{posting_ids['hostile']}$"))

    required = page.locator("#marked-text mark[data-requirement='required']")
    expect(required.filter(has_text="Python")).to_have_count(1)
    expect(page.locator("#marked-text mark[data-skill='ml:kubernetes']")).to_have_attribute(
        "data-requirement", "preferred"
    )
    colours = page.locator("#marked-text mark").evaluate_all(
        "marks => Object.fromEntries(marks.map("
        "m => [m.dataset.requirement, getComputedStyle(m).borderBottomColor]))"
    )
    assert len(set(colours.values())) == len(colours) >= 2, colours
    _snap(page, screenshots, "posting-skills")

    page.get_by_role("button", name="Track this").click()
    page.wait_for_url(re.compile(r"/applications/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Machine Learning Engineer, Retrieval"
    )
    app_id = int(page.url.rsplit("/", 1)[1])
    page.goto(f"{server}/postings/{posting_ids['hostile']}")
    expect(page.locator(f"#applications a[href='/applications/{app_id}']")).to_be_visible()
    expect(page.get_by_role("button", name="Track this again")).to_be_visible()
    page.close()


def test_pasting_a_posting_into_the_import_form_shows_the_report(
    browser: Browser, server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/postings")
    page.get_by_label("Paste a posting").fill(
        "Data Scientist at Brightline\n\nRequirements\n- SQL and Python\n- A/B testing"
    )
    page.get_by_role("button", name="Import text").click()
    expect(page.locator("#import-report")).to_contain_text("1 new")
    expect(page.locator("#postings-table tbody tr.just-imported")).to_contain_text("Brightline")

    page.get_by_label("Or a web address or job board").fill("http://192.168.1.1/jobs")
    page.get_by_role("button", name="Fetch and import").click()
    expect(page.locator("#import-error")).to_contain_text("non-public address")
    expect(page.locator("#postings-table tbody tr")).to_have_count(1)
    _snap(page, screenshots, "postings-import-refused")
    page.close()
