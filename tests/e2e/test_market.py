"""What only a browser shows on the Market page: the charts laid out as SVG, the filter
form submitted by a click, and the profiles' sources in small print."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.postings.service import import_postings
from tests.market.sample import sample_postings

pytestmark = pytest.mark.e2e


@pytest.fixture
def market_server(server: str, tmp_path: Path) -> str:
    """The test server over a workspace holding the sample postings."""
    workspace = Workspace.open(Settings(home=tmp_path / "e2e-workspace"))
    try:
        with workspace.session() as session:
            import_postings(session, 1, sample_postings())
    finally:
        workspace.close()
    return server


def _snap(page: Page, screenshots: Path | None, name: str) -> None:
    if screenshots is not None:
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def _chart_widths(page: Page) -> dict[str, float]:
    widths: dict[str, float] = page.locator("figure.chart").evaluate_all(
        """figures => Object.fromEntries(figures.map(f => {
            const svg = f.querySelector('svg');
            return [f.dataset.chart, svg ? svg.getBoundingClientRect().width : 0];
        }))"""
    )
    return widths


def test_market_page_draws_charts_and_filters_by_company_kind(
    browser: Browser, market_server: str, screenshots: Path | None
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{market_server}/market")
    expect(page.get_by_role("heading", name="Top skills", exact=True)).to_be_visible()
    expect(page.locator("#tile-postings .tile-figure")).to_have_text("6")
    widths = _chart_widths(page)
    assert set(widths) == {"top-skills", "salaries-GBP", "salaries-USD"}
    assert all(w > 400 for w in widths.values()), widths
    expect(page.locator("#chart-top-skills svg text", has_text="PyTorch")).to_have_count(1)
    expect(page.locator("article.profile")).to_have_count(6)
    _snap(page, screenshots, "market-all")

    page.get_by_label("Company kind").select_option("startup")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/market?*kind=startup*")
    expect(page.locator("#tile-postings .tile-figure")).to_have_text("2")
    expect(page.locator("article.profile")).to_have_count(1)
    expect(page.locator("article.profile h3")).to_have_text("Startup")
    assert set(_chart_widths(page)) == {"top-skills", "salaries-USD"}
    expect(page.get_by_label("Company kind")).to_have_value("startup")
    # The sources stay readable in small print under each statement.
    levine = page.locator("li.claim[data-source='levine-correlation-2014'] .source")
    expect(levine).to_contain_text("Correlation Ventures")
    assert 8 <= float(levine.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) < 14
    expect(page.locator("link[rel=alternate]")).to_have_attribute(
        "href", "/api/v1/market?kind=startup&top=20"
    )
    _snap(page, screenshots, "market-startup")
    page.close()
